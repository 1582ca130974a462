import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, type core } from 'zod';
import { nl as zodNl } from 'zod/locales';
import type { Lang } from '../errors.js';

/** Carries Zod issues from the validator to the error handler, which words them in the asked language. */
export class RequestValidationError extends Error {
  validationContext?: string;
  constructor(readonly issues: core.$ZodIssue[]) {
    super('Request validation failed');
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };

const nlError = zodNl().localeError;

// Our own wording for the common cases; Zod's locale covers the rest.
function word(issue: core.$ZodIssue, lang: Lang): string {
  const nlMsg = lang === 'nl';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return nlMsg ? 'Dit veld is verplicht.' : 'This field is required.';
      return nlMsg ? `Verwacht: ${typeNl(issue.expected)}.` : `Expected ${issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? nlMsg
            ? 'Dit veld mag niet leeg zijn.'
            : 'This field must not be empty.'
          : nlMsg
            ? `Gebruik minstens ${issue.minimum} tekens.`
            : `Use at least ${issue.minimum} characters.`;
      }
      return nlMsg
        ? `De waarde moet minstens ${issue.minimum} zijn.`
        : `The value must be at least ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') {
        return nlMsg
          ? `Gebruik hoogstens ${issue.maximum} tekens.`
          : `Use at most ${issue.maximum} characters.`;
      }
      return nlMsg
        ? `De waarde mag hoogstens ${issue.maximum} zijn.`
        : `The value must be at most ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'email')
        return nlMsg
          ? 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'
          : 'Enter a valid e-mail address, like name@example.com.';
      if (issue.format === 'date')
        return nlMsg ? 'Vul een geldige datum in als JJJJ-MM-DD.' : 'Enter a valid date as YYYY-MM-DD.';
      if (issue.format === 'datetime')
        return nlMsg
          ? 'Vul een geldig tijdstip in (ISO 8601, met tijdzone).'
          : 'Enter a valid ISO 8601 date-time with a time zone.';
      if (issue.format === 'uuid') return nlMsg ? 'Ongeldige id.' : 'Invalid id.';
      break;
    case 'invalid_value':
      return nlMsg
        ? `Kies een van: ${issue.values.map(String).join(', ')}.`
        : `Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return nlMsg ? 'Onbekend veld.' : 'Unknown field.';
    case 'custom': {
      const params = issue.params as { nl?: string; en?: string } | undefined;
      if (params?.nl && params.en) return lang === 'nl' ? params.nl : params.en;
      break;
    }
  }
  if (nlMsg) {
    const m = nlError(issue as never);
    return (typeof m === 'string' ? m : m?.message) ?? issue.message;
  }
  return issue.message;
}

function typeNl(expected: string): string {
  return (
    (
      { string: 'tekst', number: 'getal', boolean: 'ja of nee', object: 'object', array: 'lijst' } as Record<
        string,
        string
      >
    )[expected] ?? expected
  );
}

/** One entry per field: unknown keys are reported at their own path. */
export function fieldErrors(
  issues: core.$ZodIssue[],
  lang: Lang,
  prefix = '',
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [prefix, ...base, key].filter(Boolean).join('.'), message: word(issue, lang) });
      continue;
    }
    out.push({ path: [prefix, ...base].filter(Boolean).join('.') || '(body)', message: word(issue, lang) });
  }
  return out;
}

/** A refine/superRefine message in both languages. */
export function bilingual(nl: string, en: string) {
  return { message: en, params: { nl, en } };
}

/**
 * Mail injection and public limits: a name or other one-line field never holds a line break or a control
 * character (CR/LF in a name put attacker paragraphs into the official acknowledgement).
 */
export const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;
export const singleLineMessage = bilingual(
  'Gebruik één regel, zonder regeleinden of stuurtekens.',
  'Use a single line, without line breaks or control characters.',
);
