import { z } from 'zod';
import { REGIME_IDS } from '../../../domain/deadlines.js';
import { LETTER_KINDS, LETTER_LANGS, PARAGRAPH_ROLES } from '../../../domain/letters/model.js';

export const findingSchema = z.object({
  rule: z.string().meta({ description: 'Rule ID from rules.md, e.g. LET-01, AWB-51' }),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  paragraph: z
    .number()
    .int()
    .nullable()
    .meta({ description: '1-based paragraph number; null for the whole letter' }),
  suggestion: z.string(),
});

export const lintRequestSchema = z.strictObject({
  regime: z.enum(REGIME_IDS as [string, ...string[]]),
  kind: z.enum(LETTER_KINDS),
  text: z.string().min(1).max(100_000),
  caseId: z.uuid().optional().meta({ description: 'Lint against this case too (case-aware rules)' }),
  recipient: z.enum(['complainant', 'respondent']).optional(),
});

export const lintResponseSchema = z.object({ findings: z.array(findingSchema) });

export const paragraphSchema = z.strictObject({
  role: z.enum(PARAGRAPH_ROLES as [string, ...string[]]),
  heading: z.string().max(200).optional(),
  text: z.string().max(20_000),
  item: z
    .strictObject({
      index: z.number().int().min(1),
      judgement: z.enum(['upheld', 'partly_upheld', 'not_upheld']),
      severity: z.enum(['light', 'medium', 'heavy']),
    })
    .optional(),
});

export const letterLangSchema = z.enum(LETTER_LANGS as [string, ...string[]]);

const nullable = z.string().nullable();

export const letterSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(LETTER_KINDS),
  lang: z.string(),
  regime: z.string(),
  status: z.enum(['draft', 'rendered', 'sent']),
  version: z.number().int(),
  subject: z.string(),
  letterDate: z.string(),
  recipient: z.object({
    role: z.string(),
    respondentId: nullable,
    name: nullable,
    email: nullable,
    address: nullable,
  }),
  // The stored paragraphs as the composer or the editor wrote them (no input limits on output).
  paragraphs: z.array(
    z.object({
      role: z.string(),
      heading: z.string().optional(),
      text: z.string(),
      item: z.object({ index: z.number(), judgement: z.string(), severity: z.string() }).optional(),
    }),
  ),
  findings: z.array(findingSchema),
  errors: z.number().int(),
  warnings: z.number().int(),
  allowedActions: z.array(z.enum(['edit', 'render', 'send'])),
  pdf: z.object({ sha256: nullable, url: z.string() }).nullable(),
  taskId: nullable,
  delivery: z
    .object({
      channel: z.enum(['email', 'post']),
      status: nullable,
      attempts: z.number().int(),
      lastError: nullable,
      messageId: nullable,
      deliveredAt: nullable,
    })
    .nullable(),
  createdAt: z.string(),
  renderedAt: nullable,
  sentAt: nullable,
});

export const letterTaskSchema = z.object({
  taskId: z.uuid(),
  taskKind: z.string(),
  letterKind: z.enum(LETTER_KINDS).nullable(),
  recipientRole: nullable,
  respondentId: nullable,
  rule: nullable,
  dueDate: nullable,
  status: z.string(),
});

export const caseLettersSchema = z.object({ items: z.array(letterSchema), tasks: z.array(letterTaskSchema) });

const localDate = z.iso.date();

export const composeRequestSchema = z.strictObject({
  kind: z.enum(LETTER_KINDS),
  lang: letterLangSchema.optional(),
  recipientRole: z.enum(['complainant', 'respondent']).optional(),
  respondentId: z.uuid().optional(),
  /** Fulfil this letter task (its recipient is used). */
  taskId: z.uuid().optional(),
  data: z
    .strictObject({
      hearingDate: localDate.optional(),
      time: z.string().max(50).optional(),
      place: z.string().min(1).max(500).optional(),
      respondBy: localDate.optional(),
      remedyId: z.uuid().optional(),
      newDueDate: localDate.optional(),
      delayReason: z.string().max(2000).optional(),
    })
    .optional(),
});

export const updateRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  subject: z.string().min(1).max(300).optional(),
  paragraphs: z.array(paragraphSchema).min(1).max(200),
});
