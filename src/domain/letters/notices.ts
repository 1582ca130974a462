// The other letters the procedure needs, per regime, in Dutch and English: acknowledgement,
// extension notice (complainant and each respondent), decline notice (Awb 9:8), informal-resolution
// confirmation, forwarding notice, hearing invitation and follow-up on a promised measure.
// Each passes its own linter (compose.test.ts). Pure: no I/O.

import type { LocalDate } from '../dates.js';
import { longDate } from '../format.js';
import {
  type LetterContext,
  contactSentence,
  countWord,
  ombudsmanParagraph,
  salutation,
  sentence,
  signoff,
  wkkgzHelpParagraph,
} from './compose.js';
import { coreSentence, readsAsNote } from './fields.js';
import type { Judgement, Letter, LetterKind, LetterLang, Paragraph, Severity } from './model.js';
import { orderItems } from './compose.js';

const T = (lang: LetterLang, nl: string, en: string) => (lang === 'nl' ? nl : en);
const clause = (text: string) => text.trim().replace(/[.!?]+$/, '');
const isAwb = (ctx: LetterContext) => ctx.regime === 'awb' || ctx.regime === 'awb-advisory';

function letter(
  ctx: LetterContext,
  kind: LetterKind,
  subject: { nl: string; en: string },
  body: Paragraph[],
): Letter {
  return {
    kind,
    lang: ctx.lang,
    regime: ctx.regime,
    letterDate: ctx.letterDate,
    subject: `${subject[ctx.lang]} (${ctx.reference})`,
    paragraphs: [salutation(ctx), ...body, signoff(ctx)],
  };
}

// ---- Acknowledgement (AWB-12/13/14, NO-02, NO-07) ---------------------------------------------

export interface AcknowledgementInput extends LetterContext {
  receiptDate: LocalDate;
  decisionDue: LocalDate;
  contactWorkingDays: number;
  statusUrl?: string | undefined;
}

