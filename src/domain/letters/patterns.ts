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
  '(?:deels|gedeeltelijk|ten dele|voor een deel) (?:terecht|gelijk)',
  'partly upheld',
  'partially upheld',
  'partly justified',
  'partially justified',
  'partly right',
]);
const NOT_UPHELD = words([
  'ongegrond\\p{L}*',
  'niet gegrond',
  'onterecht\\p{L}*',
  'niet terecht',
  'geen gelijk',
  'niet (?:in het )?gelijk',
  'not upheld',
  'unfounded',
  'unjustified',
  'not justified',
  'do not agree with (?:you|your complaint)',
]);
/** "terecht" alone is left out: "u kunt terecht bij" is not a verdict. */
const UPHELD = words([
  'gegronde?',
  '(?:is|was|vinden (?:wij|we)|vind ik|achten (?:wij|we)) (?:uw klacht |deze klacht |dit |dat )?terecht',
  'terechte klacht',
  'u heeft (?:hierin |daarin |op dit punt )?gelijk',
  'u hebt (?:hierin |daarin )?gelijk',
  'geven (?:wij |we )u (?:hierin |daarin )?gelijk',
  'u krijgt gelijk',
  'upheld',
  'justified',
  'well-founded',
  'you are right',
  'we agree with you',
]);

/** The judgements a text states. */
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

/**
 * LET-01: a negative verdict in the inleiding: the verdict words themselves, or a paraphrase that
 * gives it away ("helaas kunnen wij u geen gelijk geven", "wij moeten u teleurstellen"). Words like
 * "afgewezen" count only when the sentence is about the complaint: "uw aanvraag is afgewezen" is the
 * subject of the complaint, not the verdict.
 */
export const NEGATIVE_VERDICT = words([
  'ongegrond\\p{L}*',
  'niet gegrond',
  'geen gelijk',
  'niet in het gelijk',
  'teleurstellen',
  'not upheld',
  'unfounded',
  'cannot agree with you',
  'do not agree with you',
  'disappoint (?:you)',
]);
export const NEGATIVE_ABOUT_COMPLAINT = words([
  'onterecht\\p{L}*',
  'niet terecht',
  'afgewezen',
  'afwijzen',
  'wijzen',
  'niet tegemoet\\p{L}*',
  'niet honoreren',
  'unjustified',
  'not justified',
  'rejected?',
  'reject',
  'dismiss\\p{L}*',
  'cannot (?:accept|agree)',
]);
export const ABOUT_COMPLAINT = words(['klacht\\p{L}*', 'verzoek', 'complaint\\p{L}*', 'request']);
export const REGRET_LEAD = words(['helaas', 'unfortunately', 'regrettably', 'sadly']);
export const NEGATION_WORD = words(['niet', 'geen', 'not', 'cannot', "can't", 'no']);

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
  // The norm that was (not) met is a reason too: "u had gebeld moeten worden", "u mag verwachten dat …".
  'had(?:den)? (?:[\\p{L}-]+ ){0,8}moeten',
  'mag verwachten',
  'mogen verwachten',
  'recht op',
  'volgens (?:de|onze|het) (?:regels?|norm|afspraak|afspraken|schema|wet)',
  'should have',
  'ought to',
  'may expect',
  'are entitled',
  'were entitled',
]);
/** A verdict explained after a colon: "Uw klacht is terecht: u had …". */
export const VERDICT_COLON =
  /(?<![\p{L}])(?:gegrond|terecht|ongegrond|onterecht|upheld|justified|unjustified)\s*:\s*\p{L}/iu;
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
  /(?:excuses|excuus|sorry|spijt|apolog\p{L}*|regret)[^.!?]{0,40}(?:als|indien|voor zover|mocht|if|in case|to the extent)\s[^.!?]{0,40}(?:voel|ervaar|ervar|beleefd|felt|feel|experienc)|(?:spijt|sorry)[^.!?]{0,20}(?:dat u|that you)\s(?:dit|het|this|it)\s(?:zo\s|so\s|that way\s)?(?:heeft\s|have\s)?(?:ervaren|ervaart|beleefd|voelt|gevoeld|experienced|felt|feel)/iu;
