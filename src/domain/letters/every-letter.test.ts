// Every letter kind Redress writes, for every regime and in both languages, passes its own linter
// (as composed, and as the e-mail text parsed back), and a field that reads as a staff note never
// reaches the letter. The nine situations are read in detail in
// situations.test.ts; this file is the sweep over kind × regime × language.

import { describe, expect, it } from 'vitest';
import type { RegimeId } from '../deadlines.js';
import {
  type DecisionInput,
  type DecisionItem,
  type LetterContext,
  composeDecisionLetter,
} from './compose.js';
import type { CaseFacts } from './engine.js';
import { readsAsNote } from './fields.js';
import { lintLetter } from './lint.js';
import { LETTER_KINDS, type Letter, type LetterLang } from './model.js';
import {
  composeAcknowledgement,
  composeDecisionNotice,
  composeDeclineNotice,
  composeExtensionNotice,
  composeFollowUp,
  composeForwardingNotice,
  composeHearingInvitation,
  composeInformalResolution,
} from './notices.js';
import { letterToText, parseLetter } from './parse.js';

const REGIME_IDS: RegimeId[] = ['awb', 'awb-advisory', 'wkkgz', 'company'];
const T = (lang: LetterLang, nl: string, en: string) => (lang === 'nl' ? nl : en);

const context = (lang: LetterLang, regime: RegimeId, letterDate = '2027-04-02'): LetterContext => ({
  lang,
  regime,
  organisationName:
    regime === 'wkkgz'
      ? 'Zorggroep Rivierenland'
      : regime === 'company'
        ? 'Waterbedrijf Oost'
        : 'Gemeente Voorbeeldstad',
  reference: 'KL-2027-000042',
  letterDate,
  recipientName: T(lang, 'mevrouw De Vries', 'Ms De Vries'),
  handler: { name: 'Sanne Bakker', phone: '030 286 12 34' },
  externalBody:
    regime === 'wkkgz'
      ? { name: 'De Geschillencommissie Zorg', url: 'www.degeschillencommissiezorg.nl' }
      : regime === 'company'
        ? { name: 'De Geschillencommissie', url: 'www.degeschillencommissie.nl' }
        : undefined,
  regulationUrl: regime === 'wkkgz' ? 'https://www.zorggroeprivierenland.example/klachtenregeling' : null,
  complaintsOfficer: regime === 'wkkgz' ? { name: 'Petra de Boer', phone: '030 286 99 00' } : null,
});

const items = (lang: LetterLang): DecisionItem[] => [
  {
    title: T(lang, 'de wachttijd aan de balie', 'the waiting time at the desk'),
    severity: 'light',
    judgement: 'not_upheld',
    findings: T(
      lang,
      'U wachtte op 8 februari 2027 35 minuten. Die ochtend waren twee van de drie balies open, omdat een collega ziek was.',
      'You waited 35 minutes on 8 February 2027. Two of the three desks were open that morning because a colleague was ill.',
    ),
    reasons: T(
      lang,
      'met een afspraak wordt u binnen 10 minuten geholpen, en die dag had u geen afspraak',
      'with an appointment you are seen within 10 minutes, and you did not have one that day',
    ),
    remedies: [],
  },
  {
    title: T(lang, 'hoe de medewerker u te woord stond', 'how the member of staff spoke to you'),
    severity: 'heavy',
    judgement: 'upheld',
    findings: T(
      lang,
      'De medewerker herkent dat hij kortaf was.',
      'The member of staff recognises that he was curt.',
    ),
    reasons: T(lang, 'u mag verwachten dat wij vriendelijk blijven', 'you may expect us to stay polite'),
    remedies: [
      {
        kind: 'compensation',
        description: T(
          lang,
          'Wij betalen de reiskosten van uw tweede bezoek terug',
          'We will refund the travel costs of your second visit',
        ),
        amount: 7.4,
        dueDate: '2027-04-16',
      },
      {
        kind: 'correction',
        description: T(
          lang,
          'U kunt uw paspoort ophalen zonder afspraak, bij balie 1',
          'You can collect your passport without an appointment at desk 1',
        ),
        performer: 'complainant',
        dueDate: '2027-05-31',
      },
    ],
  },
];

