// Shapes of the API responses the back office reads (see /openapi.json).

export type Role = 'intake' | 'handler' | 'manager' | 'admin' | 'complaints-officer';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
}

export interface Me {
  user: StaffUser;
  csrfToken: string;
}

export interface CaseSummary {
  id: string;
  reference: string;
  status: string;
  statusLabel: string;
  regime: string;
  channel: string;
  receivedAt: string;
  receiptDate: string;
  complainantName: string | null;
  summary: string;
  categoryId: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  decisionDue: string;
  overdue: boolean;
}

export interface Deadline {
  term: string;
  start: string;
  extensionWeeks: number;
  raw: string;
  due: string;
  informativeAtw?: string;
  rulesApplied: string[];
}

export interface CaseEvent {
  id: string;
  type: string;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
  label?: string;
}

export interface AllowedAction {
  action: string;
  label: string;
  /** False when the step's preconditions are not met yet; `blockers` says why. */
  ready?: boolean;
  blockers?: { code: string; rule: string; message: string }[];
}

export interface CaseDetail extends CaseSummary {
  submittedAt: string;
  complainant: { name: string | null; email: string | null; phone: string | null; address: string | null };
  description: string;
  desiredOutcome: string | null;
  incidentDate: string | null;
  language: string;
  deadlines: Record<string, Deadline | string | null | undefined>;
  items: Record<string, unknown>[];
  respondents?: Record<string, unknown>[];
  hearings?: Record<string, unknown>[];
  remedies?: Record<string, unknown>[];
  attachments?: Record<string, unknown>[];
  messages?: Record<string, unknown>[];
  history: CaseEvent[];
  allowedActions: AllowedAction[];
  version: number;
  [extra: string]: unknown;
}

export interface Named {
  id: string;
  name: string;
  active: boolean;
  departmentId?: string | null;
}

export interface UserRow extends StaffUser {
  active: boolean;
}

export interface Labels {
  statuses: { value: string; label: string }[];
  actions: { value: string; label: string }[];
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  paragraph: number | null;
  suggestion?: string;
}
