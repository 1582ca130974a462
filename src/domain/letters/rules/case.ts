// Case-aware rules: they run only when the case behind the letter is known (the composer, or
// POST /api/v1/letters/lint with a caseId). The letter names the subject of THIS complaint (NO-11),
// answers what the complainant asked for (NO-02, ISO-01), judges every item (AWB-50), prints the
// amounts and dates the case holds (LET-04, NO-14), and says it is late when it is (AWB-71).

import { addYears } from '../../dates.js';
import { longDate } from '../../format.js';
import { type Hit, type Rule, judgedAs } from '../engine.js';
import { euro } from '../format.js';
import {
  ASKED_FOR,
  DISPUTES_BODY,
  LATE,
  OMBUDSMAN,
  amountsIn,
  datesIn,
  sentences,
  sharesContentWord,
  test,
} from '../patterns.js';

const FACTS = {
  subject: ['de wachttijd aan de balie'],
  desiredOutcome: 'Ik wil mijn parkeerkosten vergoed krijgen.',
  items: [
    { title: 'de wachttijd aan de balie', judgement: 'not_upheld' as const },
    { title: 'de bejegening door de medewerker', judgement: 'upheld' as const },
  ],
  amounts: [12.5],
  dates: ['2027-03-03', '2027-05-01'],
  decisionDue: '2027-04-14',
};

