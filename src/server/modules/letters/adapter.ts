// From case data (the workflow's tables, migration 0100) to the pure composers' inputs. No I/O:
// the service loads the case (CaseRepository.loadFull) and passes it in.

import { amsterdamDate, type LocalDate } from '../../../domain/dates.js';
import type { RegimeId } from '../../../domain/deadlines.js';
import {
  type DecisionInput,
  type DecisionItem,
  type LetterContext,
  composeDecisionLetter,
  orderItems,
} from '../../../domain/letters/compose.js';
import type { Judgement, Letter, LetterKind, LetterLang, Severity } from '../../../domain/letters/model.js';
import {
  DECLINE_GROUNDS,
  type DeclineGround,
  composeAcknowledgement,
  composeDecisionNotice,
  composeDeclineNotice,
  composeExtensionNotice,
  composeFollowUp,
  composeForwardingNotice,
  composeHearingInvitation,
  composeInformalResolution,
} from '../../../domain/letters/notices.js';
import type { CaseFacts } from '../../../domain/letters/engine.js';
import { readsAsNote } from '../../../domain/letters/fields.js';
import { datesIn } from '../../../domain/letters/patterns.js';
import { AppError } from '../../errors.js';
import type { FullCase } from '../cases/repository.js';
import type { Organisation } from '../organisation/service.js';

export type RecipientRole = 'complainant' | 'respondent';

export interface Recipient {
  role: RecipientRole;
  respondentId: string | null;
  name: string | null;
  email: string | null;
  address: string | null;
}

/** Kind-specific details the case does not hold (hearing date and place, which measure to follow up). */
export interface ComposeData {
  hearingDate?: LocalDate | undefined;
  time?: string | undefined;
  place?: string | undefined;
  respondBy?: LocalDate | undefined;
  remedyId?: string | undefined;
  newDueDate?: LocalDate | undefined;
  delayReason?: string | undefined;
}

export interface ComposeRequest {
  kind: LetterKind;
  lang?: LetterLang | undefined;
  recipientRole?: RecipientRole | undefined;
  respondentId?: string | undefined;
  data?: ComposeData | undefined;
}

export interface ComposeContext {
  full: FullCase;
  org: Organisation;
  handler: { name: string; phone: string | null };
  letterDate: LocalDate;
  /** The sent decision letter's date, for a follow-up (NO-14). */
  decisionLetterDate?: LocalDate | undefined;
}

const missing = (fields: { path: string; nl: string; en: string }[]) =>
  new AppError(
    'LETTER_DATA_MISSING',
    {
      nl: 'Voor deze brief ontbreken gegevens in het dossier. Vul ze eerst aan.',
      en: 'The case lacks data this letter needs. Add it first.',
    },
    fields.map((f) => ({ path: f.path, message: `${f.nl} / ${f.en}` })),
  );

const json = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function recipientFor(full: FullCase, req: ComposeRequest): Recipient {
  const role = req.recipientRole ?? 'complainant';
  if (role === 'respondent') {
    const r = full.respondents.find((x) => x.id === req.respondentId);
    if (!r)
      throw missing([
        {
          path: 'respondentId',
          nl: 'Kies een beklaagde van dit dossier',
          en: 'Choose a respondent of this case',
        },
      ]);
    return { role, respondentId: r.id, name: r.name, email: r.email, address: null };
  }
  const row = full.row;
  return {
    role,
    respondentId: null,
    name: row.complainant_name,
    email: row.complainant_email,
    address: row.complainant_address,
  };
}

/** Which recipients a kind of letter may have (AWB-41: extension notices also to each respondent; AWB-30: both parties are heard). */
export const RECIPIENTS: Record<LetterKind, readonly RecipientRole[]> = {
  acknowledgement: ['complainant'],
  extension: ['complainant', 'respondent'],
  decline: ['complainant'],
  'informal-resolution': ['complainant'],
  forwarding: ['complainant'],
  'hearing-invitation': ['complainant', 'respondent'],
  decision: ['complainant'],
  // ISO-07: the personnel involved are told the decision.
  'decision-notice': ['respondent'],
  'follow-up': ['complainant'],
};

/**
 * The decision letter's input from the workflow's data: judged items in LET-03 order with their
 * remedies (apology text, compensation amount, measure with realisation date), lessons and
 * improvement action (NO-05), the advice and any deviation (AWB-54), the external body.
 */
