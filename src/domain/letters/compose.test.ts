import { describe, expect, it } from 'vitest';
import { REGIME_IDS, type RegimeId } from '../deadlines.js';
import { type DecisionInput, type DecisionItem, composeDecisionLetter, orderItems } from './compose.js';
import { lintLetter } from './lint.js';
import { type Letter, type LetterLang, LETTER_KINDS } from './model.js';
import {
  composeAcknowledgement,
  composeDecisionNotice,
  composeDeclineNotice,
  composeExtensionNotice,
  composeFollowUp,
  composeForwardingNotice,
  composeHearingInvitation,
  composeInformalResolution,
  DECLINE_GROUNDS,
} from './notices.js';
import { letterToText, parseLetter } from './parse.js';
import { judgementsIn } from './patterns.js';

const item = (over: Partial<DecisionItem>): DecisionItem => ({
  title: 'de bejegening aan de balie',
  severity: 'medium',
  findings: 'De medewerker heeft bevestigd dat hij kortaf was.',
  judgement: 'upheld',
  reasons: 'u heeft recht op een vriendelijke behandeling',
  remedies: [{ description: 'Wij bespreken uw klacht met de medewerker', dueDate: '2027-02-01' }],
  ...over,
});

const ctx = (lang: LetterLang, regime: RegimeId) => ({
  lang,
  regime,
  organisationName: 'Gemeente Ergens',
  reference: 'KL-2026-000123',
  letterDate: '2027-01-04',
  recipientName: 'Zoë Ëlsa Émile',
  handler: { name: 'Jan Jansen', phone: '030 123 45 67' },
  externalBody:
    regime === 'wkkgz'
      ? { name: 'De Geschillencommissie Zorg', url: 'www.degeschillencommissiezorg.nl' }
      : regime === 'company'
        ? { name: 'De Geschillencommissie', url: 'www.degeschillencommissie.nl' }
        : undefined,
});

const decisionInput = (lang: LetterLang, regime: RegimeId, items: DecisionItem[]): DecisionInput => ({
  ...ctx(lang, regime),
  complaintDate: '2026-11-22',
  core:
    lang === 'nl'
      ? 'de wachttijd aan de balie en de manier waarop een medewerker u te woord stond'
      : 'the waiting time at the desk and how a member of staff spoke to you',
  items,
  requestAnswer:
    lang === 'nl'
      ? 'U vroeg om uw leges terug. Dat doen wij: het bedrag staat uiterlijk op 1 februari 2027 op uw rekening'
      : 'You asked for your fee back. We will do that: the money will be in your account by 1 February 2027',
  lessons: [
    lang === 'nl'
      ? 'Op drukke ochtenden staat er voortaan een extra collega aan de balie'
      : 'From now on an extra colleague works at the desk on busy mornings',
  ],
});

const mixed = (lang: LetterLang): DecisionItem[] =>
  lang === 'nl'
    ? [
        item({
          title: 'de bejegening',
          severity: 'heavy',
          judgement: 'upheld',
          remedies: [{ description: 'Wij betalen u de leges terug', amount: 12.5, dueDate: '2027-02-01' }],
        }),
        item({
          title: 'de wachttijd',
          severity: 'light',
          judgement: 'not_upheld',
          findings: 'U wachtte 25 minuten.',
          reasons: 'de wachttijd bleef binnen onze norm van 30 minuten',
          remedies: [],
        }),
        item({
          title: 'de informatie op de website',
          severity: 'medium',
          judgement: 'partly_upheld',
          reasons: 'de openingstijden klopten, maar de lijst met documenten niet',
          remedies: [{ description: 'Wij passen de website aan', dueDate: '2027-01-15' }],
        }),
      ]
    : [
        item({
          title: 'how you were treated',
          severity: 'heavy',
          judgement: 'upheld',
          findings: 'The member of staff confirmed he was curt.',
          reasons: 'you are entitled to courteous treatment',
          remedies: [{ description: 'We will refund the fee', amount: 12.5, dueDate: '2027-02-01' }],
        }),
        item({
          title: 'the waiting time',
          severity: 'light',
          judgement: 'not_upheld',
          findings: 'You waited 25 minutes.',
          reasons: 'the wait stayed within our 30-minute standard',
          remedies: [],
        }),
        item({
          title: 'the website',
          severity: 'medium',
          judgement: 'partly_upheld',
          findings: 'The opening hours were right; the list of documents was not.',
          reasons: 'part of the information was wrong',
          remedies: [{ description: 'We will correct the website', dueDate: '2027-01-15' }],
        }),
      ];