const core = (lang: LetterLang) =>
  T(
    lang,
    'U bent ontevreden over uw bezoek aan de balie op 8 februari 2027',
    'You are unhappy about your visit to the desk on 8 February 2027',
  );

function decision(
  lang: LetterLang,
  regime: RegimeId,
  its: DecisionItem[],
  over: Partial<DecisionInput> = {},
) {
  return composeDecisionLetter({
    ...context(lang, regime),
    complaintDate: '2027-02-10',
    core: core(lang),
    decisionDue: '2027-04-07',
    items: its,
    lessons: [
      T(
        lang,
        'Vanaf 1 mei 2027 staat er op drukke ochtenden een extra collega aan de balie',
        'From 1 May 2027 an extra colleague works at the desk on busy mornings',
      ),
    ],
    requestAnswer: T(
      lang,
      'U vroeg om een gesprek met de teamleider. Zij belt u uiterlijk op 16 april 2027',
      'You asked to talk to the team leader. She will call you by 16 April 2027',
    ),
    conclusion: T(lang, 'Wij betalen uw reiskosten terug', 'We will refund your travel costs'),
    ...over,
  });
}

const facts = (lang: LetterLang, its: DecisionItem[]): CaseFacts => ({
  subject: [T(lang, 'uw bezoek aan de balie', 'your visit to the desk'), ...its.map((i) => i.title!)],
  desiredOutcome: T(lang, 'Ik wil een gesprek met de teamleider.', 'I want to talk to the team leader.'),
  items: its.map((i) => ({ title: i.title!, judgement: i.judgement })),
  amounts: [7.4],
  dates: ['2027-02-08', '2027-02-10', '2027-04-07', '2027-04-16', '2027-05-01', '2027-05-31'],
  decisionDue: '2027-04-07',
});