export function composeAcknowledgement(a: AcknowledgementInput): Letter {
  const { lang } = a;
  const advisory = a.regime === 'awb-advisory';
  return letter(
    a,
    'acknowledgement',
    { nl: 'Wij hebben uw klacht ontvangen', en: 'We have received your complaint' },
    [
      {
        role: 'inleiding',
        text: T(
          lang,
          `Dank u wel voor uw klacht. Wij hebben die ontvangen op ${longDate(a.receiptDate, lang)}. Uw kenmerk is ${a.reference}.`,
          `Thank you for your complaint. We received it on ${longDate(a.receiptDate, lang)}. Your reference is ${a.reference}.`,
        ),
      },
      {
        role: 'kern',
        text: [
          T(
            lang,
            `Binnen ${a.contactWorkingDays} werkdagen neemt een klachtbehandelaar contact met u op. Dat is iemand die niet betrokken was bij waarover u klaagt.`,
            `A complaints handler who was not involved in what you complain about will contact you within ${a.contactWorkingDays} working days.`,
          ),
          // AWB-13: the hearing; under the Wkkgz a conversation aimed at a solution (WKKGZ-04).
          a.regime === 'wkkgz'
            ? T(
                lang,
                'Wij nodigen u graag uit voor een gesprek, om samen te kijken hoe wij uw klacht kunnen oplossen.',
                'We would like to invite you for a conversation, to see together how we can resolve your complaint.',
              )
            : T(
                lang,
                'U krijgt de gelegenheid om uw klacht in een gesprek toe te lichten (hoorgesprek).',
                'You will be offered the opportunity to explain your complaint in a conversation (a hearing).',
              ),
          // AWB-14: the advisory committee.
          advisory
            ? T(
                lang,
                'Een onafhankelijke klachtencommissie adviseert ons over uw klacht.',
                'An independent complaints committee will advise us on your complaint.',
              )
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      },
      {
        role: 'kern',
        text: T(
          lang,
          `U krijgt uiterlijk op ${longDate(a.decisionDue, lang)} ons schriftelijke antwoord. Hebben wij meer tijd nodig, dan laten wij u dat vóór die datum schriftelijk weten.`,
          `You will receive our written answer no later than ${longDate(a.decisionDue, lang)}. If we need more time, we will let you know in writing before that date.`,
        ),
      },
      ...(a.regime === 'wkkgz' ? [{ role: 'kern' as const, text: wkkgzHelpParagraph(a) }] : []),
      {
        role: 'slot',
        text: [
          a.statusUrl
            ? T(lang, `Hier volgt u uw klacht: ${a.statusUrl}`, `Follow your complaint here: ${a.statusUrl}`)
            : '',
          contactSentence(a),
        ]
          .filter(Boolean)
          .join(' '),
      },
    ],
  );
}

// ---- Extension notice (AWB-41/42, WKKGZ-06, LET-10) ------------------------------------------

export interface ExtensionInput extends LetterContext {
  /** AWB-41: the complainant and each respondent get a notice. */
  recipientRole: 'complainant' | 'respondent';
  receiptDate: LocalDate;
  originalDue: LocalDate;
  newDue: LocalDate;
  weeks: number;
  /** Why more time is needed, written for the complainant. */
  reason: string;
  /** The reason as the respondent reads it (their own wording); a neutral sentence otherwise. */
  respondentReason?: string | null | undefined;
  /** The core of the complaint for the complainant's notice (not used when it reads as a note). */
  core?: string | null | undefined;
}

const weeksText = (n: number, lang: LetterLang) =>
  lang === 'nl'
    ? `${countWord(n, lang)} ${n === 1 ? 'week' : 'weken'}`
    : `${countWord(n, lang)} ${n === 1 ? 'week' : 'weeks'}`;

export function composeExtensionNotice(e: ExtensionInput): Letter {
  const { lang } = e;
  const toComplainant = e.recipientRole === 'complainant';
  const core = e.core?.trim() && !readsAsNote(e.core) ? ` ${coreSentence(e.core, lang)}` : '';
  const l = letter(
    e,
    'extension',
    toComplainant
      ? { nl: 'Ons antwoord op uw klacht komt later', en: 'Our answer to your complaint will come later' }
      : { nl: 'De behandeling van de klacht duurt langer', en: 'Handling the complaint will take longer' },
    toComplainant
      ? [
          {
            role: 'inleiding',
            text: T(
              lang,
              `Op ${longDate(e.receiptDate, lang)} ontvingen wij uw klacht.${core} Wij hadden u beloofd uiterlijk op ${longDate(e.originalDue, lang)} te antwoorden.`,
              `We received your complaint on ${longDate(e.receiptDate, lang)}.${core} We promised to answer you by ${longDate(e.originalDue, lang)}.`,
            ),
          },
          {
            role: 'kern',
            text: [
              T(
                lang,
                `Dat lukt ons niet: wij hebben ${weeksText(e.weeks, lang)} meer nodig. De reden: ${sentence(e.reason)}`,
                `We cannot manage that: we need ${weeksText(e.weeks, lang)} more. The reason: ${sentence(e.reason)}`,
              ),
              T(
                lang,
                `Het spijt ons dat u daardoor langer op ons antwoord moet wachten. U krijgt ons antwoord uiterlijk op ${longDate(e.newDue, lang)}.`,
                `We are sorry that you have to wait longer for our answer. You will receive it by ${longDate(e.newDue, lang)}.`,
              ),
            ].join(' '),
          },
          { role: 'slot', text: contactSentence(e) },
        ]
      : [
          {
            role: 'inleiding',
            text: T(
              lang,
              `Op ${longDate(e.receiptDate, lang)} ontvingen wij een klacht waarbij u betrokken bent (kenmerk ${e.reference}). De behandeling zou uiterlijk op ${longDate(e.originalDue, lang)} klaar zijn.`,
              `On ${longDate(e.receiptDate, lang)} we received a complaint that concerns you (reference ${e.reference}). Its handling was due to finish by ${longDate(e.originalDue, lang)}.`,
            ),
          },
          {
            role: 'kern',
            text: [
              e.respondentReason?.trim()
                ? T(
                    lang,
                    `Wij hebben meer tijd nodig. De reden: ${sentence(e.respondentReason)}`,
                    `We need more time. The reason: ${sentence(e.respondentReason)}`,
                  )
                : T(
                    lang,
                    'Wij hebben meer tijd nodig om de klacht zorgvuldig te onderzoeken.',
                    'We need more time to look into the complaint carefully.',
                  ),
              T(
                lang,
                `De behandeling duurt daardoor ${weeksText(e.weeks, lang)} langer en is uiterlijk op ${longDate(e.newDue, lang)} klaar. Wij laten u weten wat wij beslissen.`,
                `Handling therefore takes ${weeksText(e.weeks, lang)} longer and will be finished by ${longDate(e.newDue, lang)}. We will let you know what we decide.`,
              ),
            ].join(' '),
          },
          { role: 'slot', text: contactSentence(e) },
        ],
  );
  return { ...l, recipient: e.recipientRole };
}

// ---- Decline notice, Awb 9:8 (AWB-20..23, LET-09) --------------------------------------------

// The grounds are defined once, in the workflow (src/domain/workflow/decline.ts).
export { DECLINE_GROUNDS, type DeclineGround } from '../workflow/decline.js';
import type { DeclineGround } from '../workflow/decline.js';

const GROUND_TEXT: Record<DeclineGround, { nl: string; en: string; article: string }> = {
  a: {
    nl: 'Over deze gedraging is al eerder een klacht behandeld.',
    en: 'A complaint about this behaviour has already been dealt with.',
    article: '9:8, eerste lid, onder a',
  },
  b: {
    nl: 'De gedraging vond meer dan een jaar voordat u de klacht indiende plaats.',
    en: 'The behaviour took place more than a year before you made your complaint.',
    article: '9:8, eerste lid, onder b',
  },
  c: {
    nl: 'U kon tegen deze gedraging bezwaar maken.',
    en: 'You could have objected to this behaviour in an objection procedure.',
    article: '9:8, eerste lid, onder c',
  },
  d: {
    nl: 'Tegen deze gedraging staat of stond beroep bij de rechter open.',
    en: 'An appeal to a court is or was available against this behaviour.',
    article: '9:8, eerste lid, onder d',
  },
  e: {
    nl: 'De gedraging is of was voorgelegd aan een rechter, niet de bestuursrechter.',
    en: 'The behaviour is or was before a court other than an administrative court.',
    article: '9:8, eerste lid, onder e',
  },
  f: {
    nl: 'Over de gedraging loopt een strafrechtelijk onderzoek of een vervolging.',
    en: 'A criminal investigation or prosecution about this behaviour is under way.',
    article: '9:8, eerste lid, onder f',
  },
  lid2: {
    nl: 'Het belang van de klacht of het gewicht van de gedraging is onvoldoende.',
    en: 'The interest at stake or the weight of the behaviour is insufficient.',
    article: '9:8, tweede lid',
  },
};

export interface DeclineInput extends LetterContext {
  complaintDate: LocalDate;
  core: string;
  ground: DeclineGround;
  /** AWB-21: the explanation (required for lid 2). */
  motivation: string;
  /** NO-02: the answer to what the complainant asked for. */
  requestAnswer?: string | null | undefined;
  /** NO-03: what happens with the problem behind the complaint, written for the complainant. */
  underlyingProblem?: string | null | undefined;
}

export function composeDeclineNotice(d: DeclineInput): Letter {
  const { lang } = d;
  const g = GROUND_TEXT[d.ground];
  const article = isAwb(d)
    ? T(
        lang,
        ` Dat is een reden uit artikel ${g.article}, van de Algemene wet bestuursrecht.`,
        ` This is a ground under article ${g.article.replace('eerste lid, onder', '(1)').replace('tweede lid', '(2)')} of the General Administrative Law Act (Awb).`,
      )
    : '';
  const core = d.core.trim() && !readsAsNote(d.core) ? ` ${coreSentence(d.core, lang)}` : '';
  const body: Paragraph[] = [
    {
      // NO-03: begin with the person and the problem, not with the refusal.
      role: 'inleiding',
      text: T(
        lang,
        `Dank u wel voor uw klacht van ${longDate(d.complaintDate, lang)}.${core} Wij begrijpen dat dit u dwarszit en dat u wilt dat er iets mee gebeurt.`,
        `Thank you for your complaint of ${longDate(d.complaintDate, lang)}.${core} We understand that this troubles you and that you want something done about it.`,
      ),
    },
    {
      role: 'kern',
      text: [
        T(
          lang,
          'Toch nemen wij uw klacht niet in behandeling als formele klacht. Dat leggen wij graag uit.',
          'Even so, we will not handle it as a formal complaint. We would like to explain why.',
        ),
        `${g[lang]}${article}`,
        sentence(d.motivation),
      ]
        .filter(Boolean)
        .join(' '),
    },
  ];
  if (d.requestAnswer?.trim())
    body.push({
      role: 'kern',
      heading: T(lang, 'Uw verzoek', 'What you asked for'),
      text: sentence(d.requestAnswer),
    });
  if (d.underlyingProblem?.trim())
    body.push({
      role: 'kern',
      heading: T(lang, 'Wat wij wel doen', 'What we will do'),
      text: `${T(lang, 'Het probleem zelf laten wij niet liggen.', 'We will still deal with the problem itself.')} ${sentence(d.underlyingProblem)}`,
    });
  body.push({
    role: 'slot',
    text: [isAwb(d) ? ombudsmanParagraph(d, 'decline') : '', contactSentence(d)].filter(Boolean).join(' '),
  });
  return letter(
    d,
    'decline',
    { nl: 'Uw klacht: wat wij wel en niet kunnen doen', en: 'Your complaint: what we can and cannot do' },
    body,
  );
}

// ---- Informal resolution (AWB-10/11) ---------------------------------------------------------

export interface InformalResolutionInput extends LetterContext {
  contactDate: LocalDate;
  /** What was agreed, in the handler's words. */
  solution: string;
}

export function composeInformalResolution(i: InformalResolutionInput): Letter {
  const { lang } = i;
  return letter(
    i,
    'informal-resolution',
    { nl: 'Uw klacht is opgelost', en: 'Your complaint has been resolved' },
    [
      {
        role: 'inleiding',
        text: T(
          lang,
          `Dank u wel voor ons gesprek van ${longDate(i.contactDate, lang)} over uw klacht.`,
          `Thank you for our conversation of ${longDate(i.contactDate, lang)} about your complaint.`,
        ),
      },
      {
        role: 'kern',
        text: T(
          lang,
          `Wij hebben afgesproken: ${sentence(i.solution)}`,
          `We agreed: ${sentence(i.solution)}`,
        ),
      },
      {
        role: 'slot',
        text: [
          T(
            lang,
            'Wij gaan ervan uit dat uw klacht hiermee naar tevredenheid is opgelost. Is dat niet zo? Laat het ons dan weten. Dan behandelen wij uw klacht alsnog.',
            'We take it that your complaint has been resolved to your satisfaction. If not, please let us know and we will handle your complaint formally.',
          ),
          contactSentence(i),
        ].join(' '),
      },
    ],
  );
}

// ---- Forwarding notice (AWB-07) -------------------------------------------------------------

export interface ForwardingInput extends LetterContext {
  complaintDate: LocalDate;
  core: string;
  forwardedTo: { name: string; address?: string | undefined };
  forwardedOn: LocalDate;
  reason: string;
}

export function composeForwardingNotice(f: ForwardingInput): Letter {
  const { lang } = f;
  const to = f.forwardedTo.address
    ? `${f.forwardedTo.name}, ${clause(f.forwardedTo.address)}`
    : f.forwardedTo.name;
  return letter(
    f,
    'forwarding',
    { nl: 'Wij hebben uw klacht doorgestuurd', en: 'We have forwarded your complaint' },
    [
      {
        role: 'inleiding',
        text: [
          T(
            lang,
            `Dank u wel voor uw klacht van ${longDate(f.complaintDate, lang)}.`,
            `Thank you for your complaint of ${longDate(f.complaintDate, lang)}.`,
          ),
          f.core.trim() && !readsAsNote(f.core) ? coreSentence(f.core, lang) : '',
        ]
          .filter(Boolean)
          .join(' '),
      },
      {
        role: 'kern',
        text: [
          sentence(f.reason),
          T(
            lang,
            `Daarom hebben wij uw klacht op ${longDate(f.forwardedOn, lang)} doorgestuurd naar ${to}. Zij behandelen uw klacht verder en nemen contact met u op.`,
            `We therefore forwarded your complaint to ${to} on ${longDate(f.forwardedOn, lang)}. They will handle your complaint and contact you.`,
          ),
        ].join(' '),
      },
      { role: 'slot', text: contactSentence(f) },
    ],
  );
}

// ---- Hearing invitation (AWB-30/31) ---------------------------------------------------------

export interface HearingInvitationInput extends LetterContext {
  recipientRole: 'complainant' | 'respondent';
  complaintDate: LocalDate;
  hearingDate: LocalDate;
  /** "14.00 uur" / "2 pm" */
  time?: string | undefined;
  place: string;
  /** AWB-31(c): the date by which to say whether they want to be heard. */
  respondBy?: LocalDate | undefined;
}

export function composeHearingInvitation(h: HearingInvitationInput): Letter {
  const { lang } = h;
  const when = `${longDate(h.hearingDate, lang)}${h.time ? T(lang, ` om ${h.time}`, ` at ${h.time}`) : ''}`;
  const invitation = letter(
    h,
    'hearing-invitation',
    {
      nl: 'Uitnodiging voor een gesprek over de klacht',
      en: 'Invitation to a conversation about the complaint',
    },
    [
      {
        role: 'inleiding',
        text:
          h.recipientRole === 'complainant'
            ? T(
                lang,
                `Dank u wel voor uw klacht van ${longDate(h.complaintDate, lang)}. Wij willen graag met u praten over uw klacht.`,
                `Thank you for your complaint of ${longDate(h.complaintDate, lang)}. We would like to talk with you about it.`,
              )
            : T(
                lang,
                `Op ${longDate(h.complaintDate, lang)} ontvingen wij een klacht waarbij u betrokken bent. Wij willen ook uw kant van het verhaal horen.`,
                `On ${longDate(h.complaintDate, lang)} we received a complaint that concerns you. We would also like to hear your side of the story.`,
              ),
      },
      {
        role: 'kern',
        text: [
          T(
            lang,
            `Wij nodigen u uit voor een gesprek op ${when} in ${clause(h.place)}.`,
            `We invite you to a conversation on ${when} at ${clause(h.place)}.`,
          ),
          T(lang, 'U mag iemand meenemen.', 'You may bring someone with you.'),
          h.respondBy
            ? T(
                lang,
                `Wilt u uiterlijk ${longDate(h.respondBy, lang)} laten weten of u komt?`,
                `Please let us know by ${longDate(h.respondBy, lang)} whether you will come.`,
              )
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      },
      {
        role: 'slot',
        text: h.handler.phone
          ? T(
              lang,
              `Past deze datum niet? Bel dan ${h.handler.name} op ${h.handler.phone}.`,
              `If this date does not suit you, please call ${h.handler.name} on ${h.handler.phone}.`,
            )
          : T(
              lang,
              `Past deze datum niet? Neem dan contact op met ${h.handler.name}.`,
              `If this date does not suit you, please contact ${h.handler.name}.`,
            ),
      },
    ],
  );
  return { ...invitation, recipient: h.recipientRole };
}

// ---- Follow-up on a promised measure (NO-14) ------------------------------------------------

export interface FollowUpInput extends LetterContext {
  decisionLetterDate: LocalDate;
  measure: string;
  dueDate: LocalDate;
  /** Done on this date; absent: not done yet, with the new date. */
  completedOn?: LocalDate | null | undefined;
  newDueDate?: LocalDate | null | undefined;
  /** Why it is late, when it is. */
  delayReason?: string | null | undefined;
}

export function composeFollowUp(f: FollowUpInput): Letter {
  const { lang } = f;
  const done = Boolean(f.completedOn);
  return letter(
    f,
    'follow-up',
    { nl: 'Wat wij hebben gedaan na uw klacht', en: 'What we did after your complaint' },
    [
      {
        role: 'inleiding',
        text: T(
          lang,
          `In onze brief van ${longDate(f.decisionLetterDate, lang)} beloofden wij u: ${sentence(f.measure)}`,
          `In our letter of ${longDate(f.decisionLetterDate, lang)} we promised you: ${sentence(f.measure)}`,
        ),
      },
      {
        role: 'kern',
        text: done
          ? T(
              lang,
              `Die maatregel is op ${longDate(f.completedOn!, lang)} uitgevoerd.`,
              `This measure was carried out on ${longDate(f.completedOn!, lang)}.`,
            )
          : [
              T(
                lang,
                `Die maatregel is nog niet klaar, terwijl wij dat uiterlijk ${longDate(f.dueDate, lang)} hadden beloofd. Daarvoor bieden wij u onze excuses aan.`,
                `This measure is not finished yet, although we promised it by ${longDate(f.dueDate, lang)}. We apologise for this.`,
              ),
              f.delayReason
                ? T(lang, `De reden: ${sentence(f.delayReason)}`, `The reason: ${sentence(f.delayReason)}`)
                : '',
              f.newDueDate
                ? T(
                    lang,
                    `De maatregel is uiterlijk ${longDate(f.newDueDate, lang)} klaar.`,
                    `It will be finished by ${longDate(f.newDueDate, lang)}.`,
                  )
                : '',
            ]
              .filter(Boolean)
              .join(' '),
      },
      { role: 'slot', text: contactSentence(f) },
    ],
  );
}

// ---- Decision notice to a respondent (ISO-07) -------------------------------------------------

export interface DecisionNoticeInput extends LetterContext {
  complaintDate: LocalDate;
  items: { title: string; judgement: Judgement; severity: Severity }[];
  /** Measures the organisation takes (without personal remedies for the complainant). */
  measures: string[];
}

const VERDICT_WORDS: Record<Judgement, { nl: string; en: string }> = {
  not_upheld: { nl: 'ongegrond', en: 'not upheld' },
  partly_upheld: { nl: 'deels gegrond', en: 'partly upheld' },
  upheld: { nl: 'gegrond', en: 'upheld' },
};

export function composeDecisionNotice(n: DecisionNoticeInput): Letter {
  const { lang } = n;
  const items = orderItems(n.items);
  const notice = letter(
    n,
    'decision-notice',
    {
      nl: 'Beslissing over de klacht waarbij u betrokken bent',
      en: 'Decision on the complaint that concerns you',
    },
    [
      {
        role: 'inleiding',
        text: T(
          lang,
          `Op ${longDate(n.complaintDate, lang)} ontvingen wij een klacht waarbij u betrokken bent. Met deze brief laten wij u weten wat wij hebben beslist.`,
          `On ${longDate(n.complaintDate, lang)} we received a complaint that concerns you. This letter tells you what we decided.`,
        ),
      },
      {
        role: 'kern',
        text: [
          T(lang, 'Ons oordeel per onderdeel van de klacht:', 'Our judgement on each part of the complaint:'),
          ...items.map((i) => `- ${clause(i.title)}: ${VERDICT_WORDS[i.judgement][lang]}.`),
        ].join('\n'),
      },
      ...(n.measures.length
        ? [
            {
              role: 'kern' as const,
              text: `${T(lang, 'Wat de organisatie gaat doen:', 'What the organisation will do:')} ${n.measures.map(sentence).join(' ')}`,
            },
          ]
        : []),
      {
        role: 'slot',
        text: [
          T(
            lang,
            'De klager heeft onze beslissing ook ontvangen.',
            'The complainant has also received our decision.',
          ),
          contactSentence(n),
        ].join(' '),
      },
    ],
  );
  return { ...notice, recipient: 'respondent' };
}