const errorsOf = (l: Letter) => lintLetter(l).filter((f) => f.severity === 'error');

describe('decision letter composer', () => {
  it('orders items by LET-03: the rules.md fixture {gegrond/zwaar, ongegrond/licht, ongegrond/zwaar}', () => {
    const items = [
      { id: 'gegrond/zwaar', judgement: 'upheld' as const, severity: 'heavy' as const },
      { id: 'ongegrond/licht', judgement: 'not_upheld' as const, severity: 'light' as const },
      { id: 'ongegrond/zwaar', judgement: 'not_upheld' as const, severity: 'heavy' as const },
    ];
    expect(orderItems(items).map((i) => i.id)).toEqual([
      'ongegrond/licht',
      'ongegrond/zwaar',
      'gegrond/zwaar',
    ]);
  });

  it.each(['nl', 'en'] as const)(
    'a mixed letter (%s) follows inleiding – kern – slot and passes its own linter',
    (lang) => {
      const l = composeDecisionLetter(decisionInput(lang, 'awb', mixed(lang)));
      expect(lintLetter(l)).toEqual([]);
      expect(l.paragraphs.map((p) => p.role)).toEqual([
        'salutation',
        'inleiding',
        ...Array(9).fill('kern'),
        'slot',
        'slot',
        'slot',
        'slot',
        'signoff',
      ]);
      // LET-01: never the verdict in the inleiding.
      expect(judgementsIn(l.paragraphs[1]!.text).size).toBe(0);
      // LET-03: not upheld, partly upheld, upheld.
      const order = [...new Set(l.paragraphs.filter((p) => p.item).map((p) => p.item!.judgement))];
      expect(order).toEqual(['not_upheld', 'partly_upheld', 'upheld']);
      const text = letterToText(l);
      expect(text).toContain(lang === 'nl' ? '€ 12,50' : '€12.50');
      expect(text).toContain(lang === 'nl' ? 'uiterlijk op 4 januari 2028' : 'no later than 4 January 2028'); // AWB-51, E23
      expect(text).toContain('030 123 45 67');
      // The same text as e-mail, parsed back, passes the linter too (what `letters lint` would say).
      expect(
        lintLetter(parseLetter(text, { kind: 'decision', regime: 'awb' })).filter(
          (f) => f.severity === 'error',
        ),
      ).toEqual([]);
    },
  );

  it.each(REGIME_IDS.flatMap((r) => (['nl', 'en'] as const).map((lang) => [r, lang] as const)))(
    'regime %s (%s): passes its own linter',
    (regime, lang) => {
      const l = composeDecisionLetter(decisionInput(lang, regime, mixed(lang)));
      expect(errorsOf(l)).toEqual([]);
      const text = letterToText(l);
      if (regime === 'wkkgz')
        expect(text).toMatch(
          lang === 'nl' ? /binnen een jaar na het melden van uw klacht/ : /within one year of reporting/,
        ); // WKKGZ-11
      if (regime === 'awb' || regime === 'awb-advisory') expect(text).toMatch(/ombudsman/i);
    },
  );

  it('one item: no numbering, still no verdict in the inleiding', () => {
    const l = composeDecisionLetter(
      decisionInput('nl', 'awb', [item({ judgement: 'not_upheld', remedies: [] })]),
    );
    expect(lintLetter(l)).toEqual([]);
    expect(l.paragraphs.find((p) => p.heading)?.heading).toBe('de bejegening aan de balie');
  });

  it('what it cannot invent is left to the linter: an upheld item without remedy or lessons (LET-04, NO-05)', () => {
    const input = { ...decisionInput('nl', 'awb', [item({ remedies: [] })]), lessons: [] };
    expect(errorsOf(composeDecisionLetter(input)).map((f) => f.rule)).toEqual(['LET-04', 'NO-05']);
  });

  it('no phone number for the handler is a LET-07 error; a Wkkgz letter without disputes body a WKKGZ-08 error', () => {
    const noPhone = {
      ...decisionInput('nl', 'awb', mixed('nl')),
      handler: { name: 'Jan Jansen', phone: null },
    };
    expect(errorsOf(composeDecisionLetter(noPhone)).map((f) => f.rule)).toEqual(['LET-07']);
    const noBody = { ...decisionInput('nl', 'wkkgz', mixed('nl')), externalBody: undefined };
    expect(errorsOf(composeDecisionLetter(noBody)).map((f) => f.rule)).toEqual(['WKKGZ-08']);
  });

  it('AWB-54: a deviation from the committee’s advice is explained', () => {
    const l = composeDecisionLetter({
      ...decisionInput('nl', 'awb-advisory', mixed('nl')),
      advice: { followed: false, deviationReason: 'de commissie zag de camerabeelden niet' },
    });
    expect(letterToText(l)).toMatch(/Wij wijken af van het advies[^\n]*camerabeelden/);
    expect(errorsOf(l)).toEqual([]);
  });

  it('uses a configured ombudsman instead of the Nationale ombudsman', () => {
    const l = composeDecisionLetter({
      ...decisionInput('nl', 'awb', mixed('nl')),
      externalBody: { name: 'de Ombudsman Metropool Amsterdam', url: 'www.ombudsmanmetropool.nl' },
    });
    expect(letterToText(l)).toContain('de Ombudsman Metropool Amsterdam');
    expect(letterToText(l)).not.toContain('Nationale ombudsman');
  });
});

