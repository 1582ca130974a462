// The decision letter composer (seed 004, letter rules LET-01..10): built from case data as inleiding
// (thanks, date and core of the complaint, what the letter covers — never the verdict), kern (per
// item: findings, judgement, reasons, in LET-03 order; apology and remedy with a date for upheld
// items) and slot (what happens next, what was learned, the handler's name and phone, the question
// whether the complainant is satisfied, the ombudsman or disputes body with the term).
// The handler can edit every paragraph afterwards; the linter checks the result. Pure: no I/O.

import { addYears, type LocalDate } from '../dates.js';
import { ombudsmanTermEnd, type RegimeId } from '../deadlines.js';
import { longDate } from '../format.js';
import { coreSentence, readsAsNote } from './fields.js';
import { euro } from './format.js';
import type { Judgement, Letter, LetterLang, Paragraph, Severity } from './model.js';
import { JUDGEMENT_RANK, SEVERITY_RANK } from './model.js';

export interface ExternalBody {
  name: string;
  address?: string | undefined;
  url?: string | undefined;
}

/** What every composed letter needs to know. */
export interface LetterContext {
  lang: LetterLang;
  regime: RegimeId;
  organisationName: string;
  reference: string;
  /** The date printed on the letter (the ombudsman term runs from it, AWB-51). */
  letterDate: LocalDate;
  /** The addressee; null name: "Geachte heer, mevrouw". */
  recipientName: string | null;
  /** The salutation as the handler wants it ("Beste Anna", "Geachte heer De Vries"); overrides the default. */
  salutation?: string | null | undefined;
  /** The handler's name and DIRECT phone number (LET-07, NO-05). */
  handler: { name: string; phone: string | null; title?: string | undefined };
  /** AWB-51 ombudsman (default: the Nationale ombudsman) or WKKGZ-08 disputes body. */
  externalBody?: ExternalBody | undefined;
  /** WKKGZ-01: the complaints regulation. */
  regulationUrl?: string | null | undefined;
  /** WKKGZ-03: the klachtenfunctionaris (free help for the complainant). */
  complaintsOfficer?:
    { name?: string | null | undefined; phone?: string | null | undefined } | null | undefined;
}

export type RemedyKind = 'compensation' | 'correction' | 'measure';

export interface Remedy {
  /** compensation: a payment (amount and date); correction: put right for this complainant; measure: for everyone. */
  kind?: RemedyKind | undefined;
  /** Written for the complainant: "Wij passen de tekst op de website aan", "U kunt een nieuwe afspraak maken". */
  description: string;
  /** Who acts: the organisation (default) or the complainant ("U kunt … tot en met …"). */
  performer?: 'organisation' | 'complainant' | undefined;
  /** LET-04, WKKGZ-05: when it will be done (for a payment: when the money is in the account). */
  dueDate?: LocalDate | null | undefined;
  /** A payment in euros, printed as "€ 50,00". */
  amount?: number | null | undefined;
}

export interface DecisionItem {
  /** A letter-facing title ("de wachttijd aan de balie"); null: the item gets no title of its own. */
  title: string | null;
  severity: Severity;
  findings: string;
  judgement: Judgement;
  reasons: string;
  /** Own words for the apology; a standard sentence is used for (partly) upheld items otherwise. */
  apology?: string | undefined;
  remedies: Remedy[];
}