export function decisionInputFromCase(
  ctx: ComposeContext,
  lang: LetterLang,
  base: LetterContext,
): DecisionInput {
  const { full } = ctx;
  const row = full.row;
  const judged = full.items.filter((i) => i.judgement);
  if (judged.length === 0)
    throw missing([
      { path: 'items', nl: 'Beoordeel eerst de klachtonderdelen', en: 'Judge the complaint items first' },
    ]);
  const items: (DecisionItem & { id: string })[] = judged.map((i) => {
    const remedies = full.remedies.filter((r) => r.item_id === i.id);
    const apology = remedies.find((r) => r.kind === 'apology');
    return {
      id: i.id,
      title: letterTitle(i),
      severity: i.severity as Severity,
      findings: i.findings ?? '',
      judgement: i.judgement as Judgement,
      reasons: i.reasons ?? '',
      ...(apology ? { apology: apology.description } : {}),
      remedies: remedies.filter((r) => r.kind !== 'apology').map(remedyFor),
    };
  });
  // Remedies not tied to an item go with the heaviest upheld item, where the letter ends on remedy.
  const loose = full.remedies.filter((r) => !r.item_id);
  const anchor = orderItems(items)
    .filter((i) => i.judgement !== 'not_upheld')
    .at(-1);
  if (anchor) {
    for (const r of loose) {
      if (r.kind === 'apology') anchor.apology ??= r.description;
      else anchor.remedies.push(remedyFor(r));
    }
  }
  const hearing = full.hearings.find((h) => h.party === 'complainant' && h.held_at);
  const advice = json(row.advice);
  const regime = row.regime as RegimeId;
  return {
    ...base,
    // CONV-03: Wkkgz terms run from filing, Awb terms from receipt.
    complaintDate: regime === 'wkkgz' ? amsterdamDate(row.submitted_at) : row.receipt_date,
    core: letterCore(row.core_complaint),
    hearingDate: hearing?.held_at ? amsterdamDate(hearing.held_at) : null,
    findings: row.findings,
    items,
    lessons: [row.lessons, row.improvement_action].filter((x): x is string => Boolean(x?.trim())),
    // The overall conclusion in the slot (seed 004), and the answer to the request (NO-02).
    conclusion: readsAsNote(row.conclusions) ? null : row.conclusions,
    requestAnswer: row.request_answer,
    decisionDue: row.decision_due,
    ...(advice && str(advice.advice)
      ? { advice: { followed: !row.deviation_reason, deviationReason: row.deviation_reason } }
      : {}),
  };
}

/**
 * NO-11: the core as the letter prints it, only when it was written for the complainant. A note
 * ("Klaagster is ontevreden …") or nothing: the composer names the items instead. The complainant's
 * own description is never spliced into a sentence.
 */
function letterCore(core: string | null): string {
  return core && !readsAsNote(core) ? core : '';
}

/** An item's heading in letters: its letter title, or its summary when that reads as a title. */
function letterTitle(i: FullCase['items'][number]): string | null {
  if (i.letter_title?.trim()) return i.letter_title;
  const s = i.summary.trim();
  return s.length <= 80 && !readsAsNote(s) && !/[.!?]\s/.test(s) ? s : null;
}

function remedyFor(r: FullCase['remedies'][number]) {
  return {
    kind: r.kind === 'apology' ? undefined : (r.kind as 'compensation' | 'correction' | 'measure'),
    description: r.description,
    performer: r.performer === 'complainant' ? ('complainant' as const) : ('organisation' as const),
    dueDate: r.realisation_date,
    amount: r.amount === null ? null : Number(r.amount),
  };
}

/** What the case-aware lint rules compare a letter with (NO-11, NO-02, AWB-50, LET-04, AWB-71). */
export function caseFacts(full: FullCase): CaseFacts {
  const row = full.row;
  const texts = [
    row.findings,
    row.conclusions,
    row.lessons,
    row.improvement_action,
    row.request_answer,
    row.description,
    ...full.items.flatMap((i) => [i.findings, i.reasons]),
    ...full.remedies.map((r) => r.description),
  ].filter((t): t is string => Boolean(t));
  const ext = json(row.extension);
  const dates = [
    row.receipt_date,
    amsterdamDate(row.submitted_at),
    row.incident_date,
    row.decision_due,
    row.acknowledgement_due,
    str(ext?.originalDue),
    ...full.remedies.map((r) => r.realisation_date),
    ...full.hearings.flatMap((h) => [h.held_at ? amsterdamDate(h.held_at) : null, h.response_deadline]),
    ...texts.flatMap((t) => datesIn(t)),
  ].filter((d): d is string => Boolean(d));
  return {
    subject: [letterCore(row.core_complaint), ...full.items.map((i) => letterTitle(i) ?? i.summary)].filter(
      (t) => t.trim(),
    ),
    desiredOutcome: row.desired_outcome,
    items: full.items.map((i) => ({
      title: letterTitle(i) ?? i.summary,
      judgement: i.judgement as Judgement | null,
    })),
    amounts: full.remedies.filter((r) => r.amount !== null).map((r) => Number(r.amount)),
    dates: [...new Set(dates)],
    decisionDue: row.decision_due,
  };
}

