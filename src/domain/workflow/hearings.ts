import type { LocalDate } from '../dates.js';
import { compareDates } from '../dates.js';
import type { RegimeId } from '../deadlines.js';
import { blocker, type Blocker } from './blockers.js';
import type { CaseSnapshot, HearingSnapshot, WaiverGround } from './snapshot.js';

// Hoorplicht, Awb 9:10 (AWB-30..33).

export const WAIVER_GROUNDS: readonly WaiverGround[] = [
  'manifestly_unfounded',
  'declined_by_complainant',
  'no_response_in_time',
];

export interface WaiverInput {
  ground: WaiverGround;
  /** Ground (c): the reasonable term the body set; must lie in the past. */
  responseDeadline?: LocalDate | undefined;
  /** Ground (b): the complainant's written or recorded statement. */
  statement?: string | undefined;
  decidedBy: 'handler' | 'committee';
}

/** AWB-31 and AWB-33: the three grounds, their evidence, and who decides under the advisory procedure. */
export function waiverBlockers(input: WaiverInput, regime: RegimeId, today: LocalDate): Blocker[] {
  const out: Blocker[] = [];
  if (input.ground === 'no_response_in_time') {
    if (!input.responseDeadline) {
      out.push(
        blocker(
          'WAIVER_NOT_ALLOWED',
          'AWB-31',
          'Vul de gestelde reactietermijn in.',
          'Enter the response term that was set.',
        ),
      );
    } else if (compareDates(input.responseDeadline, today) >= 0) {
      out.push(
        blocker(
          'WAIVER_NOT_ALLOWED',
          'AWB-31',
          `De reactietermijn (${input.responseDeadline}) is nog niet verstreken.`,
          `The response term (${input.responseDeadline}) has not passed yet.`,
        ),
      );
    }
  }
  if (input.ground === 'declined_by_complainant' && !input.statement?.trim()) {
    out.push(
      blocker(
        'WAIVER_NOT_ALLOWED',
        'AWB-31',
        'Voeg de verklaring van de klager toe dat die niet gehoord wil worden.',
        "Attach the complainant's statement that they do not want to be heard.",
      ),
    );
  }
  if (regime === 'awb-advisory' && input.decidedBy !== 'committee') {
    out.push(
      blocker(
        'COMMITTEE_MUST_DECIDE',
        'AWB-33',
        'Onder de adviesprocedure besluit de adviescommissie over afzien van horen.',
        'Under the advisory procedure the committee decides on dispensing with the hearing.',
      ),
    );
  }
  return out;
}

export function hearingFor(
  c: Pick<CaseSnapshot, 'hearings'>,
  party: 'complainant' | 'respondent',
  respondentId?: string | null,
): HearingSnapshot | undefined {
  return c.hearings.find(
    (h) => h.party === party && (party === 'complainant' || h.respondentId === respondentId),
  );
}

/** Whether the regime requires hoor en wederhoor: Awb under the formal procedure (AWB-03), or by setting. */
export function hearingsRequired(
  c: Pick<CaseSnapshot, 'regime' | 'formalProcedureApplies'>,
  outsideAwb: boolean,
): boolean {
  if (c.regime === 'awb' || c.regime === 'awb-advisory') return c.formalProcedureApplies !== false;
  return outsideAwb;
}

/**
 * AWB-30/31: a party's hearing counts only when it was held (its report is AWB-32's own check),
 * when the complainant's hearing was waived on an AWB-31 ground (its evidence is checked when the
 * waiver is recorded), or when the reply term set in the invitation has passed without an answer
 * (no hearing was planned). An invitation alone, or a planned hearing that was not held, does not.
 */
export function hearingOutcome(
  h: HearingSnapshot | undefined,
  today: LocalDate,
): 'held' | 'waived' | 'no_reply' | 'not_invited' | 'planned' | 'awaiting_reply' {
  if (!h) return 'not_invited';
  if (h.heldAt) return 'held';
  if (h.party === 'complainant' && h.waiverGround) return 'waived';
  if (!h.invitedAt) return 'not_invited';
  if (h.scheduledAt) return 'planned';
  if (h.responseDeadline && compareDates(h.responseDeadline, today) < 0) return 'no_reply';
  return 'awaiting_reply';
}