export interface DecisionInput extends LetterContext {
  /** The date of the complaint (receipt date for Awb, filing for Wkkgz). */
  complaintDate: LocalDate;
  /** The core of the complaint in the handler's words (NO-02, NO-11): "de wachttijd aan de balie". */
  core: string;
  hearingDate?: LocalDate | null | undefined;
  /** AWB-50: what the investigation found overall (the items carry their own findings). */
  findings?: string | null | undefined;
  items: DecisionItem[];
  /** NO-05: what the organisation learns. */
  lessons: string[];
  /** NO-05: consequences for the complainant, if any. */
  consequences?: string | null | undefined;
  /** The overall conclusion for the slot, written for the complainant (seed 004: how the complaint is resolved). */
  conclusion?: string | null | undefined;
  /** NO-02, ISO-01: the answer to what the complainant asked for ("U vroeg om … Dat doen wij …"). */
  requestAnswer?: string | null | undefined;
  /** AWB-71: the decision due date; a letter after it says so and gives the term from that date. */
  decisionDue?: LocalDate | null | undefined;
  /** AWB-54: the advisory committee's advice and whether it was followed. */
  advice?: { followed: boolean; deviationReason?: string | null | undefined } | undefined;
}

export const NATIONALE_OMBUDSMAN: ExternalBody = {
  name: 'de Nationale ombudsman',
  address: 'Postbus 93122, 2509 AC Den Haag',
  url: 'www.nationaleombudsman.nl',
};

const T = (lang: LetterLang, nl: string, en: string) => (lang === 'nl' ? nl : en);

/** Ends a handler's text with a full stop, so sentences join cleanly. */
export function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** A handler's field as the letter may print it: written for the complainant, not a staff note. */
const written = (text: string | null | undefined): string | null =>
  text?.trim() && !readsAsNote(text) ? text.trim() : null;

const clause = (text: string) => text.trim().replace(/[.!?]+$/, '');

/** "Nationale ombudsman" → "de Nationale ombudsman"; a name with an article stays as it is. */
export function bodyName(name: string, lang: LetterLang): string {
  const n = name.trim();
  if (lang === 'en' && /^de\s/i.test(n)) return `the ${n.slice(3)}`;
  if (/^(de|het|the)\s/i.test(n) || !/ombuds|commissie|committee|instantie/i.test(n)) return n;
  return T(lang, `de ${n}`, `the ${n}`);
}

export function salutation(ctx: Pick<LetterContext, 'lang' | 'recipientName' | 'salutation'>): Paragraph {
  const own = ctx.salutation?.trim();
  if (own) return { role: 'salutation', text: /[,!]$/.test(own) ? own : `${own},` };
  // "de heer Jansen" is how the address reads; the salutation is "Geachte heer Jansen".
  const name = ctx.recipientName?.trim().replace(/^de (?=heer\b)/i, '');
  return {
    role: 'salutation',
    text: ctx.lang === 'nl' ? `Geachte ${name || 'heer, mevrouw'},` : `Dear ${name || 'Sir or Madam'},`,
  };
}

export function signoff(ctx: Pick<LetterContext, 'lang' | 'handler' | 'organisationName'>): Paragraph {
  const title = ctx.handler.title ?? T(ctx.lang, 'Klachtbehandelaar', 'Complaints handler');
  return {
    role: 'signoff',
    text: [
      T(ctx.lang, 'Met vriendelijke groet,', 'Kind regards,'),
      ctx.handler.name,
      title,
      ctx.organisationName,
    ].join('\n'),
  };
}

/** LET-07 / NO-05: the handler's name and phone number. */
export function contactSentence(ctx: Pick<LetterContext, 'lang' | 'handler'>): string {
  const { name, phone } = ctx.handler;
  if (phone)
    return T(
      ctx.lang,
      `Heeft u vragen? Bel dan ${name} op ${phone}.`,
      `If you have any questions, please call ${name} on ${phone}.`,
    );
  return T(
    ctx.lang,
    `Heeft u vragen? Neem dan contact op met ${name}.`,
    `If you have any questions, please contact ${name}.`,
  );
}

/**
 * AWB-51 / AWB-23: which ombudsman, and the one-year term from the letter date (Awb 9:24; no Atw).
 * The term includes the anniversary: "uiterlijk op". AWB-71: when the answer is late, the term may
 * also run from the date the handling should have ended; the letter says so and gives that date.
 */
