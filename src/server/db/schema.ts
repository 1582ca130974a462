import type { ColumnType, Generated, Selectable } from 'kysely';

// Types of the tables created by the migrations in ./migrations. int8 and numeric come back as strings.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  regime: string;
  settings: Json<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
}

export interface DepartmentTable {
  id: Generated<string>;
  name: string;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface CategoryTable {
  id: Generated<string>;
  name: string;
  department_id: string | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  /** 20261202T1202: failures older than an hour no longer count. */
  last_failed_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  // 20261201T1300_letter_fields: the direct phone number printed in letters (LET-07).
  phone: string | null;
}

/** 20261202T1202: failed logins per client address (finding 4). */
export interface LoginThrottleTable {
  client_ip: string;
  failures: number;
  last_failed_at: GeneratedTimestamp;
  locked_until: Timestamp | null;
}

export interface StaffSessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  label: string | null;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** 20261202T1202: every token expires (finding 11). */
  expires_at: Timestamp;
}

export interface CaseTable {
  id: Generated<string>;
  reference: string;
  status: string;
  regime: string;
  channel: string;
  received_at: Timestamp;
  submitted_at: Timestamp;
  receipt_date: DateColumn;
  complainant_name: string | null;
  complainant_email: string | null;
  complainant_phone: string | null;
  complainant_address: string | null;
  description: string;
  desired_outcome: string | null;
  incident_date: DateColumn | null;
  language: string;
  category_id: string | null;
  department_id: string | null;
  assignee_id: string | null;
  acknowledgement_due: DateColumn;
  decision_due: DateColumn;
  deadlines: Json<Record<string, unknown>>;
  overdue: Generated<boolean>;
  /** The link shown once on the confirmation page (hash only); NULL once a new link was sent. */
  status_token_hash: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  closed_at: Timestamp | null;
  // 20261122T0100_workflow
  core_complaint: string | null;
  behaviour_towards: Generated<string>;
  formal_checks: Json<Record<string, unknown>> | null;
  formal_procedure_applies: boolean | null;
  translation_needed: boolean | null;
  vulnerability: string | null;
  preferred_channel: string | null;
  assessment: Json<Record<string, unknown>> | null;
  priority: Generated<string>;
  acknowledged_at: Timestamp | null;
  first_contact_at: Timestamp | null;
  first_contact_channel: string | null;
  extension: Json<Record<string, unknown>> | null;
  agreed_delay: Json<Record<string, unknown>> | null;
  outcome: string | null;
  decline: Json<Record<string, unknown>> | null;
  forwarding: Json<Record<string, unknown>> | null;
  informal_resolution: Json<Record<string, unknown>> | null;
  withdrawal: Json<Record<string, unknown>> | null;
  findings: string | null;
  conclusions: string | null;
  decided_at: Timestamp | null;
  advice: Json<Record<string, unknown>> | null;
  deviation_reason: string | null;
  root_cause: string | null;
  lessons: string | null;
  improvement_action: string | null;
  complainant_reaction: string | null;
  last_progress_update_at: Timestamp | null;
  reopen_count: Generated<number>;
  // 20261201T1200_read_policy: need-to-know (PRIV-09 / WKKGZ-12)
  confidential: Generated<boolean>;
  // 20261201T1300_letter_fields
  salutation: string | null;
  request_answer: string | null;
  // 20261202T1101_procedure_gates: NO-02 attempts to reach the complainant ({ at, channel, note }[])
  contact_attempts: ColumnType<Record<string, unknown>[], string | undefined, string>;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  type: string;
  actor_id: string | null;
  data: Json<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  case_id: string | null;
  kind: string;
  recipient: string | null;
  subject: string;
  body_text: string;
  status: Generated<string>;
  attempts: Generated<number>;
  last_error: string | null;
  message_id: string | null;
  claimed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
  /** A letter whose PDF is attached (migration 0300). */
  letter_id: string | null;
  // 20261201T1500_outbox_delivery: 0 staff alerts, 1 mail with a legal term, 2 the rest (priority.ts).
  priority: Generated<number>;
  /** When the message is due; while it is 'sending', the end of the claim's lease. */
  next_attempt_at: GeneratedTimestamp;
  /** The claim of the worker sending it: only that worker records the result. */
  claim_token: string | null;
  failed_at: Timestamp | null;
}

// 20261201T1500_outbox_delivery: this installation's random id (Message-IDs).
export interface InstallationTable {
  singleton: Generated<boolean>;
  id: string;
  created_at: GeneratedTimestamp;
}

export interface IdempotencyKeyTable {
  key: string;
  request_hash: string;
  case_id: string | null;
  response: Json<Record<string, unknown>> | null;
  created_at: GeneratedTimestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  user_id: string | null;
  action: string;
  case_id: string | null;
  detail: Json<Record<string, unknown>> | null;
  created_at: GeneratedTimestamp;
  // 20261201T1200_read_policy: the cases a list or search showed; the caller's address
  case_ids: string[] | null;
  client_ip: string | null;
}

// 20261122T0100_workflow: the handling workflow's tables.
export interface ComplaintItemTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  summary: string;
  severity: string;
  judgement: string | null;
  findings: string | null;
  reasons: string | null;
  judged_at: Timestamp | null;
  judged_by: string | null;
  created_at: GeneratedTimestamp;
  // 20261201T1300_letter_fields
  letter_title: string | null;
}

