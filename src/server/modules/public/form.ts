import type { FastifyRequest } from 'fastify';
import { AppError, type Lang } from '../../errors.js';
import { fieldErrors } from '../../http/validation.js';
import { publicIntakeSchema, type PublicIntake } from '../cases/schemas.js';
import {
  checkUploads,
  formatBytes,
  MAX_FILE_BYTES,
  MAX_FILES,
  ALLOWED_EXTENSIONS_TEXT,
  type CheckedFile,
  type CheckResult,
  type Upload,
} from './attachments.js';
import type { FieldError } from './layout.js';

export interface ParsedForm {
  fields: Record<string, string>;
  uploads: Upload[];
  /** More files (or parts) than allowed: the rest of the request was not read. */
  limitHit: boolean;
}

const LIMIT_CODES = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/** Reads a form post (multipart with files, or urlencoded) into plain strings and uploads. */
export async function readForm(req: FastifyRequest): Promise<ParsedForm> {
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) fields[k] = Array.isArray(v) ? scalar(v[0]) : scalar(v);
    return { fields, uploads, limitHit: false };
  }
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // An empty file input is sent as a part without a name: nothing was chosen.
        if (!part.filename && bytes.length === 0) continue;
        uploads.push({ filename: part.filename, bytes, truncated: part.file.truncated });
      } else if (!(part.fieldname in fields)) {
        fields[part.fieldname] = scalar(part.value);
      }
    }
  } catch (err) {
    if (LIMIT_CODES.has((err as { code?: string }).code ?? '')) return { fields, uploads, limitHit: true };
    // Anything else the multipart parser throws (no boundary, a broken part header, a body that
    // ends mid-part) is a malformed request: 400 with the form's error page, never a 500.
    throw new AppError(
      'MALFORMED_REQUEST',
      {
        nl: 'Het formulier kon niet worden gelezen. Probeer het opnieuw.',
        en: 'The form could not be read. Please try again.',
      },
      [{ path: '(body)', message: err instanceof Error ? err.message : String(err) }],
    );
  }
  return { fields, uploads, limitHit: false };
}

const clean = (v: string | undefined) => {
  const s = (v ?? '').replace(/\r\n/g, '\n').trim();
  return s === '' ? undefined : s;
};

