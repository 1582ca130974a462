// The nine letter situations a complainant meets, composed from structured facts and read back:
// acknowledgement, upheld, not upheld, mixed, extension (complainant and respondent), informal
// resolution, decline, Wkkgz decision, English decision. Each passes its own linter (with the case
// known), prints no note, answers the request, and says the things the law and the ombudsman ask.

import { describe, expect, it } from 'vitest';
import type { RegimeId } from '../deadlines.js';
import {
  type DecisionInput,
  type DecisionItem,
  type LetterContext,
  composeDecisionLetter,
} from './compose.js';
import type { CaseFacts } from './engine.js';
import { noteSignals } from './fields.js';
import { lintLetter } from './lint.js';
import type { Letter, LetterLang } from './model.js';
import {
  composeAcknowledgement,
  composeDeclineNotice,
  composeExtensionNotice,
  composeInformalResolution,
} from './notices.js';
import { letterToText, parseLetter } from './parse.js';

const context = (lang: LetterLang, regime: RegimeId, letterDate = '2027-04-02'): LetterContext => ({
  lang,
  regime,
  organisationName: regime === 'wkkgz' ? 'Zorggroep Rivierenland' : 'Gemeente Voorbeeldstad',
  reference: 'KL-2027-000042',
  letterDate,
  recipientName: lang === 'nl' ? 'mevrouw De Vries' : 'Ms De Vries',
  salutation: lang === 'nl' ? 'Geachte mevrouw De Vries' : 'Dear Ms De Vries',
  handler: { name: 'Sanne Bakker', phone: '030 286 12 34' },
  externalBody:
    regime === 'wkkgz'
      ? { name: 'De Geschillencommissie Zorg', url: 'www.degeschillencommissiezorg.nl' }
      : undefined,
  regulationUrl: 'https://www.zorggroeprivierenland.example/klachtenregeling',
  complaintsOfficer: { name: 'Petra de Boer', phone: '030 286 99 00' },
});

const NL_ITEMS = {
  waiting: {
    title: 'de wachttijd aan de balie',
    severity: 'light',
    findings:
      'U wachtte op 8 februari 2027 35 minuten. Die ochtend waren twee van de drie balies open, omdat een collega ziek was.',
    judgement: 'not_upheld',
    reasons:
      'wij vragen u om een afspraak te maken, en met een afspraak wordt u binnen 10 minuten geholpen; u had geen afspraak',
    remedies: [],
  },
  treatment: {
    title: 'hoe de medewerker u te woord stond',
    severity: 'heavy',
    findings:
      'De medewerker herkent dat hij kortaf was en u niet heeft uitgelegd waarom uw paspoort nog niet klaar was.',
    judgement: 'upheld',
    reasons: 'u mag verwachten dat wij vriendelijk blijven en uitleggen wat er aan de hand is',
    remedies: [
      {
        kind: 'compensation',
        description: 'Wij betalen de reiskosten van uw tweede bezoek terug',
        amount: 7.4,
        dueDate: '2027-04-16',
      },
      {
        kind: 'correction',
        description: 'U kunt uw paspoort ophalen zonder afspraak, bij balie 1',
        performer: 'complainant',
        dueDate: '2027-05-31',
      },
    ],
  },
} satisfies Record<string, DecisionItem>;

const nlDecision = (items: DecisionItem[], over: Partial<DecisionInput> = {}): DecisionInput => ({
  ...context('nl', 'awb'),
  complaintDate: '2027-02-10',
  core: 'U bent ontevreden over uw bezoek aan de balie van het Stadskantoor op 8 februari 2027',
  decisionDue: '2027-04-07',
  items,
  lessons: ['Vanaf 1 mei 2027 staat er op drukke ochtenden een extra collega aan de balie'],
  requestAnswer:
    'U vroeg om een gesprek met de teamleider. Dat gesprek heeft zij u aangeboden; zij belt u uiterlijk op 16 april 2027 om een moment te kiezen',
  conclusion: 'Wij betalen uw reiskosten terug en u kunt uw paspoort zonder afspraak ophalen',
  ...over,
});

const nlFacts = (items: DecisionItem[]): CaseFacts => ({
  subject: ['uw bezoek aan de balie van het Stadskantoor', ...items.map((i) => i.title!)],
  desiredOutcome: 'Ik wil een gesprek met de teamleider van de balie.',
  items: items.map((i) => ({ title: i.title!, judgement: i.judgement })),
  amounts: [7.4],
  dates: ['2027-02-08', '2027-02-10', '2027-03-24', '2027-04-16', '2027-05-31', '2027-05-01'],
  decisionDue: '2027-04-07',
});

