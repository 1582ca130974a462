import { z } from 'zod';
import { CASE_STATUSES } from '../../../domain/lifecycle.js';
import { isValidLocalDate } from '../../../domain/dates.js';
import { bilingual, NOT_SINGLE_LINE, singleLineMessage } from '../../http/validation.js';

export const CHANNELS = ['web', 'email', 'phone', 'letter', 'counter'] as const;

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Vul een datum in als JJJJ-MM-DD.', 'Enter a date as YYYY-MM-DD.'))
  .refine(isValidLocalDate, bilingual('Deze datum bestaat niet.', 'This date does not exist.'));

// Control characters (a NUL byte above all: PostgreSQL refuses it in text) are a field error.
const CONTROL_CHARS = /(?![\t\n\r])\p{Cc}/u;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (v) => !CONTROL_CHARS.test(v),
      bilingual('Bevat ongeldige (stuur)tekens.', 'Contains invalid (control) characters.'),
    );

/** One line: no CR/LF, tab or other control character (mail-header and letter injection, PRIV-09). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !NOT_SINGLE_LINE.test(v), singleLineMessage);

export const complainantSchema = z.strictObject({
  name: line(200),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9 ()-]{6,20}$/,
      bilingual('Vul een geldig telefoonnummer in.', 'Enter a valid phone number.'),
    )
    .optional(),
  address: text(500).optional(),
});

const notFuture = (today: () => string) =>
  localDate.refine(
    (d) => d <= today(),
    bilingual('De datum van het voorval ligt in de toekomst.', 'The date of the incident is in the future.'),
  );

const intakeFields = (today: () => string) => ({
  complainant: complainantSchema,
  description: text(20_000),
  desiredOutcome: text(5_000).optional(),
  incidentDate: notFuture(today).optional(),
  language: z.enum(['nl', 'en']).default('nl'),
  categoryId: z.uuid().optional(),
});

function contactRequired(
  value: {
    complainant: { email?: string | undefined; phone?: string | undefined; address?: string | undefined };
  },
  ctx: z.RefinementCtx,
) {
  const c = value.complainant;
  if (!c.email && !c.phone && !c.address) {
    ctx.addIssue({
      code: 'custom',
      path: ['complainant', 'email'],
      ...bilingual(
        'Vul een e-mailadres, telefoonnummer of adres in, zodat wij u kunnen antwoorden.',
        'Enter an e-mail address, phone number or address so that we can answer you.',
      ),
    });
  }
}

export function publicIntakeSchema(today: () => string) {
  return z.strictObject(intakeFields(today)).superRefine(contactRequired);
}

/**
 * Staff register complaints received earlier (letter, phone), but not from before 2000: such a date
 * is a typing error (0001-01-01 gave reference KL-1-000001), and no deadline engine year starts there.
 */
const EARLIEST_RECEIPT = Date.UTC(2000, 0, 1);

export function staffIntakeSchema(today: () => string) {
  return z
    .strictObject({
      ...intakeFields(today),
      channel: z.enum(CHANNELS),
      receivedAt: z.iso
        .datetime({ offset: true })
        .refine(
          (v) => Date.parse(v) >= EARLIEST_RECEIPT,
          bilingual(
            'Het moment van ontvangst ligt vóór 2000. Controleer de datum.',
            'The moment of receipt is before 2000. Check the date.',
          ),
        )
        .refine(
          (v) => Date.parse(v) <= Date.now() + 60_000,
          bilingual(
            'Het moment van ontvangst ligt in de toekomst.',
            'The moment of receipt is in the future.',
          ),
        ),
      submittedAt: z.iso
        .datetime({ offset: true })
        .refine(
          (v) => Date.parse(v) >= EARLIEST_RECEIPT,
          bilingual(
            'Het moment van indienen ligt vóór 2000. Controleer de datum.',
            'The moment of submission is before 2000. Check the date.',
          ),
        )
        .optional(),
    })
    .superRefine(contactRequired)
    .superRefine((value, ctx) => {
      if (value.submittedAt && Date.parse(value.submittedAt) > Date.parse(value.receivedAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['submittedAt'],
          ...bilingual('Indienen kan niet na ontvangst liggen.', 'Submission cannot be after receipt.'),
        });
      }
    });
}

export type PublicIntake = z.output<ReturnType<typeof publicIntakeSchema>>;
export type StaffIntake = z.output<ReturnType<typeof staffIntakeSchema>>;

export const intakeResponseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  receivedAt: z.string(),
  regime: z.string(),
  deadlines: z.object({ acknowledgement: z.string(), decision: z.string() }),
  /** The secret status link: in the first answer only, never in a replay (never stored readable). */
  statusUrl: z.string().optional(),
});
export type IntakeResponse = z.infer<typeof intakeResponseSchema>;

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  category: z.uuid().optional(),
  department: z.uuid().optional(),
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  overdue: boolQuery.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  /** Open cases whose decision is due on or before this date (the back office's "due this week"). */
  dueBefore: localDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  lang: z.enum(['nl', 'en']).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const deadlineSchema = z.object({
  term: z.string(),
  start: z.string(),
  extensionWeeks: z.number(),
  raw: z.string(),
  due: z.string(),
  informativeAtw: z.string().optional(),
  rulesApplied: z.array(z.string()),
});

export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  regime: z.string(),
  channel: z.enum(CHANNELS),
  receivedAt: z.string(),
  receiptDate: z.string(),
  complainantName: z.string().nullable(),
  summary: z.string(),
  categoryId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  decisionDue: z.string(),
  overdue: z.boolean(),
});

