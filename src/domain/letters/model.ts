// The letter model: a letter is a list of paragraphs, each with a role. The three roles that carry
// content follow seed 004 (inleiding – kern – slot, rules.md §6); salutation, sign-off and header
// are recognised so that the linter knows where the inleiding starts and where the letter ends.
// Pure: no I/O.

import type { RegimeId } from '../deadlines.js';

export type LetterLang = 'nl' | 'en';
export const LETTER_LANGS: readonly LetterLang[] = ['nl', 'en'];

/** Every letter the procedure needs (the Awb, Wkkgz and letter rules in docs/rules.md). */
export const LETTER_KINDS = [
  'acknowledgement', // ontvangstbevestiging (AWB-12/13/14)
  'extension', // verdagingsbericht (AWB-41, WKKGZ-06, LET-10)
  'decline', // niet in behandeling nemen, Awb 9:8 (AWB-20/23, LET-09)
  'informal-resolution', // bevestiging informele afhandeling (AWB-10/11)
  'forwarding', // doorzendbericht (AWB-07)
  'hearing-invitation', // uitnodiging hoorgesprek (AWB-30)
  'decision', // afdoeningsbrief (AWB-50/51, WKKGZ-05/08, LET-01..07)
  'decision-notice', // bericht over de beslissing aan de beklaagde (ISO-07)
  'follow-up', // opvolging van een toegezegde maatregel (NO-14)
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

export type ParagraphRole = 'header' | 'salutation' | 'inleiding' | 'kern' | 'slot' | 'signoff';
export const PARAGRAPH_ROLES: readonly ParagraphRole[] = [
  'header',
  'salutation',
  'inleiding',
  'kern',
  'slot',
  'signoff',
];

/** gegrond / deels gegrond / ongegrond (glossary). */
export type Judgement = 'upheld' | 'partly_upheld' | 'not_upheld';
export type Severity = 'light' | 'medium' | 'heavy';

/** LET-03 sort key: not upheld first, then partly, then upheld; within a group light to heavy. */
export const JUDGEMENT_RANK: Record<Judgement, number> = { not_upheld: 0, partly_upheld: 1, upheld: 2 };
export const SEVERITY_RANK: Record<Severity, number> = { light: 0, medium: 1, heavy: 2 };

/** Which complaint item a kern paragraph belongs to (set by the composer; absent in parsed text). */
export interface ParagraphItem {
  index: number;
  judgement: Judgement;
  severity: Severity;
}

export interface Paragraph {
  role: ParagraphRole;
  /** A short heading printed above the paragraph (e.g. "Onderdeel 1: de bejegening aan de balie"). */
  heading?: string | undefined;
  text: string;
  item?: ParagraphItem | undefined;
}

/** Who a letter is addressed to: the rules about the complainant's own words apply to them only. */
export type LetterRecipient = 'complainant' | 'respondent' | 'organisation';

export interface Letter {
  kind: LetterKind;
  lang: LetterLang;
  regime: RegimeId;
  subject?: string | undefined;
  paragraphs: Paragraph[];
  /** Default: the complainant. */
  recipient?: LetterRecipient | undefined;
  /** The date printed on the letter (the ombudsman term runs from it, AWB-51); from the header when parsed. */
  letterDate?: string | undefined;
}

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  /** A rule ID from rules.md (LET-01, AWB-51, …). */
  rule: string;
  severity: FindingSeverity;
  message: string;
  /** 1-based number of the paragraph the finding is about; null when it is about the whole letter. */
  paragraph: number | null;
  suggestion: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
