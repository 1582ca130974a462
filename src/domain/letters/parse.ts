// Plain text ⇄ letter model (api.md `letters lint`): paragraphs are separated by blank lines; a
// salutation (Geachte …, Beste …, Dear …) and a sign-off (Met vriendelijke groet …) with what follows
// it are recognised as such; the first paragraph after the salutation is the inleiding.

import type { RegimeId } from '../deadlines.js';
import type { Letter, LetterKind, LetterLang, Paragraph, ParagraphRole } from './model.js';
import {
  DISPUTES_BODY,
  OMBUDSMAN,
  SATISFACTION,
  datesIn,
  hasPhoneNumber,
  judgementsIn,
  test,
  words,
} from './patterns.js';

const SALUTATION = /^(?:geachte|beste|hallo|dear|hello)(?![\p{L}])/iu;
const SIGNOFF =
  /^(?:met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hoogachtend|kind regards|best regards|yours sincerely|yours faithfully|with kind regards|regards)(?![\p{L}])/iu;
/** Headings and phrases that start the slot (what happens next, contact, external route). */
const SLOT_START = words([
  'tot slot',
  'slot',
  'hoe nu verder',
  'hoe verder',
  'wat gebeurt er nu',
  'wat (?:wij|we) hiervan leren',
  'vragen',
  'tenslotte',
  'ten slotte',
  'finally',
  'in conclusion',
  'what happens next',
  'next steps',
  'what we have learned',
  'questions',
]);

export interface ParseOptions {
  kind: LetterKind;
  regime: RegimeId;
  lang?: LetterLang | undefined;
}

export interface ParsedParagraph extends Paragraph {
  /** 1-based number of the blank-line-separated block it came from (findings refer to this). */
  number: number;
}

export interface ParsedLetter extends Letter {
  paragraphs: ParsedParagraph[];
}

/** Splits a heading line off a block: short, several lines, no sentence punctuation at the end. */
function splitHeading(block: string): { heading?: string; text: string } {
  const lines = block.split('\n');
  const first = lines[0]!.trim();
  if (
    lines.length > 1 &&
    first.length <= 80 &&
    !/[.!?,;]$/.test(first) &&
    first.split(/\s+/).length <= 12 &&
    !SALUTATION.test(first)
  ) {
    return { heading: first.replace(/:$/, ''), text: lines.slice(1).join('\n').trim() };
  }
  return { text: block };
}

export function detectLang(text: string): LetterLang {
  const en = (text.match(/\b(the|and|your|you|we|of|to|is)\b/gi) ?? []).length;
  const nl = (text.match(/\b(de|het|en|uw|u|wij|van|een|is)\b/gi) ?? []).length;
  return en > nl ? 'en' : 'nl';
}

export function parseLetter(text: string, opts: ParseOptions): ParsedLetter {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/[ \t]+$/gm, '').trim())
    .filter((b) => b.length > 0);

  const salutationAt = blocks.findIndex((b) => SALUTATION.test(b));
  const signoffAt = blocks.findIndex((b, i) => i > salutationAt && SIGNOFF.test(b));
  const bodyEnd = signoffAt >= 0 ? signoffAt : blocks.length;

  const paragraphs: ParsedParagraph[] = [];
  blocks.forEach((block, i) => {
    const number = i + 1;
    if (salutationAt >= 0 && i < salutationAt) {
      paragraphs.push({ role: 'header', text: block, number });
    } else if (i === salutationAt) {
      // "Geachte mevrouw,\nDank u wel …" in one block: the first line is the salutation.
      const [first, ...rest] = block.split('\n');
      paragraphs.push({ role: 'salutation', text: first!.trim(), number });
      if (rest.join('').trim())
        paragraphs.push({ role: 'body' as ParagraphRole, text: rest.join('\n').trim(), number });
    } else if (i >= bodyEnd) {
      paragraphs.push({ role: 'signoff', text: block, number });
    } else {
      const { heading, text: body } = splitHeading(block);
      paragraphs.push({ role: 'body' as ParagraphRole, ...(heading ? { heading } : {}), text: body, number });
    }
  });

  assignBodyRoles(paragraphs);
  // AWB-51: the letter's own date ("Datum: 4 januari 2027", "Ergens, 4 januari 2027") from the header.
  const letterDate = paragraphs
    .filter((p) => p.role === 'header')
    .flatMap((p) => p.text.split('\n'))
    .filter((line) => /^(?:datum|date)\b|^[\p{L} .'-]+,\s*\d/iu.test(line.trim()))
    .flatMap((line) => datesIn(line))[0];
  return {
    kind: opts.kind,
    lang: opts.lang ?? detectLang(text),
    regime: opts.regime,
    paragraphs,
    ...(letterDate ? { letterDate } : {}),
  };
}

/**
 * The first body paragraph is the inleiding. The slot is the tail that starts at a slot heading or
 * phrase, or at the first paragraph after the last verdict that gives the contact or external route.
 */
function assignBodyRoles(paragraphs: ParsedParagraph[]): void {
  const body = paragraphs.filter((p) => (p.role as string) === 'body');
  if (body.length === 0) return;
  body[0]!.role = 'inleiding';
  const rest = body.slice(1);
  let slotFrom = rest.length;
  const lastVerdict = rest.reduce((at, p, i) => (judgementsIn(p.text).size > 0 ? i : at), -1);
  for (let i = Math.max(0, lastVerdict + 1); i < rest.length; i++) {
    const p = rest[i]!;
    const opening = `${p.heading ?? ''} ${p.text.split(/[.!?]/)[0] ?? ''}`;
    const slotish =
      test(SLOT_START, opening) ||
      test(OMBUDSMAN, p.text) ||
      test(DISPUTES_BODY, p.text) ||
      hasPhoneNumber(p.text) ||
      test(SATISFACTION, p.text);
    if (slotish) {
      slotFrom = i;
      break;
    }
  }
  rest.forEach((p, i) => {
    p.role = i >= slotFrom ? 'slot' : 'kern';
  });
}

/** The letter as plain text (the e-mail body): paragraphs separated by blank lines, headings on their own line. */
export function letterToText(letter: Pick<Letter, 'paragraphs'>): string {
  return letter.paragraphs
    .filter((p) => p.role !== 'header')
    .map((p) => (p.heading ? `${p.heading}\n${p.text}` : p.text))
    .join('\n\n');
}