export const caseRules: Rule[] = [
  {
    id: 'NO-11',
    key: 'NO-11/inleiding-names-the-subject',
    severity: 'error',
    kinds: ['decision', 'decline', 'forwarding'],
    scope: 'case',
    check: 'custom',
    run(ctx) {
      const f = ctx.facts!;
      if (!ctx.inleiding || f.subject.length === 0) return [];
      return f.subject.some((s) => sharesContentWord(s, ctx.textOf(ctx.inleiding!)))
        ? []
        : [{ paragraph: ctx.inleiding.number, match: f.subject[0] }];
    },
    message: {
      nl: 'De inleiding noemt het onderwerp van deze klacht niet ({match}).',
      en: 'The introduction does not name the subject of this complaint ({match}).',
    },
    suggestion: {
      nl: 'Noem in de inleiding waar de klacht over gaat, in de woorden van de klager.',
      en: 'Say in the introduction what the complaint is about, in the complainant’s words.',
    },
    examples: {
      bad: [
        {
          text: 'Dank u wel voor uw klacht van 3 maart 2027 over de parkeervergunning.',
          at: 'inleiding',
          facts: FACTS,
        },
      ],
      good: [
        {
          text: 'Dank u wel voor uw klacht van 3 maart 2027 over de lange wachttijd.',
          at: 'inleiding',
          facts: FACTS,
        },
      ],
    },
  },
  {
    id: 'NO-02',
    key: 'NO-02/desired-outcome-answered',
    severity: 'error',
    kinds: ['decision', 'decline'],
    scope: 'case',
    check: 'custom',
    run(ctx) {
      const wish = ctx.facts!.desiredOutcome?.trim();
      if (!wish) return [];
      const answered = ctx.body.some((p) =>
        sentences(ctx.textOf(p)).some((s) => test(ASKED_FOR, s) && sharesContentWord(wish, s)),
      );
      return answered ? [] : [{ paragraph: ctx.firstOf(ctx.slot) ?? ctx.lastBody, match: wish }];
    },
    message: {
      nl: 'De brief beantwoordt niet wat de klager vroeg: "{match}".',
      en: 'The letter does not answer what the complainant asked for: "{match}".',
    },
    suggestion: {
      nl: 'Voeg een alinea toe: "U vroeg om … Dat doen wij / Dat kan niet, omdat …"',
      en: 'Add a paragraph: "You asked for … We will do that / We cannot, because …"',
    },
    examples: {
      bad: [{ text: 'Wij hebben de wachtrijgegevens bekeken.', facts: FACTS }],
      good: [
        {
          text: 'U vroeg om vergoeding van uw parkeerkosten. Die betalen wij uiterlijk op 1 mei 2027.',
          facts: FACTS,
        },
      ],
    },
  },
  {
    id: 'AWB-50',
    key: 'AWB-50/every-item-judged',
    severity: 'error',
    kinds: ['decision'],
    scope: 'case',
    check: 'custom',
    run(ctx) {
      const items = ctx.items().filter((i) => judgedAs(i) || i.stated.size > 0);
      const hits: Hit[] = [];
      const f = ctx.facts!;
      // The composer's marks: as many judged items as the case has.
      if (ctx.kern.some((p) => p.item)) {
        if (items.length < f.items.length)
          hits.push({ paragraph: ctx.firstOf(ctx.kern), match: f.items[items.length]!.title });
        return hits;
      }
      for (const it of f.items) {
        const judgedHere = items.some((seg) =>
          sharesContentWord(it.title, seg.paragraphs.map(ctx.textOf).join('\n')),
        );
        if (!judgedHere && !(f.items.length === 1 && items.length > 0))
          hits.push({ paragraph: ctx.firstOf(ctx.kern) ?? ctx.lastBody, match: it.title });
      }
      return hits;
    },
    message: {
      nl: 'De brief geeft geen oordeel over dit onderdeel van de klacht: "{match}".',
      en: 'The letter gives no judgement on this part of the complaint: "{match}".',
    },
    suggestion: {
      nl: 'Geef per onderdeel de bevindingen, het oordeel en de redenen.',
      en: 'Give findings, judgement and reasons for every part.',
    },
    examples: {
      bad: [
        {
          text: 'De wachttijd aan de balie bleef binnen de norm. Dit deel is daarom ongegrond.',
          facts: FACTS,
        },
      ],
      good: [
        {
          text: 'De wachttijd aan de balie bleef binnen de norm. Dit deel is daarom ongegrond. De bejegening door de medewerker was niet in orde. Dit deel is gegrond.',
          facts: FACTS,
        },
      ],
    },
  },
  {
    id: 'LET-04',
    key: 'LET-04/amounts-match-case',
    severity: 'error',
    scope: 'case',
    check: 'custom',
    run(ctx) {
      const known = ctx.facts!.amounts;
      const hits: Hit[] = [];
      for (const p of ctx.body)
        for (const a of amountsIn(ctx.textOf(p)))
          if (!known.some((k) => Math.abs(k - a) < 0.005))
            hits.push({ paragraph: p.number, match: euro(a, ctx.lang) });
      return hits;
    },
    message: {
      nl: 'Het bedrag {match} staat niet in het dossier.',
      en: 'The amount {match} is not in the case file.',
    },
    suggestion: {
      nl: 'Neem het bedrag over uit de tegemoetkoming in het dossier, of leg het bedrag eerst vast.',
      en: 'Use the amount of the compensation recorded on the case, or record it first.',
    },
    examples: {
      bad: [{ text: 'Wij betalen u € 15,00 uiterlijk op 1 mei 2027.', facts: FACTS }],
      good: [{ text: 'Wij betalen u € 12,50 uiterlijk op 1 mei 2027.', facts: FACTS }],
    },
  },
  {
    id: 'LET-04',
    key: 'LET-04/dates-match-case',
    severity: 'warning',
    scope: 'case',
    check: 'custom',
    run(ctx) {
      const f = ctx.facts!;
      const known = new Set(f.dates);
      if (ctx.letter.letterDate) {
        known.add(ctx.letter.letterDate);
        known.add(addYears(ctx.letter.letterDate, 1));
      }
      if (f.decisionDue) known.add(addYears(f.decisionDue, 1));
      // A term of a year runs from a case date (Wkkgz: a year after the complaint was made).
      for (const d of f.dates) known.add(addYears(d, 1));
      const hits: Hit[] = [];
      // The ombudsman's or disputes body's term is AWB-51's and WKKGZ-11's to check, against the letter's date.
      for (const p of ctx.body.filter(
        (q) => !test(OMBUDSMAN, ctx.textOf(q)) && !test(DISPUTES_BODY, ctx.textOf(q)),
      ))
        for (const d of datesIn(ctx.textOf(p)))
          if (!known.has(d)) {
            hits.push({ paragraph: p.number, match: longDate(d, ctx.lang) });
            break;
          }
      return hits;
    },
    message: {
      nl: 'De datum {match} staat niet in het dossier; klopt hij?',
      en: 'The date {match} is not in the case file; is it right?',
    },
    suggestion: {
      nl: 'Controleer de datum tegen het dossier (ontvangst, termijnen, maatregelen).',
      en: 'Check the date against the case (receipt, deadlines, measures).',
    },
    examples: {
      bad: [{ text: 'Wij betalen het bedrag uiterlijk op 2 mei 2027.', facts: FACTS }],
      good: [{ text: 'Wij betalen het bedrag uiterlijk op 1 mei 2027.', facts: FACTS }],
    },
  },
  {
    id: 'AWB-71',
    key: 'AWB-71/late-answer',
    severity: 'error',
    kinds: ['decision'],
    regimes: ['awb', 'awb-advisory'],
    scope: 'case',
    check: 'custom',
    // Awb 9:24: the ombudsman term also runs from when the handling should have ended.
    run(ctx) {
      const due = ctx.facts!.decisionDue;
      const date = ctx.letter.letterDate;
      if (!due || !date || date <= due) return [];
      const p = ctx.body.find((q) => test(OMBUDSMAN, ctx.textOf(q)));
      return test(LATE, ctx.bodyText) && datesIn(ctx.bodyText).includes(due)
        ? []
        : [{ paragraph: p?.number ?? ctx.lastBody, match: longDate(due, ctx.lang) }];
    },
    message: {
      nl: 'Deze brief komt na de uiterste datum ({match}). Zeg dat, en dat de termijn voor de ombudsman ook vanaf die datum kan lopen (Awb 9:24).',
      en: 'This letter comes after the due date ({match}). Say so, and that the ombudsman term may also run from that date (Awb 9:24).',
    },
    suggestion: {
      nl: 'Voeg toe: "Wij hadden u uiterlijk op {match} moeten antwoorden. Het spijt ons dat wij te laat zijn."',
      en: 'Add: "We should have answered you by {match}. We are sorry that we are late."',
    },
    examples: {
      bad: [
        {
          text: 'Dan kunt u naar de Nationale ombudsman, binnen een jaar na deze brief.',
          at: 'slot',
          letterDate: '2027-04-20',
          facts: FACTS,
        },
      ],
      good: [
        {
          text: 'Wij hadden u uiterlijk op 14 april 2027 moeten antwoorden; wij zijn te laat. Dan kunt u naar de Nationale ombudsman, binnen een jaar na deze brief.',
          at: 'slot',
          letterDate: '2027-04-20',
          facts: FACTS,
        },
      ],
    },
  },
];