/** LET-04: the remedy is this letter itself (the explanation asked for, a calculation enclosed). */
export const REMEDY_IN_THIS_LETTER = words([
  'in deze brief',
  'met deze brief',
  'bij deze brief',
  'meesturen',
  'meegestuurd',
  'bijgevoegd\\p{L}*',
  'in this letter',
  'with this letter',
  'enclosed',
]);
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
  // A measure from a date on is what the organisation learned: "Vanaf 1 mei 2027 loopt er …".
  'vanaf (?:\\d{1,2} )?\\p{L}+ \\d{4}',
  'from (?:\\d{1,2} )?\\p{L}+ \\d{4}',
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
  // The reason without a conjunction: "De medewerker is ziek." "Wij willen ook zijn kant horen."
  'ziek',
  'verlof',
  'vakantie',
  'afwezig',
  'wachten op',
  'willen (?:ook )?(?:zijn|haar|hun) kant',
  'ill',
  'on leave',
  'waiting for',
  'hear (?:his|her|their) side',
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
  'gebeurd',
  'gerealiseerd',
  'ingevoerd',
  'done',
  'implemented',
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

/**
 * AWB-08: an objection or appeal offered to the reader ("U kunt binnen zes weken bezwaar maken",
 * "you can appeal"). Whether it is offered against THIS letter is decided by OBJECTION_OTHER_DECISION.
 */
export const OBJECTION_OFFER = new RegExp(
  [
    '(?:kunt|kan|mag) u[^.!?]{0,80}(?:bezwaar|beroep)',
    'u (?:kunt|kan|mag)[^.!?]{0,80}(?:bezwaar|beroep)',
    'bezwaarschrift',
    'beroepschrift',
    '(?:bezwaar|beroep) (?:maken|instellen|aantekenen|indienen)',
    'in (?:hoger )?beroep (?:gaan|komen)',
    'rechtsmiddel\\p{L}*',
    'you (?:can|may|could)[^.!?]{0,80}(?:object|objection|appeal)',
    'notice of objection',
    '(?:lodge|file|submit|make) an? (?:objection|appeal)',
    'right (?:of|to) (?:object|objection|appeal)',
  ].join('|'),
  'giu',
);
/** The offer concerns this letter or the complaint handling itself. */
export const OBJECTION_SELF = words([
  '(?:deze|dit|onze|ons) (?:brief|besluit|beslissing|oordeel|antwoord|uitspraak)',
  'de (?:afhandeling|behandeling) van (?:uw|de|deze) klacht',
  'het oordeel over uw klacht',
  '(?:this|our) (?:letter|decision|answer|response|judgement|finding)',
  '(?:the )?handling of (?:your|the|this) complaint',
]);
/** The offer is about another decision ("tegen de parkeerboete zelf", "against the fine itself"). */
export const OBJECTION_OTHER_DECISION = new RegExp(
  [
    'tegen (?:de|het|die|dat|een|uw) (?!afhandeling|behandeling|oordeel)[\\p{L}-]+',
    '(?:de|het) [\\p{L}-]+ zelf',
    'against (?:the|that|a|your) (?!handling)[\\p{L}-]+',
    'to (?:the|that|a) (?:fine|decision on|assessment|penalty|refusal)',
    'the [\\p{L}-]+ itself',
  ].join('|'),
  'iu',
);
/** A clause that denies the route ("geen bezwaar mogelijk") is fine. */
export const NEGATION = words(['geen', 'niet', 'no', 'not', 'cannot']);

