// Text patterns the letter linter uses, Dutch and English together (a letter may be in either).
// Lint rules are heuristics (rules.md §6): every pattern here is exercised by the fixture tests.

import type { Judgement } from './model.js';

const L = '\\p{L}\\p{N}';

/** A case-insensitive, Unicode-aware pattern matching any alternative as whole words. */
export function words(alternatives: readonly string[], flags = 'giu'): RegExp {
  return new RegExp(`(?<![${L}])(?:${alternatives.join('|')})(?![${L}])`, flags);
}

export function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

export function matches(re: RegExp, text: string): string[] {
  re.lastIndex = 0;
  return [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map(
    (m) => m[0],
  );
}

// ---------------------------------------------------------------------------------------------
// Sentences and words (LET-08)

/** Sentences end at . ! ? followed by white space or the end; "www.x.nl" and "9:8" stay whole. */
export function sentences(text: string): string[] {
  return text
    .replace(/\n+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'‘“(])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
}

export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// ---------------------------------------------------------------------------------------------
// Dates and terms

const NL_MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const EN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** "4 januari 2027", "4 January 2027", "January 4, 2027", "2027-01-04", "04-01-2027". */
export const DATE = new RegExp(
  [
    `(?<![${L}])\\d{1,2}\\s+(?:${NL_MONTHS}|${EN_MONTHS})(?:\\s+\\d{4})?(?![${L}])`,
    `(?<![${L}])(?:${EN_MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    `(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])`,
    `(?<![\\d-])\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}(?![\\d])`,
  ].join('|'),
  'giu',
);

const COUNT =
  '\\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve';
/** "binnen twee weken", "within 10 working days". */
export const TERM = new RegExp(
  `(?<![${L}])(?:binnen|uiterlijk|within|no later than)\\s+(?:${COUNT})\\s+(?:werkdag(?:en)?|dag(?:en)?|we(?:e|)k(?:en)?|maand(?:en)?|jaar|working days?|days?|weeks?|months?|years?)(?![${L}])`,
  'giu',
);

export const hasDate = (text: string) => test(DATE, text);
export const hasDateOrTerm = (text: string) => test(DATE, text) || test(TERM, text);

// ---------------------------------------------------------------------------------------------
// Verdicts (gegrond / deels gegrond / ongegrond)

const PARTLY = words([
  'deels gegrond',
  'gedeeltelijk gegrond',
  'ten dele gegrond',
  'partly upheld',
  'partially upheld',
  'partly justified',
  'partially justified',
]);
const NOT_UPHELD = words([
  'ongegrond',
  'niet gegrond',
  'not upheld',
  'unfounded',
  'unjustified',
  'not justified',
]);
const UPHELD = words(['gegrond', 'upheld', 'justified', 'well-founded']);

/** The judgements a text states. "terecht" is left out: "u kunt terecht bij" is not a verdict. */
export function judgementsIn(text: string): Set<Judgement> {
  const found = new Set<Judgement>();
  let rest = text;
  if (test(PARTLY, rest)) found.add('partly_upheld');
  rest = rest.replace(PARTLY, ' ');
  if (test(NOT_UPHELD, rest)) found.add('not_upheld');
  rest = rest.replace(NOT_UPHELD, ' ');
  if (test(UPHELD, rest)) found.add('upheld');
  return found;
}

/** LET-01: a negative verdict (or a synonym) must never appear in the inleiding. */
export const NEGATIVE_VERDICT = words([
  'ongegrond',
  'niet gegrond',
  'niet terecht',
  'onterecht',
  'afgewezen',
  'wijzen (?:wij |we )?(?:uw klacht|de klacht|dit|deze klacht) af',
  'not upheld',
  'unfounded',
  'unjustified',
  'not justified',
  'rejected?',
  'dismissed',
]);

// ---------------------------------------------------------------------------------------------
// Content the rules require

export const THANKS = words(['dank', 'bedankt', 'dank u wel', 'dank je', 'thank you', 'thanks', 'thank']);
/** LET-02 / NO-10: a reason, not a bare verdict. */
export const REASON = words([
  'omdat',
  'want',
  'doordat',
  'daardoor',
  'daarom',
  'namelijk',
  'reden',
  'redenen',
  'blijkt',
  'vanwege',
  'dat komt',
  'because',
  'since',
  'therefore',
  'reason',
  'reasons',
  'shows',
  'due to',
]);
/** LET-04 / NO-04: an apology. */
export const APOLOGY = words([
  'excuses',
  'excuus',
  'verontschuldig\\p{L}*',
  'spijt',
  'sorry',
  'apolog\\p{L}*',
]);
/** LET-04: an apology with a qualifier ("als u zich gekwetst voelde") is no apology. */
export const CONDITIONAL_APOLOGY =
  /(?:excuses|excuus|sorry|apolog\p{L}*)[^.!?]{0,40}(?:als|indien|voor zover|mocht|if|in case|to the extent)\s[^.!?]{0,40}(?:voel|ervaar|ervar|felt|feel|experienc)/iu;
/** NO-05: what the organisation learned. */
export const LESSON = words([
  'geleerd',
  'leren',
  'leerpunt\\p{L}*',
  'verbeter\\p{L}*',
  'voortaan',
  'in de toekomst',
  'learned',
  'learnt',
  'learn',
  'lesson\\p{L}*',
  'improve\\p{L}*',
  'from now on',
  'in future',
  'in the future',
]);
/** NO-05 / ISO-08: ask whether the complainant is satisfied. */
export const SATISFACTION = words(['tevreden\\p{L}*', 'tevredenheid', 'satisf\\p{L}*']);
export const OMBUDSMAN = words([
  'ombudsm\\p{L}*',
  'ombudscommissie',
  'ombudsvoorziening',
  'ombudsfunctie',
  'ombuds\\p{L}*',
]);
/** WKKGZ-08: the disputes body. */
export const DISPUTES_BODY = words([
  'geschilleninstantie',
  'geschillencommissie\\p{L}*',
  'geschilleninstanties',
  'disputes? (?:committee|body|commission)',
]);
/** Company regime (LET-07): any external route. */
export const EXTERNAL_ROUTE = words([
  'ombudsm\\p{L}*',
  'geschillen\\p{L}*',
  'kifid',
  'klachteninstituut',
  'disputes?',
  'arbitra\\p{L}*',
  'adr',
]);
/** AWB-51, WKKGZ-11: the one-year term. */
export const ONE_YEAR = words([
  'binnen (?:een|één|1) jaar',
  'within (?:one|a|1) year',
  'één jaar',
  'een jaar',
  'one year',
  'a year',
]);
export const WITHIN_ONE_YEAR_OF_REPORT =
  /(?:binnen (?:een|één|1) jaar na (?:het (?:melden|indienen)|de melding|uw melding)|within (?:one|a|1) year (?:of|after) (?:reporting|submitting|making|filing))/iu;
/** AWB-13: the offer of a hearing. */
export const HEARING = words([
  'hoorgesprek\\p{L}*',
  'gehoord',
  'horen',
  'hoorzitting',
  'hearing',
  'be heard',
]);
export const RECEIPT = words(['ontvangen', 'ontvangst', 'binnengekomen', 'received', 'receipt']);
export const ANSWER_BY = words([
  'uiterlijk',
  'antwoord',
  'beslissing',
  'reactie',
  'answer',
  'reply',
  'decision',
  'no later than',
  'response',
]);
/** AWB-14: an advisory person or committee will advise. */
export const ADVISORY = words([
  'adviescommissie',
  'klachtencommissie',
  'klachtadviescommissie',
  'commissie',
  'adviseur',
  'adviseert',
  'advisory committee',
  'complaints committee',
  'committee',
  'adviser',
  'advisor',
  'will advise',
]);
/** LET-10: why more time is needed. */
export const EXTENSION_REASON = words([
  'omdat',
  'want',
  'doordat',
  'vanwege',
  'reden',
  'nodig',
  'because',
  'due to',
  'reason',
  'since',
  'as we need',
  'need',
]);
/** LET-09, AWB-20: a 9:8 ground. */
export const DECLINE_GROUND = words([
  '9:8',
  'eerder (?:behandeld|ingediend|een klacht)',
  'al eerder',
  'langer dan een jaar',
  'meer dan een jaar',
  'bezwaar',
  'beroep',
  'rechter',
  'strafrechtelijk\\p{L}*',
  'opsporingsonderzoek',
  'vervolging',
  'onvoldoende (?:belang|gewicht)',
  'gewicht van de gedraging',
  'already (?:been )?(?:dealt|handled)',
  'weight of the behaviour',
  'more than (?:one|a) year',
  'objection',
  'appeal',
  'court',
  'criminal',
  'prosecution',
  'insufficient',
]);
/** AWB-11: a way to say "not satisfied after all". */
export const LET_US_KNOW = words([
  'laat (?:het )?(?:ons|mij) (?:dan )?weten',
  'neem(?:t)? (?:dan )?contact',
  'bel (?:dan )?',
  'let (?:us|me) know',
  'contact (?:us|me)',
  'call',
]);
/** AWB-07. */
export const FORWARDED = words([
  'doorgestuurd',
  'doorgezonden',
  'doorsturen',
  'doorgeven',
  'forwarded',
  'passed on',
  'sent (?:it|your complaint) (?:on )?to',
]);
/** NO-14. */
export const DONE = words([
  'afgerond',
  'gereed',
  'uitgevoerd',
  'klaar',
  'done',
  'completed',
  'in place',
  'carried out',
]);

/** A Dutch or international phone number (10+ digits), a 14-number or an 0800/0900 number. */
export function hasPhoneNumber(text: string): boolean {
  // The municipal 14 + area code number (14 030).
  if (/(?<![\d-])14\s?0\d{2,3}(?![\d-])/.test(text)) return true;
  for (const m of text.matchAll(/(?:\+|(?<![\d-])0)[\d\s().-]{6,}\d/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (/^0[89]00/.test(digits) && digits.length >= 8) return true;
    if (digits.length >= 10 && digits.length <= 13 && !/^\d{4}-\d{2}-\d{2}/.test(m[0].trim())) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// What a letter must not say

/** AWB-08: an objection or appeal offered against this letter. "kon u bezwaar maken" (9:8 c) is not. */
export const OBJECTION_CLAUSE = new RegExp(
  [
    '(?:kunt|kan) u[^.!?]{0,60}(?:bezwaar|beroep)',
    'bezwaarschrift',
    'beroepschrift',
    '(?:bezwaar|beroep) (?:maken|instellen|aantekenen|indienen) (?:tegen|bij)',
    'in beroep gaan',
    'rechtsmiddel\\p{L}*',
    'you (?:can|may)[^.!?]{0,60}(?:object|lodge an objection|appeal against|appeal to (?:the|a) court)',
    'notice of objection',
    '(?:lodge|file) an? (?:objection|appeal)',
    'right (?:of|to) (?:objection|appeal)',
  ].join('|'),
  'giu',
);
/** A clause that denies the route ("geen bezwaar mogelijk") is fine. */
export const NEGATION = words(['geen', 'niet', 'no', 'not', 'cannot']);

/** LET-05: blaming the complainant. */
export const BLAME = new RegExp(
  [
    'u had (?:moeten|beter)',
    'had u (?:moeten|beter)',
    'uw (?:eigen )?(?:fout|schuld)',
    'door uw (?:eigen )?toedoen',
    'u heeft nagelaten',
    'ten onrechte stelt u',
    'u stelt ten onrechte',
    'u heeft (?:de|het|onze)[^.!?]{0,40} niet (?:goed )?gelezen',
    'u bent zelf verantwoordelijk',
    // "you should have heard from us sooner" is our fault, not theirs.
    'you should have (?!(?:heard|received|been|had|got|gotten)\\b)',
    'should you have',
    'your (?:own )?(?:fault|mistake|negligence)',
    'you failed to',
    'you neglected',
    'you did not (?:read|follow|check)',
    'you wrongly',
    'you are (?:yourself )?responsible',
  ].join('|'),
  'giu',
);

/** LET-06: non-committing language. */
export const NON_COMMITTING = words([
  'hoop',
  'hopen',
  'hoopt',
  'hopelijk',
  'hopende',
  'probeer',
  'proberen',
  'probeert',
  'trachten',
  'tracht',
  'wellicht',
  'hope',
  'hopefully',
  'hoping',
  'try',
  'trying',
  'attempt',
  'attempts',
  'perhaps',
  'maybe',
]);
export const AS_SOON_AS_POSSIBLE = words([
  'zo (?:snel|spoedig) mogelijk',
  'zsm',
  'as soon as possible',
  'asap',
]);

/** LET-08: officialese and a B1 alternative. */
export const JARGON: readonly [RegExp, { nl: string; en: string }][] = (
  [
    ['derhalve', 'daarom'],
    ['alsmede', 'en'],
    ['teneinde', 'om'],
    ['ingevolge', 'volgens'],
    ['onverwijld', 'meteen'],
    ['hieromtrent', 'hierover'],
    ['voornoemde?', 'genoemde'],
    ['middels', 'met'],
    ['inzake', 'over'],
    ['dientengevolge', 'daardoor'],
    ['reeds', 'al'],
    ['thans', 'nu'],
    ['desalniettemin', 'toch'],
    ['aangaande', 'over'],
    ['ten behoeve van', 'voor'],
    ['in casu', 'hier'],
    ['pursuant to', 'under'],
    ['notwithstanding', 'despite'],
    ['aforementioned', 'this'],
    ['herewith', 'with this letter'],
    ['hereinafter', '(leave it out)'],
  ] as const
).map(([w, alt]) => [words([w]), { nl: alt, en: alt }] as [RegExp, { nl: string; en: string }]);
