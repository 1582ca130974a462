// The decision letter (afdoeningsbrief): inleiding without the verdict (LET-01) that names the
// complaint (NO-11), per item findings, judgement and reasons (AWB-50, LET-02) in LET-03 order with
// apology and a dated remedy for upheld items (LET-04), lessons (NO-05), the request answered
// (NO-02), the handler's phone (LET-07) and the external route per regime (AWB-51, WKKGZ-08/11,
// WKKGZ-01/03).

import { addDays, addYears } from '../../dates.js';
import { longDate } from '../../format.js';
import { type Hit, type Rule, type RuleContext, judgedAs } from '../engine.js';
import type { Judgement } from '../model.js';
import { JUDGEMENT_RANK, SEVERITY_RANK } from '../model.js';
import {
  ABOUT_COMPLAINT,
  APOLOGY,
  ASKED_FOR,
  BEFORE_DATE,
  COMPLAINTS_OFFICER,
  CONDITIONAL_APOLOGY,
  DISPUTES_BODY,
  EXTERNAL_ROUTE,
  LATE,
  LATEST_ON_DATE,
  LESSON,
  NEGATION_WORD,
  NEGATIVE_ABOUT_COMPLAINT,
  NEGATIVE_VERDICT,
  OMBUDSMAN,
  ONE_YEAR,
  REASON,
  REGRET_LEAD,
  REGULATION,
  REMEDY_IN_THIS_LETTER,
  SATISFACTION,
  THANKS,
  VERDICT_COLON,
  WITHIN_ONE_YEAR_OF_REPORT,
  contentWords,
  datesIn,
  hasDate,
  hasDateOrTerm,
  hasPhoneNumber,
  judgementsIn,
  matches,
  sentences,
  test,
  words,
} from '../patterns.js';

const JUDGEMENT_WORDS: Record<Judgement, { nl: string; en: string }> = {
  not_upheld: { nl: 'ongegrond', en: 'not upheld' },
  partly_upheld: { nl: 'deels gegrond', en: 'partly upheld' },
  upheld: { nl: 'gegrond', en: 'upheld' },
};

/** The complainant's own view restated ("u vindt het onterecht dat …") is not our verdict. */
const THEIR_VIEW = words([
  'u vindt',
  'u vond',
  'vindt u',
  'vond u',
  'u noemt',
  'u ervaart',
  'u ervoer',
  'u schrijft',
  'u schreef',
  'u stelt',
  'volgens u',
  'you feel',
  'you felt',
  'you think',
  'you say',
  'you wrote',
  'you consider',
  'in your view',
]);
const VERDICT_PARAPHRASE_OBJECT = words([
  'gelijk',
  'klacht',
  'verzoek',
  'tegemoet\\p{L}*',
  'complaint',
  'request',
]);

function negativeVerdictIn(sentence: string): string | undefined {
  const direct = matches(NEGATIVE_VERDICT, sentence)[0];
  if (direct) return direct;
  if (judgementsIn(sentence).has('not_upheld') && !test(THEIR_VIEW, sentence)) return sentence;
  const about = matches(NEGATIVE_ABOUT_COMPLAINT, sentence)[0];
  if (about && test(ABOUT_COMPLAINT, sentence) && !test(THEIR_VIEW, sentence)) return about;
  if (
    test(REGRET_LEAD, sentence) &&
    test(NEGATION_WORD, sentence) &&
    test(VERDICT_PARAPHRASE_OBJECT, sentence)
  )
    return sentence;
  return undefined;
}

const anyUpheld = (ctx: RuleContext) =>
  ctx.items().some((i) => {
    const j = judgedAs(i);
    return j === 'upheld' || j === 'partly_upheld' || i.stated.has('upheld') || i.stated.has('partly_upheld');
  });
const slotOrLast = (ctx: RuleContext) => ctx.firstOf(ctx.slot) ?? ctx.lastBody;
const paragraphWith = (ctx: RuleContext, re: RegExp) => ctx.body.find((p) => test(re, ctx.textOf(p)));

/** A decision letter of this regime with the usual parts (for the examples). */
const NL_LETTER = (kern: string, slot: string) =>
  `Geachte mevrouw De Vries,\n\nDank u wel voor uw klacht van 3 maart 2027 over de wachttijd aan de balie.\n\n${kern}\n\n${slot}\n\nMet vriendelijke groet,\n\nJan Jansen`;
const OMBUDSMAN_NL =
  'Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u de Nationale ombudsman vragen uw klacht te onderzoeken. Dat kan binnen een jaar na de datum van deze brief, dus uiterlijk op 4 april 2028.';