export function ombudsmanParagraph(
  ctx: Pick<LetterContext, 'lang' | 'letterDate' | 'externalBody'> & {
    decisionDue?: LocalDate | null | undefined;
  },
  about: 'handling' | 'decline',
): string {
  const { lang } = ctx;
  const body = ctx.externalBody ?? NATIONALE_OMBUDSMAN;
  const name = bodyName(
    lang === 'en' && body === NATIONALE_OMBUDSMAN ? 'the National Ombudsman' : body.name,
    lang,
  );
  const late =
    about === 'handling' && ctx.decisionDue && ctx.decisionDue < ctx.letterDate ? ctx.decisionDue : null;
  const until = longDate(ombudsmanTermEnd(late ?? ctx.letterDate), lang);
  const where = [
    body.address
      ? T(lang, ` Het adres is: ${clause(body.address)}.`, ` The address is: ${clause(body.address)}.`)
      : '',
    body.url ? T(lang, ` Kijk op ${body.url}.`, ` See ${body.url}.`) : '',
  ].join('');
  const lead =
    about === 'decline'
      ? T(lang, 'Bent u het niet eens met dit besluit?', 'If you disagree with this decision,')
      : T(
          lang,
          'Bent u het niet eens met hoe wij uw klacht hebben behandeld?',
          'If you disagree with how we handled your complaint,',
        );
  if (late) {
    const due = longDate(late, lang);
    return T(
      lang,
      `Wij hadden u uiterlijk op ${due} moeten antwoorden. Het spijt ons dat wij te laat zijn. ${lead} Dan kunt u ${name} vragen uw klacht te onderzoeken. Omdat ons antwoord te laat is, loopt de termijn daarvoor al vanaf ${due}. Het kan binnen een jaar na die datum, dus uiterlijk op ${until}.${where}`,
      `We should have answered you by ${due}. We are sorry that we are late. ${lead} you can ask ${name} to look into it. Because our answer is late, the time limit runs from ${due}. You can do so within one year of that date, so no later than ${until}.${where}`,
    );
  }
  return T(
    lang,
    `${lead} Dan kunt u ${name} vragen uw klacht te onderzoeken. Dat kan binnen een jaar na de datum van deze brief, dus uiterlijk op ${until}.${where}`,
    `${lead} you can ask ${name} to look into it. You can do so within one year of the date of this letter, so no later than ${until}.${where}`,
  );
}

/** WKKGZ-01 / WKKGZ-03: the complaints regulation and the free klachtenfunctionaris. */
export function wkkgzHelpParagraph(
  ctx: Pick<LetterContext, 'lang' | 'regulationUrl' | 'complaintsOfficer'>,
): string {
  const { lang } = ctx;
  const officer = ctx.complaintsOfficer;
  const who = officer?.name
    ? T(lang, `de klachtenfunctionaris, ${officer.name}`, `our complaints officer, ${officer.name}`)
    : T(lang, 'de klachtenfunctionaris', 'our complaints officer');
  const call = officer?.phone
    ? T(
        lang,
        ` U bereikt de klachtenfunctionaris op ${officer.phone}.`,
        ` You can reach the complaints officer on ${officer.phone}.`,
      )
    : '';
  return [
    ctx.regulationUrl
      ? T(
          lang,
          `Hoe wij klachten behandelen, staat in onze klachtenregeling: ${ctx.regulationUrl}.`,
          `How we handle complaints is set out in our complaints regulation: ${ctx.regulationUrl}.`,
        )
      : T(
          lang,
          'Hoe wij klachten behandelen, staat in onze klachtenregeling.',
          'How we handle complaints is set out in our complaints regulation.',
        ),
    T(
      lang,
      `Wilt u hulp of advies bij uw klacht? Dan kunt u gratis terecht bij ${who}.`,
      `Would you like help or advice with your complaint? ${who[0]!.toUpperCase()}${who.slice(1)} can help you free of charge.`,
    ),
    call.trim(),
  ]
    .filter(Boolean)
    .join(' ');
}

