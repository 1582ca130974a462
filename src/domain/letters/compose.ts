// The decision letter composer (seed 004, letter rules LET-01..10): built from case data as inleiding
// (thanks, date and core of the complaint, what the letter covers — never the verdict), kern (per
// item: findings, judgement, reasons, in LET-03 order; apology and remedy with a date for upheld
// items) and slot (what happens next, what was learned, the handler's name and phone, the question
// whether the complainant is satisfied, the ombudsman or disputes body with the term).
// The handler can edit every paragraph afterwards; the linter checks the result. Pure: no I/O.

import { addYears, type LocalDate } from '../dates.js';
import { ombudsmanTermEnd, type RegimeId } from '../deadlines.js';
import { longDate } from '../format.js';
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
  handler: { name: string; phone: string | null; title?: string | undefined };
  /** AWB-51 ombudsman (default: the Nationale ombudsman) or WKKGZ-08 disputes body. */
  externalBody?: ExternalBody | undefined;
}

export interface Remedy {
  description: string;
  /** LET-04, WKKGZ-05: when it will be done. */
  dueDate?: LocalDate | null | undefined;
  /** A payment in euros, printed as "€ 50,00". */
  amount?: number | null | undefined;
}

export interface DecisionItem {
  title: string;
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

const clause = (text: string) => text.trim().replace(/[.!?]+$/, '');

/**
 * NO-11: the core of the complaint restated. The handler may have written a phrase ("de wachttijd
 * aan de balie") or a sentence ("De klager is onvriendelijk behandeld."): both read well here.
 */
export function coreSentence(core: string, lang: LetterLang): string {
  const c = clause(core);
  const phrase = /^\p{Ll}/u.test(c);
  return phrase
    ? T(lang, `U schreef ons over ${c}.`, `You wrote to us about ${c}.`)
    : T(
        lang,
        `Kort samengevat gaat uw klacht over het volgende: ${c}.`,
        `In short, your complaint is about the following: ${c}.`,
      );
}

/** "Nationale ombudsman" → "de Nationale ombudsman"; a name with an article stays as it is. */
export function bodyName(name: string, lang: LetterLang): string {
  const n = name.trim();
  if (/^(de|het|the)\s/i.test(n) || !/ombuds|commissie|committee|instantie/i.test(n)) return n;
  return T(lang, `de ${n}`, `the ${n}`);
}

export function euro(amount: number, lang: LetterLang): string {
  // A plain space after €: the same text in the PDF, the e-mail and a search.
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' })
    .format(amount)
    .replace(/\u00a0/g, ' ');
}

export function salutation(ctx: Pick<LetterContext, 'lang' | 'recipientName'>): Paragraph {
  const name = ctx.recipientName?.trim();
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

/** AWB-51 / AWB-23: which ombudsman, and the one-year term from the letter date (Awb 9:24; no Atw). */
export function ombudsmanParagraph(
  ctx: Pick<LetterContext, 'lang' | 'letterDate' | 'externalBody'>,
  about: 'handling' | 'decline',
): string {
  const body = ctx.externalBody ?? NATIONALE_OMBUDSMAN;
  const name = bodyName(body.name, ctx.lang);
  const until = longDate(ombudsmanTermEnd(ctx.letterDate), ctx.lang);
  const where = [
    body.address
      ? T(ctx.lang, ` Het adres is: ${clause(body.address)}.`, ` The address is: ${clause(body.address)}.`)
      : '',
    body.url ? T(ctx.lang, ` Kijk op ${body.url}.`, ` See ${body.url}.`) : '',
  ].join('');
  const lead =
    about === 'decline'
      ? T(ctx.lang, 'Bent u het niet eens met dit besluit?', 'If you disagree with this decision,')
      : T(
          ctx.lang,
          'Bent u het niet eens met hoe wij uw klacht hebben behandeld?',
          'If you disagree with how we handled your complaint,',
        );
  return T(
    ctx.lang,
    `${lead} Dan kunt u ${name} vragen uw klacht te onderzoeken. Dat kan binnen een jaar na de datum van deze brief, dus vóór ${until}.${where}`,
    `${lead} you can ask ${name} to look into it. You can do so within one year of the date of this letter, that is before ${until}.${where}`,
  );
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

function remedyText(r: Remedy, lang: LetterLang): string {
  const parts = [sentence(r.description)];
  if (r.amount != null && !r.description.includes('€'))
    parts.push(T(lang, `Het bedrag is ${euro(r.amount, lang)}.`, `The amount is ${euro(r.amount, lang)}.`));
  if (r.dueDate)
    parts.push(
      T(
        lang,
        `Dat doen wij uiterlijk op ${longDate(r.dueDate, lang)}.`,
        `We will do this by ${longDate(r.dueDate, lang)}.`,
      ),
    );
  return parts.join(' ');
}

export function composeDecisionLetter(input: DecisionInput): Letter {
  const { lang } = input;
  const items = orderItems(input.items);
  const many = items.length > 1;
  const paragraphs: Paragraph[] = [salutation(input)];

  // Inleiding (LET-01, NO-11): thanks, date and core, what the letter covers. Never the verdict.
  paragraphs.push({
    role: 'inleiding',
    text: [
      T(
        lang,
        `Dank u wel voor uw klacht van ${longDate(input.complaintDate, lang)}.`,
        `Thank you for your complaint of ${longDate(input.complaintDate, lang)}.`,
      ),
      coreSentence(input.core, lang),
      input.hearingDate
        ? T(
            lang,
            `Op ${longDate(input.hearingDate, lang)} hebben wij daarover met u gesproken.`,
            `We talked with you about it on ${longDate(input.hearingDate, lang)}.`,
          )
        : '',
      many
        ? T(
            lang,
            `Uw klacht bestaat uit ${items.length} onderdelen.`,
            `Your complaint has ${items.length} parts.`,
          )
        : '',
      T(
        lang,
        `In deze brief leest u wat wij hebben onderzocht, wat wij vinden van ${many ? 'elk onderdeel van ' : ''}uw klacht en wat wij gaan doen.`,
        `In this letter we explain what we looked into, our view on ${many ? 'each part of ' : ''}your complaint and what we will do.`,
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
    const heading = many
      ? T(lang, `Onderdeel ${i + 1}: ${clause(it.title)}`, `Part ${i + 1}: ${clause(it.title)}`)
      : clause(it.title);
    paragraphs.push({ role: 'kern', heading, text: sentence(it.findings), item });
    const judgement = [
      T(
        lang,
        `Ons oordeel: dit ${many ? 'onderdeel van uw klacht' : 'deel van uw klacht'} is ${VERDICT[it.judgement].nl}.`,
        `Our view: we find this part of your complaint ${VERDICT[it.judgement].en}.`,
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
    if (it.judgement !== 'not_upheld' && it.remedies.length > 0) {
      const lead = T(lang, 'Wat wij doen:', 'What we will do:');
      paragraphs.push({
        role: 'kern',
        text: `${lead} ${it.remedies.map((r) => remedyText(r, lang)).join(' ')}`,
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

  // Slot (LET-07, NO-05): what happens next, lessons, satisfaction, handler, external route.
  const hasMeasures = items.some((it) => it.judgement !== 'not_upheld' && it.remedies.some((r) => r.dueDate));
  paragraphs.push({
    role: 'slot',
    heading: T(lang, 'Hoe nu verder', 'What happens next'),
    text: [
      T(
        lang,
        'Met deze brief ronden wij de behandeling van uw klacht af.',
        'This letter completes the handling of your complaint.',
      ),
      hasMeasures
        ? T(
            lang,
            'Wij laten u weten wanneer de maatregelen uit deze brief zijn uitgevoerd.',
            'We will let you know when the measures in this letter have been carried out.',
          )
        : '',
      input.consequences ? sentence(input.consequences) : '',
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
  const external = externalRouteParagraph(input);
  if (external) paragraphs.push({ role: 'slot', text: external });
  paragraphs.push(signoff(input));

  return {
    kind: 'decision',
    lang,
    regime: input.regime,
    subject: T(
      lang,
      `Onze beslissing over uw klacht (${input.reference})`,
      `Our decision on your complaint (${input.reference})`,
    ),
    paragraphs,
  };
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
      `Bent u het niet eens met onze beslissing? Dan kunt u uw klacht voorleggen aan ${bodyName(body.name, lang)}${url}. Dat kan binnen een jaar na het melden van uw klacht bij ons, dus vóór ${until}.`,
      `If you disagree with our decision, you can take your complaint to ${bodyName(body.name, lang)}${url}. You can do so within one year of reporting your complaint to us, that is before ${until}.`,
    );
  }
  const url = body.url ? T(lang, ` Kijk op ${body.url}.`, ` See ${body.url}.`) : '';
  return T(
    lang,
    `Bent u het niet eens met ons antwoord? Dan kunt u uw klacht voorleggen aan ${bodyName(body.name, lang)}.${url}`,
    `If you disagree with our answer, you can take your complaint to ${bodyName(body.name, lang)}.${url}`,
  );
}
