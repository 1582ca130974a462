// Fields that flow into letters are written FOR the complainant. These checks tell the handler, while
// typing, when a field reads as a staff note ("Klaagster is ontevreden over …", "meneer Jansen belde")
// and show the sentence the letter will print. A field flagged as a note never reaches a letter: the
// composer falls back to the item titles. Pure: no I/O.

import type { LetterLang } from './model.js';

const NOTE_SIGNS: readonly RegExp[] = [
  /(?<![\p{L}])(?:klager|klaagster|klant|cliënt|client|patiënt|betrokkene|verzoeker|verzoekster|melder|complainant|customer)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:meneer|mevrouw|mevr\.|mw\.|dhr\.|de heer|mr\.?|mrs\.?|ms\.?)\s+\p{Lu}[\p{L}'-]*/u,
  /(?<![\p{L}])(?:hij|zij|ze|he|she|they)\s+(?:is|was|wil|wilde|vindt|vond|stelt|geeft|heeft|had|belde|klaagt|wants|feels|says|states|claims|called|complains)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:n\.a\.v\.|i\.v\.m\.|z\.s\.m\.|tel\.|t\.z\.t\.|o\.a\.|m\.b\.t\.|t\.a\.v\.)/iu,
];

/** The phrases that make a field read as a staff note rather than a sentence to the complainant. */
export function noteSignals(text: string | null | undefined): string[] {
  if (!text?.trim()) return [];
  const out: string[] = [];
  for (const re of NOTE_SIGNS) {
    const m = re.exec(text);
    if (m) out.push(m[0].trim());
  }
  return out;
}

export const readsAsNote = (text: string | null | undefined) => noteSignals(text).length > 0;

const T = (lang: LetterLang, nl: string, en: string) => (lang === 'nl' ? nl : en);
const clause = (text: string) => text.trim().replace(/[.!?]+$/, '');

/**
 * NO-11: the core of the complaint as the letter prints it. A full sentence in the second person
 * ("U bent ontevreden over …") is printed as written; a phrase ("de wachttijd aan de balie") becomes
 * "Uw klacht gaat over de wachttijd aan de balie."
 */
export function coreSentence(core: string, lang: LetterLang): string {
  const c = clause(core);
  if (/(?<![\p{L}])(?:u|uw|you|your)(?![\p{L}])/iu.test(c) && /^\p{Lu}/u.test(c)) return `${c}.`;
  // "De wachttijd" / "Onvriendelijke bejegening" → lower case inside the sentence; "KCC" stays.
  const phrase = /^\p{Lu}\p{Ll}/u.test(c) ? c[0]!.toLowerCase() + c.slice(1) : c;
  return T(lang, `Uw klacht gaat over ${phrase}.`, `Your complaint is about ${phrase}.`);
}

/** What the back office shows under the field: the printed sentence and any warnings. */
export function corePreview(core: string, lang: LetterLang): { sentence: string | null; warnings: string[] } {
  const warnings = noteSignals(core);
  return { sentence: warnings.length ? null : coreSentence(core, lang), warnings };
}