/** Every letter kind for one regime and language, with the case behind it where the linter can use it. */
function everyLetter(
  lang: LetterLang,
  regime: RegimeId,
): { name: string; letter: Letter; facts?: CaseFacts }[] {
  const c = context(lang, regime);
  const its = items(lang);
  const ext = { receiptDate: '2027-02-10', originalDue: '2027-03-24', newDue: '2027-04-21', weeks: 4 };
  const hearing = { complaintDate: '2027-02-10', hearingDate: '2027-03-03', time: '14.00', place: 'Markt 1' };
  return [
    {
      name: 'acknowledgement',
      letter: composeAcknowledgement({
        ...c,
        receiptDate: '2027-02-10',
        decisionDue: '2027-03-24',
        contactWorkingDays: 5,
      }),
    },
    { name: 'decision upheld', letter: decision(lang, regime, [its[1]!]), facts: facts(lang, [its[1]!]) },
    {
      name: 'decision not upheld',
      letter: decision(lang, regime, [its[0]!], { lessons: [], conclusion: null }),
      facts: facts(lang, [its[0]!]),
    },
    { name: 'decision mixed', letter: decision(lang, regime, its), facts: facts(lang, its) },
    {
      name: 'decision late',
      letter: decision(lang, regime, its, { letterDate: '2027-04-20' }),
      facts: facts(lang, its),
    },
    {
      name: 'extension to the complainant',
      letter: composeExtensionNotice({
        ...c,
        ...ext,
        recipientRole: 'complainant',
        core: core(lang),
        reason: T(
          lang,
          'de medewerker over wie u klaagt, is tot 1 april met verlof en wij willen ook zijn kant horen',
          'the member of staff you complained about is on leave until 1 April and we want to hear his side too',
        ),
      }),
    },
    {
      name: 'extension to the respondent',
      letter: composeExtensionNotice({
        ...c,
        ...ext,
        recipientName: T(lang, 'de heer Jansen', 'Mr Jansen'),
        recipientRole: 'respondent',
        reason: T(
          lang,
          'de medewerker over wie u klaagt, is met verlof',
          'the person complained about is on leave',
        ),
        respondentReason: T(
          lang,
          'Wij willen na uw verlof ook met u spreken over wat er gebeurde',
          'We want to talk to you about what happened after your leave',
        ),
      }),
    },
    {
      name: 'informal resolution',
      letter: composeInformalResolution({
        ...c,
        contactDate: '2027-02-12',
        solution: T(
          lang,
          'u kunt uw paspoort zonder afspraak ophalen bij balie 1',
          'you can collect your passport without an appointment at desk 1',
        ),
      }),
    },
    {
      name: 'decline',
      letter: composeDeclineNotice({
        ...c,
        letterDate: '2027-03-01',
        complaintDate: '2027-02-10',
        core: T(
          lang,
          'U bent ontevreden over hoe een medewerker u in 2025 te woord stond over de kapotte stoep voor uw huis',
          'You are unhappy about how a member of staff spoke to you in 2025 about the broken pavement in front of your house',
        ),
        ground: 'b',
        motivation: T(
          lang,
          'Het gesprek was op 3 januari 2026. Na zo lange tijd kunnen wij niet meer goed nagaan wat er is gezegd',
          'The conversation was on 3 January 2026. After so long we cannot check what was said',
        ),
        requestAnswer: T(
          lang,
          'U vroeg ons de stoep te herstellen. Dat doen wij',
          'You asked us to repair the pavement. We will do that',
        ),
        underlyingProblem: T(
          lang,
          'De afdeling Wegen herstelt de stoeptegels uiterlijk op 15 april 2027',
          'The roads department will repair the paving stones by 15 April 2027',
        ),
      }),
      facts: {
        subject: [T(lang, 'de kapotte stoep voor uw huis', 'the broken pavement in front of your house')],
        desiredOutcome: T(lang, 'Ik wil dat de stoep wordt hersteld.', 'I want the pavement repaired.'),
        items: [],
        amounts: [],
        dates: ['2027-02-10', '2026-01-03', '2027-04-15'],
      },
    },
    {
      name: 'forwarding',
      letter: composeForwardingNotice({
        ...c,
        complaintDate: '2027-02-10',
        core: core(lang),
        forwardedTo: {
          name: T(lang, 'de Omgevingsdienst', 'the Environment Agency'),
          address: 'Postbus 1, 1000 AA Utrecht',
        },
        forwardedOn: '2027-02-12',
        reason: T(
          lang,
          'de Omgevingsdienst gaat over geluidsoverlast',
          'the Environment Agency deals with noise',
        ),
      }),
    },
    {
      name: 'hearing invitation to the complainant',
      letter: composeHearingInvitation({
        ...c,
        ...hearing,
        recipientRole: 'complainant',
        respondBy: '2027-02-24',
      }),
    },
    {
      name: 'hearing invitation to the respondent',
      letter: composeHearingInvitation({
        ...c,
        ...hearing,
        recipientName: T(lang, 'de heer Jansen', 'Mr Jansen'),
        recipientRole: 'respondent',
      }),
    },
    {
      name: 'decision notice to the respondent',
      letter: composeDecisionNotice({
        ...c,
        recipientName: T(lang, 'de heer Jansen', 'Mr Jansen'),
        complaintDate: '2027-02-10',
        items: its.map((i) => ({ title: i.title!, judgement: i.judgement, severity: i.severity })),
        measures: [T(lang, 'een extra collega aan de balie', 'an extra colleague at the desk')],
      }),
    },
    {
      name: 'follow-up, done',
      letter: composeFollowUp({
        ...c,
        decisionLetterDate: '2027-03-01',
        measure: T(
          lang,
          'een extra collega aan de balie op drukke ochtenden',
          'an extra colleague at the desk on busy mornings',
        ),
        dueDate: '2027-05-01',
        completedOn: '2027-04-28',
      }),
    },
    {
      name: 'follow-up, late',
      letter: composeFollowUp({
        ...c,
        decisionLetterDate: '2027-03-01',
        measure: T(
          lang,
          'een extra collega aan de balie op drukke ochtenden',
          'an extra colleague at the desk on busy mornings',
        ),
        dueDate: '2027-05-01',
        newDueDate: '2027-06-01',
        delayReason: T(
          lang,
          'de nieuwe collega begint pas op 25 mei',
          'the new colleague only starts on 25 May',
        ),
      }),
    },
  ];
}