/** Composes the letter of `req.kind` for this case, or explains what is missing. */
export function composeForCase(
  ctx: ComposeContext,
  req: ComposeRequest,
): { letter: Letter; recipient: Recipient } {
  const { full, org } = ctx;
  const row = full.row;
  const lang: LetterLang = req.lang ?? (row.language === 'en' ? 'en' : 'nl');
  if (!RECIPIENTS[req.kind].includes(req.recipientRole ?? 'complainant')) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nl: 'Ongeldige ontvanger voor deze brief.', en: 'Invalid recipient for this letter.' },
      [{ path: 'recipientRole', message: `${RECIPIENTS[req.kind].join(', ')}` }],
    );
  }
  const recipient = recipientFor(full, req);
  const regime = row.regime as RegimeId;
  const base: LetterContext = {
    lang,
    regime,
    organisationName: org.name,
    reference: row.reference,
    letterDate: ctx.letterDate,
    recipientName: recipient.name,
    // The salutation field is the complainant's; respondents get the default form.
    salutation: recipient.role === 'complainant' ? row.salutation : null,
    handler: ctx.handler,
    externalBody: org.settings.externalBody,
    regulationUrl: org.settings.complaintRegulationUrl ?? null,
    complaintsOfficer: org.settings.complaintsOfficer ?? null,
  };
  const d = req.data ?? {};
  // NO-11: the core as written for the complainant, else what the items are about.
  const titles = full.items.map(letterTitle).filter((t): t is string => Boolean(t));
  const core = letterCore(row.core_complaint) || titles.join(lang === 'nl' ? ' en ' : ' and ');

  switch (req.kind) {
    case 'acknowledgement':
      return {
        recipient,
        letter: composeAcknowledgement({
          ...base,
          receiptDate: row.receipt_date,
          decisionDue: row.decision_due,
          contactWorkingDays: org.settings.contactWorkingDays ?? 5,
        }),
      };
    case 'extension': {
      const ext = json(row.extension);
      const reason = str(ext?.reason);
      const weeks = num(ext?.weeks);
      if (!ext || !reason || !weeks)
        throw missing([
          {
            path: 'extension',
            nl: 'Leg eerst de verdaging vast (reden en aantal weken)',
            en: 'Record the extension first (reason and weeks)',
          },
        ]);
      const originalDue = str(ext.originalDue) ?? row.decision_due;
      return {
        recipient,
        letter: composeExtensionNotice({
          ...base,
          recipientRole: recipient.role,
          receiptDate: row.receipt_date,
          originalDue,
          newDue: row.decision_due,
          weeks,
          reason,
          respondentReason: str(ext.respondentReason),
          core,
        }),
      };
    }
    case 'decline': {
      const dec = json(row.decline);
      const ground = str(dec?.ground);
      if (!dec || !ground || !(DECLINE_GROUNDS as readonly string[]).includes(ground)) {
        throw missing([
          {
            path: 'decline',
            nl: 'Leg eerst vast op welke grond de klacht niet wordt behandeld',
            en: 'Record the decline ground first',
          },
        ]);
      }
      return {
        recipient,
        letter: composeDeclineNotice({
          ...base,
          complaintDate: row.receipt_date,
          core,
          ground: ground as DeclineGround,
          motivation: str(dec.motivation) ?? '',
          underlyingProblem: str(dec.underlyingProblem),
          requestAnswer: row.request_answer,
        }),
      };
    }
    case 'informal-resolution': {
      const inf = json(row.informal_resolution);
      const summary = str(inf?.summary);
      const confirmedOn = str(inf?.confirmedOn);
      if (!summary || !confirmedOn)
        throw missing([
          {
            path: 'informalResolution',
            nl: 'Leg eerst de informele afhandeling vast',
            en: 'Record the informal resolution first',
          },
        ]);
      return {
        recipient,
        letter: composeInformalResolution({ ...base, contactDate: confirmedOn, solution: summary }),
      };
    }
    case 'forwarding': {
      const fwd = json(row.forwarding);
      const organisation = str(fwd?.organisation);
      if (!fwd || !organisation)
        throw missing([
          {
            path: 'forwarding',
            nl: 'Leg eerst vast naar wie de klacht is doorgestuurd',
            en: 'Record where the complaint was forwarded first',
          },
        ]);
      return {
        recipient,
        letter: composeForwardingNotice({
          ...base,
          complaintDate: row.receipt_date,
          core,
          forwardedTo: { name: organisation, address: str(fwd.address) },
          forwardedOn: str(fwd.forwardedOn) ?? ctx.letterDate,
          reason: str(fwd.reason) ?? '',
        }),
      };
    }
    case 'hearing-invitation': {
      if (!d.hearingDate || !d.place) {
        throw missing([
          ...(!d.hearingDate
            ? [
                {
                  path: 'data.hearingDate',
                  nl: 'Vul de datum van het gesprek in',
                  en: 'Enter the date of the conversation',
                },
              ]
            : []),
          ...(!d.place
            ? [
                {
                  path: 'data.place',
                  nl: 'Vul de plaats van het gesprek in',
                  en: 'Enter the place of the conversation',
                },
              ]
            : []),
        ]);
      }
      return {
        recipient,
        letter: composeHearingInvitation({
          ...base,
          recipientRole: recipient.role,
          complaintDate: row.receipt_date,
          hearingDate: d.hearingDate,
          time: d.time,
          place: d.place,
          respondBy: d.respondBy,
        }),
      };
    }
    case 'decision':
      return { recipient, letter: composeDecisionLetter(decisionInputFromCase(ctx, lang, base)) };
    case 'decision-notice': {
      const judged = full.items.filter((i) => i.judgement);
      if (judged.length === 0)
        throw missing([
          { path: 'items', nl: 'Beoordeel eerst de klachtonderdelen', en: 'Judge the complaint items first' },
        ]);
      return {
        recipient,
        letter: composeDecisionNotice({
          ...base,
          complaintDate: row.receipt_date,
          items: judged.map((i) => ({
            title: letterTitle(i) ?? i.summary,
            judgement: i.judgement as Judgement,
            severity: i.severity as Severity,
          })),
          // Organisational measures only: compensation and apologies are the complainant's business.
          measures: full.remedies.filter((r) => r.kind === 'measure').map((r) => r.description),
        }),
      };
    }
    case 'follow-up': {
      const remedy = full.remedies.find((r) => r.id === d.remedyId);
      if (!remedy || !remedy.realisation_date)
        throw missing([
          {
            path: 'data.remedyId',
            nl: 'Kies een maatregel met een realisatiedatum',
            en: 'Choose a measure with a realisation date',
          },
        ]);
      return {
        recipient,
        letter: composeFollowUp({
          ...base,
          decisionLetterDate:
            ctx.decisionLetterDate ?? (row.decided_at ? amsterdamDate(row.decided_at) : ctx.letterDate),
          measure: remedy.description,
          dueDate: remedy.realisation_date,
          completedOn: remedy.completed_at ? amsterdamDate(remedy.completed_at) : null,
          newDueDate: d.newDueDate,
          delayReason: d.delayReason,
        }),
      };
    }
  }
}

