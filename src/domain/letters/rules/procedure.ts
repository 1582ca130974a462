// The other letters of the procedure: acknowledgement (AWB-13/14, WKKGZ-01/03), extension (LET-10),
// decline (LET-09, AWB-23, NO-03), informal resolution (AWB-11), forwarding (AWB-07), hearing
// invitation (AWB-30), decision notice to a respondent (ISO-07), follow-up (NO-14); and Wkkgz wording
// (WKKGZ-04).

import type { Rule, RuleContext } from '../engine.js';
import {
  ADVISORY,
  ANSWER_BY,
  AWB_HEARING_WORDS,
  COMPLAINTS_OFFICER,
  DATE,
  DECLINE_GROUND,
  DELAY_REGRET,
  DONE,
  EXTENSION_REASON,
  FORWARDED,
  HEARING,
  LET_US_KNOW,
  RECEIPT,
  REFUSAL,
  REGULATION,
  RESOLVED,
  SATISFACTION,
  UNDERLYING_PROBLEM,
  UNDERSTANDING,
  hasDate,
  judgementsIn,
  matches,
  sentences,
  test,
} from '../patterns.js';
import { ombudsmanRequired } from './decision.js';

const kernOrBody = (ctx: RuleContext) => ctx.firstOf(ctx.kern) ?? ctx.firstOf(ctx.body);
/** A sentence that refers back to an earlier letter or the complaint ("uw klacht van 1 maart 2027"). */
const REFERS_BACK =
  /(?:klacht|brief|e-mail|mail|bericht|complaint|letter|message) (?:van|of|dated)|ontv|receiv|beloofd|promised/iu;
/** A date in the body that is not the date of the complaint or of an earlier letter. */
const datedSentence = (ctx: RuleContext) =>
  ctx.body.some((p) => sentences(ctx.textOf(p)).some((s) => hasDate(s) && !test(REFERS_BACK, s)));
const ACK_NL =
  'Geachte heer Bakker,\n\nDank u wel voor uw klacht. Wij hebben die ontvangen op 3 maart 2027.\n\nU krijgt de gelegenheid om uw klacht in een gesprek toe te lichten.\n\nU krijgt uiterlijk op 14 april 2027 ons antwoord.\n\nMet vriendelijke groet,\nJan Jansen';

