// One error type with stable codes, mapped to HTTP in one place (GUIDE habit 7).
import { WORKFLOW_ERROR_STATUS } from './modules/cases/workflow.errors.js';
export type Lang = 'nl' | 'en';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  LOGIN_LOCKED: 429,
  NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CONFLICT: 409,
  CASE_STATE_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  // The complainant's public pages (status link, survey)
  STATUS_LINK_INVALID: 404,
  SURVEY_ALREADY_ANSWERED: 409,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  DATA_DIR_LOCKED: 503,
  INTERNAL: 500,
  // Letters (compose, lint, render, send)
  LETTER_NOT_FOUND: 404,
  LETTER_HAS_ERRORS: 422,
  LETTER_DATA_MISSING: 422,
  LETTER_NOT_RENDERED: 409,
  LETTER_ALREADY_SENT: 409,
  // The handling workflow (actions on a case)
  ...WORKFLOW_ERROR_STATUS,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  /** A bilingual message is given in the request's language. */
  message: string | { nl: string; en: string };
}

export type Message = string | { nl: string; en: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof text === 'string' ? text : text.en);
    this.status = ERROR_STATUS[code];
  }

  messageIn(lang: Lang): string {
    return typeof this.text === 'string' ? this.text : this.text[lang];
  }

  toBody(lang: Lang) {
    return {
      error: {
        code: this.code,
        message: this.messageIn(lang),
        ...(this.fields
          ? {
              fields: this.fields.map((f) => ({
                path: f.path,
                message: typeof f.message === 'string' ? f.message : f.message[lang],
              })),
            }
          : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export const notFound = (what: 'case' | 'user' | 'route' = 'route') =>
  new AppError(what === 'case' ? 'CASE_NOT_FOUND' : what === 'user' ? 'USER_NOT_FOUND' : 'NOT_FOUND', {
    nl:
      what === 'case'
        ? 'Dossier niet gevonden.'
        : what === 'user'
          ? 'Gebruiker niet gevonden.'
          : 'Niet gevonden.',
    en: what === 'case' ? 'Case not found.' : what === 'user' ? 'User not found.' : 'Not found.',
  });