export const CONTACT_PREFERENCES = ['email', 'phone', 'letter'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/** The complaint form's fields, in the order they appear (the error summary follows this order). */
export const INTAKE_FIELDS = [
  'name',
  'onBehalfOf',
  'contactPreference',
  'email',
  'phone',
  'address',
  'description',
  'incidentDate',
  'involved',
  'desiredOutcome',
  'attachments',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

export const LIMITS = {
  description: 15_000,
  desiredOutcome: 5_000,
  involved: 1_000,
  onBehalfOf: 200,
  name: 200,
  address: 500,
  message: 10_000,
  comment: 5_000,
};

export interface IntakeFormResult {
  values: Partial<Record<IntakeField, string>>;
  errors: FieldError[];
  input?: PublicIntake;
  files: CheckedFile[];
  honeypot: boolean;
  formId?: string | undefined;
}

const PATH_TO_FIELD: Record<string, IntakeField> = {
  'complainant.name': 'name',
  'complainant.email': 'email',
  'complainant.phone': 'phone',
  'complainant.address': 'address',
  description: 'description',
  desiredOutcome: 'desiredOutcome',
  incidentDate: 'incidentDate',
};

/** Field ids in the page: the error summary links to them. */
export const fieldId = (field: string) => `f-${field}`;

const REQUIRED_MESSAGES: Partial<Record<IntakeField, { nl: string; en: string }>> = {
  name: { nl: 'Vul uw naam in.', en: 'Enter your name.' },
  description: { nl: 'Beschrijf wat er is gebeurd.', en: 'Describe what happened.' },
};

function attachmentError(result: Extract<CheckResult, { ok: false }>, lang: Lang): string {
  const name = result.filename ? `${result.filename}: ` : '';
  switch (result.problem) {
    case 'too-many':
      return lang === 'nl' ? `Kies hoogstens ${MAX_FILES} bestanden.` : `Choose at most ${MAX_FILES} files.`;
    case 'too-large':
      return lang === 'nl'
        ? `${name}het bestand is groter dan ${formatBytes(MAX_FILE_BYTES, 'nl')}.`
        : `${name}the file is larger than ${formatBytes(MAX_FILE_BYTES, 'en')}.`;
    case 'empty':
      return lang === 'nl' ? `${name}het bestand is leeg.` : `${name}the file is empty.`;
    case 'type':
      return lang === 'nl'
        ? `${name}dit soort bestand kunnen wij niet aannemen. Kies een bestand van het type ${ALLOWED_EXTENSIONS_TEXT}.`
        : `${name}we cannot accept this kind of file. Choose a file of type ${ALLOWED_EXTENSIONS_TEXT}.`;
  }
}

export function checkFiles(form: ParsedForm, lang: Lang): { files: CheckedFile[]; error?: string } {
  const result = form.limitHit ? ({ ok: false, problem: 'too-many' } as const) : checkUploads(form.uploads);
  return result.ok ? { files: result.files } : { files: [], error: attachmentError(result, lang) };
}

/**
 * The public form mapped onto the same PublicIntake as the JSON API (publicIntakeSchema). The form
 * asks a little more (on behalf of whom, who was involved, how to contact): those answers are added
 * to the description under plain labels, so the handler reads them with the complaint.
 */
export function parseIntakeForm(form: ParsedForm, lang: Lang, today: () => string): IntakeFormResult {
  const f = form.fields;
  const values: Partial<Record<IntakeField, string>> = {};
  for (const k of INTAKE_FIELDS) if (k !== 'attachments') values[k] = f[k] ?? '';
  const errors = new Map<IntakeField, string>();
  const add = (field: IntakeField, message: string) => {
    if (!errors.has(field)) errors.set(field, message);
  };
  const tooLong = (max: number) =>
    lang === 'nl' ? `Gebruik hoogstens ${max} tekens.` : `Use at most ${max} characters.`;

  const name = clean(f.name);
  const description = clean(f.description);
  const involved = clean(f.involved);
  const onBehalfOf = clean(f.onBehalfOf);
  const pref = clean(f.contactPreference);
  const email = clean(f.email);
  const phone = clean(f.phone);
  const address = clean(f.address);
  for (const [field, value] of [
    ['description', description],
    ['involved', involved],
    ['onBehalfOf', onBehalfOf],
    ['desiredOutcome', clean(f.desiredOutcome)],
  ] as const) {
    if (value && value.length > LIMITS[field]) add(field, tooLong(LIMITS[field]));
  }

  if (!pref || !(CONTACT_PREFERENCES as readonly string[]).includes(pref)) {
    add(
      'contactPreference',
      lang === 'nl' ? 'Kies hoe wij contact met u opnemen.' : 'Choose how we should contact you.',
    );
  } else if (pref === 'email' && !email) {
    add(
      'email',
      lang === 'nl'
        ? 'Vul uw e-mailadres in, of kies een andere manier van contact.'
        : 'Enter your e-mail address, or choose another way to contact you.',
    );
  } else if (pref === 'phone' && !phone) {
    add(
      'phone',
      lang === 'nl'
        ? 'Vul uw telefoonnummer in, of kies een andere manier van contact.'
        : 'Enter your phone number, or choose another way to contact you.',
    );
  } else if (pref === 'letter' && !address) {
    add(
      'address',
      lang === 'nl'
        ? 'Vul uw adres in, of kies een andere manier van contact.'
        : 'Enter your address, or choose another way to contact you.',
    );
  }

  const extra: string[] = [];
  if (involved)
    extra.push(
      `${lang === 'nl' ? 'Betrokken personen of afdeling' : 'People or department involved'}: ${involved}`,
    );
  if (onBehalfOf) extra.push(`${lang === 'nl' ? 'Ingediend namens' : 'Filed on behalf of'}: ${onBehalfOf}`);
  if (pref && (CONTACT_PREFERENCES as readonly string[]).includes(pref)) {
    const label = { email: ['e-mail', 'e-mail'], phone: ['telefoon', 'phone'], letter: ['brief', 'letter'] }[
      pref as ContactPreference
    ];
    extra.push(
      `${lang === 'nl' ? 'Voorkeur voor contact' : 'Preferred contact'}: ${lang === 'nl' ? label[0] : label[1]}`,
    );
  }

  const candidate = {
    complainant: { name, email, phone, address },
    description: description && extra.length ? `${description}\n\n${extra.join('\n')}` : description,
    desiredOutcome: clean(f.desiredOutcome),
    incidentDate: clean(f.incidentDate),
    language: lang,
  };
  const parsed = publicIntakeSchema(today).safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const worded = fieldErrors(issues, lang);
    worded.forEach((e, i) => {
      const field = PATH_TO_FIELD[e.path];
      if (!field) return;
      const issue = issues[i]!;
      const required = REQUIRED_MESSAGES[field];
      const isMissing = issue.code === 'invalid_type' && issue.input === undefined;
      add(field, required && isMissing ? required[lang] : e.message);
    });
  }

  const files = checkFiles(form, lang);
  if (files.error) add('attachments', files.error);

  const ordered = INTAKE_FIELDS.filter((k) => errors.has(k)).map((k) => ({
    field: fieldOf(k),
    message: errors.get(k)!,
  }));
  return {
    values,
    errors: ordered,
    input: ordered.length === 0 && parsed.success ? parsed.data : undefined,
    files: files.files,
    honeypot: Boolean(clean(f.website)),
    formId: /^[A-Za-z0-9_-]{16,64}$/.test(f.formId ?? '') ? f.formId : undefined,
  };
}

/** The id the summary links to; radios link to their first option. */
function fieldOf(field: IntakeField): string {
  return fieldId(field);
}

export const SATISFACTION = ['yes', 'partly', 'no'] as const;

/** A form value as text; anything that is not a scalar (a nested object) counts as empty. */
function scalar(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
