import { actionsFrom, type CaseAction, type CaseStatus } from '../../../domain/lifecycle.js';
import type { Role, StaffUser } from '../users/service.js';

export interface CaseAccessInfo {
  status: CaseStatus;
  departmentId: string | null;
  assigneeId: string | null;
}

// Which roles may take which lifecycle action; department and assignment narrow it further.
const ACTION_ROLES: Record<CaseAction, readonly Role[]> = {
  acknowledge: ['intake', 'handler', 'manager', 'admin'],
  start_handling: ['handler', 'manager'],
  resolve_informally: ['handler', 'manager'],
  decline: ['handler', 'manager'],
  forward: ['intake', 'handler', 'manager'],
  withdraw: ['intake', 'handler', 'manager'],
  decide: ['handler', 'manager'],
  close: ['handler', 'manager'],
  reopen: ['handler', 'manager'],
  escalate: ['handler', 'manager'],
};

function inScope(user: StaffUser, c: CaseAccessInfo): boolean {
  if (user.role === 'admin' || user.role === 'intake') return true;
  if (c.assigneeId === user.id) return true;
  // A manager or handler acts on cases of their own department, or on unrouted cases.
  return c.departmentId === null || user.departmentId === null || c.departmentId === user.departmentId;
}

/** The one function both the enforcement and `allowedActions` use (GUIDE habit 1). */
export function allowedActions(user: StaffUser, c: CaseAccessInfo): CaseAction[] {
  if (!inScope(user, c)) return [];
  return actionsFrom(c.status).filter((a) => ACTION_ROLES[a].includes(user.role));
}

export function mayAct(user: StaffUser, c: CaseAccessInfo, action: CaseAction): boolean {
  return allowedActions(user, c).includes(action);
}
