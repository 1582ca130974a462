// The letter linter: rules.md §6 (LET-01..10) plus the content each regime requires (AWB-08, AWB-13,
// AWB-14, AWB-23, AWB-50/51, WKKGZ-08/11, NO-04/05). Errors block sending; warnings are shown.
// Lint rules are heuristics over Dutch and English text; the fixtures in ./fixtures pin them down.
// Pure: no I/O.

import type {
  Finding,
  FindingSeverity,
  Judgement,
  Letter,
  LetterLang,
  Paragraph,
  Severity,
} from './model.js';
import { JUDGEMENT_RANK, SEVERITY_RANK } from './model.js';
import {
  ADVISORY,
  ANSWER_BY,
  APOLOGY,
  AS_SOON_AS_POSSIBLE,
  BLAME,
  CONDITIONAL_APOLOGY,
  DATE,
  DECLINE_GROUND,
  DISPUTES_BODY,
  DONE,
  EXTENSION_REASON,
  EXTERNAL_ROUTE,
  FORWARDED,
  HEARING,
  JARGON,
  LESSON,
  LET_US_KNOW,
  NEGATION,
  NEGATIVE_VERDICT,
  NON_COMMITTING,
  OBJECTION_CLAUSE,
  OMBUDSMAN,
  ONE_YEAR,
  REASON,
  RECEIPT,
  SATISFACTION,
  THANKS,
  WITHIN_ONE_YEAR_OF_REPORT,
  hasDate,
  hasDateOrTerm,
  hasPhoneNumber,
  judgementsIn,
  matches,
  sentences,
  test,
  wordCount,
} from './patterns.js';

export interface LintOptions {
  /** Language of the messages and suggestions (default: the letter's language). */
  messageLang?: LetterLang | undefined;
  /** [C] rules are configurable defaults (spec README): change a rule's severity or switch it off. */
  severity?: Partial<Record<string, FindingSeverity | 'off'>> | undefined;
  /** LET-08: B1 targets. */
  maxAverageSentenceWords?: number | undefined;
  maxSentenceWords?: number | undefined;
}

type Bi = { nl: string; en: string };

interface Numbered extends Paragraph {
  number: number;
}

interface Item {
  paragraphs: Numbered[];
  judgement: Judgement | undefined;
  /** All judgements the item's text states (more than one: ambiguous). */
  stated: Set<Judgement>;
  severity: Severity | undefined;
}

const JUDGEMENT_WORDS: Record<Judgement, Bi> = {
  not_upheld: { nl: 'ongegrond', en: 'not upheld' },
  partly_upheld: { nl: 'deels gegrond', en: 'partly upheld' },
  upheld: { nl: 'gegrond', en: 'upheld' },
};