export interface RespondentTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  user_id: string | null;
  department_id: string | null;
  name: string;
  email: string | null;
  copy_sent_at: Timestamp | null;
  copy_not_applicable_reason: string | null;
  created_at: GeneratedTimestamp;
}

export interface RepresentativeTable {
  id: Generated<string>;
  case_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  relation: string;
  authorisation_required: boolean;
  authorisation_document: string | null;
  authorisation_received_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface HearingTable {
  id: Generated<string>;
  case_id: string;
  party: string;
  respondent_id: string | null;
  invited_at: Timestamp | null;
  response_deadline: DateColumn | null;
  held_at: Timestamp | null;
  conducted_by: string | null;
  report: string | null;
  report_recorded_at: Timestamp | null;
  waiver_ground: string | null;
  waiver_statement: string | null;
  waiver_decided_by: string | null;
  created_at: GeneratedTimestamp;
  // 20261202T1101_procedure_gates: a planned hearing (AWB-30)
  scheduled_at: Timestamp | null;
  location: string | null;
  video_link: string | null;
}

export interface RemedyTable {
  id: Generated<string>;
  case_id: string;
  item_id: string | null;
  kind: string;
  description: string;
  amount: ColumnType<string | null, string | number | null, string | number | null>;
  realisation_date: DateColumn | null;
  completed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  // 20261201T1300_letter_fields
  performer: Generated<string>;
}

export interface EscalationTable {
  id: Generated<string>;
  case_id: string;
  body_kind: string;
  body_name: string;
  submitted_on: DateColumn;
  reference: string | null;
  outcome: string | null;
  outcome_on: DateColumn | null;
  outcome_notes: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseTaskTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  recipient: string | null;
  respondent_id: string | null;
  remedy_id: string | null;
  status: Generated<string>;
  due_date: DateColumn | null;
  rule: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: GeneratedTimestamp;
  completed_at: Timestamp | null;
}

export interface CaseAlertTable {
  case_id: string;
  kind: string;
  key: string;
  created_at: GeneratedTimestamp;
}

// 20261122T0200_public: the complainant's side (status links, additions, attachments, survey).
export interface StatusLinkTable {
  id: Generated<string>;
  case_id: string;
  /** SHA-256 of the token, set when the mail carrying it is sent; NULL while only reserved. */
  token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: Timestamp;
  created_at: GeneratedTimestamp;
  /** The mail this link is minted for (20261202T1201). */
  outbox_id: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ComplainantSubmissionTable {
  id: Generated<string>;
  case_id: string;
  message: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseAttachmentTable {
  id: Generated<string>;
  case_id: string;
  submission_id: string | null;
  source: 'intake' | 'status';
  filename: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  content: Buffer;
  created_at: GeneratedTimestamp;
}

export interface SatisfactionSurveyTable {
  id: Generated<string>;
  case_id: string;
  outcome_satisfied: 'yes' | 'partly' | 'no';
  handling_satisfied: 'yes' | 'partly' | 'no';
  comment: string | null;
  created_at: GeneratedTimestamp;
}

export interface LetterTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  lang: string;
  regime: string;
  recipient_role: string;
  respondent_id: string | null;
  recipient_name: string | null;
  recipient_email: string | null;
  recipient_address: string | null;
  subject: string;
  paragraphs: Json<unknown[]>;
  letter_date: DateColumn;
  status: Generated<string>;
  findings: Json<unknown[]>;
  version: Generated<number>;
  pdf: Buffer | null;
  pdf_sha256: string | null;
  task_id: string | null;
  outbox_id: string | null;
  message_id: string | null;
  created_by: string | null;
  sent_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  rendered_at: Timestamp | null;
  sent_at: Timestamp | null;
}

// 20261122T0600_insight: the category classifier's training runs.
export interface InsightModelTable {
  id: Generated<string>;
  kind: Generated<string>;
  status: 'trained' | 'insufficient_history';
  model: Json<Record<string, unknown>> | null;
  examples: number;
  classes: number;
  metrics: Json<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
}

export interface Database {
  organisation: OrganisationTable;
  department: DepartmentTable;
  category: CategoryTable;
  app_user: UserTable;
  api_token: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  staff_session: StaffSessionTable;
  complaint_case: CaseTable;
  case_event: CaseEventTable;
  outbox: OutboxTable;
  idempotency_key: IdempotencyKeyTable;
  audit_log: AuditLogTable;
  status_link: StatusLinkTable;
  complainant_submission: ComplainantSubmissionTable;
  case_attachment: CaseAttachmentTable;
  satisfaction_survey: SatisfactionSurveyTable;
  complaint_item: ComplaintItemTable;
  respondent: RespondentTable;
  representative: RepresentativeTable;
  hearing: HearingTable;
  remedy: RemedyTable;
  escalation: EscalationTable;
  case_task: CaseTaskTable;
  case_alert: CaseAlertTable;
  letter: LetterTable;
  insight_model: InsightModelTable;
  installation: InstallationTable;
}

export type CaseRow = Selectable<CaseTable>;
export type UserRow = Selectable<UserTable>;
