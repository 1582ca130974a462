import { z } from 'zod';
import { REGIME_IDS } from '../../../domain/deadlines.js';
import { LETTER_KINDS, LETTER_LANGS, PARAGRAPH_ROLES } from '../../../domain/letters/model.js';

export const findingSchema = z.object({
  rule: z.string().meta({ description: 'Rule ID from rules.md, e.g. LET-01, AWB-51' }),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  paragraph: z.number().int().nullable().meta({ description: '1-based paragraph number; null for the whole letter' }),
  suggestion: z.string(),
});

export const lintRequestSchema = z.strictObject({
  regime: z.enum(REGIME_IDS as [string, ...string[]]),
  kind: z.enum(LETTER_KINDS),
  text: z.string().min(1).max(100_000),
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