/**
 * LET-05: blaming the complainant, openly or in a conditional ("Had u de instructies gevolgd, dan …",
 * "If you had read …"), or by pointing at what "clearly" was written.
 */
export const BLAME = new RegExp(
  [
    'u had (?:moeten|beter|kunnen weten)',
    '(?:^|[,;:]\\s*)had u\\s(?![^.!?]{0,60}(?:krijgen|ontvangen|horen|gehoord|liever|vragen)\\b)',
    '(?:als|indien|wanneer) u[^.!?]{0,60}\\shad\\s+(?:gelezen|gevolgd|gecontroleerd|opgelet|gemeld|gebeld|gedaan|bekeken)',
    'uw (?:eigen )?(?:fout|schuld|nalatigheid|verantwoordelijkheid)',
    'door uw (?:eigen )?(?:toedoen|fout|nalatigheid)',
    'u heeft nagelaten',
    'u bent vergeten',
    'ten onrechte (?:stelt|meent|denkt|zegt|beweert) u',
    'u (?:stelt|meent|denkt|beweert) ten onrechte',
    'u heeft (?:de|het|onze)[^.!?]{0,40} niet (?:goed |zorgvuldig )?(?:gelezen|gevolgd|opgevolgd|bekeken|gecontroleerd)',
    'u bent zelf verantwoordelijk',
    'zoals (?:u had kunnen weten|[^.!?,]{0,40}duidelijk[^.!?,]{0,40}(?:staat|vermeld|aangegeven|beschreven))',
    // "you should have heard from us sooner" is our fault, not theirs.
    'you should have (?!(?:heard|received|been|had|got|gotten)\\b)',
    '(?:^|[,;:]\\s*)had you\\s(?![^.!?]{0,60}(?:heard|received|been told)\\b)',
    'if you had (?:read|followed|checked|looked|paid attention|called|told)',
    'should you have',
    'your (?:own )?(?:fault|mistake|negligence|responsibility)',
    'you failed to',
    'you neglected',
    'you forgot',
    'you did not (?:read|follow|check|pay attention)',
    'you wrongly',
    'you are (?:yourself )?responsible',
    'as (?:was )?clearly (?:stated|explained|shown|indicated)',
  ].join('|'),
  'gimu',
);
/**
 * LET-05: a bare defence of staff instead of an explanation ("Onze medewerkers hebben correct
 * gehandeld."). With a reason in the same sentence it is an explanation, which is fine.
 */
export const DEFENSIVE = new RegExp(
  [
    '(?:correct|juist|zorgvuldig|naar behoren|volgens de regels|volgens het protocol|professioneel) (?:heeft |hebben )?gehandeld',
    'niets (?:fout|verkeerd) gedaan',
    'geen (?:fout|fouten) (?:gemaakt|begaan)',
    'acted (?:correctly|properly|appropriately|in accordance)',
    'did nothing wrong',
    'made no (?:mistake|error)s?',
  ].join('|'),
  'giu',
);

/** LET-06: non-committing language, flagged where WE speak (first person). */
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
  'misschien',
  'streven(?: ernaar)?',
  'op korte termijn',
  'binnenkort',
  'zo mogelijk',
  'indien mogelijk',
  '(?:gaan|zullen|willen) (?:wij |we )?(?:kijken|bekijken|nagaan|onderzoeken) of',
  'in de nabije toekomst',
  'te zijner tijd',
  'hope',
  'hopefully',
  'hoping',
  'try',
  'trying',
  'attempt',
  'attempts',
  'perhaps',
  'maybe',
  'aim to',
  'endeavour',
  'strive',
  'shortly',
  'in due course',
  'in the near future',
  'look into whether',
  'see whether',
  'where possible',
]);
/** We, us, our, ik, wij, ons: the organisation speaks. */
export const FIRST_PERSON = words(['wij', 'we', 'ik', 'ons', 'onze', 'us', 'our', 'i']);
export const AS_SOON_AS_POSSIBLE = words([
  'zo (?:snel|spoedig) mogelijk',
  'zsm',
  'as soon as possible',
  'asap',
]);