export function lintLetter(letter: Letter, opts: LintOptions = {}): Finding[] {
  const lang = opts.messageLang ?? letter.lang;
  const findings: Finding[] = [];
  const add = (
    rule: string,
    severity: FindingSeverity,
    paragraph: number | null,
    message: Bi,
    suggestion: Bi,
  ) => {
    const configured = opts.severity?.[rule];
    if (configured === 'off') return;
    findings.push({
      rule,
      severity: configured ?? severity,
      message: message[lang],
      paragraph,
      suggestion: suggestion[lang],
    });
  };

  const all: Numbered[] = letter.paragraphs.map((p, i) => ({
    ...p,
    number: (p as { number?: number }).number ?? i + 1,
  }));
  const body = all.filter((p) => p.role === 'inleiding' || p.role === 'kern' || p.role === 'slot');
  const inleiding = all.find((p) => p.role === 'inleiding');
  const kern = all.filter((p) => p.role === 'kern');
  const slot = all.filter((p) => p.role === 'slot');
  const textOf = (p: Numbered) => (p.heading ? `${p.heading}\n${p.text}` : p.text);
  const fullText = all.map(textOf).join('\n\n');
  const firstOf = (ps: Numbered[]) => ps[0]?.number ?? null;
  const lastBody = body.at(-1)?.number ?? null;
  const awb = letter.regime === 'awb' || letter.regime === 'awb-advisory';

  // ---- Rules for every letter --------------------------------------------------------------

  for (const p of all) {
    const text = textOf(p);
    // AWB-08: no objection or appeal lies against complaint handling (Awb 9:3).
    if (awb) {
      for (const m of matches(OBJECTION_CLAUSE, text)) {
        if (test(NEGATION, m)) continue;
        add(
          'AWB-08',
          'error',
          p.number,
          {
            nl: `Tegen de behandeling van een klacht staat geen bezwaar of beroep open (Awb 9:3), maar de brief biedt dat aan: "${m}".`,
            en: `No objection or appeal lies against complaint handling (Awb 9:3), but the letter offers one: "${m}".`,
          },
          {
            nl: 'Haal de bezwaarclausule weg en verwijs naar de ombudsman (AWB-51).',
            en: 'Remove the objection clause and refer to the ombudsman instead (AWB-51).',
          },
        );
        break;
      }
    }
    // LET-05: never blame the complainant.
    const blame = matches(BLAME, text)[0];
    if (blame) {
      add(
        'LET-05',
        'error',
        p.number,
        {
          nl: `De brief legt de schuld bij de klager: "${blame}".`,
          en: `The letter blames the complainant: "${blame}".`,
        },
        {
          nl: 'Leg de regel of de feiten neutraal uit en toon begrip, bijvoorbeeld: "Waarschijnlijk hebben wij dit niet duidelijk genoeg uitgelegd."',
          en: 'Explain the rule or the facts neutrally and show understanding, e.g. "We probably did not explain this clearly enough."',
        },
      );
    }
    // LET-06: committing language.
    const vague = [...new Set(matches(NON_COMMITTING, text).map((w) => w.toLowerCase()))];
    if (vague.length) {
      add(
        'LET-06',
        'error',
        p.number,
        {
          nl: `Schrijf toezeggend, niet "${vague.join('", "')}".`,
          en: `Write committing language, not "${vague.join('", "')}".`,
        },
        {
          nl: 'Zeg wat u doet en wanneer: "Wij zorgen ervoor dat … uiterlijk op 1 maart 2027."',
          en: 'Say what you will do and when: "We will … by 1 March 2027."',
        },
      );
    }
    for (const s of sentences(text)) {
      if (test(AS_SOON_AS_POSSIBLE, s) && !hasDateOrTerm(s)) {
        add(
          'LET-06',
          'error',
          p.number,
          {
            nl: '"Zo spoedig mogelijk" zonder datum is geen toezegging.',
            en: '"As soon as possible" without a date is not a commitment.',
          },
          { nl: 'Noem de datum waarop het gebeurt.', en: 'Give the date by which it will happen.' },
        );
        break;
      }
    }
  }

  // LET-08: plain language (B1) — warnings only.
  const maxAvg = opts.maxAverageSentenceWords ?? 20;
  const maxOne = opts.maxSentenceWords ?? 30;
  const allSentences = body.flatMap((p) => sentences(p.text));
  if (allSentences.length > 0) {
    const avg = allSentences.reduce((n, s) => n + wordCount(s), 0) / allSentences.length;
    if (avg > maxAvg) {
      add(
        'LET-08',
        'warning',
        null,
        {
          nl: `De zinnen zijn gemiddeld ${avg.toFixed(1)} woorden lang; voor taalniveau B1 is dat hoogstens ${maxAvg}.`,
          en: `Sentences average ${avg.toFixed(1)} words; for plain language (B1) aim for at most ${maxAvg}.`,
        },
        { nl: 'Knip lange zinnen in tweeën.', en: 'Split long sentences in two.' },
      );
    }
  }
  for (const p of body) {
    const long = sentences(p.text).find((s) => wordCount(s) > maxOne);
    if (long) {
      add(
        'LET-08',
        'warning',
        p.number,
        {
          nl: `Een zin van ${wordCount(long)} woorden is te lang voor taalniveau B1.`,
          en: `A sentence of ${wordCount(long)} words is too long for plain language (B1).`,
        },
        { nl: 'Maak er twee of drie korte zinnen van.', en: 'Make it two or three short sentences.' },
      );
    }
    for (const [re, alt] of JARGON) {
      const hit = matches(re, p.text)[0];
      if (hit) {
        add(
          'LET-08',
          'warning',
          p.number,
          { nl: `"${hit}" is ambtelijke taal.`, en: `"${hit}" is officialese.` },
          { nl: `Schrijf "${alt.nl}".`, en: `Write "${alt.en}".` },
        );
      }
    }
  }

  // ---- Rules per kind of letter -------------------------------------------------------------

  const paragraphWith = (re: RegExp) => body.find((p) => test(re, textOf(p)));

  const requireOmbudsmanWithTerm = (rule: string) => {
    const p = paragraphWith(OMBUDSMAN);
    if (!p) {
      add(
        rule,
        'error',
        firstOf(slot) ?? lastBody,
        {
          nl: 'De brief noemt niet bij welke ombudsman de klager terecht kan (Awb 9:12 lid 2).',
          en: 'The letter does not say which ombudsman the complainant can turn to (Awb 9:12(2)).',
        },
        {
          nl: 'Voeg toe: "Bent u het niet eens met hoe wij uw klacht hebben behandeld? Dan kunt u binnen een jaar na de datum van deze brief naar de Nationale ombudsman."',
          en: 'Add: "If you disagree with how we handled your complaint, you can go to the National Ombudsman within one year of the date of this letter."',
        },
      );
    } else if (!test(ONE_YEAR, textOf(p)) && !hasDate(textOf(p))) {
      add(
        rule,
        'error',
        p.number,
        {
          nl: 'De brief noemt de ombudsman maar niet de termijn van een jaar (Awb 9:24).',
          en: 'The letter names the ombudsman but not the one-year term (Awb 9:24).',
        },
        {
          nl: 'Noem de datum: binnen een jaar na deze brief, dus vóór [datum + 1 jaar].',
          en: 'Give the date: within one year of this letter, i.e. before [date + 1 year].',
        },
      );
    }
  };

  switch (letter.kind) {
    case 'decision':
      lintDecision();
      break;
    case 'acknowledgement':
      if (awb) lintAcknowledgement();
      if (letter.regime === 'awb-advisory' && !test(ADVISORY, fullText)) {
        add(
          'AWB-14',
          'error',
          firstOf(kern) ?? lastBody,
          {
            nl: 'Bij de adviescommissieprocedure moet de ontvangstbevestiging zeggen dat een persoon of commissie over de klacht adviseert (Awb 9:15 lid 1).',
            en: 'Under the advisory procedure the acknowledgement must say that a person or committee will advise on the complaint (Awb 9:15(1)).',
          },
          {
            nl: 'Voeg toe: "Een onafhankelijke klachtencommissie adviseert over uw klacht."',
            en: 'Add: "An independent complaints committee will advise on your complaint."',
          },
        );
      }
      break;
    case 'extension':
      if (!test(EXTENSION_REASON, body.map(textOf).join('\n'))) {
        add(
          'LET-10',
          'error',
          firstOf(kern) ?? firstOf(body),
          { nl: 'Het verdagingsbericht noemt geen reden.', en: 'The extension notice gives no reason.' },
          {
            nl: 'Leg uit waarom meer tijd nodig is: "Wij hebben meer tijd nodig, omdat …"',
            en: 'Explain why more time is needed: "We need more time because …"',
          },
        );
      }
      if (!hasDate(body.map(textOf).join('\n'))) {
        add(
          'LET-10',
          'error',
          firstOf(kern) ?? firstOf(body),
          {
            nl: 'Het verdagingsbericht noemt de nieuwe datum niet.',
            en: 'The extension notice does not give the new date.',
          },
          {
            nl: 'Noem de nieuwe uiterste datum, bijvoorbeeld "uiterlijk 4 maart 2027".',
            en: 'Give the new latest date, e.g. "by 4 March 2027".',
          },
        );
      }
      break;
    case 'decline':
      if (!test(DECLINE_GROUND, body.map(textOf).join('\n'))) {
        add(
          'LET-09',
          'error',
          firstOf(kern) ?? firstOf(body),
          {
            nl: 'Het besluit noemt niet op welke grond van artikel 9:8 Awb de klacht niet wordt behandeld.',
            en: 'The notice does not name the ground of Awb 9:8 on which the complaint is declined.',
          },
          {
            nl: 'Noem en leg uit welke grond geldt (bijvoorbeeld: de gedraging was meer dan een jaar voor de klacht).',
            en: 'Name and explain the ground (e.g. the behaviour took place more than a year before the complaint).',
          },
        );
      }
      if (awb) requireOmbudsmanWithTerm('AWB-23');
      break;
    case 'informal-resolution':
      if (!test(SATISFACTION, fullText) || !test(LET_US_KNOW, fullText)) {
        add(
          'AWB-11',
          'error',
          firstOf(slot) ?? lastBody,
          {
            nl: 'De bevestiging zegt niet dat de klacht naar tevredenheid is opgelost en dat de klager het kan laten weten als dat niet zo is.',
            en: 'The confirmation does not say the complaint was resolved to the complainant’s satisfaction and that they can tell you if not.',
          },
          {
            nl: 'Voeg toe: "Wij gaan ervan uit dat uw klacht naar tevredenheid is opgelost. Is dat niet zo? Laat het ons dan weten."',
            en: 'Add: "We take it that your complaint has been resolved to your satisfaction. If not, please let us know."',
          },
        );
      }
      break;
    case 'forwarding':
      if (!test(FORWARDED, fullText)) {
        add(
          'AWB-07',
          'error',
          firstOf(body),
          {
            nl: 'Het bericht zegt niet dat en naar wie de klacht is doorgestuurd.',
            en: 'The notice does not say that, and to whom, the complaint was forwarded.',
          },
          {
            nl: 'Schrijf: "Wij hebben uw klacht vandaag doorgestuurd naar …"',
            en: 'Write: "Today we forwarded your complaint to …"',
          },
        );
      }
      break;
    case 'hearing-invitation':
      if (!hasDate(fullText)) {
        add(
          'AWB-30',
          'error',
          firstOf(kern) ?? firstOf(body),
          {
            nl: 'De uitnodiging noemt geen datum voor het gesprek of om te reageren.',
            en: 'The invitation gives no date for the conversation or for replying.',
          },
          {
            nl: 'Noem de datum en plaats, of de datum waarvoor de klager moet reageren (AWB-31).',
            en: 'Give the date and place, or the date by which to reply (AWB-31).',
          },
        );
      }
      break;
    case 'decision-notice':
      // ISO-07: the personnel involved are told the decision.
      if (judgementsIn(fullText).size === 0) {
        add(
          'ISO-07',
          'error',
          firstOf(kern) ?? firstOf(body),
          {
            nl: 'Het bericht noemt het oordeel over de klacht niet.',
            en: 'The notice does not state the judgement on the complaint.',
          },
          {
            nl: 'Noem per onderdeel het oordeel: gegrond, deels gegrond of ongegrond.',
            en: 'State the judgement per item: upheld, partly upheld or not upheld.',
          },
        );
      }
      break;
    case 'follow-up':
      if (!hasDate(fullText) && !test(DONE, fullText)) {
        add(
          'NO-14',
          'warning',
          firstOf(kern) ?? firstOf(body),
          {
            nl: 'De opvolging zegt niet of en wanneer de maatregel is uitgevoerd.',
            en: 'The follow-up does not say whether and when the measure was carried out.',
          },
          { nl: 'Noem wat er is gedaan en op welke datum.', en: 'Say what was done and on which date.' },
        );
      }
      break;
  }

  return findings.sort((a, b) => (a.paragraph ?? 1e9) - (b.paragraph ?? 1e9));

  // ---- Acknowledgement (AWB-13) ------------------------------------------------------------
  function lintAcknowledgement(): void {
    const ss = body.flatMap((p) => sentences(textOf(p)).map((s) => ({ s, p })));
    const receipt = ss.find(({ s }) => test(RECEIPT, s) && hasDate(s));
    const answer = ss.find(
      ({ s }) => test(ANSWER_BY, s) && hasDate(s) && (s !== receipt?.s || matches(DATE, s).length > 1),
    );
    if (!receipt) {
      add(
        'AWB-13',
        'error',
        firstOf(body),
        {
          nl: 'De ontvangstbevestiging noemt de datum van ontvangst niet.',
          en: 'The acknowledgement does not state the date of receipt.',
        },
        {
          nl: 'Schrijf: "Wij hebben uw klacht ontvangen op 22 november 2026."',
          en: 'Write: "We received your complaint on 22 November 2026."',
        },
      );
    }
    if (!answer) {
      add(
        'AWB-13',
        'error',
        firstOf(kern) ?? firstOf(body),
        {
          nl: 'De ontvangstbevestiging noemt niet uiterlijk wanneer de klager antwoord krijgt.',
          en: 'The acknowledgement does not say by when the complainant will get an answer.',
        },
        {
          nl: 'Schrijf: "U krijgt uiterlijk op 4 januari 2027 ons antwoord."',
          en: 'Write: "You will receive our answer no later than 4 January 2027."',
        },
      );
    }
    if (!test(HEARING, fullText)) {
      add(
        'AWB-13',
        'error',
        firstOf(kern) ?? firstOf(body),
        {
          nl: 'De ontvangstbevestiging zegt niet dat de klager gehoord kan worden.',
          en: 'The acknowledgement does not say that the complainant will be offered a hearing.',
        },
        {
          nl: 'Voeg toe: "U krijgt de gelegenheid uw klacht in een gesprek toe te lichten (hoorgesprek)."',
          en: 'Add: "You will be offered the opportunity to explain your complaint in a conversation (hearing)."',
        },
      );
    }
  }

  // ---- Decision letter (AWB-50/51, WKKGZ-05/08/11, LET-01..07, NO-04/05) -------------------
  function lintDecision(): void {
    if (!inleiding) {
      add(
        'LET-01',
        'error',
        firstOf(body),
        { nl: 'De brief heeft geen inleiding.', en: 'The letter has no introduction (inleiding).' },
        {
          nl: 'Begin met een bedankje, de datum en de kern van de klacht, en wat de brief behandelt.',
          en: 'Start with thanks, the date and core of the complaint, and what the letter covers.',
        },
      );
    } else {
      const text = textOf(inleiding);
      const negative = matches(NEGATIVE_VERDICT, text)[0];
      if (negative) {
        add(
          'LET-01',
          'error',
          inleiding.number,
          {
            nl: `De inleiding verraadt het oordeel: "${negative}".`,
            en: `The introduction reveals the verdict: "${negative}".`,
          },
          {
            nl: 'Bewaar het oordeel voor de kern; noem in de inleiding alleen waar de klacht over gaat.',
            en: 'Keep the verdict for the body; the introduction only says what the complaint is about.',
          },
        );
      } else if (judgementsIn(text).size > 0) {
        add(
          'LET-01',
          'warning',
          inleiding.number,
          { nl: 'De inleiding noemt al een oordeel.', en: 'The introduction already states a verdict.' },
          { nl: 'Bewaar het oordeel voor de kern.', en: 'Keep the verdict for the body.' },
        );
      }
      if (!test(THANKS, text)) {
        add(
          'LET-01',
          'warning',
          inleiding.number,
          {
            nl: 'De inleiding bedankt de klager niet.',
            en: 'The introduction does not thank the complainant.',
          },
          {
            nl: 'Begin met: "Dank u wel voor uw klacht van …"',
            en: 'Start with: "Thank you for your complaint of …"',
          },
        );
      }
      if (!hasDate(text)) {
        add(
          'LET-01',
          'warning',
          inleiding.number,
          {
            nl: 'De inleiding noemt de datum van de klacht niet.',
            en: 'The introduction does not give the date of the complaint.',
          },
          {
            nl: 'Noem de datum: "uw klacht van 22 november 2026".',
            en: 'Give the date: "your complaint of 22 November 2026".',
          },
        );
      }
    }

    const items = segmentItems(kern);
    if (kern.length === 0 || items.every((i) => i.stated.size === 0 && !i.judgement)) {
      add(
        'AWB-50',
        'error',
        firstOf(kern) ?? firstOf(body),
        {
          nl: 'De brief geeft geen oordeel per klachtonderdeel (gegrond, deels gegrond of ongegrond).',
          en: 'The letter gives no judgement per complaint item (upheld, partly upheld or not upheld).',
        },
        {
          nl: 'Geef per onderdeel de bevindingen, het oordeel en de redenen.',
          en: 'Give the findings, the judgement and the reasons for each item.',
        },
      );
    }

    let anyUpheld = false;
    let previous: { key: [number, number]; judgement: Judgement } | undefined;
    for (const item of items) {
      const judged = item.judgement ?? (item.stated.size === 1 ? [...item.stated][0] : undefined);
      if (!judged && item.stated.size === 0) continue;
      const text = item.paragraphs.map(textOf).join('\n');
      const at = item.paragraphs[0]!.number;
      // LET-02 / NO-10: a judgement needs reasons.
      if (!test(REASON, text)) {
        add(
          'LET-02',
          'error',
          at,
          {
            nl: 'Een oordeel zonder redenen: leg uit waarom.',
            en: 'A judgement without reasons: explain why.',
          },
          { nl: 'Voeg toe: "Wij vinden dit omdat …"', en: 'Add: "We reached this view because …"' },
        );
      }
      const upheldPart =
        judged === 'upheld' ||
        judged === 'partly_upheld' ||
        item.stated.has('upheld') ||
        item.stated.has('partly_upheld');
      if (upheldPart) {
        anyUpheld = true;
        // LET-04 / NO-04: apology and a remedy with a date.
        if (!test(APOLOGY, text)) {
          add(
            'LET-04',
            'error',
            at,
            {
              nl: 'Dit onderdeel is (deels) gegrond, maar de brief biedt geen excuses aan.',
              en: 'This item is (partly) upheld, but the letter does not apologise.',
            },
            {
              nl: 'Bied oprecht en zonder voorbehoud excuses aan: "Daarvoor bieden wij u onze excuses aan."',
              en: 'Apologise sincerely and without qualification: "We apologise for this."',
            },
          );
        } else if (CONDITIONAL_APOLOGY.test(text)) {
          add(
            'LET-04',
            'warning',
            at,
            {
              nl: 'De excuses hebben een voorbehoud ("als u zich … voelde").',
              en: 'The apology is qualified ("if you felt …").',
            },
            {
              nl: 'Bied excuses aan voor wat er misging, zonder "als" of "indien".',
              en: 'Apologise for what went wrong, without "if".',
            },
          );
        }
        if (!hasDateOrTerm(text)) {
          add(
            'LET-04',
            'error',
            at,
            {
              nl: 'Dit onderdeel is (deels) gegrond, maar de brief noemt geen oplossing met een datum of termijn (Wkkgz art. 17).',
              en: 'This item is (partly) upheld, but the letter gives no remedy with a date or term (Wkkgz s. 17).',
            },
            {
              nl: 'Noem wat u doet en wanneer: "Wij passen … aan. Dat is uiterlijk 1 maart 2027 klaar."',
              en: 'Say what you will do and by when: "We will change … by 1 March 2027."',
            },
          );
        }
      }
      // LET-03: not upheld first, then partly, then upheld; within a group light to heavy.
      if (judged) {
        const key: [number, number] = [
          JUDGEMENT_RANK[judged],
          item.severity ? SEVERITY_RANK[item.severity] : 0,
        ];
        if (
          previous &&
          (key[0] < previous.key[0] || (key[0] === previous.key[0] && key[1] < previous.key[1]))
        ) {
          const sameGroup = key[0] === previous.key[0];
          add(
            'LET-03',
            'error',
            at,
            sameGroup
              ? {
                  nl: 'Binnen een groep komen de onderdelen van licht naar zwaar; dit onderdeel is lichter dan het vorige.',
                  en: 'Within a group, items go from light to heavy; this item is lighter than the one before.',
                }
              : {
                  nl: `Volgorde: eerst ongegronde, dan deels gegronde, dan gegronde onderdelen; dit onderdeel (${JUDGEMENT_WORDS[judged].nl}) staat na een ${JUDGEMENT_WORDS[previous.judgement].nl} onderdeel.`,
                  en: `Order: not upheld items first, then partly upheld, then upheld; this item (${JUDGEMENT_WORDS[judged].en}) follows a ${JUDGEMENT_WORDS[previous.judgement].en} one.`,
                },
            {
              nl: 'Zet dit onderdeel eerder, zodat de brief eindigt met erkenning en herstel.',
              en: 'Move this item up, so the letter ends on acknowledgement and remedy.',
            },
          );
        } else {
          previous = { key, judgement: judged };
        }
      }
    }

    const bodyText = body.map(textOf).join('\n');
    // NO-05: say what the organisation learned; check satisfaction.
    if (anyUpheld && !test(LESSON, bodyText)) {
      add(
        'NO-05',
        'error',
        firstOf(slot) ?? lastBody,
        {
          nl: 'De klacht is (deels) gegrond, maar de brief zegt niet wat de organisatie ervan leert.',
          en: 'The complaint is (partly) upheld, but the letter does not say what the organisation learns from it.',
        },
        { nl: 'Voeg toe: "Wat wij hiervan leren: …"', en: 'Add: "What we learn from this: …"' },
      );
    }
    if (!test(SATISFACTION, fullText)) {
      add(
        'NO-05',
        'warning',
        firstOf(slot) ?? lastBody,
        {
          nl: 'De brief vraagt niet of de klager tevreden is.',
          en: 'The letter does not ask whether the complainant is satisfied.',
        },
        {
          nl: 'Vraag: "Wij horen graag of u tevreden bent over de behandeling van uw klacht."',
          en: 'Ask: "We would like to know whether you are satisfied with how we handled your complaint."',
        },
      );
    }
    // LET-07: the handler's phone number.
    if (!hasPhoneNumber(fullText)) {
      add(
        'LET-07',
        'error',
        firstOf(slot) ?? lastBody,
        {
          nl: 'De brief noemt geen telefoonnummer van de klachtbehandelaar.',
          en: 'The letter does not give the complaint handler’s phone number.',
        },
        {
          nl: 'Voeg toe: "Heeft u vragen? Bel dan [naam] op [telefoonnummer]."',
          en: 'Add: "Any questions? Call [name] on [phone number]."',
        },
      );
    }
    // The external route per regime.
    if (awb) {
      requireOmbudsmanWithTerm('AWB-51');
    } else if (letter.regime === 'wkkgz') {
      const p = paragraphWith(DISPUTES_BODY);
      if (!p) {
        add(
          'WKKGZ-08',
          'error',
          firstOf(slot) ?? lastBody,
          {
            nl: 'De brief noemt de geschilleninstantie niet (Wkkgz art. 18).',
            en: 'The letter does not name the disputes body (Wkkgz s. 18).',
          },
          {
            nl: 'Noem de geschilleninstantie waarbij de zorgaanbieder is aangesloten, met de website.',
            en: 'Name the disputes body the provider is affiliated with, and its website.',
          },
        );
      } else if (!WITHIN_ONE_YEAR_OF_REPORT.test(textOf(p)) && !test(ONE_YEAR, textOf(p))) {
        add(
          'WKKGZ-11',
          'error',
          p.number,
          {
            nl: 'De brief noemt de geschilleninstantie, maar niet de termijn van een jaar.',
            en: 'The letter names the disputes body but not the one-year term.',
          },
          {
            nl: 'Schrijf: "Dat kan binnen een jaar na het melden van uw klacht bij ons."',
            en: 'Write: "You can do so within one year of reporting your complaint to us."',
          },
        );
      }
    } else if (!test(EXTERNAL_ROUTE, fullText)) {
      add(
        'LET-07',
        'warning',
        firstOf(slot) ?? lastBody,
        {
          nl: 'De brief noemt geen externe instantie (geschillencommissie, Kifid of ombudsman).',
          en: 'The letter names no external body (disputes committee, ombudsman, ADR).',
        },
        { nl: 'Noem waar de klager daarna terecht kan.', en: 'Say where the complainant can go next.' },
      );
    }
  }
}