export const procedureRules: Rule[] = [
  // ---- Acknowledgement ------------------------------------------------------------------------
  {
    id: 'AWB-13',
    key: 'AWB-13/receipt-date',
    severity: 'error',
    kinds: ['acknowledgement'],
    regimes: ['awb', 'awb-advisory'],
    scope: 'letter',
    check: 'custom',
    run: (ctx) =>
      ctx.body.some((p) => sentences(ctx.textOf(p)).some((s) => test(RECEIPT, s) && hasDate(s)))
        ? []
        : [{ paragraph: ctx.firstOf(ctx.body) }],
    message: {
      nl: 'De ontvangstbevestiging noemt de datum van ontvangst niet.',
      en: 'The acknowledgement does not state the date of receipt.',
    },
    suggestion: {
      nl: 'Schrijf: "Wij hebben uw klacht ontvangen op 22 november 2026."',
      en: 'Write: "We received your complaint on 22 November 2026."',
    },
    examples: {
      bad: [{ text: ACK_NL.replace(' Wij hebben die ontvangen op 3 maart 2027.', ''), at: 'letter' }],
      good: [{ text: ACK_NL, at: 'letter' }],
    },
  },
  {
    id: 'AWB-13',
    key: 'AWB-13/answer-date',
    severity: 'error',
    kinds: ['acknowledgement'],
    regimes: ['awb', 'awb-advisory'],
    scope: 'letter',
    check: 'custom',
    run(ctx) {
      const ss = ctx.body.flatMap((p) => sentences(ctx.textOf(p)));
      const receipt = ss.find((s) => test(RECEIPT, s) && hasDate(s));
      const answer = ss.find(
        (s) => test(ANSWER_BY, s) && hasDate(s) && (s !== receipt || matches(DATE, s).length > 1),
      );
      return answer ? [] : [{ paragraph: kernOrBody(ctx) }];
    },
    message: {
      nl: 'De ontvangstbevestiging noemt niet uiterlijk wanneer de klager antwoord krijgt.',
      en: 'The acknowledgement does not say by when the complainant will get an answer.',
    },
    suggestion: {
      nl: 'Schrijf: "U krijgt uiterlijk op 4 januari 2027 ons antwoord."',
      en: 'Write: "You will receive our answer no later than 4 January 2027."',
    },
    examples: {
      bad: [
        {
          text: ACK_NL.replace(
            'U krijgt uiterlijk op 14 april 2027 ons antwoord.',
            'Wij nemen contact met u op.',
          ),
          at: 'letter',
        },
      ],
      good: [{ text: ACK_NL, at: 'letter' }],
    },
  },
  {
    id: 'AWB-13',
    key: 'AWB-13/hearing',
    severity: 'error',
    kinds: ['acknowledgement'],
    regimes: ['awb', 'awb-advisory'],
    scope: 'letter',
    check: 'require',
    patterns: [HEARING, /gesprek|toe te lichten|explain your complaint|talk/iu],
    at: kernOrBody,
    message: {
      nl: 'De ontvangstbevestiging zegt niet dat de klager gehoord kan worden.',
      en: 'The acknowledgement does not say that the complainant will be offered a hearing.',
    },
    suggestion: {
      nl: 'Voeg toe: "U krijgt de gelegenheid uw klacht in een gesprek toe te lichten."',
      en: 'Add: "You will be offered the opportunity to explain your complaint in a conversation (hearing)."',
    },
    examples: {
      bad: [{ text: 'Wij behandelen uw klacht en sturen u daarna een brief.' }],
      good: [{ text: 'U krijgt de gelegenheid om uw klacht in een gesprek toe te lichten.' }],
    },
  },
  {
    id: 'AWB-14',
    key: 'AWB-14/advisory-committee',
    severity: 'error',
    kinds: ['acknowledgement'],
    regimes: ['awb-advisory'],
    scope: 'letter',
    check: 'require',
    patterns: [ADVISORY],
    at: kernOrBody,
    message: {
      nl: 'Bij de adviescommissieprocedure moet de ontvangstbevestiging zeggen dat een persoon of commissie over de klacht adviseert (Awb 9:15 lid 1).',
      en: 'Under the advisory procedure the acknowledgement must say that a person or committee will advise on the complaint (Awb 9:15(1)).',
    },
    suggestion: {
      nl: 'Voeg toe: "Een onafhankelijke klachtencommissie adviseert over uw klacht."',
      en: 'Add: "An independent complaints committee will advise on your complaint."',
    },
    examples: {
      bad: [{ text: 'Wij behandelen uw klacht zelf.', regime: 'awb-advisory' }],
      good: [
        {
          text: 'Een onafhankelijke klachtencommissie adviseert ons over uw klacht.',
          regime: 'awb-advisory',
        },
      ],
    },
  },
  {
    id: 'WKKGZ-01',
    key: 'WKKGZ-01/regulation-in-acknowledgement',
    severity: 'error',
    kinds: ['acknowledgement'],
    regimes: ['wkkgz'],
    scope: 'letter',
    check: 'require',
    patterns: [REGULATION],
    at: kernOrBody,
    message: {
      nl: 'De ontvangstbevestiging noemt de klachtenregeling niet (Wkkgz art. 13).',
      en: 'The acknowledgement does not mention the complaints regulation (Wkkgz s. 13).',
    },
    suggestion: {
      nl: 'Voeg toe: "Hoe wij uw klacht behandelen, staat in onze klachtenregeling: [link]."',
      en: 'Add: "How we handle your complaint is set out in our complaints regulation: [link]."',
    },
    examples: {
      bad: [{ text: 'Wij behandelen uw klacht zorgvuldig.', regime: 'wkkgz' }],
      good: [
        {
          text: 'Hoe wij uw klacht behandelen, staat in onze klachtenregeling op www.zorg.example/klachten.',
          regime: 'wkkgz',
        },
      ],
    },
  },
  {
    id: 'WKKGZ-03',
    key: 'WKKGZ-03/complaints-officer-in-acknowledgement',
    severity: 'error',
    kinds: ['acknowledgement'],
    regimes: ['wkkgz'],
    scope: 'letter',
    check: 'require',
    patterns: [COMPLAINTS_OFFICER],
    at: kernOrBody,
    message: {
      nl: 'De ontvangstbevestiging noemt de klachtenfunctionaris niet, die de klager gratis helpt (Wkkgz art. 15).',
      en: 'The acknowledgement does not mention the complaints officer, who helps free of charge (Wkkgz s. 15).',
    },
    suggestion: {
      nl: 'Voeg toe: "Wilt u hulp bij uw klacht? De klachtenfunctionaris helpt u gratis."',
      en: 'Add: "Would you like help with your complaint? Our complaints officer helps you free of charge."',
    },
    examples: {
      bad: [{ text: 'Wij behandelen uw klacht zorgvuldig.', regime: 'wkkgz' }],
      good: [{ text: 'Wilt u hulp bij uw klacht? De klachtenfunctionaris helpt u gratis.', regime: 'wkkgz' }],
    },
  },
  {
    id: 'WKKGZ-04',
    key: 'WKKGZ-04/no-awb-hearing-words',
    severity: 'warning',
    regimes: ['wkkgz'],
    scope: 'sentence',
    check: 'forbid',
    patterns: [AWB_HEARING_WORDS],
    once: 'letter',
    message: {
      nl: '"{match}" is een term uit de Awb; onder de Wkkgz zoekt u in een gesprek samen naar een oplossing.',
      en: '"{match}" is an Awb term; under the Wkkgz you look for a solution together in a conversation.',
    },
    suggestion: {
      nl: 'Schrijf "gesprek": "Wij nodigen u uit voor een gesprek over uw klacht."',
      en: 'Write "conversation": "We invite you to talk about your complaint."',
    },
    examples: {
      bad: [{ text: 'Wij nodigen u uit voor een hoorgesprek.', regime: 'wkkgz' }],
      good: [{ text: 'Wij nodigen u uit voor een gesprek over uw klacht.', regime: 'wkkgz' }],
    },
  },
  // ---- Extension --------------------------------------------------------------------------------
  {
    id: 'LET-10',
    key: 'LET-10/reason',
    severity: 'error',
    kinds: ['extension'],
    scope: 'letter',
    check: 'require',
    patterns: [EXTENSION_REASON],
    at: kernOrBody,
    message: {
      nl: 'Het bericht over de extra tijd noemt geen reden.',
      en: 'The extension notice gives no reason.',
    },
    suggestion: {
      nl: 'Leg uit waarom meer tijd nodig is: "Wij hebben meer tijd nodig, omdat …"',
      en: 'Explain why more time is needed: "We need more time because …"',
    },
    examples: {
      bad: [{ text: 'U krijgt ons antwoord uiterlijk op 4 mei 2027.' }],
      good: [
        { text: 'De medewerker over wie u klaagt, is ziek. Wij willen ook zijn kant horen.' },
        { text: 'Wij hebben meer tijd nodig, omdat wij de medewerker pas op 20 april 2027 kunnen spreken.' },
      ],
    },
  },
  {
    id: 'LET-10',
    key: 'LET-10/new-date',
    severity: 'error',
    kinds: ['extension'],
    scope: 'letter',
    check: 'custom',
    run: (ctx) => (hasDate(ctx.bodyText) ? [] : [{ paragraph: kernOrBody(ctx) }]),
    message: {
      nl: 'Het bericht over de extra tijd noemt de nieuwe datum niet.',
      en: 'The extension notice does not give the new date.',
    },
    suggestion: {
      nl: 'Noem de nieuwe uiterste datum, bijvoorbeeld "uiterlijk op 4 maart 2027".',
      en: 'Give the new latest date, e.g. "by 4 March 2027".',
    },
    examples: {
      bad: [
        {
          text: `Geachte heer Bakker,\n\nDank u wel voor uw klacht.\n\nWij hebben vier weken langer nodig, omdat de medewerker ziek is.\n\nMet vriendelijke groet,\nJan Jansen`,
          at: 'letter',
        },
      ],
      good: [
        {
          text: 'Wij hebben meer tijd nodig, omdat de medewerker ziek is. U krijgt ons antwoord uiterlijk op 4 mei 2027.',
        },
      ],
    },
  },
  {
    id: 'LET-10',
    key: 'LET-10/regret',
    severity: 'error',
    kinds: ['extension'],
    recipients: ['complainant'],
    scope: 'letter',
    check: 'require',
    patterns: [DELAY_REGRET],
    at: kernOrBody,
    message: {
      nl: 'Het bericht zegt niet dat het ons spijt dat de klager langer moet wachten.',
      en: 'The notice does not say we are sorry that the complainant has to wait longer.',
    },
    suggestion: {
      nl: 'Zeg het gewoon: "Het spijt ons dat u langer op ons antwoord moet wachten."',
      en: 'Say it plainly: "We are sorry that you have to wait longer for our answer."',
    },
    examples: {
      bad: [{ text: 'Wij hebben meer tijd nodig, omdat de medewerker ziek is.' }],
      good: [{ text: 'Het spijt ons dat u langer op ons antwoord moet wachten.' }],
    },
  },
  // ---- Decline (Awb 9:8) --------------------------------------------------------------------
  {
    id: 'LET-09',
    key: 'LET-09/ground',
    severity: 'error',
    kinds: ['decline'],
    scope: 'letter',
    check: 'require',
    patterns: [DECLINE_GROUND],
    at: kernOrBody,
    message: {
      nl: 'Het besluit noemt niet op welke grond van artikel 9:8 Awb de klacht niet wordt behandeld.',
      en: 'The notice does not name the ground of Awb 9:8 on which the complaint is declined.',
    },
    suggestion: {
      nl: 'Noem en leg uit welke grond geldt (bijvoorbeeld: de gedraging was meer dan een jaar voor de klacht).',
      en: 'Name and explain the ground (e.g. the behaviour took place more than a year before the complaint).',
    },
    examples: {
      bad: [{ text: 'Wij nemen uw klacht niet in behandeling.' }],
      good: [{ text: 'De gebeurtenis was meer dan een jaar voordat u uw klacht indiende.' }],
    },
  },
  ombudsmanRequired('AWB-23', ['decline']),
  {
    id: 'NO-03',
    key: 'NO-03/decline-with-understanding',
    severity: 'error',
    kinds: ['decline'],
    scope: 'letter',
    check: 'custom',
    // Ombudsman vuistregel 3: do not hide behind the rules. The letter opens with the person, not the refusal.
    run(ctx) {
      if (
        ctx.inleiding &&
        test(REFUSAL, ctx.textOf(ctx.inleiding)) &&
        !test(UNDERSTANDING, ctx.textOf(ctx.inleiding))
      )
        return [
          {
            paragraph: ctx.inleiding.number,
            message: {
              nl: 'Het besluit opent met de weigering, niet met begrip voor de klager.',
              en: 'The notice opens with the refusal, not with understanding for the complainant.',
            },
          },
        ];
      return test(UNDERSTANDING, ctx.bodyText) ? [] : [{ paragraph: ctx.firstOf(ctx.body) }];
    },
    message: {
      nl: 'Het besluit toont geen begrip voor de klager.',
      en: 'The notice shows no understanding for the complainant.',
    },
    suggestion: {
      nl: 'Begin met begrip: "Wij begrijpen dat u hier last van heeft." Zeg daarna pas wat wij niet doen, en waarom.',
      en: 'Start with understanding: "We understand this causes you trouble." Only then say what we will not do, and why.',
    },
    examples: {
      bad: [
        { text: 'Wij nemen uw klacht niet in behandeling.', at: 'inleiding' },
        { text: 'De gebeurtenis was meer dan een jaar geleden. Daarom behandelen wij uw klacht niet.' },
      ],
      good: [
        {
          text: 'Wij begrijpen dat de overlast u nog steeds dwarszit. Toch behandelen wij uw klacht niet, omdat de gebeurtenis meer dan een jaar geleden was.',
        },
      ],
    },
  },
  {
    id: 'NO-03',
    key: 'NO-03/underlying-problem',
    severity: 'error',
    kinds: ['decline'],
    scope: 'letter',
    check: 'custom',
    // The refusal itself ("Wij nemen uw klacht niet in behandeling") is not what happens with the problem.
    run: (ctx) =>
      ctx.body.some((p) =>
        sentences(ctx.textOf(p)).some((s) => test(UNDERLYING_PROBLEM, s) && !test(REFUSAL, s)),
      )
        ? []
        : [{ paragraph: kernOrBody(ctx) }],
    message: {
      nl: 'Het besluit zegt niet wat er gebeurt met het probleem achter de klacht.',
      en: 'The notice does not say what happens with the problem behind the complaint.',
    },
    suggestion: {
      nl: 'Zeg wat u wél doet: "Het probleem zelf pakken wij wel op: de afdeling Wegen belt u uiterlijk op …"',
      en: 'Say what you will do: "We will still deal with the problem itself: the roads team will call you by …"',
    },
    examples: {
      bad: [
        {
          text: 'Wij nemen uw klacht over de kapotte lantaarnpaal in de Populierstraat niet in behandeling.',
        },
        { text: 'Daarom behandelen wij uw klacht niet.' },
      ],
      good: [
        {
          text: 'We have treated your letter as an objection; our tax team will decide on it by 3 May 2027.',
          lang: 'en',
        },
        {
          text: 'Het probleem zelf pakken wij wel op: de afdeling Wegen herstelt de stoeptegel uiterlijk op 1 mei 2027.',
        },
        {
          text: 'We will still deal with the problem itself: the roads team will repair the pavement by 1 May 2027.',
          lang: 'en',
        },
      ],
    },
  },
  // ---- Informal resolution, forwarding, hearing, notices, follow-up ----------------------------
  {
    id: 'AWB-11',
    key: 'AWB-11/satisfaction-confirmed',
    severity: 'error',
    kinds: ['informal-resolution'],
    scope: 'letter',
    check: 'custom',
    run: (ctx) =>
      (test(SATISFACTION, ctx.fullText) || test(RESOLVED, ctx.fullText)) && test(LET_US_KNOW, ctx.fullText)
        ? []
        : [{ paragraph: ctx.firstOf(ctx.slot) ?? ctx.lastBody }],
    message: {
      nl: 'De bevestiging zegt niet dat de klacht naar tevredenheid is opgelost en dat de klager het kan laten weten als dat niet zo is.',
      en: 'The confirmation does not say the complaint was resolved to the complainant’s satisfaction and that they can tell you if not.',
    },
    suggestion: {
      nl: 'Voeg toe: "Wij gaan ervan uit dat uw klacht naar tevredenheid is opgelost. Is dat niet zo? Laat het ons dan weten."',
      en: 'Add: "We take it that your complaint has been resolved to your satisfaction. If not, please let us know."',
    },
    examples: {
      bad: [{ text: 'Wij hebben afgesproken dat wij de container vervangen.' }],
      good: [
        { text: 'U liet weten dat uw klacht daarmee is opgelost. Klopt dit niet? Laat het ons dan weten.' },
        {
          text: 'Wij gaan ervan uit dat uw klacht naar tevredenheid is opgelost. Is dat niet zo? Laat het ons dan weten.',
        },
      ],
    },
  },
  {
    id: 'AWB-07',
    key: 'AWB-07/forwarded-to',
    severity: 'error',
    kinds: ['forwarding'],
    scope: 'letter',
    check: 'require',
    patterns: [FORWARDED],
    at: (ctx) => ctx.firstOf(ctx.body),
    message: {
      nl: 'Het bericht zegt niet dat en naar wie de klacht is doorgestuurd.',
      en: 'The notice does not say that, and to whom, the complaint was forwarded.',
    },
    suggestion: {
      nl: 'Schrijf: "Wij hebben uw klacht vandaag doorgestuurd naar …"',
      en: 'Write: "Today we forwarded your complaint to …"',
    },
    examples: {
      bad: [{ text: 'Wij zijn niet de juiste organisatie voor uw klacht.' }],
      good: [{ text: 'Wij hebben uw klacht op 3 maart 2027 doorgestuurd naar de Belastingdienst.' }],
    },
  },
  {
    id: 'AWB-30',
    key: 'AWB-30/hearing-date',
    severity: 'error',
    kinds: ['hearing-invitation'],
    scope: 'letter',
    check: 'custom',
    // The date of the conversation: not the date of the complaint ("uw klacht van 1 maart 2027").
    run: (ctx) => (datedSentence(ctx) ? [] : [{ paragraph: kernOrBody(ctx) }]),
    message: {
      nl: 'De uitnodiging noemt geen datum voor het gesprek of om te reageren.',
      en: 'The invitation gives no date for the conversation or for replying.',
    },
    suggestion: {
      nl: 'Noem de datum en plaats, of de datum waarvoor de klager moet reageren (AWB-31).',
      en: 'Give the date and place, or the date by which to reply (AWB-31).',
    },
    examples: {
      bad: [
        {
          text: `Geachte heer Bakker,\n\nDank u wel voor uw klacht.\n\nWij nodigen u uit voor een gesprek op het stadhuis.\n\nMet vriendelijke groet,\nJan Jansen`,
          at: 'letter',
        },
      ],
      good: [{ text: 'Wij nodigen u uit voor een gesprek op 3 maart 2027 om 14.00 uur op het stadhuis.' }],
    },
  },
  {
    id: 'ISO-07',
    key: 'ISO-07/judgement-to-respondent',
    severity: 'error',
    kinds: ['decision-notice'],
    scope: 'letter',
    check: 'custom',
    run: (ctx) => (judgementsIn(ctx.fullText).size > 0 ? [] : [{ paragraph: kernOrBody(ctx) }]),
    message: {
      nl: 'Het bericht noemt het oordeel over de klacht niet.',
      en: 'The notice does not state the judgement on the complaint.',
    },
    suggestion: {
      nl: 'Noem per onderdeel het oordeel: gegrond, deels gegrond of ongegrond.',
      en: 'State the judgement per item: upheld, partly upheld or not upheld.',
    },
    examples: {
      bad: [{ text: 'Wij hebben de klacht afgehandeld.', kind: 'decision-notice' }],
      good: [{ text: 'Ons oordeel: de klacht is deels gegrond.', kind: 'decision-notice' }],
    },
  },
  {
    id: 'NO-14',
    key: 'NO-14/follow-up-done',
    severity: 'warning',
    kinds: ['follow-up'],
    scope: 'letter',
    check: 'custom',
    // Done, or the new date; the date of the decision letter it refers back to says neither.
    run: (ctx) => (test(DONE, ctx.bodyText) || datedSentence(ctx) ? [] : [{ paragraph: kernOrBody(ctx) }]),
    message: {
      nl: 'De opvolging zegt niet of en wanneer de maatregel is uitgevoerd.',
      en: 'The follow-up does not say whether and when the measure was carried out.',
    },
    suggestion: {
      nl: 'Noem wat er is gedaan en op welke datum.',
      en: 'Say what was done and on which date.',
    },
    examples: {
      bad: [
        {
          text: `Geachte heer Bakker,\n\nDank u wel voor uw klacht.\n\nWij hebben aan de maatregel gewerkt.\n\nMet vriendelijke groet,\nJan Jansen`,
          at: 'letter',
        },
      ],
      good: [{ text: 'De maatregel is op 3 maart 2027 uitgevoerd.' }],
    },
  },
];