/** The case task (workflow, src/domain/workflow/tasks.ts) a sent letter fulfils. */
export function taskKindFor(kind: LetterKind, _role: RecipientRole): string | undefined {
  switch (kind) {
    case 'acknowledgement':
      return 'letter.acknowledgement';
    case 'extension':
      return 'letter.extension_notice';
    case 'decline':
      return 'letter.decline_notice';
    case 'informal-resolution':
      return 'letter.informal_confirmation';
    case 'forwarding':
      return 'letter.forward_notice';
    case 'decision':
      return 'letter.decision';
    case 'decision-notice':
      return 'letter.decision_notice';
    default:
      return undefined;
  }
}

/** The other way round: which letter to compose for an open letter task. */
export const LETTER_FOR_TASK: Record<string, { kind: LetterKind; recipientRole: RecipientRole } | undefined> =
  {
    'letter.acknowledgement': { kind: 'acknowledgement', recipientRole: 'complainant' },
    'letter.extension_notice': { kind: 'extension', recipientRole: 'complainant' },
    'letter.decline_notice': { kind: 'decline', recipientRole: 'complainant' },
    'letter.informal_confirmation': { kind: 'informal-resolution', recipientRole: 'complainant' },
    'letter.forward_notice': { kind: 'forwarding', recipientRole: 'complainant' },
    'letter.decision': { kind: 'decision', recipientRole: 'complainant' },
    'letter.decision_notice': { kind: 'decision-notice', recipientRole: 'respondent' },
  };