/** NO-05: a "lesson" that is only a hope that it will not happen again. */
export const LESSON_AS_HOPE = new RegExp(
  [
    '(?:hopen|hoop|vertrouwen (?:erop|er op)|gaan ervan uit|gaan er van uit|verwachten)[^.!?]{0,80}(?:niet (?:meer|nog eens|opnieuw|weer)|voorkomen|herhaalt|herhalen)',
    '(?:hope|trust|expect)[^.!?]{0,80}(?:not (?:happen|occur|recur) again|won.t happen again|will not be repeated|never happens? again|not be repeated)',
  ].join('|'),
  'giu',
);

/** LET-08: officialese with a plain alternative. */
export const JARGON: readonly [RegExp, { nl: string; en: string }][] = (
  [
    ['derhalve', 'daarom'],
    ['alsmede', 'en'],
    ['teneinde', 'om'],
    ['ingevolge', 'volgens'],
    ['onverwijld', 'meteen'],
    ['hieromtrent', 'hierover'],
    ['voornoemde?', 'genoemde'],
    ['bovengenoemde?', 'deze'],
    ['middels', 'met'],
    ['inzake', 'over'],
    ['dientengevolge', 'daardoor'],
    ['reeds', 'al'],
    ['thans', 'nu'],
    ['desalniettemin', 'toch'],
    ['aangaande', 'over'],
    ['ten behoeve van', 'voor'],
    ['in casu', 'hier'],
    ['d\\.d\\.', 'van (met de datum)'],
    ['jl\\.', 'de datum voluit'],
    ['ondergetekende', 'ik'],
    ['onderhavige?', 'deze'],
    ['gelet op het (?:vorenstaande|voorgaande|bovenstaande)', 'daarom'],
    ['(?:op grond van|gezien) het vorenstaande', 'daarom'],
    ['mocht(?:en)? u', 'als u'],
    ['verdag(?:en|ing|d)|verdaag(?:d|t)', 'meer tijd nemen'],
    [
      '(?:delen|deel) wij u (?:hierbij )?mede|hierbij (?:delen|bevestigen|informeren|berichten) wij',
      'wij laten u weten',
    ],
    ['vertrouwende u hiermee', '(laat weg)'],
    ['hoogachtend', 'met vriendelijke groet'],
    ['pursuant to', 'under'],
    ['notwithstanding', 'despite'],
    ['aforementioned', 'this'],
    ['herewith', 'with this letter'],
    ['hereinafter', '(leave it out)'],
    ['the undersigned', 'I'],
    ['please be advised that', '(leave it out)'],
    ['in accordance with the foregoing', 'so'],
  ] as const
).map(([w, alt]) => [words([w]), { nl: alt, en: alt }] as [RegExp, { nl: string; en: string }]);

/**
 * NO-11: the complainant as a third person: an intake note pasted into a letter to them
 * ("Klaagster is ontevreden over …", "the complainant states"). "Als klager heeft u …" is fine.
 */
export const THIRD_PERSON_COMPLAINANT = new RegExp(
  [
    '(?<!(?:als|u als|as) )(?:de|deze|het|the) (?:klager|klaagster|verzoeker|verzoekster|betrokkene|complainant)(?![\\p{L}])',
    '(?:^|[.!?:]\\s+)(?:klager|klaagster|betrokkene|cliënt|complainant)(?![\\p{L}])',
    '(?<![\\p{L}])(?:zij|hij|she|he) (?:is|was|wil|vindt|stelt|geeft aan|heeft|states|says|wants|claims) (?:ontevreden|boos|unhappy|dissatisfied)',
    // "Mevrouw stelt dat …", "Meneer geeft aan …": a file note; with a name it may be a member of staff.
    '(?:^|[.!?:]\\s+)(?:mevrouw|meneer|mw\\.|dhr\\.) (?:stelt|geeft aan|meent|verklaart|is van mening|zegt)(?![\\p{L}])',
  ].join('|'),
  'giu',
);

