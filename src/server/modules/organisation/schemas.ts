import { z } from 'zod';
import { REGIME_IDS } from '../../../domain/deadlines.js';
import { isValidLocalDate } from '../../../domain/dates.js';
import { bilingual, NOT_SINGLE_LINE, singleLineMessage } from '../../http/validation.js';
import { ROLES } from '../users/service.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Names and other one-line values: no CR/LF or control characters (mail-header and letter injection, PRIV-09). */
const line = (max: number) => text(max).refine((v) => !NOT_SINGLE_LINE.test(v), singleLineMessage);
const localDate = z
  .string()
  .refine(
    isValidLocalDate,
    bilingual('Vul een geldige datum in als JJJJ-MM-DD.', 'Enter a valid date as YYYY-MM-DD.'),
  );

export const externalBodySchema = z.strictObject({
  name: line(200),
  address: text(500).optional(),
  url: z.url().max(500).optional(),
  terms: text(1000).optional(),
});

export const workflowSettingsSchema = z.strictObject({
  contactWorkingDays: z.number().int().min(1).max(20).optional(),
  // NO-02 [C]: handling, declining and deciding wait for first contact or two failed attempts.
  firstContactRequired: z.boolean().optional(),
  reminderWorkingDays: z.array(z.number().int().min(1).max(20)).max(5).optional(),
  extensionAfterExpiry: z.enum(['reject', 'allow_overdue']).optional(),
  wkkgzConsentBeyondWeeks: z.number().int().min(6).max(52).optional(),
  progressUpdateWeeks: z.number().int().min(0).max(12).optional(),
  requireRepresentativeAuthorisation: z.boolean().optional(),
  apologyRequiredWhenUpheld: z.boolean().optional(),
  lessonRequiredWhenUpheld: z.boolean().optional(),
  rootCauseRequiredAtClose: z.boolean().optional(),
  disputesBodyAlertMonths: z.number().int().min(1).max(24).optional(),
  measureReminderWorkingDays: z.number().int().min(0).max(20).optional(),
  hearingsRequiredOutsideAwb: z.boolean().optional(),
});

const hexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, bilingual('Gebruik een kleur als #1f4e79.', 'Use a colour like #1f4e79.'));

/** The letterhead on letters and PDFs; the logo as a data: URL so rendering never fetches anything. */
export const letterheadSchema = z.strictObject({
  address: text(500).optional(),
  phone: line(50).optional(),
  website: z.url().max(500).optional(),
  logo: z
    .string()
    .max(500_000)
    .regex(
      /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/,
      bilingual('Het logo moet een PNG- of JPEG-data-URL zijn.', 'The logo must be a PNG or JPEG data URL.'),
    )
    .optional(),
});

/** [C] letter rules as configurable defaults: a rule's severity, or 'off'; LET-08 targets. */
export const letterSettingsSchema = z.strictObject({
  lint: z
    .strictObject({
      // By rule ID ("LET-06") or by one rule's key ("LET-06/vague-promise"); only [C] rules are configurable.
      severity: z
        .record(z.string().regex(/^[A-Z]+-\d+(?:\/[a-z0-9-]+)?$/), z.enum(['error', 'warning', 'off']))
        .optional(),
      maxAverageSentenceWords: z.number().int().min(8).max(40).optional(),
      maxSentenceWords: z.number().int().min(10).max(60).optional(),
    })
    .optional(),
});

/** Public pages: logo and colours (applied only with enough contrast, see public/branding.ts). */
export const brandingSchema = z.strictObject({
  logoUrl: z
    .string()
    .max(2000)
    .refine(
      (u) => /^https:\/\/[^\s"'<>]+$/.test(u) || /^\/[^/\s"'<>][^\s"'<>]*$/.test(u),
      bilingual('Gebruik een https-adres of een pad.', 'Use an https address or a path.'),
    )
    .optional(),
  primaryColor: hexColour.optional(),
  linkColor: hexColour.optional(),
});