function read(letter: Letter, facts?: CaseFacts) {
  const text = letterToText(letter);
  const errors = lintLetter(letter, { facts }).filter((f) => f.severity === 'error');
  // The e-mail text, parsed back, passes as well (what `letters lint` sees).
  const parsed = lintLetter(
    {
      ...parseLetter(text, { kind: letter.kind, regime: letter.regime, lang: letter.lang }),
      recipient: letter.recipient,
    },
    { facts },
  ).filter((f) => f.severity === 'error');
  return { text, errors, parsed };
}

const NOTE_WORDS =
  /(?<![\p{L}])(?:klager|klaagster|de klant|betrokkene|complainant|verdagen|verdaagd)(?![\p{L}])/iu;

describe('the nine letter situations', () => {
  it('1. acknowledgement: receipt date, answer date, a conversation, the handler', () => {
    const l = composeAcknowledgement({
      ...context('nl', 'awb'),
      receiptDate: '2027-02-10',
      decisionDue: '2027-03-24',
      contactWorkingDays: 5,
    });
    const { text, errors, parsed } = read(l);
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text).toMatch(/^Geachte mevrouw De Vries,/);
    expect(text).toContain('10 februari 2027');
    expect(text).toContain('uiterlijk op 24 maart 2027');
    expect(text).not.toMatch(NOTE_WORDS);
  });

  it('2. upheld: apology, who pays what by when, what the complainant can do, lesson, the request answered', () => {
    const items = [NL_ITEMS.treatment];
    const l = composeDecisionLetter(nlDecision(items));
    const { text, errors, parsed } = read(l, nlFacts(items));
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text).toContain('Wij vinden uw klacht gegrond.'); // one item: no "onderdeel"
    expect(text).not.toMatch(/onderdeel/i);
    expect(text).toContain('€ 7,40');
    expect(text).toContain('uiterlijk op 16 april 2027 op uw rekening');
    expect(text).toContain(
      'Wat u kunt doen: U kunt uw paspoort ophalen zonder afspraak, bij balie 1. Dat kan tot en met 31 mei 2027.',
    );
    expect(text).not.toMatch(/Dat doen wij uiterlijk[^.]*\. *\n?.*U kunt/); // no promise after a remedy the complainant performs
    expect(text).toContain('U vroeg om een gesprek met de teamleider.');
    expect(text).toContain('uiterlijk op 2 april 2028'); // AWB-51: "uiterlijk op", never "vóór"
    expect(text).not.toMatch(NOTE_WORDS);
  });

  it('3. not upheld: understanding, no blame, still the request and the ombudsman', () => {
    const items = [NL_ITEMS.waiting];
    const l = composeDecisionLetter(nlDecision(items, { lessons: [], conclusion: null }));
    const { text, errors, parsed } = read(l, nlFacts(items));
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text).toContain('Wij begrijpen dat u dit anders had verwacht.');
    expect(text).toContain('Nationale ombudsman');
    expect(text).toContain('U vroeg om');
  });

  it('4. mixed: not upheld before upheld, an overall conclusion in the slot, no verdict in the inleiding', () => {
    const items = [NL_ITEMS.treatment, NL_ITEMS.waiting];
    const l = composeDecisionLetter(nlDecision(items));
    const { text, errors, parsed } = read(l, nlFacts(items));
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text.indexOf('Onderdeel 1: de wachttijd aan de balie')).toBeGreaterThan(0);
    expect(text.indexOf('Onderdeel 2: hoe de medewerker u te woord stond')).toBeGreaterThan(
      text.indexOf('Onderdeel 1'),
    );
    expect(text).toContain('de twee onderdelen van uw klacht');
    expect(l.paragraphs.find((p) => p.role === 'slot')!.text).toContain('Wij betalen uw reiskosten terug');
    expect(l.paragraphs[1]!.text).not.toMatch(/gegrond|terecht/);
  });

  it('5. extension to both parties: sorry in plain words for the complainant, own wording for the respondent, never "verdagen"', () => {
    const base = { receiptDate: '2027-02-10', originalDue: '2027-03-24', newDue: '2027-04-21', weeks: 4 };
    const toComplainant = composeExtensionNotice({
      ...context('nl', 'awb', '2027-03-15'),
      ...base,
      recipientRole: 'complainant',
      reason: 'de medewerker over wie u klaagt, is tot 1 april met verlof en wij willen ook zijn kant horen',
      core: 'U bent ontevreden over uw bezoek aan de balie',
    });
    const toRespondent = composeExtensionNotice({
      ...context('nl', 'awb', '2027-03-15'),
      ...base,
      recipientName: 'de heer Jansen',
      salutation: null,
      recipientRole: 'respondent',
      reason: 'de medewerker over wie u klaagt, is met verlof',
      respondentReason: 'Wij willen na uw verlof ook met u spreken over wat er gebeurde',
    });
    for (const l of [toComplainant, toRespondent]) {
      const { text, errors, parsed } = read(l);
      expect(errors).toEqual([]);
      expect(parsed).toEqual([]);
      expect(text).not.toMatch(/verdag/i);
      expect(text).toContain('21 april 2027');
    }
    expect(letterToText(toComplainant)).toContain(
      'Het spijt ons dat u daardoor langer op ons antwoord moet wachten.',
    );
    expect(letterToText(toComplainant)).toContain('vier weken');
    expect(letterToText(toRespondent)).not.toContain('over wie u klaagt');
    expect(letterToText(toRespondent)).toContain('Wij willen na uw verlof ook met u spreken');
    expect(letterToText(toRespondent)).toMatch(/^Geachte de heer Jansen,|^Geachte heer Jansen,|^Geachte /);
  });

  it('6. informal resolution: what was agreed, and "let us know if not"', () => {
    const l = composeInformalResolution({
      ...context('nl', 'awb'),
      contactDate: '2027-02-12',
      solution: 'u kunt uw paspoort zonder afspraak ophalen bij balie 1, en wij betalen uw reiskosten terug',
    });
    const { text, errors, parsed } = read(l);
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text).toContain('Laat het ons dan weten');
  });

  it('7. decline: understanding first, the ground, the request, what happens with the problem, the ombudsman', () => {
    const l = composeDeclineNotice({
      ...context('nl', 'awb', '2027-03-01'),
      complaintDate: '2027-02-10',
      core: 'U bent ontevreden over hoe een medewerker van Wegen u in 2025 te woord stond over de kapotte stoep voor uw huis',
      ground: 'b',
      motivation:
        'Het gesprek was op 3 januari 2026. Na zo lange tijd kunnen wij niet meer goed nagaan wat er precies is gezegd',
      requestAnswer: 'U vroeg ons de stoep te herstellen. Dat doen wij, ook al behandelen wij de klacht niet',
      underlyingProblem:
        'De stoep voor uw huis is nog steeds kapot. De afdeling Wegen herstelt de stoeptegels uiterlijk op 15 april 2027',
    });
    const { text, errors, parsed } = read(l, {
      subject: ['de kapotte stoep voor uw huis'],
      desiredOutcome: 'Ik wil dat de stoep eindelijk wordt gerepareerd.',
      items: [],
      amounts: [],
      dates: ['2027-02-10', '2026-01-03', '2027-04-15'],
    });
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(l.paragraphs[1]!.text).not.toMatch(/niet in behandeling/);
    expect(l.paragraphs[1]!.text).toContain('Wij begrijpen');
    expect(text).toContain('Het probleem zelf laten wij niet liggen.');
    expect(text).toContain('uiterlijk op 1 maart 2028');
  });

  it('8. Wkkgz decision: complaints regulation (URL), the free klachtenfunctionaris, the disputes body; no Awb words', () => {
    const items: DecisionItem[] = [
      {
        title: 'de maaltijden van uw moeder',
        severity: 'medium',
        findings: 'Uw moeder kreeg in maart drie keer een maaltijd die niet bij haar dieet paste.',
        judgement: 'upheld',
        reasons: 'haar dieet stond in het zorgplan, maar de keuken kreeg het niet door',
        apology: 'Het spijt ons dat uw moeder dit is overkomen',
        remedies: [
          {
            kind: 'measure',
            description: 'De keuken controleert elke maaltijd aan de hand van het zorgplan',
            dueDate: '2027-05-01',
          },
        ],
      },
    ];
    const l = composeDecisionLetter({
      ...context('nl', 'wkkgz'),
      complaintDate: '2027-03-10',
      core: 'U maakt zich zorgen over de maaltijden van uw moeder op afdeling Linde',
      items,
      lessons: ['Dieetwensen gaan voortaan via een vaste controlelijst van het zorgplan naar de keuken'],
      requestAnswer:
        'U vroeg ons ervoor te zorgen dat dit niet meer gebeurt. Daarom is de controle vanaf 1 mei 2027 vast',
    });
    const { text, errors, parsed } = read(l);
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text).toContain('https://www.zorggroeprivierenland.example/klachtenregeling');
    expect(text).toMatch(/gratis terecht bij de klachtenfunctionaris, Petra de Boer/);
    expect(text).toContain('De Geschillencommissie Zorg');
    expect(text).toContain('binnen een jaar na het melden van uw klacht');
    expect(text).not.toMatch(NOTE_WORDS);
    expect(text).not.toMatch(/hoorgesprek|hoor en wederhoor/);
  });

  it('9. English decision: English throughout; a Dutch paragraph in it is an error', () => {
    const items: DecisionItem[] = [
      {
        title: 'the waiting time at the desk',
        severity: 'light',
        findings:
          'You waited 35 minutes on 8 February 2027. Two of the three desks were open that morning because a colleague was ill.',
        judgement: 'not_upheld',
        reasons: 'with an appointment you are seen within 10 minutes, and you did not have one that day',
        remedies: [],
      },
      {
        title: 'how the member of staff spoke to you',
        severity: 'heavy',
        findings:
          'The member of staff recognises that he was curt and did not explain why your passport was not ready.',
        judgement: 'upheld',
        reasons: 'you may expect us to stay polite and explain what is going on',
        remedies: [
          {
            kind: 'compensation',
            description: 'We will refund the travel costs of your second visit',
            amount: 7.4,
            dueDate: '2027-04-16',
          },
        ],
      },
    ];
    const input: DecisionInput = {
      ...context('en', 'awb'),
      complaintDate: '2027-02-10',
      core: 'You are unhappy about your visit to the desk at the City Office on 8 February 2027',
      decisionDue: '2027-04-07',
      items,
      lessons: ['From 1 May 2027 an extra colleague works at the desk on busy mornings'],
      requestAnswer:
        'You asked for a conversation with the team leader. She will call you by 16 April 2027 to arrange it',
      conclusion: 'We will refund your travel costs',
    };
    const l = composeDecisionLetter(input);
    const facts: CaseFacts = {
      subject: ['your visit to the desk'],
      desiredOutcome: 'I want to talk to the team leader.',
      items: items.map((i) => ({ title: i.title!, judgement: i.judgement })),
      amounts: [7.4],
      dates: ['2027-02-08', '2027-02-10', '2027-04-16', '2027-05-01'],
      decisionDue: '2027-04-07',
    };
    const { text, errors, parsed } = read(l, facts);
    expect(errors).toEqual([]);
    expect(parsed).toEqual([]);
    expect(text).toContain('€7.40');
    expect(text).toContain('no later than 2 April 2028');
    expect(text).not.toMatch(/\b(?:uw|wij|onze|niet|klacht)\b/i);
    // A Dutch paragraph slipped into it (a handler's reason, an untranslated template) is an error.
    const mixed = composeDecisionLetter({
      ...input,
      items: [{ ...items[1]!, reasons: 'de medewerker was niet vriendelijk en heeft u niet goed geholpen' }],
    });
    expect(lintLetter(mixed).map((f) => f.rule)).toContain('AWB-05');
  });
});

