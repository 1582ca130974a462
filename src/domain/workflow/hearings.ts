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

/** A hearing is offered when an invitation was recorded or it was held. */
const offered = (h: HearingSnapshot | undefined) => Boolean(h && (h.invitedAt || h.heldAt));

/** Whether the regime requires hoor en wederhoor: Awb under the formal procedure (AWB-03), or by setting. */
export function hearingsRequired(
  c: Pick<CaseSnapshot, 'regime' | 'formalProcedureApplies'>,
  outsideAwb: boolean,
): boolean {
  if (c.regime === 'awb' || c.regime === 'awb-advisory') return c.formalProcedureApplies !== false;
  return outsideAwb;
}

/** AWB-30 and AWB-32: what still blocks a decision as to hearings. */
export function hearingBlockers(
  c: Pick<CaseSnapshot, 'regime' | 'formalProcedureApplies' | 'hearings' | 'respondents'>,
  outsideAwb: boolean,
): Blocker[] {
  const out: Blocker[] = [];
  if (hearingsRequired(c, outsideAwb)) {
    const complainant = hearingFor(c, 'complainant');
    if (!offered(complainant) && !complainant?.waiverGround) {
      out.push(
        blocker(
          'HEARING_MISSING',
          'AWB-30',
          'Bied de klager een hoorgesprek aan, of leg vast waarom horen achterwege blijft.',
          'Offer the complainant a hearing, or record why it is omitted.',
        ),
      );
    }
    // AWB-30: every respondent is offered a hearing; there is no exemption for them.
    for (const r of c.respondents) {
      if (!offered(hearingFor(c, 'respondent', r.id))) {
        out.push(
          blocker(
            'HEARING_MISSING',
            'AWB-30',
            `Bied beklaagde ${r.name} een hoorgesprek aan (hoor en wederhoor).`,
            `Offer respondent ${r.name} a hearing.`,
          ),
        );
      }
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