export const settingsSchema = z.strictObject({
  letterhead: letterheadSchema.optional(),
  letters: letterSettingsSchema.optional(),
  branding: brandingSchema.optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9 ()-]{3,20}$/,
      bilingual('Vul een geldig telefoonnummer in.', 'Enter a valid phone number.'),
    )
    .optional(),
  privacyUrl: z.url().max(500).optional(),
  complaintRegulationUrl: z.url().max(500).optional(),
  // WKKGZ-03: the klachtenfunctionaris named in Wkkgz letters (free help for the complainant).
  complaintsOfficer: z
    .strictObject({
      name: line(200).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{3,20}$/)
        .optional(),
      email: z.email().optional(),
    })
    .optional(),
  externalBody: externalBodySchema.optional(),
  contactWorkingDays: z.number().int().min(1).max(20).optional(),
  // NO-02 [C]: handling, declining and deciding wait for first contact or two failed attempts.
  firstContactRequired: z.boolean().optional(),
  extraHolidays: z.array(localDate).max(50).optional(),
  workflow: workflowSettingsSchema.optional(),
  // PRIV-09 / WKKGZ-12: roles that read confidential (need-to-know) cases besides the assignee;
  // default: the complaints officer only (cases/read-policy.ts).
  confidentialReaders: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  serviceNorms: z
    .array(
      z.strictObject({
        name: line(100),
        description: text(500),
        workingDays: z.number().int().min(1).max(100).optional(),
        weeks: z.number().int().min(1).max(52).optional(),
      }),
    )
    .max(50)
    .optional(),
});

export const organisationSchema = z
  .strictObject({
    name: line(200),
    regime: z.enum(REGIME_IDS as ['awb', 'awb-advisory', 'wkkgz', 'company']),
    settings: settingsSchema,
  })
  .superRefine((o, ctx) => {
    // WKKGZ-01: a Wkkgz provider has a written complaints regulation; WKKGZ-08: a disputes body with a URL.
    if (o.regime === 'wkkgz') {
      if (!o.settings.complaintRegulationUrl) {
        ctx.addIssue({
          code: 'custom',
          path: ['settings', 'complaintRegulationUrl'],
          ...bilingual(
            'Verplicht onder de Wkkgz (klachtenregeling).',
            'Required under the Wkkgz (complaints regulation).',
          ),
        });
      }
      if (!o.settings.externalBody?.url) {
        ctx.addIssue({
          code: 'custom',
          path: ['settings', 'externalBody', 'url'],
          ...bilingual(
            'Verplicht onder de Wkkgz: de geschilleninstantie met website.',
            'Required under the Wkkgz: the disputes body with its website.',
          ),
        });
      }
    }
    // AWB-51: the final letter names the ombudsman with an address.
    if (
      (o.regime === 'awb' || o.regime === 'awb-advisory') &&
      o.settings.externalBody &&
      !o.settings.externalBody.address
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['settings', 'externalBody', 'address'],
        ...bilingual('Vul het adres van de ombudsman in.', "Enter the ombudsman's address."),
      });
    }
  });
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const departmentSchema = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });
export const newDepartmentSchema = z.strictObject({ name: line(200) });
export const departmentPatchSchema = z.strictObject({
  name: line(200).optional(),
  active: z.boolean().optional(),
});

export const categorySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  departmentId: z.uuid().nullable(),
  active: z.boolean(),
});
export const newCategorySchema = z.strictObject({
  name: line(200),
  departmentId: z.uuid().nullable().optional(),
});
export const categoryPatchSchema = z.strictObject({
  name: line(200).optional(),
  departmentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  phone: z
    .string()
    .trim()
    .regex(
      /^(?:\+?[0-9 ()-]{3,20})?$/,
      bilingual('Vul een geldig telefoonnummer in.', 'Enter a valid phone number.'),
    )
    .nullable()
    .optional(),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentId: z.uuid().nullable(),
  active: z.boolean(),
  /** The direct phone number printed in this handler's letters (LET-07). */
  phone: z.string().nullable().optional(),
});
export const newUserSchema = z.strictObject({
  email: z.email().max(254),
  name: line(200).optional(),
  role: z.enum(ROLES),
  departmentId: z.uuid().nullable().optional(),
});
export const userPatchSchema = z.strictObject({
  name: line(200).optional(),
  role: z.enum(ROLES).optional(),
  departmentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  phone: z
    .string()
    .trim()
    .regex(
      /^(?:\+?[0-9 ()-]{3,20})?$/,
      bilingual('Vul een geldig telefoonnummer in.', 'Enter a valid phone number.'),
    )
    .nullable()
    .optional(),
});
export const userListQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  department: z.uuid().optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  lang: z.enum(['nl', 'en']).optional(),
});