function partyBlocker(h: HearingSnapshot | undefined, who: { nl: string; en: string }, today: LocalDate) {
  const state = hearingOutcome(h, today);
  switch (state) {
    case 'held':
    case 'waived':
    case 'no_reply':
      return undefined;
    case 'not_invited':
      return blocker(
        'HEARING_MISSING',
        'AWB-30',
        `Bied ${who.nl} een hoorgesprek aan${who.nl === 'de klager' ? ', of leg vast waarom horen achterwege blijft (Awb 9:10 lid 2)' : ' (hoor en wederhoor)'}.`,
        `Offer ${who.en} a hearing${who.en === 'the complainant' ? ', or record why it is omitted (Awb 9:10(2))' : ''}.`,
      );
    case 'planned':
      return blocker(
        'HEARING_NOT_HELD',
        'AWB-30',
        `Het hoorgesprek met ${who.nl} is gepland op ${h!.scheduledAt!.slice(0, 10)} maar nog niet vastgelegd als gehouden.`,
        `The hearing with ${who.en} is planned for ${h!.scheduledAt!.slice(0, 10)} but not yet recorded as held.`,
      );
    case 'awaiting_reply':
      return blocker(
        'HEARING_NOT_HELD',
        'AWB-30',
        h!.responseDeadline
          ? `${cap(who.nl)} is uitgenodigd; de reactietermijn (tot en met ${h!.responseDeadline}) loopt nog. Leg het hoorgesprek met verslag vast, of wacht tot de termijn verstreken is.`
          : `${cap(who.nl)} is uitgenodigd, maar er is geen hoorgesprek gehouden en geen reactietermijn gesteld. Leg het gesprek met verslag vast, of stel een termijn.`,
        h!.responseDeadline
          ? `${cap(who.en)} was invited; the reply term (until ${h!.responseDeadline}) is still running. Record the hearing with its report, or wait until the term has passed.`
          : `${cap(who.en)} was invited, but no hearing was held and no reply term was set. Record the hearing with its report, or set a term.`,
      );
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** AWB-30, AWB-31 and AWB-32: what still blocks a decision as to hearings. */
export function hearingBlockers(
  c: Pick<CaseSnapshot, 'regime' | 'formalProcedureApplies' | 'hearings' | 'respondents'>,
  outsideAwb: boolean,
  today: LocalDate,
): Blocker[] {
  const out: Blocker[] = [];
  if (hearingsRequired(c, outsideAwb)) {
    const b = partyBlocker(hearingFor(c, 'complainant'), { nl: 'de klager', en: 'the complainant' }, today);
    if (b) out.push(b);
    // AWB-30: every respondent is offered a hearing; there is no exemption for them.
    for (const r of c.respondents) {
      const rb = partyBlocker(
        hearingFor(c, 'respondent', r.id),
        { nl: `beklaagde ${r.name}`, en: `respondent ${r.name}` },
        today,
      );
      if (rb) out.push(rb);
    }
  }
  for (const h of c.hearings) {
    if (h.heldAt && !h.report?.trim()) {
      out.push(
        blocker(
          'HEARING_REPORT_MISSING',
          'AWB-32',
          'Van elk hoorgesprek moet een verslag worden gemaakt.',
          'A report must be made of every hearing.',
        ),
      );
    }
  }
  return out;
}

/** AWB-26: each respondent got a copy of the complaint (or it is marked not applicable with a reason). */
export function copyBlockers(c: Pick<CaseSnapshot, 'respondents'>): Blocker[] {
  return c.respondents
    .filter((r) => !r.copySentAt && !r.copyNotApplicableReason)
    .map((r) =>
      blocker(
        'RESPONDENT_COPY_MISSING',
        'AWB-26',
        `Stuur ${r.name} eerst een kopie van de klacht.`,
        `Send ${r.name} a copy of the complaint first.`,
      ),
    );
}
