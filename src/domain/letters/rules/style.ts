// Rules for every letter, sentence by sentence: no objection clause under the Awb (AWB-08), no blame
// (LET-05), committing language (LET-06), a lesson that is a measure and not a hope (NO-05), plain
// language (LET-08), the complainant addressed as "u" and never as "klager" (NO-11), one language
// throughout (AWB-05).

import type { Hit, Rule } from '../engine.js';
import {
  AS_SOON_AS_POSSIBLE,
  BLAME,
  DATE,
  DEFENSIVE,
  FIRST_PERSON,
  JARGON,
  LESSON_AS_HOPE,
  NEGATION,
  NON_COMMITTING,
  OBJECTION_OFFER,
  OBJECTION_OTHER_DECISION,
  OBJECTION_SELF,
  TERM,
  THIRD_PERSON_COMPLAINANT,
  matches,
  paragraphLang,
  sentences,
  test,
  wordCount,
  words,
} from '../patterns.js';

const PAST_ROUTE = words(['kon', 'kon u', 'u kon', 'had u kunnen', 'could have', 'could', 'had kunnen']);
const EXPLAINS = words([
  'omdat',
  'want',
  'doordat',
  'namelijk',
  'because',
  'since',
  'as the',
  'as they',
  'as it',
]);

export const styleRules: Rule[] = [
  {
    id: 'AWB-08',
    key: 'AWB-08/objection-clause',
    severity: 'error',
    regimes: ['awb', 'awb-advisory'],
    scope: 'sentence',
    check: 'custom',
    // Awb 9:3: no objection or appeal against complaint handling. An objection route against ANOTHER
    // decision ("tegen de parkeerboete zelf kunt u in beroep") is useful information, not an offer.
    run(ctx) {
      const hits: Hit[] = [];
      for (const p of ctx.body) {
        for (const s of sentences(ctx.textOf(p))) {
          const m = matches(OBJECTION_OFFER, s)[0];
          if (!m || test(NEGATION, m) || test(PAST_ROUTE, s)) continue;
          if (!test(OBJECTION_SELF, s) && test(OBJECTION_OTHER_DECISION, s)) continue;
          hits.push({ paragraph: p.number, match: m });
          break;
        }
      }
      return hits;
    },
    message: {
      nl: 'Tegen de behandeling van een klacht staat geen bezwaar of beroep open (Awb 9:3), maar de brief biedt dat aan: "{match}".',
      en: 'No objection or appeal lies against complaint handling (Awb 9:3), but the letter offers one: "{match}".',
    },
    suggestion: {
      nl: 'Haal de bezwaarclausule weg en verwijs naar de ombudsman (AWB-51). Gaat het om een ander besluit, noem dat dan: "Tegen de boete zelf kunt u bezwaar maken."',
      en: 'Remove the objection clause and refer to the ombudsman (AWB-51). If it concerns another decision, name it: "You can object to the fine itself."',
    },
    examples: {
      bad: [
        { text: 'U kunt binnen zes weken bezwaar maken.' },
        { text: 'Tegen dit besluit kunt u bezwaar maken bij het college.' },
        { text: 'You may lodge an objection to this decision within six weeks.', lang: 'en' },
      ],
      good: [
        { text: 'Tegen de parkeerboete zelf kunt u in beroep gaan bij de rechtbank.' },
        { text: 'Tegen deze brief kunt u geen bezwaar maken.' },
        { text: 'Tegen dat besluit kon u bezwaar maken.' },
        { text: 'You can appeal against the fine itself to the district court.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-05',
    key: 'LET-05/blame',
    severity: 'error',
    scope: 'sentence',
    check: 'forbid',
    patterns: [BLAME],
    message: {
      nl: 'De brief legt de schuld bij de klager: "{match}".',
      en: 'The letter blames the complainant: "{match}".',
    },
    suggestion: {
      nl: 'Leg de regel of de feiten neutraal uit en toon begrip, bijvoorbeeld: "Waarschijnlijk hebben wij dit niet duidelijk genoeg uitgelegd."',
      en: 'Explain the rule or the facts neutrally and show understanding, e.g. "We probably did not explain this clearly enough."',
    },
    examples: {
      bad: [
        { text: 'Had u de instructies gevolgd, dan was dit niet gebeurd.' },
        { text: 'U had beter moeten opletten welke balie open was.' },
        { text: 'Zoals duidelijk op onze website staat, moet u een afspraak maken.' },
        { text: 'If you had read the conditions, you would have known this.', lang: 'en' },
        { text: 'You failed to renew your permit in time.', lang: 'en' },
      ],
      good: [
        { text: 'Had u eerder bericht van ons moeten krijgen? Ja, dat klopt.' },
        {
          text: 'Op onze website staat dat u een afspraak moet maken. Wij begrijpen dat dit niet voor iedereen duidelijk is.',
        },
        { text: 'You should have heard from us sooner.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-05',
    key: 'LET-05/defensive',
    severity: 'error',
    scope: 'sentence',
    check: 'forbid',
    patterns: [DEFENSIVE],
    exceptions: [EXPLAINS],
    message: {
      nl: 'De brief verdedigt de medewerkers in plaats van uit te leggen: "{match}".',
      en: 'The letter defends staff instead of explaining: "{match}".',
    },
    suggestion: {
      nl: 'Leg uit wat er gebeurde en waarom dat volgens de regels was, en toon begrip voor hoe de klager het beleefde.',
      en: 'Explain what happened and why it followed the rules, and show understanding for how the complainant experienced it.',
    },
    examples: {
      bad: [
        { text: 'Onze medewerkers hebben correct gehandeld.' },
        { text: 'Our staff acted correctly at all times.', lang: 'en' },
      ],
      good: [
        {
          text: 'De medewerker heeft juist gehandeld, omdat zij zonder afspraak geen paspoort mag uitgeven.',
        },
        { text: 'The officer acted correctly because the car was parked in a loading bay.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-06',
    key: 'LET-06/vague-promise',
    severity: 'error',
    configurable: true,
    scope: 'sentence',
    check: 'forbid',
    patterns: [NON_COMMITTING],
    // Only where the organisation speaks ("U probeerde ons te bellen" is the complainant's effort) and
    // only without a date ("op korte termijn, uiterlijk 1 maart 2027" is a commitment).
    when: FIRST_PERSON,
    // A lesson written as a hope is NO-05's finding, not a second one here.
    exceptions: [DATE, TERM, LESSON_AS_HOPE],
    message: { nl: 'Schrijf toezeggend, niet "{match}".', en: 'Write committing language, not "{match}".' },
    suggestion: {
      nl: 'Zeg wat u doet en wanneer: "Wij zorgen ervoor dat … uiterlijk op 1 maart 2027."',
      en: 'Say what you will do and by when: "We will … by 1 March 2027."',
    },
    examples: {
      bad: [
        { text: 'Wij streven ernaar de stoep op korte termijn te herstellen.' },
        { text: 'Wij gaan kijken of wij de kosten kunnen vergoeden.' },
        { text: 'We will look into whether we can refund the fee.', lang: 'en' },
        { text: 'We hope to repair the lift shortly.', lang: 'en' },
      ],
      good: [
        { text: 'Wij herstellen de stoep op korte termijn, uiterlijk op 1 maart 2027.' },
        { text: 'U probeerde ons drie keer te bellen.' },
        { text: 'You tried to call us three times.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-06',
    key: 'LET-06/as-soon-as-possible',
    severity: 'error',
    configurable: true,
    scope: 'sentence',
    check: 'forbid',
    patterns: [AS_SOON_AS_POSSIBLE],
    exceptions: [DATE, TERM],
    message: {
      nl: '"{match}" zonder datum is geen toezegging.',
      en: '"{match}" without a date is not a commitment.',
    },
    suggestion: { nl: 'Noem de datum waarop het gebeurt.', en: 'Give the date by which it will happen.' },
    examples: {
      bad: [
        { text: 'Wij betalen het bedrag zo snel mogelijk terug.' },
        { text: 'We will replace the meter as soon as possible.', lang: 'en' },
      ],
      good: [{ text: 'Wij betalen het bedrag zo snel mogelijk terug, uiterlijk op 15 maart 2027.' }],
    },
  },
  {
    id: 'NO-05',
    key: 'NO-05/lesson-is-a-hope',
    severity: 'error',
    scope: 'sentence',
    check: 'forbid',
    patterns: [LESSON_AS_HOPE],
    message: {
      nl: 'Wat de organisatie leert is hier een hoop, geen maatregel: "{match}".',
      en: 'What the organisation learns is a hope here, not a measure: "{match}".',
    },
    suggestion: {
      nl: 'Zeg wat er verandert en vanaf wanneer: "Vanaf 1 april 2027 controleren wij elke aanvraag twee keer."',
      en: 'Say what changes and from when: "From 1 April 2027 we check every application twice."',
    },
    examples: {
      bad: [
        { text: 'Wij hopen dat dit in de toekomst niet meer voorkomt.' },
        { text: 'We trust that this will not happen again.', lang: 'en' },
      ],
      good: [
        { text: 'Vanaf 1 april 2027 controleren wij elke aanvraag twee keer, zodat dit niet meer voorkomt.' },
        { text: 'From 1 April 2027 a second colleague checks every refund.', lang: 'en' },
      ],
    },
  },
  {
    id: 'LET-08',
    key: 'LET-08/officialese',
    severity: 'warning',
    configurable: true,
    scope: 'sentence',
    check: 'custom',
    run(ctx) {
      const hits: Hit[] = [];
      for (const p of ctx.body) {
        for (const [re, alt] of JARGON) {
          const hit = matches(re, p.text)[0];
          if (hit)
            hits.push({
              paragraph: p.number,
              match: hit,
              suggestion: { nl: `Schrijf "${alt.nl}".`, en: `Write "${alt.en}".` },
            });
        }
      }
      return hits;
    },
    message: { nl: '"{match}" is ambtelijke taal.', en: '"{match}" is officialese.' },
    suggestion: { nl: 'Schrijf het eenvoudiger.', en: 'Write it more plainly.' },
    examples: {
      bad: [
        { text: 'Hierbij delen wij u mede dat de afhandeling van uw klacht wordt verdaagd.' },
        { text: 'Gelet op het vorenstaande wijzen wij uw verzoek af.' },
        { text: 'In uw brief d.d. 3 maart 2027 schrijft u over de onderhavige kwestie.' },
        { text: 'Mocht u nog vragen hebben, dan kunt u bellen.' },
        { text: 'Wij hebben besloten de behandeling te verdagen.' },
        { text: 'Please be advised that the aforementioned fee is due.', lang: 'en' },
      ],
      good: [
        { text: 'Heeft u nog vragen? Bel ons dan.' },
        { text: 'In uw brief van 3 maart 2027 schrijft u over de wachttijd.' },
      ],
    },
  },
  {
    id: 'LET-08',
    key: 'LET-08/long-sentence',
    severity: 'warning',
    configurable: true,
    scope: 'sentence',
    check: 'custom',
    run(ctx) {
      const max = ctx.opts.maxSentenceWords ?? 30;
      const hits: Hit[] = [];
      for (const p of ctx.body) {
        const long = sentences(p.text).find((s) => wordCount(s) > max);
        if (long) hits.push({ paragraph: p.number, match: String(wordCount(long)) });
      }
      return hits;
    },
    message: {
      nl: 'Een zin van {match} woorden is te lang voor taalniveau B1.',
      en: 'A sentence of {match} words is too long for plain language (B1).',
    },
    suggestion: { nl: 'Maak er twee of drie korte zinnen van.', en: 'Make it two or three short sentences.' },
    examples: {
      bad: [
        {
          text: 'Naar aanleiding van uw schrijven waarin u aangeeft dat u het niet eens bent met de wijze waarop onze afdeling uw aanvraag voor een parkeervergunning heeft afgehandeld en waarin u tevens vraagt om een vergoeding van de gemaakte kosten, delen wij u het volgende mee.',
        },
      ],
      good: [
        {
          text: 'U bent het niet eens met hoe wij uw aanvraag hebben behandeld. U vraagt ook om een vergoeding.',
        },
      ],
    },
  },
  {
    id: 'LET-08',
    key: 'LET-08/average-sentence-length',
    severity: 'warning',
    configurable: true,
    scope: 'letter',
    check: 'custom',
    run(ctx) {
      const max = ctx.opts.maxAverageSentenceWords ?? 20;
      const all = ctx.body.flatMap((p) => sentences(p.text));
      if (all.length === 0) return [];
      const avg = all.reduce((n, s) => n + wordCount(s), 0) / all.length;
      return avg > max ? [{ paragraph: null, match: avg.toFixed(1) }] : [];
    },
    message: {
      nl: 'De zinnen zijn gemiddeld {match} woorden lang; voor taalniveau B1 is dat te veel.',
      en: 'Sentences average {match} words; too long for plain language (B1).',
    },
    suggestion: { nl: 'Knip lange zinnen in tweeën.', en: 'Split long sentences in two.' },
    examples: {
      bad: [
        {
          at: 'letter',
          text: 'Geachte heer Bakker,\n\nNaar aanleiding van uw schrijven van 3 maart 2027 hebben wij uw klacht over de afhandeling van uw aanvraag met de betrokken medewerkers besproken.\n\nWij hebben daarbij ook de stukken uit uw dossier en de correspondentie met de afdeling vergunningen zorgvuldig bekeken en beoordeeld.\n\nMet vriendelijke groet,\nJan Jansen',
        },
      ],
      good: [
        { text: 'Wij hebben uw klacht besproken met de medewerkers. Wij hebben ook uw dossier bekeken.' },
      ],
    },
  },
  {
    id: 'NO-11',
    key: 'NO-11/complainant-in-third-person',
    severity: 'error',
    recipients: ['complainant'],
    scope: 'sentence',
    check: 'forbid',
    patterns: [THIRD_PERSON_COMPLAINANT],
    message: {
      nl: 'De brief spreekt over de klager in de derde persoon, als in een dossiernotitie: "{match}".',
      en: 'The letter speaks of the complainant in the third person, like a file note: "{match}".',
    },
    suggestion: {
      nl: 'Spreek de klager aan met "u": "U bent ontevreden over …"',
      en: 'Address the complainant as "you": "You are unhappy about …"',
    },
    examples: {
      bad: [
        { text: 'Mevrouw stelt dat zij vier maanden heeft moeten wachten.' },
        { text: 'Kort samengevat: klaagster is ontevreden over de behandeling aan de balie.' },
        { text: 'De klager stelt dat hij te lang heeft moeten wachten.' },
        { text: 'The complainant states that the bin was not emptied.', lang: 'en' },
      ],
      good: [
        { text: 'Mevrouw Jansen, de teamleider, belt u uiterlijk op 1 mei 2027.' },
        { text: 'Als klager heeft u recht op een zorgvuldige behandeling.' },
        { text: 'U bent ontevreden over de behandeling aan de balie.' },
        { text: 'De klager heeft onze beslissing ook ontvangen.', recipient: 'respondent' },
      ],
    },
  },
  {
    id: 'AWB-05',
    key: 'AWB-05/one-language',
    severity: 'error',
    scope: 'letter',
    check: 'custom',
    run(ctx) {
      const other = (t: string) => {
        const l = paragraphLang(t);
        return l !== null && l !== ctx.letter.lang;
      };
      // A paragraph in the other language, or one sentence of it (a handler's text spliced in).
      return ctx.body
        .filter((p) => other(p.text) || sentences(p.text).some(other))
        .map((p) => ({ paragraph: p.number }));
    },
    message: {
      nl: 'Deze alinea is in een andere taal geschreven dan de rest van de brief.',
      en: 'This paragraph is written in another language than the rest of the letter.',
    },
    suggestion: {
      nl: 'Schrijf de hele brief in de taal van de klager.',
      en: 'Write the whole letter in the complainant’s language.',
    },
    examples: {
      bad: [
        {
          text: 'Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u naar de Nationale ombudsman.',
          lang: 'en',
        },
        { text: 'If you disagree with our decision, you can contact the ombudsman.', lang: 'nl' },
        {
          text: 'We find this part upheld. The reason: de medewerker was niet vriendelijk en heeft u niet goed geholpen.',
          lang: 'en',
        },
      ],
      good: [
        {
          text: 'If you disagree with how we handled your complaint, you can go to the Nationale ombudsman.',
          lang: 'en',
        },
        { text: 'Postbus 93122, 2509 AC Den Haag, www.nationaleombudsman.nl', lang: 'en' },
      ],
    },
  },
];
