import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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
  created_at: GeneratedTimestamp;
}

export interface CategoryTable {
  id: Generated<string>;
  name: string;
  department_id: string | null;
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
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  label: string | null;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
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
  status_token_hash: string;
  created_by: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  closed_at: Timestamp | null;
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
}

export interface Database {
  organisation: OrganisationTable;
  department: DepartmentTable;
  category: CategoryTable;
  app_user: UserTable;
  api_token: ApiTokenTable;
  complaint_case: CaseTable;
  case_event: CaseEventTable;
  outbox: OutboxTable;
  idempotency_key: IdempotencyKeyTable;
  audit_log: AuditLogTable;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type UserRow = Selectable<UserTable>;
export type OutboxRow = Selectable<OutboxTable>;