describe('every other letter kind passes its own linter, per regime, in Dutch and English', () => {
  const cases = REGIME_IDS.flatMap((regime) =>
    (['nl', 'en'] as const).map((lang) => [regime, lang] as const),
  );

  it.each(cases)('%s / %s', (regime, lang) => {
    const c = ctx(lang, regime);
    const tr = (nl: string, en: string) => (lang === 'nl' ? nl : en);
    const letters: Letter[] = [
      composeAcknowledgement({
        ...c,
        receiptDate: '2026-11-22',
        decisionDue: '2027-01-04',
        contactWorkingDays: 5,
        statusUrl: 'https://redress.test/status/abc',
      }),
      composeExtensionNotice({
        ...c,
        recipientRole: 'complainant',
        receiptDate: '2026-11-22',
        originalDue: '2027-01-04',
        newDue: '2027-02-01',
        weeks: 4,
        reason: tr('wij moeten de medewerker nog horen', 'we still have to hear the member of staff'),
      }),
      composeExtensionNotice({
        ...c,
        recipientName: 'Piet Peters',
        recipientRole: 'respondent',
        receiptDate: '2026-11-22',
        originalDue: '2027-01-04',
        newDue: '2027-02-01',
        weeks: 4,
        reason: tr('wij moeten u nog horen', 'we still have to hear you'),
      }),
      ...DECLINE_GROUNDS.map((ground) =>
        composeDeclineNotice({
          ...c,
          complaintDate: '2026-12-01',
          core: tr('een gesprek bij Burgerzaken', 'a conversation at the civil affairs desk'),
          ground,
          motivation: tr(
            'Na zo lange tijd kunnen wij niet meer nagaan wat er gebeurde',
            'After so long we can no longer find out what happened',
          ),
          underlyingProblem:
            lang === 'nl'
              ? 'Een medewerker van Burgerzaken belt u uiterlijk op 10 december 2026 over uw paspoort'
              : 'A member of staff will call you about your passport by 10 December 2026',
        }),
      ),
      composeInformalResolution({
        ...c,
        contactDate: '2026-11-25',
        solution: tr(
          'wij nemen uw aanvraag opnieuw in behandeling',
          'we will look at your application again',
        ),
      }),
      composeForwardingNotice({
        ...c,
        complaintDate: '2026-11-22',
        core: tr('de afvalinzameling', 'the waste collection'),
        forwardedTo: { name: 'Afvalstoffendienst Ergens', address: 'Postbus 10, 1234 AB Ergens' },
        forwardedOn: '2026-11-24',
        reason: tr(
          'De afvalinzameling is de taak van de Afvalstoffendienst',
          'Waste collection is the task of the waste service',
        ),
      }),
      composeHearingInvitation({
        ...c,
        recipientRole: 'complainant',
        complaintDate: '2026-11-22',
        hearingDate: '2026-12-10',
        time: tr('14.00 uur', '2 pm'),
        place: tr('het Stadskantoor', 'the City Office'),
        respondBy: '2026-12-05',
      }),
      composeHearingInvitation({
        ...c,
        recipientRole: 'respondent',
        complaintDate: '2026-11-22',
        hearingDate: '2026-12-11',
        place: tr('het Stadskantoor', 'the City Office'),
      }),
      composeDecisionNotice({
        ...c,
        recipientName: 'Piet Peters',
        complaintDate: '2026-11-22',
        items: [
          { title: tr('de bejegening', 'how you were treated'), judgement: 'upheld', severity: 'heavy' },
          { title: tr('de wachttijd', 'the waiting time'), judgement: 'not_upheld', severity: 'light' },
        ],
        measures: [
          tr(
            'Het baliepersoneel krijgt een training klantcontact',
            'The desk staff will be trained in customer contact',
          ),
        ],
      }),
      composeFollowUp({
        ...c,
        decisionLetterDate: '2027-01-04',
        measure: tr('een extra collega aan de balie', 'an extra colleague at the desk'),
        dueDate: '2027-03-01',
        completedOn: '2027-02-27',
      }),
      composeFollowUp({
        ...c,
        decisionLetterDate: '2027-01-04',
        measure: tr('een extra collega aan de balie', 'an extra colleague at the desk'),
        dueDate: '2027-03-01',
        newDueDate: '2027-04-01',
        delayReason: tr('de nieuwe collega begint later', 'the new colleague starts later'),
      }),
    ];
    for (const l of letters) {
      expect({ kind: l.kind, findings: lintLetter(l).filter((f) => f.severity === 'error') }).toEqual({
        kind: l.kind,
        findings: [],
      });
      expect(l.lang).toBe(lang);
      expect(l.subject).toContain('KL-2026-000123');
      expect(l.paragraphs[0]!.text).toMatch(lang === 'nl' ? /^Geachte / : /^Dear /);
      // The plain-text form passes too (what the e-mail and `letters lint` see).
      expect(
        lintLetter({
          ...parseLetter(letterToText(l), { kind: l.kind, regime }),
          recipient: l.recipient,
        }).filter((f) => f.severity === 'error'),
      ).toEqual([]);
    }
    const kinds = new Set(letters.map((l) => l.kind));
    expect([...kinds].sort()).toEqual([...LETTER_KINDS].filter((k) => k !== 'decision').sort());
  });

  it('the advisory acknowledgement names the committee (AWB-14); others do not', () => {
    const base = { receiptDate: '2026-11-22', decisionDue: '2027-01-04', contactWorkingDays: 5 };
    expect(letterToText(composeAcknowledgement({ ...ctx('nl', 'awb-advisory'), ...base }))).toMatch(
      /klachtencommissie/,
    );
    expect(letterToText(composeAcknowledgement({ ...ctx('nl', 'awb'), ...base }))).not.toMatch(
      /klachtencommissie/,
    );
  });

  it('the decline notice names the ground and the article (LET-09) and the ombudsman term (AWB-23)', () => {
    const text = letterToText(
      composeDeclineNotice({
        ...ctx('nl', 'awb'),
        complaintDate: '2026-12-01',
        core: 'x',
        ground: 'b',
        motivation: 'Toelichting.',
      }),
    );
    expect(text).toContain('meer dan een jaar');
    expect(text).toContain('9:8, eerste lid, onder b');
    expect(text).toContain('uiterlijk op 4 januari 2028');
  });
});