export const caseListSchema = z.object({
  items: z.array(caseSummarySchema),
  nextCursor: z.string().nullable(),
});

export const caseEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  actorId: z.uuid().nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const nullableString = z.string().nullable();
const json = z.record(z.string(), z.unknown());

export const caseDetailSchema = caseSummarySchema.extend({
  submittedAt: z.string(),
  complainant: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  }),
  description: z.string(),
  desiredOutcome: z.string().nullable(),
  letterFields: z.object({
    salutation: nullableString,
    requestAnswer: nullableString,
    core: z
      .object({
        sentence: nullableString.meta({
          description: 'The sentence the letter prints; null when the text reads as a staff note',
        }),
        warnings: z
          .array(z.string())
          .meta({ description: 'Phrases that read as a note: "klager", "mevrouw Y", third person' }),
      })
      .nullable(),
  }),
  incidentDate: z.string().nullable(),
  language: z.string(),
  // NO-02, AWB-03, NO-16 (restricted), ISO-04.
  intake: z.object({
    coreComplaint: nullableString,
    behaviourTowards: z.enum(['complainant', 'other']),
    formalChecks: json.nullable(),
    formalProcedureApplies: z.boolean().nullable(),
    translationNeeded: z.boolean().nullable(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    assessment: json.nullable(),
    restricted: z.boolean(),
    vulnerability: nullableString,
    preferredChannel: nullableString,
    acknowledgedAt: nullableString,
    firstContactAt: nullableString,
    firstContactChannel: nullableString,
  }),
  deadlines: z.object({
    acknowledgement: deadlineSchema,
    decision: deadlineSchema,
    originalDecision: deadlineSchema.nullable(),
    agreed: z
      .object({
        due: z.string(),
        raw: z.string(),
        termType: z.literal('AGREED'),
        rulesApplied: z.array(z.string()),
      })
      .nullable(),
    firstContact: z.string(),
    declineNotice: nullableString,
  }),
  extension: json.nullable(),
  agreedDelay: json.nullable(),
  items: z.array(
    z.object({
      id: z.uuid(),
      position: z.number(),
      summary: z.string(),
      letterTitle: nullableString,
      severity: z.enum(['light', 'medium', 'heavy']),
      judgement: z.enum(['upheld', 'partly_upheld', 'not_upheld']).nullable(),
      judgementLabel: nullableString,
      findings: nullableString,
      reasons: nullableString,
      judgedAt: nullableString,
    }),
  ),
  respondents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      userId: z.uuid().nullable(),
      departmentId: z.uuid().nullable(),
      name: z.string(),
      email: nullableString,
      copySentAt: nullableString,
      copyNotApplicableReason: nullableString,
    }),
  ),
  representatives: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      email: nullableString,
      phone: nullableString,
      address: nullableString,
      relation: z.string(),
      authorisationRequired: z.boolean(),
      authorisationReceivedAt: nullableString,
      mayReceiveCaseContent: z.boolean(),
    }),
  ),
  hearings: z.array(
    z.object({
      id: z.uuid(),
      party: z.enum(['complainant', 'respondent']),
      respondentId: z.uuid().nullable(),
      invitedAt: nullableString,
      responseDeadline: nullableString,
      heldAt: nullableString,
      conductedBy: nullableString,
      report: nullableString,
      waiverGround: nullableString,
      waiverDecidedBy: nullableString,
    }),
  ),
  // The data the decision letter is composed from (AWB-50/51/54, NO-04..06, WKKGZ-05).
  decision: z.object({
    outcome: nullableString,
    overallJudgement: z.enum(['upheld', 'partly_upheld', 'not_upheld']).nullable(),
    findings: nullableString,
    conclusions: nullableString,
    decidedAt: nullableString,
    deviationReason: nullableString,
    advice: json.nullable(),
    rootCause: nullableString,
    lessons: nullableString,
    improvementAction: nullableString,
    complainantReaction: nullableString,
    remedies: z.array(
      z.object({
        id: z.uuid(),
        itemId: z.uuid().nullable(),
        kind: z.enum(['apology', 'compensation', 'correction', 'measure']),
        description: z.string(),
        amount: z.number().nullable(),
        realisationDate: nullableString,
        performer: z.enum(['organisation', 'complainant']),
        completedAt: nullableString,
      }),
    ),
    decline: json.nullable(),
    forwarding: json.nullable(),
    informalResolution: json.nullable(),
    withdrawal: json.nullable(),
  }),
  escalations: z.array(
    z.object({
      id: z.uuid(),
      bodyKind: z.string(),
      bodyName: z.string(),
      submittedOn: z.string(),
      reference: nullableString,
      outcome: nullableString,
      outcomeOn: nullableString,
      outcomeNotes: nullableString,
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      label: z.string(),
      rule: nullableString,
      recipient: nullableString,
      respondentId: z.uuid().nullable(),
      remedyId: z.uuid().nullable(),
      status: z.enum(['open', 'done', 'cancelled', 'not_applicable']),
      dueDate: nullableString,
      data: json,
      createdAt: z.string(),
      completedAt: nullableString,
    }),
  ),
  closedAt: nullableString,
  reopenCount: z.number(),
  history: z.array(caseEventSchema),
  allowedActions: z.array(
    z.object({
      action: z.string(),
      label: z.string(),
      /** False when the step's preconditions are not met yet; `blockers` says why. */
      ready: z.boolean(),
      blockers: z.array(z.object({ code: z.string(), rule: z.string(), message: z.string() })),
    }),
  ),
  version: z.number(),
});
