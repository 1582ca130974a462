import { z } from 'zod';
import { REGIME_IDS } from '../../../domain/deadlines.js';
import { isValidLocalDate } from '../../../domain/dates.js';
import { bilingual } from '../../http/validation.js';
import { ROLES } from '../users/service.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.string().refine(isValidLocalDate, bilingual('Vul een geldige datum in als JJJJ-MM-DD.', 'Enter a valid date as YYYY-MM-DD.'));

export const externalBodySchema = z.strictObject({
  name: text(200),
  address: text(500).optional(),
  url: z.url().max(500).optional(),
  terms: text(1000).optional(),
});

export const workflowSettingsSchema = z.strictObject({
  contactWorkingDays: z.number().int().min(1).max(20).optional(),
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

export const settingsSchema = z.strictObject({
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,20}$/, bilingual('Vul een geldig telefoonnummer in.', 'Enter a valid phone number.'))
    .optional(),
  privacyUrl: z.url().max(500).optional(),
  complaintRegulationUrl: z.url().max(500).optional(),
  externalBody: externalBodySchema.optional(),
  contactWorkingDays: z.number().int().min(1).max(20).optional(),
  extraHolidays: z.array(localDate).max(50).optional(),
  workflow: workflowSettingsSchema.optional(),
  serviceNorms: z
    .array(z.strictObject({ name: text(100), description: text(500), workingDays: z.number().int().min(1).max(100).optional(), weeks: z.number().int().min(1).max(52).optional() }))
    .max(50)
    .optional(),
});

export const organisationSchema = z
  .strictObject({ name: text(200), regime: z.enum(REGIME_IDS as ['awb', 'awb-advisory', 'wkkgz', 'company']), settings: settingsSchema })
  .superRefine((o, ctx) => {
    // WKKGZ-01: a Wkkgz provider has a written complaints regulation; WKKGZ-08: a disputes body with a URL.
    if (o.regime === 'wkkgz') {
      if (!o.settings.complaintRegulationUrl) {
        ctx.addIssue({ code: 'custom', path: ['settings', 'complaintRegulationUrl'], ...bilingual('Verplicht onder de Wkkgz (klachtenregeling).', 'Required under the Wkkgz (complaints regulation).') });
      }
      if (!o.settings.externalBody?.url) {
        ctx.addIssue({ code: 'custom', path: ['settings', 'externalBody', 'url'], ...bilingual('Verplicht onder de Wkkgz: de geschilleninstantie met website.', 'Required under the Wkkgz: the disputes body with its website.') });
      }
    }
    // AWB-51: the final letter names the ombudsman with an address.
    if ((o.regime === 'awb' || o.regime === 'awb-advisory') && o.settings.externalBody && !o.settings.externalBody.address) {
      ctx.addIssue({ code: 'custom', path: ['settings', 'externalBody', 'address'], ...bilingual('Vul het adres van de ombudsman in.', "Enter the ombudsman's address.") });
    }
  });
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const departmentSchema = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });
export const newDepartmentSchema = z.strictObject({ name: text(200) });
export const departmentPatchSchema = z.strictObject({ name: text(200).optional(), active: z.boolean().optional() });

export const categorySchema = z.object({ id: z.uuid(), name: z.string(), departmentId: z.uuid().nullable(), active: z.boolean() });
export const newCategorySchema = z.strictObject({ name: text(200), departmentId: z.uuid().nullable().optional() });
export const categoryPatchSchema = z.strictObject({ name: text(200).optional(), departmentId: z.uuid().nullable().optional(), active: z.boolean().optional() });

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentId: z.uuid().nullable(),
  active: z.boolean(),
});
export const newUserSchema = z.strictObject({
  email: z.email().max(254),
  name: text(200).optional(),
  role: z.enum(ROLES),
  departmentId: z.uuid().nullable().optional(),
});
export const userPatchSchema = z.strictObject({
  name: text(200).optional(),
  role: z.enum(ROLES).optional(),
  departmentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export const userListQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  department: z.uuid().optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  lang: z.enum(['nl', 'en']).optional(),
});