/** NO-03: understanding shown before a refusal. */
export const UNDERSTANDING = words([
  'begrijp\\p{L}*',
  'begrip',
  'vervelend',
  'spijt',
  'jammer',
  'kunnen ons voorstellen',
  'voorstellen dat',
  'understand\\p{L}*',
  'appreciate',
  'sorry',
  'frustrating',
  'regret',
]);
/** NO-03: the decline says what happens with the problem behind the complaint. */
export const UNDERLYING_PROBLEM = new RegExp(
  [
    '(?:het|uw) (?:probleem|vraag|verzoek|situatie|zorg)[^.!?]{0,80}(?:wel|toch|nog|zelf|lossen|helpen|bekijken|doorgegeven|doorgestuurd|nemen|opnemen)',
    '(?:wat|waarmee) (?:wij|we) (?:wel|nog|u)[^.!?]{0,40}(?:doen|kunnen|helpen)',
    '(?:wij|we) (?:helpen|zorgen|nemen|bellen|sturen|geven|kijken|lossen)[^.!?]{0,80}(?:wel|toch|nog|alsnog|probleem|contact|op)',
    'the (?:problem|issue|situation|question)[^.!?]{0,80}(?:still|itself|will|we|solve|help|pass)',
    '(?:what|how) we (?:can|will)[^.!?]{0,40}(?:do|help)',
    'we (?:will|can|have)[^.!?]{0,60}(?:still|nevertheless|however|help|contact|call|solve|pass)',
    // The letter goes the route it belongs in: "we have treated your letter as an objection".
    '(?:treated|handle|handled|deal with|dealt with|passed on) (?:your letter|your request|it|this) as (?:an? )?(?:objection|appeal|request|report)',
    'als (?:bezwaar\\p{L}*|melding|aanvraag|verzoek) (?:behandeld|behandelen|opgepakt|oppakken|doorgestuurd|doorgegeven)',
    '(?:behandelen|behandeld|pakken|opgepakt)[^.!?]{0,40} als (?:bezwaar\\p{L}*|melding|aanvraag|verzoek)',
  ]
    // Whole words at both ends ("op" is not the end of "Populierstraat").
    .map((alt) => `(?<![\\p{L}])${alt}(?![\\p{L}])`)
    .join('|'),
  'giu',
);
/** The refusal itself. */
export const REFUSAL = words([
  'niet in behandeling',
  'nemen uw klacht niet',
  'behandelen uw klacht niet',
  'will not (?:handle|deal with|investigate|consider) your complaint',
  'cannot (?:handle|deal with|investigate|consider) your complaint',
]);
/** AWB-11: the complaint is resolved (the complainant said so). */
export const RESOLVED = words(['opgelost', 'naar tevredenheid', 'resolved', 'sorted out', 'settled']);
/** LET-10: regret about the delay, in plain words. */
export const DELAY_REGRET = words([
  'excuses',
  'excuus',
  'spijt',
  'sorry',
  'jammer',
  'vervelend',
  'apolog\\p{L}*',
  'regret',
]);
/** NO-02 / ISO-01: the request (desired outcome) is answered. */
export const ASKED_FOR = words([
  'u vroeg',
  'u vraagt',
  'u wil(?:t|de)?',
  'u verzocht',
  'u verzoekt',
  'uw (?:verzoek|vraag|wens)',
  'u hoopte',
  'u zou graag',
  'vroeg u',
  'u heeft (?:ons )?(?:gevraagd|verzocht)',
  // An informal letter ("Beste Joris") says je/jij.
  '(?:je|jij) (?:vroeg|vraagt|wil(?:t|de)?|verzocht|hoopte)',
  'vroeg (?:je|jij)',
  '(?:je|jouw) (?:verzoek|vraag|wens)',
  'you have asked',
  'you asked',
  'you ask',
  'you want(?:ed)?',
  'you requested',
  'your request',
  'you would like',
]);
/** WKKGZ-01: the complaints regulation. */
export const REGULATION = words([
  'klachtenregeling',
  'klachtregeling',
  'complaints? (?:regulation|procedure|policy|rules)',
]);
/** WKKGZ-03: the free klachtenfunctionaris. */
export const COMPLAINTS_OFFICER = words([
  'klachtenfunctionaris\\p{L}*',
  'klachtenopvang',
  'complaints officer',
]);
/** WKKGZ-04: "hoorgesprek" is Awb language; the Wkkgz aims at a solution in conversation. */
export const AWB_HEARING_WORDS = words([
  'hoorgesprek\\p{L}*',
  'hoorzitting',
  'hoor en wederhoor',
  'hoorplicht',
]);
/** AWB-71: the letter acknowledges it is late. */
export const LATE = words([
  'te laat',
  'later dan',
  'niet binnen de (?:wettelijke )?termijn',
  'termijn (?:is )?(?:verstreken|overschreden)',
  'late',
  'later than',
  'past the (?:deadline|time limit)',
  'not within the (?:statutory )?(?:term|time limit|period)',
]);
/** AWB-51: the ombudsman term written as a day before which (one day short when it is the anniversary). */
export const BEFORE_DATE = /(?:vóór|voor|before)\s+(?=\d{1,2}\s+\p{L}+\s+\d{4})/giu;
export const LATEST_ON_DATE =
  /(?:uiterlijk(?:\s+op)?|tot en met|no later than|by|on or before|up to and including)\s+(?=\d{1,2}\s+\p{L}+\s+\d{4})/giu;

