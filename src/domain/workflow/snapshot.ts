import type { LocalDate } from '../dates.js';
import type { RegimeId } from '../deadlines.js';
import type { CaseStatus } from '../lifecycle.js';

// A case as the pure workflow rules see it: plain data, loaded by the server's repository.

export type Severity = 'light' | 'medium' | 'heavy';
export type Judgement = 'upheld' | 'partly_upheld' | 'not_upheld';
export type RespondentKind = 'staff' | 'unit' | 'body' | 'chair' | 'member';
export type RemedyKind = 'apology' | 'compensation' | 'correction' | 'measure';
export type WaiverGround = 'manifestly_unfounded' | 'declined_by_complainant' | 'no_response_in_time';

export interface ItemSnapshot {
  id: string;
  position: number;
  summary: string;
  severity: Severity;
  judgement: Judgement | null;
  findings: string | null;
  reasons: string | null;
}

export interface RespondentSnapshot {
  id: string;
  kind: RespondentKind;
  userId: string | null;
  name: string;
  copySentAt: string | null;
  copyNotApplicableReason: string | null;
}

export interface HearingSnapshot {
  id: string;
  party: 'complainant' | 'respondent';
  respondentId: string | null;
  invitedAt: string | null;
  responseDeadline: LocalDate | null;
  heldAt: string | null;
  conductedBy: 'handler' | 'committee' | null;
  report: string | null;
  waiverGround: WaiverGround | null;
  /** A planned hearing (AWB-30): when, where or by video. */
  scheduledAt: string | null;
}

export interface RemedySnapshot {
  id: string;
  itemId: string | null;
  kind: RemedyKind;
  realisationDate: LocalDate | null;
  completedAt: string | null;
}

export interface AdviceSnapshot {
  committee: string;
  requestedAt: string;
  receivedAt?: string | undefined;
  advice?: string | undefined;
  advisedJudgement?: Judgement | undefined;
}

export interface CaseSnapshot {
  id: string;
  status: CaseStatus;
  regime: RegimeId;
  channel: string;
  receiptDate: LocalDate;
  /** Date of filing (indiening), Europe/Amsterdam. */
  filingDate: LocalDate;
  incidentDate: LocalDate | null;
  categoryId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  coreComplaint: string | null;
  desiredOutcome: string | null;
  formalProcedureApplies: boolean | null;
  /** The decision deadline now in force (after extension or agreed delay). */
  decisionDue: LocalDate;
  /** The decision deadline before any extension (AWB-42: an extension must precede it). */
  originalDecisionDue: LocalDate;
  /** Start of the decision term (receipt or filing, CONV-03). */
  termStart: LocalDate;
  extensionWeeks: number;
  agreedDue: LocalDate | null;
  rootCause: string | null;
  lessons: string | null;
  advice: AdviceSnapshot | null;
  items: ItemSnapshot[];
  respondents: RespondentSnapshot[];
  hearings: HearingSnapshot[];
  remedies: RemedySnapshot[];
  /** NO-02: the first personal contact, or the documented attempts that failed. */
  firstContactAt: string | null;
  contactAttempts: { at: string; channel: string }[];
  /** Tasks still open (the close gate looks at the legal ones). */
  openTasks: { id: string; kind: string; rule: string | null }[];
  version: number;
}