export const ombudsmanRequired = (id: string, kinds: Rule['kinds']): Rule => ({
  id,
  key: `${id}/ombudsman-and-term`,
  severity: 'error',
  kinds,
  regimes: ['awb', 'awb-advisory'],
  scope: 'slot',
  check: 'custom',
  run(ctx) {
    const p = paragraphWith(ctx, OMBUDSMAN);
    if (!p) return [{ paragraph: slotOrLast(ctx) }];
    if (!test(ONE_YEAR, ctx.textOf(p)) && !hasDate(ctx.textOf(p)))
      return [
        {
          paragraph: p.number,
          message: {
            nl: 'De brief noemt de ombudsman maar niet de termijn van een jaar (Awb 9:24).',
            en: 'The letter names the ombudsman but not the one-year term (Awb 9:24).',
          },
          suggestion: {
            nl: 'Noem de termijn: binnen een jaar na deze brief, dus uiterlijk op [datum + 1 jaar].',
            en: 'Give the term: within one year of this letter, so no later than [date + 1 year].',
          },
        },
      ];
    return [];
  },
  message: {
    nl: 'De brief noemt niet bij welke ombudsman de klager terecht kan (Awb 9:12 lid 2).',
    en: 'The letter does not say which ombudsman the complainant can turn to (Awb 9:12(2)).',
  },
  suggestion: {
    nl: 'Voeg toe: "Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u binnen een jaar na de datum van deze brief naar de Nationale ombudsman."',
    en: 'Add: "If you disagree with how we handled your complaint, you can go to the National Ombudsman within one year of the date of this letter."',
  },
  examples: {
    bad: [
      { text: 'Heeft u vragen? Bel dan 030 123 45 67.', kind: kinds?.[0] },
      { text: 'U kunt naar de Nationale ombudsman.', kind: kinds?.[0] },
    ],
    good: [{ text: OMBUDSMAN_NL, kind: kinds?.[0] }],
  },
});