// ---------------------------------------------------------------------------------------------
// Reading facts back from text (case-aware rules)

const MONTHS: Record<string, number> = Object.fromEntries(
  [...NL_MONTHS.split('|'), ...EN_MONTHS.toLowerCase().split('|')].map((m, i) => [m, (i % 12) + 1]),
);
const pad = (n: number) => String(n).padStart(2, '0');

/** The full dates a text writes ("4 januari 2027", "January 4, 2027", "2027-01-04"), as YYYY-MM-DD. */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(\d{1,2})\s+(\p{L}+)\s+(\d{4})/gu)) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) out.push(`${m[3]}-${pad(month)}-${pad(Number(m[1]))}`);
  }
  for (const m of text.matchAll(/(\p{L}+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/gu)) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) out.push(`${m[3]}-${pad(month)}-${pad(Number(m[2]))}`);
  }
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)) out.push(m[0]);
  return out;
}

/** Amounts in euros ("€ 1.250,00", "€12.50", "EUR 50", "50 euro"). */
export function amountsIn(text: string): number[] {
  const out: number[] = [];
  const re = /(?:€|EUR)\s?(\d[\d.,]*)|(\d[\d.,]*)\s?(?:euro|EUR)(?![\p{L}])/giu;
  for (const m of text.matchAll(re)) {
    let raw = (m[1] ?? m[2]!).replace(/[.,]$/, '');
    if (/,\d{2}$/.test(raw)) raw = raw.replace(/\./g, '').replace(',', '.');
    else if (/\.\d{2}$/.test(raw)) raw = raw.replace(/,/g, '');
    else raw = raw.replace(/[.,]/g, '');
    const n = Number(raw);
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

const STOP = new Set(
  (
    'de het een en van in op te dat die dit deze is zijn was waren wordt worden met voor over aan bij om uit tot naar ' +
    'ook nog wel niet geen maar als dan of omdat want door zo er hier daar waar wat wie hoe wanneer u uw wij we ons onze ' +
    'ik mij mijn zij hij haar hun hem men dank bedankt wel graag klacht klachten brief bericht mail e-mail ontvangen ' +
    'hebt heb ben bent zijn was werd wordt gedaan doen gaan komen komt kwam staat stond hierin daarin waarin waarover ' +
    'welke zoals onder tussen eerst daarna alleen zelf even echt heel goed zeer snel lang graag hiermee daarmee ' +
    'beschreven beschrijft aangegeven gegeven gemeld meldt vertelt vertelde vertelden gevraagd vraagt vroeg ' +
    'ingediend indiende indienen gestuurd stuurde gesproken spraken gesprek telefoon telefonisch ' +
    'inhoud inleiding conclusie oordeel onderdeel onderdelen uitkomst resultaat bevindingen ' +
    'into onto over with within without about after before then also just very much more most some any ' +
    'sent wrote write writes told tell said says asked spoke spoken called call phone conversation ' +
    'outcome result findings conclusion view part parts points point set sets what which who how when where ' +
    'here there below above following further first next last look looks looking into ' +
    'datum deze gaat ging heeft hebben had hadden kunt kan kunnen zal zullen wil willen moet moeten laten leest lezen ' +
    'schreef schrijft schreven uitgelegd antwoord reactie behandeling behandelen onderzocht onderzoek bekeken zorgvuldig ' +
    'dienstverlening organisatie gemeente zaak kwestie punt punten hieronder hierover volgende verder alle elke ieder ' +
    'the a an and of in on to that this these is are was were be been with for about at by from as than or because ' +
    'you your we our us i my he she they them their thank thanks letter complaint complaints email received date ' +
    'has have had can could will would should may might read explain explains answer response handling handled ' +
    'looked carefully service organisation matter issue below following every each all ' +
    'genomen nemen neemt naar aanleiding schrijven hierbij mede mededelen delen betreft betreffende inzake ' +
    'reageren reageert bericht berichten ontvangst behandeld beoordeeld ' +
    'taken take takes consideration considered regarding concerning reply respond responding please find ' +
    'hereby inform informs enclosed reference referring'
  ).split(/\s+/),
);
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Content words (not letter boilerplate), folded, for comparing a letter with the case. */
export function contentWords(text: string): string[] {
  return (text.match(/[\p{L}][\p{L}'-]{3,}/gu) ?? [])
    .map(fold)
    .filter((w) => !STOP.has(w) && !Object.hasOwn(MONTHS, w));
}

/** Two texts share a content word (compared on their first six letters: "wachttijd" ~ "wachttijden"). */
export function sharesContentWord(a: string, b: string): boolean {
  const key = (w: string) => w.slice(0, 6);
  const left = new Set(contentWords(a).map(key));
  return contentWords(b).some((w) => left.has(key(w)));
}

const NL_MARKERS =
  /(?<![\p{L}])(?:de|het|een|en|van|uw|u|wij|ons|onze|niet|voor|met|dat|die|deze|zijn|wordt|hebben|heeft|kunt|naar|ook|bij)(?![\p{L}])/giu;
const EN_MARKERS =
  /(?<![\p{L}])(?:the|and|of|your|you|our|not|for|with|that|this|these|are|has|have|can|to|by|will|be|it)(?![\p{L}])/giu;

/** The language a paragraph is written in, or null when it is too short or mixed to tell. */
export function paragraphLang(text: string): 'nl' | 'en' | null {
  // Names of bodies and addresses are not prose.
  const prose = text.replace(/(?:Nationale ombudsman|Postbus \d+|www\.\S+|https?:\/\/\S+)/gi, ' ');
  const nl = (prose.match(NL_MARKERS) ?? []).length;
  const en = (prose.match(EN_MARKERS) ?? []).length;
  if (nl + en < 4) return null;
  if (nl >= 3 && nl > 2 * en) return 'nl';
  if (en >= 3 && en > 2 * nl) return 'en';
  return null;
}