/** LET-03: not upheld first, then partly upheld, then upheld; within each group light to heavy. Stable. */
export function orderItems<T extends Pick<DecisionItem, 'judgement' | 'severity'>>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        JUDGEMENT_RANK[a.item.judgement] - JUDGEMENT_RANK[b.item.judgement] ||
        SEVERITY_RANK[a.item.severity] - SEVERITY_RANK[b.item.severity] ||
        a.i - b.i,
    )
    .map((x) => x.item);
}

const VERDICT: Record<Judgement, { nl: string; en: string }> = {
  not_upheld: { nl: 'ongegrond', en: 'not upheld' },
  partly_upheld: { nl: 'deels gegrond', en: 'partly upheld' },
  upheld: { nl: 'gegrond', en: 'upheld' },
};

/** LET-04: a remedy says who does what by when; a payment says how much and when it is paid. */
export function remedyText(r: Remedy, lang: LetterLang): string {
  const when = r.dueDate ? longDate(r.dueDate, lang) : null;
  if (r.performer === 'complainant') {
    return [
      sentence(r.description),
      when ? T(lang, `Dat kan tot en met ${when}.`, `You can do this until ${when}.`) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (r.kind === 'compensation' || (r.amount != null && r.amount > 0)) {
    const amount = r.amount != null ? euro(r.amount, lang) : null;
    const described = r.description.trim() ? sentence(r.description) : '';
    const mentions = amount && /€|EUR|euro/i.test(r.description);
    return [
      described,
      amount && !mentions ? T(lang, `Het gaat om ${amount}.`, `The amount is ${amount}.`) : '',
      when
        ? T(
            lang,
            `Wij maken het bedrag over; het staat uiterlijk op ${when} op uw rekening.`,
            `We will transfer the money; it will be in your account by ${when}.`,
          )
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  return [
    sentence(r.description),
    when ? T(lang, `Dat is uiterlijk op ${when} gebeurd.`, `This will be done by ${when}.`) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function composeDecisionLetter(input: DecisionInput): Letter {
  const { lang } = input;
  const items = orderItems(input.items);
  const many = items.length > 1;
  const paragraphs: Paragraph[] = [salutation(input)];

  // Inleiding (LET-01, NO-11): thanks, date and core, what the letter covers. Never the verdict.
  // A field that reads as a staff note never reaches the letter (fields.ts): no core, no title.
  const titles = items.map((i) => written(i.title)).filter((t): t is string => Boolean(t));
  const core = written(input.core)
    ? coreSentence(input.core, lang)
    : titles.length
      ? T(
          lang,
          `Uw klacht gaat over ${joinList(titles.map(clause), lang)}.`,
          `Your complaint is about ${joinList(titles.map(clause), lang)}.`,
        )
      : '';
  paragraphs.push({
    role: 'inleiding',
    text: [
      T(
        lang,
        `Dank u wel voor uw klacht van ${longDate(input.complaintDate, lang)}.`,
        `Thank you for your complaint of ${longDate(input.complaintDate, lang)}.`,
      ),
      core,
      input.hearingDate
        ? T(
            lang,
            `Op ${longDate(input.hearingDate, lang)} hebben wij daarover met u gesproken.`,
            `We talked with you about it on ${longDate(input.hearingDate, lang)}.`,
          )
        : '',
      T(
        lang,
        `In deze brief leest u wat wij hebben onderzocht, wat wij van ${many ? `de ${countWord(items.length, lang)} onderdelen van ` : ''}uw klacht vinden en wat wij gaan doen.`,
        `In this letter we explain what we looked into, what we think of ${many ? `the ${countWord(items.length, lang)} parts of ` : ''}your complaint and what we will do.`,
      ),
    ]
      .filter(Boolean)
      .join(' '),
  });

  if (input.findings?.trim()) {
    paragraphs.push({
      role: 'kern',
      heading: T(lang, 'Wat wij hebben onderzocht', 'What we looked into'),
      text: sentence(input.findings),
    });
  }

  // Kern (LET-02, LET-03, LET-04, AWB-50): findings, judgement, reasons; apology and remedy.
  items.forEach((it, i) => {
    const item = { index: i + 1, judgement: it.judgement, severity: it.severity };
    const title = written(it.title) ? clause(it.title!) : null;
    const heading = many
      ? title
        ? T(lang, `Onderdeel ${i + 1}: ${title}`, `Part ${i + 1}: ${title}`)
        : T(lang, `Onderdeel ${i + 1}`, `Part ${i + 1}`)
      : (title ?? undefined);
    paragraphs.push({ role: 'kern', ...(heading ? { heading } : {}), text: sentence(it.findings), item });
    const subject = many
      ? T(lang, 'dit onderdeel van uw klacht', 'this part of your complaint')
      : T(lang, 'uw klacht', 'your complaint');
    const judgement = [
      T(
        lang,
        `Wij vinden ${subject} ${VERDICT[it.judgement].nl}.`,
        `We find ${subject} ${VERDICT[it.judgement].en}.`,
      ),
      T(lang, `De reden: ${sentence(it.reasons)}`, `The reason: ${sentence(it.reasons)}`),
    ];
    if (it.judgement === 'not_upheld') {
      // LET-05: no blame; show understanding.
      judgement.push(
        T(
          lang,
          'Wij begrijpen dat u dit anders had verwacht.',
          'We understand that you expected a different outcome.',
        ),
      );
    } else {
      judgement.push(
        sentence(it.apology ?? T(lang, 'Daarvoor bieden wij u onze excuses aan.', 'We apologise for this.')),
      );
    }
    paragraphs.push({ role: 'kern', text: judgement.join(' '), item });
    if (it.judgement !== 'not_upheld') {
      const ours = it.remedies.filter((r) => r.performer !== 'complainant');
      const theirs = it.remedies.filter((r) => r.performer === 'complainant');
      if (ours.length)
        paragraphs.push({
          role: 'kern',
          text: `${T(lang, 'Wat wij doen:', 'What we will do:')} ${ours.map((r) => remedyText(r, lang)).join(' ')}`,
          item,
        });
      if (theirs.length)
        paragraphs.push({
          role: 'kern',
          text: `${T(lang, 'Wat u kunt doen:', 'What you can do:')} ${theirs.map((r) => remedyText(r, lang)).join(' ')}`,
          item,
        });
    }
  });

  if (input.advice) {
    // AWB-54: a deviation from the committee's advice is explained and the advice enclosed.
    paragraphs.push({
      role: 'kern',
      text: input.advice.followed
        ? T(
            lang,
            'Wij volgen het advies van de klachtencommissie. Het advies zit bij deze brief.',
            'We follow the advice of the complaints committee. The advice is enclosed.',
          )
        : T(
            lang,
            `Wij wijken af van het advies van de klachtencommissie. De reden: ${sentence(input.advice.deviationReason ?? '')} Het advies zit bij deze brief.`,
            `We do not follow the advice of the complaints committee in full. The reason: ${sentence(input.advice.deviationReason ?? '')} The advice is enclosed.`,
          ),
    });
  }

  // NO-02 / ISO-01: what the complainant asked for, answered.
  if (input.requestAnswer?.trim()) {
    paragraphs.push({
      role: 'kern',
      heading: T(lang, 'Uw verzoek', 'What you asked for'),
      text: sentence(input.requestAnswer),
    });
  }

  // Slot (LET-07, NO-05, seed 004): the overall conclusion, what happens next, lessons, satisfaction,
  // handler, external route.
  const hasMeasures = items.some(
    (it) =>
      it.judgement !== 'not_upheld' && it.remedies.some((r) => r.dueDate && r.performer !== 'complainant'),
  );
  paragraphs.push({
    role: 'slot',
    heading: T(lang, 'Tot slot', 'In conclusion'),
    text: [
      written(input.conclusion) ? sentence(input.conclusion!) : '',
      T(
        lang,
        'Met deze brief ronden wij de behandeling van uw klacht af.',
        'This letter completes the handling of your complaint.',
      ),
      hasMeasures
        ? T(
            lang,
            `Wij laten u weten wanneer ${countRemedies(items) > 1 ? 'de afspraken uit deze brief zijn nagekomen' : 'de afspraak uit deze brief is nagekomen'}.`,
            `We will let you know when ${countRemedies(items) > 1 ? 'the commitments in this letter have been met' : 'the commitment in this letter has been met'}.`,
          )
        : '',
      input.consequences?.trim() ? sentence(input.consequences) : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
  const lessons = input.lessons.map((l) => l.trim()).filter(Boolean);
  if (lessons.length > 0) {
    paragraphs.push({
      role: 'slot',
      heading: T(lang, 'Wat wij hiervan leren', 'What we have learned'),
      text: lessons.map(sentence).join(' '),
    });
  }
  paragraphs.push({
    role: 'slot',
    text: [
      T(
        lang,
        'Wij horen graag of u tevreden bent over de manier waarop wij uw klacht hebben behandeld.',
        'We would like to know whether you are satisfied with how we handled your complaint.',
      ),
      contactSentence(input),
    ].join(' '),
  });
  if (input.regime === 'wkkgz') paragraphs.push({ role: 'slot', text: wkkgzHelpParagraph(input) });
  const external = externalRouteParagraph(input);
  if (external) paragraphs.push({ role: 'slot', text: external });
  paragraphs.push(signoff(input));

  return {
    kind: 'decision',
    lang,
    regime: input.regime,
    recipient: 'complainant',
    letterDate: input.letterDate,
    subject: T(
      lang,
      `Onze beslissing over uw klacht (${input.reference})`,
      `Our decision on your complaint (${input.reference})`,
    ),
    paragraphs,
  };
}

function countRemedies(items: readonly DecisionItem[]): number {
  return items.reduce(
    (n, it) =>
      n +
      (it.judgement === 'not_upheld' ? 0 : it.remedies.filter((r) => r.performer !== 'complainant').length),
    0,
  );
}

const COUNT_WORDS = {
  nl: ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};
export const countWord = (n: number, lang: LetterLang) => COUNT_WORDS[lang][n] ?? String(n);

/** "a, b en c" / "a, b and c". */
export function joinList(parts: readonly string[], lang: LetterLang): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${T(lang, 'en', 'and')} ${parts.at(-1)}`;
}

/** AWB-51 (Awb), WKKGZ-08/11 (Wkkgz: disputes body, one year after reporting), LET-07 (company). */
function externalRouteParagraph(input: DecisionInput): string | undefined {
  const { lang, externalBody: body } = input;
  if (input.regime === 'awb' || input.regime === 'awb-advisory') return ombudsmanParagraph(input, 'handling');
  if (!body) return undefined;
  if (input.regime === 'wkkgz') {
    const until = longDate(addYears(input.complaintDate, 1), lang);
    const url = body.url ? ` (${body.url})` : '';
    return T(
      lang,
      `Bent u het niet eens met onze beslissing? Dan kunt u uw klacht voorleggen aan ${bodyName(body.name, lang)}${url}. Dat kan binnen een jaar na het melden van uw klacht bij ons, dus uiterlijk op ${until}.`,
      `If you disagree with our decision, you can take your complaint to ${bodyName(body.name, lang)}${url}. You can do so within one year of reporting your complaint to us, so no later than ${until}.`,
    );
  }
  const url = body.url ? T(lang, ` Kijk op ${body.url}.`, ` See ${body.url}.`) : '';
  return T(
    lang,
    `Bent u het niet eens met ons antwoord? Dan kunt u uw klacht voorleggen aan ${bodyName(body.name, lang)}.${url}`,
    `If you disagree with our answer, you can take your complaint to ${bodyName(body.name, lang)}.${url}`,
  );
}