/**
 * The complaint items of the kern: from the composer's item marks, else from headings, else each
 * paragraph stating a verdict starts a new item (paragraphs before the first join the first item).
 */
function segmentItems(kern: Numbered[]): Item[] {
  const items: Item[] = [];
  const make = (): Item => ({ paragraphs: [], judgement: undefined, stated: new Set(), severity: undefined });
  if (kern.some((p) => p.item)) {
    const byIndex = new Map<number, Item>();
    for (const p of kern) {
      if (!p.item) continue;
      let item = byIndex.get(p.item.index);
      if (!item) {
        item = { ...make(), judgement: p.item.judgement, severity: p.item.severity };
        byIndex.set(p.item.index, item);
        items.push(item);
      }
      item.paragraphs.push(p);
    }
  } else if (kern.some((p) => p.heading)) {
    let current: Item | undefined;
    for (const p of kern) {
      if (p.heading || !current) {
        current = make();
        items.push(current);
      }
      current.paragraphs.push(p);
    }
  } else {
    let current: Item | undefined;
    let pending: Numbered[] = [];
    for (const p of kern) {
      const verdict = judgementsIn(p.text).size > 0;
      if (verdict && (!current || current.paragraphs.some((q) => judgementsIn(q.text).size > 0))) {
        current = make();
        current.paragraphs.push(...pending, p);
        pending = [];
        items.push(current);
      } else if (current) {
        current.paragraphs.push(p);
      } else {
        pending.push(p);
      }
    }
    if (pending.length) {
      const rest = make();
      rest.paragraphs.push(...pending);
      items.push(rest);
    }
  }
  for (const item of items) {
    for (const p of item.paragraphs)
      for (const j of judgementsIn(p.heading ? `${p.heading}\n${p.text}` : p.text)) item.stated.add(j);
  }
  return items;
}