const CASES = REGIME_IDS.flatMap((regime) =>
  (['nl', 'en'] as const).flatMap((lang) =>
    everyLetter(lang, regime).map((l) => [`${regime} ${lang} ${l.name}`, l] as const),
  ),
);

describe('every generated letter passes its own linter', () => {
  it('covers every letter kind', () => {
    const kinds = new Set(CASES.map(([, l]) => l.letter.kind));
    expect([...kinds].sort()).toEqual([...LETTER_KINDS].sort());
  });

  it.each(CASES)('%s', (_name, { letter, facts: f }) => {
    const brief = (fs: ReturnType<typeof lintLetter>) =>
      fs.map((x) => `${x.severity} ${x.rule}: ${x.message}`);
    expect(brief(lintLetter(letter, { facts: f }))).toEqual([]);
    // The e-mail text, parsed back, as `letters lint` and the complainant see it.
    const parsed = parseLetter(letterToText(letter), {
      kind: letter.kind,
      regime: letter.regime,
      lang: letter.lang,
    });
    expect(brief(lintLetter({ ...parsed, recipient: letter.recipient }, { facts: f }))).toEqual([]);
  });
});

describe('a field that reads as a staff note never reaches a letter', () => {
  const NOTES = {
    core: 'Klaagster is ontevreden over meneer Jansen van de balie',
    conclusion: 'Klager krijgt reiskosten terug, dhr. Bakker akkoord',
    title: 'klager vindt medewerker onbeleefd',
  };
  for (const note of Object.values(NOTES))
    it(`"${note}" reads as a note`, () => expect(readsAsNote(note)).toBe(true));

  it.each(REGIME_IDS.flatMap((r) => (['nl', 'en'] as const).map((l) => [r, l] as const)))(
    '%s %s: decision, extension, decline and forwarding print none of it and still pass',
    (regime, lang) => {
      const its = items(lang);
      const noted: DecisionItem[] = [its[0]!, { ...its[1]!, title: NOTES.title }];
      const letters: Letter[] = [
        decision(lang, regime, noted, { core: NOTES.core, conclusion: NOTES.conclusion }),
        composeExtensionNotice({
          ...context(lang, regime),
          receiptDate: '2027-02-10',
          originalDue: '2027-03-24',
          newDue: '2027-04-21',
          weeks: 4,
          recipientRole: 'complainant',
          core: NOTES.core,
          reason: T(lang, 'de medewerker is ziek', 'the member of staff is ill'),
        }),
        composeDeclineNotice({
          ...context(lang, regime),
          complaintDate: '2027-02-10',
          core: NOTES.core,
          ground: 'b',
          motivation: T(lang, 'Het gesprek was op 3 januari 2026', 'The conversation was on 3 January 2026'),
          requestAnswer: T(
            lang,
            'U vroeg om excuses. Die bieden wij u aan',
            'You asked for an apology. We apologise',
          ),
          underlyingProblem: T(
            lang,
            'Wij bellen u uiterlijk op 15 april 2027 over de stoep',
            'We will call you about the pavement by 15 April 2027',
          ),
        }),
        composeForwardingNotice({
          ...context(lang, regime),
          complaintDate: '2027-02-10',
          core: NOTES.core,
          forwardedTo: { name: T(lang, 'de Omgevingsdienst', 'the Environment Agency') },
          forwardedOn: '2027-02-12',
          reason: T(
            lang,
            'de Omgevingsdienst gaat over geluidsoverlast',
            'the Environment Agency deals with noise',
          ),
        }),
      ];
      for (const l of letters) {
        const text = letterToText(l);
        for (const note of Object.values(NOTES)) expect(text).not.toContain(note);
        expect(text).not.toMatch(/klaagster|klager|meneer Jansen|dhr\./i);
        expect(lintLetter(l).filter((f) => f.severity === 'error')).toEqual([]);
      }
    },
  );
});