describe('the composer around the letters', () => {
  it('a core written as a staff note is flagged and never printed', () => {
    const note = 'Klaagster is ontevreden over meneer Jansen van de balie';
    expect(noteSignals(note)).toEqual(expect.arrayContaining(['Klaagster', 'meneer Jansen']));
    expect(noteSignals('U bent ontevreden over hoe u aan de balie werd geholpen')).toEqual([]);
  });

  it('AWB-71: a late answer says so and gives the ombudsman term from the due date', () => {
    const items = [NL_ITEMS.treatment];
    const l = composeDecisionLetter(
      nlDecision(items, { letterDate: '2027-04-20', decisionDue: '2027-04-07' }),
    );
    const { text, errors } = read(l, nlFacts(items));
    expect(errors).toEqual([]);
    expect(text).toContain('Wij hadden u uiterlijk op 7 april 2027 moeten antwoorden.');
    expect(text).toContain('uiterlijk op 7 april 2028');
    // The same letter without the late paragraph is caught by the case-aware rule.
    const onTimeWording = composeDecisionLetter(
      nlDecision(items, { letterDate: '2027-04-20', decisionDue: null }),
    );
    expect(lintLetter(onTimeWording, { facts: nlFacts(items) }).map((f) => f.rule)).toContain('AWB-71');
  });

  it('the case-aware linter catches a request left unanswered and an amount that is not in the case', () => {
    const items = [NL_ITEMS.treatment];
    const l = composeDecisionLetter(nlDecision(items, { requestAnswer: null }));
    expect(lintLetter(l, { facts: nlFacts(items) }).map((f) => f.rule)).toContain('NO-02');
    const wrong = composeDecisionLetter(
      nlDecision([
        {
          ...NL_ITEMS.treatment,
          remedies: [
            { kind: 'compensation', description: 'Wij betalen u terug', amount: 74, dueDate: '2027-04-16' },
          ],
        },
      ]),
    );
    expect(lintLetter(wrong, { facts: nlFacts(items) }).map((f) => `${f.rule}:${f.severity}`)).toContain(
      'LET-04:error',
    );
  });
});