export const decisionRules: Rule[] = [
  {
    id: 'LET-01',
    key: 'LET-01/no-verdict-in-inleiding',
    severity: 'error',
    kinds: ['decision'],
    scope: 'inleiding',
    check: 'custom',
    run(ctx) {
      if (!ctx.inleiding)
        return [
          {
            paragraph: ctx.firstOf(ctx.body),
            message: {
              nl: 'De brief heeft geen inleiding.',
              en: 'The letter has no introduction (inleiding).',
            },
            suggestion: {
              nl: 'Begin met een bedankje, de datum en de kern van de klacht, en wat de brief behandelt.',
              en: 'Start with thanks, the date and core of the complaint, and what the letter covers.',
            },
          },
        ];
      for (const s of sentences(ctx.textOf(ctx.inleiding))) {
        const hit = negativeVerdictIn(s);
        if (hit) return [{ paragraph: ctx.inleiding.number, match: hit }];
      }
      return [];
    },
    message: {
      nl: 'De inleiding verraadt het oordeel: "{match}".',
      en: 'The introduction reveals the verdict: "{match}".',
    },
    suggestion: {
      nl: 'Bewaar het oordeel voor de kern; noem in de inleiding alleen waar de klacht over gaat.',
      en: 'Keep the verdict for the body; the introduction only says what the complaint is about.',
    },
    examples: {
      bad: [
        { text: 'Dank u wel voor uw klacht. Wij vinden uw klacht ongegrond.' },
        { text: 'Helaas hebben wij u op geen enkel punt gelijk kunnen geven.' },
        { text: 'Thank you for your complaint, which we have rejected.', lang: 'en' },
      ],
      good: [
        {
          text: 'Dank u wel voor uw brief van 3 maart 2027. U schrijft dat uw aanvraag voor bijzondere bijstand is afgewezen en dat niemand u dat heeft uitgelegd.',
        },
        { text: 'U vindt het onterecht dat uw klacht zo lang bleef liggen.' },
        { text: 'Your application for a permit was rejected, and nobody explained why.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-01',
    key: 'LET-01/positive-verdict-in-inleiding',
    severity: 'warning',
    kinds: ['decision'],
    scope: 'inleiding',
    check: 'custom',
    run(ctx) {
      if (!ctx.inleiding) return [];
      const text = ctx.textOf(ctx.inleiding);
      const j = judgementsIn(text);
      if (j.has('not_upheld') || j.size === 0) return [];
      if (sentences(text).some((s) => negativeVerdictIn(s))) return [];
      return [{ paragraph: ctx.inleiding.number }];
    },
    message: { nl: 'De inleiding noemt al een oordeel.', en: 'The introduction already states a verdict.' },
    suggestion: { nl: 'Bewaar het oordeel voor de kern.', en: 'Keep the verdict for the body.' },
    examples: {
      bad: [{ text: 'Dank u wel voor uw klacht van 3 maart 2027, die wij deels gegrond vinden.' }],
      good: [{ text: 'Dank u wel voor uw klacht van 3 maart 2027 over de wachttijd aan de balie.' }],
    },
  },
  {
    id: 'LET-01',
    key: 'LET-01/thanks',
    severity: 'warning',
    kinds: ['decision'],
    scope: 'inleiding',
    check: 'require',
    patterns: [THANKS],
    applies: (ctx) => Boolean(ctx.inleiding),
    message: {
      nl: 'De inleiding bedankt de klager niet.',
      en: 'The introduction does not thank the complainant.',
    },
    suggestion: {
      nl: 'Begin met: "Dank u wel voor uw klacht van …"',
      en: 'Start with: "Thank you for your complaint of …"',
    },
    examples: {
      bad: [{ text: 'U diende op 3 maart 2027 een klacht in over de wachttijd.' }],
      good: [{ text: 'Bedankt voor uw e-mail van 3 maart 2027 over de wachttijd.' }],
    },
  },
  {
    id: 'LET-01',
    key: 'LET-01/complaint-date',
    severity: 'warning',
    kinds: ['decision'],
    scope: 'inleiding',
    check: 'custom',
    run: (ctx) =>
      ctx.inleiding && !hasDate(ctx.textOf(ctx.inleiding)) ? [{ paragraph: ctx.inleiding.number }] : [],
    message: {
      nl: 'De inleiding noemt de datum van de klacht niet.',
      en: 'The introduction does not give the date of the complaint.',
    },
    suggestion: {
      nl: 'Noem de datum: "uw klacht van 22 november 2026".',
      en: 'Give the date: "your complaint of 22 November 2026".',
    },
    examples: {
      bad: [{ text: 'Dank u wel voor uw klacht over de wachttijd.' }],
      good: [{ text: 'Dank u wel voor uw klacht van 22 november 2026 over de wachttijd.' }],
    },
  },
  {
    id: 'NO-11',
    key: 'NO-11/names-the-complaint',
    severity: 'error',
    kinds: ['decision', 'decline'],
    scope: 'inleiding',
    check: 'custom',
    // A letter that could be sent to anyone: the inleiding names nothing of this complaint.
    run(ctx) {
      if (!ctx.inleiding) return [];
      const words = contentWords(ctx.textOf(ctx.inleiding));
      return words.length === 0 ? [{ paragraph: ctx.inleiding.number }] : [];
    },
    message: {
      nl: 'De inleiding noemt niet waar de klacht over gaat; zo kan de brief aan iedereen gaan.',
      en: 'The introduction does not say what the complaint is about; the letter could go to anyone.',
    },
    suggestion: {
      nl: 'Vat de kern van de klacht samen in de woorden van de klager: "U schrijft dat …"',
      en: 'Restate the core of the complaint in the complainant’s words: "You wrote that …"',
    },
    examples: {
      bad: [
        {
          text: 'Wij hebben uw klacht van 5 maart 2027 ontvangen en in behandeling genomen. In deze brief leest u onze reactie.',
        },
        {
          text: 'Dank u wel voor uw klacht van 3 maart 2027. Wij hebben uw klacht zorgvuldig onderzocht. In deze brief leest u onze reactie.',
        },
        {
          text: 'Thank you for your complaint of 3 March 2027. We have looked into it carefully and set out our response below.',
          lang: 'en',
        },
      ],
      good: [
        { text: 'Dank u wel voor uw brief van 3 maart 2027 over de parkeervergunning.' },
        { text: 'Thank you for your e-mail of 3 March 2027 about the missed bin collection.', lang: 'en' },
      ],
    },
  },
  {
    id: 'AWB-50',
    key: 'AWB-50/judgement-per-item',
    severity: 'error',
    kinds: ['decision'],
    scope: 'kern',
    check: 'custom',
    run(ctx) {
      const items = ctx.items();
      if (ctx.kern.length === 0 || items.every((i) => i.stated.size === 0 && !i.judgement))
        return [{ paragraph: ctx.firstOf(ctx.kern) ?? ctx.firstOf(ctx.body) }];
      return [];
    },
    message: {
      nl: 'De brief geeft geen oordeel per klachtonderdeel (gegrond, deels gegrond of ongegrond).',
      en: 'The letter gives no judgement per complaint item (upheld, partly upheld or not upheld).',
    },
    suggestion: {
      nl: 'Geef per onderdeel de bevindingen, het oordeel en de redenen.',
      en: 'Give the findings, the judgement and the reasons for each item.',
    },
    examples: {
      bad: [{ text: 'Wij hebben met de medewerker gesproken. Hij herkent uw verhaal.' }],
      good: [
        { text: 'U heeft gelijk. Uw klacht is terecht, omdat de medewerker u niet heeft teruggebeld.' },
        {
          text: 'We find your complaint partly justified, because the bin was collected one day late.',
          lang: 'en',
        },
      ],
    },
  },
  {
    id: 'LET-02',
    key: 'LET-02/reasons',
    severity: 'error',
    kinds: ['decision'],
    scope: 'kern',
    check: 'custom',
    run(ctx) {
      const hits: Hit[] = [];
      for (const item of ctx.items()) {
        if (!judgedAs(item) && item.stated.size === 0) continue;
        const text = item.paragraphs.map(ctx.textOf).join('\n');
        if (!test(REASON, text) && !test(VERDICT_COLON, text))
          hits.push({ paragraph: item.paragraphs[0]!.number });
      }
      return hits;
    },
    message: {
      nl: 'Een oordeel zonder redenen: leg uit waarom.',
      en: 'A judgement without reasons: explain why.',
    },
    suggestion: { nl: 'Voeg toe: "Wij vinden dit omdat …"', en: 'Add: "We reached this view because …"' },
    examples: {
      bad: [{ text: 'Dit onderdeel van uw klacht is ongegrond.' }],
      good: [
        {
          text: 'U heeft gelijk. Uw klacht is terecht: u had het bedrag al in januari terug moeten krijgen.',
        },
        { text: 'Uw klacht is gegrond. U had gebeld moeten worden voordat er een beslissing viel.' },
        { text: 'Dit onderdeel van uw klacht is ongegrond, omdat de wachttijd binnen onze norm bleef.' },
      ],
    },
  },
  {
    id: 'LET-04',
    key: 'LET-04/apology',
    severity: 'error',
    kinds: ['decision'],
    scope: 'kern',
    check: 'custom',
    run(ctx) {
      const hits: Hit[] = [];
      for (const item of ctx.items()) {
        const j = judgedAs(item);
        const upheld =
          j === 'upheld' ||
          j === 'partly_upheld' ||
          item.stated.has('upheld') ||
          item.stated.has('partly_upheld');
        if (!upheld) continue;
        const text = item.paragraphs.map(ctx.textOf).join('\n');
        const at = item.paragraphs[0]!.number;
        if (!test(APOLOGY, text)) hits.push({ paragraph: at });
      }
      return hits;
    },
    message: {
      nl: 'Dit onderdeel is (deels) gegrond, maar de brief biedt geen excuses aan.',
      en: 'This item is (partly) upheld, but the letter does not apologise.',
    },
    suggestion: {
      nl: 'Bied oprecht en zonder voorbehoud excuses aan: "Daarvoor bieden wij u onze excuses aan."',
      en: 'Apologise sincerely and without qualification: "We apologise for this."',
    },
    examples: {
      bad: [
        {
          text: 'Uw klacht is gegrond, omdat wij u niet hebben teruggebeld. Wij bellen u uiterlijk op 10 maart 2027.',
        },
      ],
      good: [
        {
          text: 'Uw klacht is gegrond, omdat wij u niet hebben teruggebeld. Het spijt ons dat dit is gebeurd.',
        },
        {
          text: 'Your complaint is upheld because we did not call you back. We apologise for this.',
          lang: 'en',
        },
      ],
    },
  },
  {
    id: 'LET-04',
    key: 'LET-04/qualified-apology',
    severity: 'warning',
    kinds: ['decision'],
    scope: 'sentence',
    check: 'forbid',
    patterns: [CONDITIONAL_APOLOGY],
    message: {
      nl: 'De excuses hebben een voorbehoud ("als u zich … voelde").',
      en: 'The apology is qualified ("if you felt …").',
    },
    suggestion: {
      nl: 'Bied excuses aan voor wat er misging, zonder "als" of "indien".',
      en: 'Apologise for what went wrong, without "if".',
    },
    examples: {
      bad: [
        { text: 'Het spijt ons als u dit zo heeft ervaren.' },
        { text: 'Wij bieden u excuses aan als u zich niet gehoord voelde.' },
        { text: 'We apologise if you felt you were not listened to.', lang: 'en' },
      ],
      good: [{ text: 'Het spijt ons dat wij u niet hebben teruggebeld.' }],
    },
  },
  {
    id: 'LET-04',
    key: 'LET-04/remedy-with-date',
    severity: 'error',
    kinds: ['decision'],
    scope: 'kern',
    check: 'custom',
    run(ctx) {
      const hits: Hit[] = [];
      for (const item of ctx.items()) {
        const j = judgedAs(item);
        const upheld =
          j === 'upheld' ||
          j === 'partly_upheld' ||
          item.stated.has('upheld') ||
          item.stated.has('partly_upheld');
        const text = item.paragraphs.map(ctx.textOf).join('\n');
        if (upheld && !hasDateOrTerm(text) && !test(REMEDY_IN_THIS_LETTER, text))
          hits.push({ paragraph: item.paragraphs[0]!.number });
      }
      return hits;
    },
    message: {
      nl: 'Dit onderdeel is (deels) gegrond, maar de brief noemt geen oplossing met een datum of termijn (Wkkgz art. 17).',
      en: 'This item is (partly) upheld, but the letter gives no remedy with a date or term (Wkkgz s. 17).',
    },
    suggestion: {
      nl: 'Noem wat u doet en wanneer: "Wij passen … aan. Dat is uiterlijk op 1 maart 2027 klaar."',
      en: 'Say what you will do and by when: "We will change … by 1 March 2027."',
    },
    examples: {
      bad: [
        {
          text: 'Uw klacht is gegrond, omdat de stoep al maanden kapot is. Excuses daarvoor. Wij herstellen de stoep.',
        },
      ],
      good: [
        {
          text: 'Uw klacht is gegrond, omdat wij het niet hebben uitgelegd. Het spijt ons. U vroeg om uitleg; die staat in deze brief.',
        },
        {
          text: 'Uw klacht is gegrond, omdat de stoep al maanden kapot is. Excuses daarvoor. Wij herstellen de stoep uiterlijk op 1 mei 2027.',
        },
      ],
    },
  },
  {
    id: 'LET-03',
    key: 'LET-03/order',
    severity: 'error',
    kinds: ['decision'],
    scope: 'kern',
    check: 'custom',
    run(ctx) {
      const hits: Hit[] = [];
      let previous: { key: [number, number]; judgement: Judgement } | undefined;
      for (const item of ctx.items()) {
        const judged = judgedAs(item);
        if (!judged) continue;
        const key: [number, number] = [
          JUDGEMENT_RANK[judged],
          item.severity ? SEVERITY_RANK[item.severity] : 0,
        ];
        if (
          previous &&
          (key[0] < previous.key[0] || (key[0] === previous.key[0] && key[1] < previous.key[1]))
        ) {
          const sameGroup = key[0] === previous.key[0];
          hits.push({
            paragraph: item.paragraphs[0]!.number,
            message: sameGroup
              ? {
                  nl: 'Binnen een groep komen de onderdelen van licht naar zwaar; dit onderdeel is lichter dan het vorige.',
                  en: 'Within a group, items go from light to heavy; this item is lighter than the one before.',
                }
              : {
                  nl: `Volgorde: eerst ongegronde, dan deels gegronde, dan gegronde onderdelen; dit onderdeel (${JUDGEMENT_WORDS[judged].nl}) staat na een ${JUDGEMENT_WORDS[previous.judgement].nl} onderdeel.`,
                  en: `Order: not upheld items first, then partly upheld, then upheld; this item (${JUDGEMENT_WORDS[judged].en}) follows a ${JUDGEMENT_WORDS[previous.judgement].en} one.`,
                },
          });
        } else previous = { key, judgement: judged };
      }
      return hits;
    },
    message: { nl: 'De volgorde van de onderdelen klopt niet.', en: 'The items are in the wrong order.' },
    suggestion: {
      nl: 'Zet dit onderdeel eerder, zodat de brief eindigt met erkenning en herstel.',
      en: 'Move this item up, so the letter ends on acknowledgement and remedy.',
    },
    examples: {
      bad: [
        {
          at: 'letter',
          text: NL_LETTER(
            'Onderdeel 1: de bejegening\nDit onderdeel is gegrond, omdat de medewerker kortaf was. Excuses. Wij spreken hem uiterlijk op 1 april 2027.\n\nOnderdeel 2: de wachttijd\nDit onderdeel is ongegrond, omdat u binnen de norm werd geholpen.',
            OMBUDSMAN_NL,
          ),
        },
      ],
      good: [
        {
          at: 'letter',
          text: NL_LETTER(
            'Onderdeel 1: de wachttijd\nDit onderdeel is ongegrond, omdat u binnen de norm werd geholpen.\n\nOnderdeel 2: de bejegening\nDit onderdeel is gegrond, omdat de medewerker kortaf was. Excuses. Wij spreken hem uiterlijk op 1 april 2027.',
            OMBUDSMAN_NL,
          ),
        },
      ],
    },
  },
  {
    id: 'NO-05',
    key: 'NO-05/lesson',
    severity: 'error',
    kinds: ['decision'],
    scope: 'letter',
    check: 'require',
    patterns: [LESSON],
    applies: anyUpheld,
    at: slotOrLast,
    message: {
      nl: 'De klacht is (deels) gegrond, maar de brief zegt niet wat de organisatie ervan leert.',
      en: 'The complaint is (partly) upheld, but the letter does not say what the organisation learns from it.',
    },
    suggestion: { nl: 'Voeg toe: "Wat wij hiervan leren: …"', en: 'Add: "What we learn from this: …"' },
    examples: {
      bad: [
        {
          text: 'Uw klacht is gegrond, omdat wij te laat waren. Excuses. Wij betalen € 25 uiterlijk op 1 mei 2027.',
        },
      ],
      good: [
        {
          text: 'Uw klacht is gegrond, omdat wij te laat waren. Excuses. Voortaan controleren wij elke week de planning.',
        },
        { text: 'Dit onderdeel is ongegrond, omdat de regels zijn gevolgd.' },
      ],
    },
  },
  {
    id: 'NO-05',
    key: 'NO-05/satisfaction',
    severity: 'warning',
    kinds: ['decision'],
    scope: 'letter',
    check: 'require',
    patterns: [SATISFACTION],
    at: slotOrLast,
    message: {
      nl: 'De brief vraagt niet of de klager tevreden is.',
      en: 'The letter does not ask whether the complainant is satisfied.',
    },
    suggestion: {
      nl: 'Vraag: "Wij horen graag of u tevreden bent over de behandeling van uw klacht."',
      en: 'Ask: "We would like to know whether you are satisfied with how we handled your complaint."',
    },
    examples: {
      bad: [{ text: 'Heeft u vragen? Bel dan 030 123 45 67.', at: 'slot' }],
      good: [{ text: 'Wij horen graag of u tevreden bent over de behandeling van uw klacht.', at: 'slot' }],
    },
  },
  {
    id: 'NO-02',
    key: 'NO-02/request-answered',
    severity: 'warning',
    kinds: ['decision', 'decline'],
    scope: 'letter',
    check: 'require',
    // Without the case the linter cannot know what was asked; it looks for the answer's usual shape.
    patterns: [ASKED_FOR],
    applies: (ctx) => !ctx.facts,
    at: slotOrLast,
    message: {
      nl: 'De brief zegt niet wat de klager vroeg en of dat gebeurt.',
      en: 'The letter does not say what the complainant asked for and whether that will happen.',
    },
    suggestion: {
      nl: 'Voeg toe: "U vroeg om … Dat doen wij / Dat kan niet, omdat …"',
      en: 'Add: "You asked for … We will do that / We cannot do that, because …"',
    },
    examples: {
      bad: [{ text: 'Wij hebben de wachtrijgegevens bekeken.' }],
      good: [
        { text: 'Je vroeg of je mag meedenken over de nieuwe ramp. Dat mag.' },
        {
          text: 'U vroeg om een vergoeding van de parkeerkosten. Die betalen wij u uiterlijk op 1 mei 2027.',
        },
        { text: 'You asked us to refund the fee. We will do so by 1 May 2027.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-07',
    key: 'LET-07/handler-phone',
    severity: 'error',
    kinds: ['decision'],
    scope: 'letter',
    check: 'custom',
    run: (ctx) => (hasPhoneNumber(ctx.fullText) ? [] : [{ paragraph: slotOrLast(ctx) }]),
    message: {
      nl: 'De brief noemt geen telefoonnummer van de klachtbehandelaar.',
      en: 'The letter does not give the complaint handler’s phone number.',
    },
    suggestion: {
      nl: 'Voeg toe: "Heeft u vragen? Bel dan [naam] op [telefoonnummer]."',
      en: 'Add: "Any questions? Call [name] on [phone number]."',
    },
    examples: {
      bad: [{ text: 'Heeft u vragen? Neem dan contact met ons op.', at: 'slot' }],
      good: [
        { text: 'Heeft u vragen? Bel dan Jan Jansen op 030 123 45 67.', at: 'slot' },
        { text: 'Any questions? Call Jan Jansen on +31 30 123 4567.', at: 'slot', lang: 'en' },
      ],
    },
  },
  ombudsmanRequired('AWB-51', ['decision']),
  {
    id: 'AWB-51',
    key: 'AWB-51/term-wording',
    severity: 'warning',
    kinds: ['decision', 'decline'],
    regimes: ['awb', 'awb-advisory'],
    scope: 'slot',
    check: 'custom',
    // The term includes the anniversary: "uiterlijk op 4 januari 2028", not "vóór 4 januari 2028".
    run(ctx) {
      const p = paragraphWith(ctx, OMBUDSMAN);
      if (!p) return [];
      const m = matches(BEFORE_DATE, ctx.textOf(p))[0];
      return m ? [{ paragraph: p.number, match: m.trim() }] : [];
    },
    message: {
      nl: 'De termijn voor de ombudsman loopt tot en met de datum een jaar na de brief; "{match}" is een dag te kort of onduidelijk.',
      en: 'The ombudsman term runs up to and including the day one year after the letter; "{match}" is a day short or unclear.',
    },
    suggestion: {
      nl: 'Schrijf "uiterlijk op [datum + 1 jaar]".',
      en: 'Write "no later than [date + 1 year]".',
    },
    examples: {
      bad: [
        {
          text: 'Dan kunt u naar de Nationale ombudsman. Dat kan binnen een jaar na deze brief, dus vóór 4 april 2028.',
          at: 'slot',
        },
      ],
      good: [{ text: OMBUDSMAN_NL, at: 'slot' }],
    },
  },
  {
    id: 'AWB-51',
    key: 'AWB-51/term-date',
    severity: 'error',
    kinds: ['decision', 'decline'],
    regimes: ['awb', 'awb-advisory'],
    scope: 'slot',
    check: 'custom',
    // With the letter's date known (composer, or "Datum:" in the header): the printed date must be right.
    run(ctx) {
      const letterDate = ctx.letter.letterDate;
      const p = paragraphWith(ctx, OMBUDSMAN);
      if (!letterDate || !p) return [];
      const text = ctx.textOf(p);
      const last = addYears(letterDate, 1);
      const ok = new Set([last]);
      // AWB-71: when the answer is late, the term may be given from the due date.
      if (ctx.facts?.decisionDue && ctx.facts.decisionDue < letterDate)
        ok.add(addYears(ctx.facts.decisionDue, 1));
      // AWB-71 without the case: a letter that says it is late may count from the due date it names.
      const slotText = ctx.slot.map(ctx.textOf).join('\n');
      if (test(LATE, slotText)) for (const d of datesIn(slotText)) if (d < letterDate) ok.add(addYears(d, 1));
      for (const m of text.matchAll(LATEST_ON_DATE)) {
        const d = datesIn(text.slice(m.index + m[0].length, m.index + m[0].length + 40))[0];
        // A date before the letter (the missed due date, AWB-71) is not the term's end.
        if (d && d > letterDate && !ok.has(d))
          return [{ paragraph: p.number, match: longDate(last, ctx.lang) }];
      }
      for (const m of text.matchAll(BEFORE_DATE)) {
        const d = datesIn(text.slice(m.index + m[0].length, m.index + m[0].length + 40))[0];
        if (d && d > letterDate && ![...ok].some((x) => addDays(x, 1) === d))
          return [{ paragraph: p.number, match: longDate(last, ctx.lang) }];
      }
      return [];
    },
    message: {
      nl: 'De datum bij de termijn voor de ombudsman klopt niet: een jaar na deze brief is dat uiterlijk op {match}.',
      en: 'The date of the ombudsman term is wrong: one year after this letter is no later than {match}.',
    },
    suggestion: { nl: 'Schrijf "uiterlijk op {match}".', en: 'Write "no later than {match}".' },
    examples: {
      bad: [
        { text: OMBUDSMAN_NL.replace('4 april 2028', '4 maart 2028'), at: 'slot', letterDate: '2027-04-04' },
      ],
      good: [
        {
          text: 'Wij hadden u uiterlijk op 7 april 2027 moeten antwoorden. Het spijt ons dat wij te laat zijn. Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u de Nationale ombudsman vragen uw klacht te onderzoeken. Dat kan binnen een jaar na 7 april 2027, dus uiterlijk op 7 april 2028.',
          at: 'slot',
          letterDate: '2027-04-20',
        },
        { text: OMBUDSMAN_NL, at: 'slot', letterDate: '2027-04-04' },
      ],
    },
  },
  {
    id: 'LET-07',
    key: 'LET-07/external-route',
    severity: 'warning',
    kinds: ['decision'],
    regimes: ['company'],
    scope: 'letter',
    check: 'require',
    patterns: [EXTERNAL_ROUTE],
    at: slotOrLast,
    message: {
      nl: 'De brief noemt geen externe instantie (geschillencommissie, Kifid of ombudsman).',
      en: 'The letter names no external body (disputes committee, ombudsman, ADR).',
    },
    suggestion: {
      nl: 'Noem waar de klager daarna terecht kan.',
      en: 'Say where the complainant can go next.',
    },
    examples: {
      bad: [
        { text: 'Bent u het niet eens met ons antwoord? Laat het ons weten.', at: 'slot', regime: 'company' },
      ],
      good: [
        {
          text: 'Bent u het niet eens met ons antwoord? Dan kunt u naar De Geschillencommissie.',
          at: 'slot',
          regime: 'company',
        },
      ],
    },
  },
  {
    id: 'WKKGZ-08',
    key: 'WKKGZ-08/disputes-body',
    severity: 'error',
    kinds: ['decision'],
    regimes: ['wkkgz'],
    scope: 'slot',
    check: 'custom',
    run(ctx) {
      return paragraphWith(ctx, DISPUTES_BODY) ? [] : [{ paragraph: slotOrLast(ctx) }];
    },
    message: {
      nl: 'De brief noemt de geschilleninstantie niet (Wkkgz art. 18).',
      en: 'The letter does not name the disputes body (Wkkgz s. 18).',
    },
    suggestion: {
      nl: 'Noem de geschilleninstantie waarbij de zorgaanbieder is aangesloten, met de website.',
      en: 'Name the disputes body the provider is affiliated with, and its website.',
    },
    examples: {
      bad: [
        { text: 'Bent u het niet eens met ons oordeel? Laat het ons weten.', at: 'slot', regime: 'wkkgz' },
      ],
      good: [
        {
          text: 'Bent u het niet eens met ons oordeel? Dan kunt u naar De Geschillencommissie Zorg. Dat kan binnen een jaar na het melden van uw klacht bij ons.',
          at: 'slot',
          regime: 'wkkgz',
        },
      ],
    },
  },
  {
    id: 'WKKGZ-11',
    key: 'WKKGZ-11/disputes-term',
    severity: 'error',
    kinds: ['decision'],
    regimes: ['wkkgz'],
    scope: 'slot',
    check: 'custom',
    run(ctx) {
      const p = paragraphWith(ctx, DISPUTES_BODY);
      if (!p || WITHIN_ONE_YEAR_OF_REPORT.test(ctx.textOf(p)) || test(ONE_YEAR, ctx.textOf(p))) return [];
      return [{ paragraph: p.number }];
    },
    message: {
      nl: 'De brief noemt de geschilleninstantie, maar niet de termijn van een jaar.',
      en: 'The letter names the disputes body but not the one-year term.',
    },
    suggestion: {
      nl: 'Schrijf: "Dat kan binnen een jaar na het melden van uw klacht bij ons."',
      en: 'Write: "You can do so within one year of reporting your complaint to us."',
    },
    examples: {
      bad: [{ text: 'Dan kunt u naar De Geschillencommissie Zorg.', at: 'slot', regime: 'wkkgz' }],
      good: [
        {
          text: 'Dan kunt u naar De Geschillencommissie Zorg, binnen een jaar na het melden van uw klacht.',
          at: 'slot',
          regime: 'wkkgz',
        },
      ],
    },
  },
  {
    id: 'WKKGZ-01',
    key: 'WKKGZ-01/regulation-in-decision',
    severity: 'warning',
    kinds: ['decision'],
    regimes: ['wkkgz'],
    scope: 'letter',
    check: 'require',
    patterns: [REGULATION],
    at: slotOrLast,
    message: {
      nl: 'De brief noemt de klachtenregeling niet (Wkkgz art. 13).',
      en: 'The letter does not mention the complaints regulation (Wkkgz s. 13).',
    },
    suggestion: {
      nl: 'Noem de klachtenregeling met de link: "Onze klachtenregeling leest u op …"',
      en: 'Mention the complaints regulation with its link: "You can read our complaints regulation at …"',
    },
    examples: {
      bad: [{ text: 'Heeft u vragen? Bel 030 123 45 67.', at: 'slot', regime: 'wkkgz' }],
      good: [
        { text: 'Onze klachtenregeling leest u op www.zorg.example/klachten.', at: 'slot', regime: 'wkkgz' },
      ],
    },
  },
  {
    id: 'WKKGZ-03',
    key: 'WKKGZ-03/complaints-officer-in-decision',
    severity: 'warning',
    kinds: ['decision'],
    regimes: ['wkkgz'],
    scope: 'letter',
    check: 'require',
    patterns: [COMPLAINTS_OFFICER],
    at: slotOrLast,
    message: {
      nl: 'De brief noemt de klachtenfunctionaris niet, die u gratis kan helpen (Wkkgz art. 15).',
      en: 'The letter does not mention the complaints officer, who can help free of charge (Wkkgz s. 15).',
    },
    suggestion: {
      nl: 'Voeg toe: "Wilt u hulp? De klachtenfunctionaris helpt u gratis."',
      en: 'Add: "Would you like help? Our complaints officer helps you free of charge."',
    },
    examples: {
      bad: [{ text: 'Heeft u vragen? Bel 030 123 45 67.', at: 'slot', regime: 'wkkgz' }],
      good: [{ text: 'Wilt u hulp? De klachtenfunctionaris helpt u gratis.', at: 'slot', regime: 'wkkgz' }],
    },
  },
];
