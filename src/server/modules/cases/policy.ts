import type { RegimeId } from '../../../domain/deadlines.js';
import {
  CASE_ACTIONS,
  STATUS_LABELS,
  transitionFor,
  type CaseAction,
  type CaseStatus,
} from '../../../domain/lifecycle.js';
import type { Role, StaffUser } from '../users/service.js';
import { inDepartmentScope } from './read-policy.js';

// Who may take which step on which case: role × department × state (GUIDE habit 1). The same
// `authorise` decides both what the server enforces and the `allowedActions` the API shows.

export interface CaseAccessInfo {
  status: CaseStatus;
  regime: RegimeId;
  departmentId: string | null;
  assigneeId: string | null;
  /** Staff users who are respondents (beklaagden) in this case (AWB-15). */
  respondentUserIds: readonly string[];
}

const INTAKE_STEPS: CaseAction[] = [
  'complete_intake',
  'add_item',
  'add_respondent',
  'add_representative',
  'record_authorisation',
];
// A handler also takes an unassigned case of their department for themselves ('assign' to self only,
// enforced in the assign step itself); routing to others stays with intake and managers.
const HANDLING_STEPS: CaseAction[] = [...CASE_ACTIONS];

/** Which roles may take which step. Department and assignment narrow it further (see inScope). */
export const ACTION_ROLES: Record<Role, readonly CaseAction[]> = {
  // Intake registers, completes, routes and can forward or record a withdrawal; it does not judge.
  intake: [...INTAKE_STEPS, 'assign', 'acknowledge', 'forward', 'withdraw'],
  handler: HANDLING_STEPS,
  manager: [...CASE_ACTIONS],
  // The admin configures the organisation; on cases only routing and acknowledging.
  admin: ['assign', 'acknowledge'],
  // WKKGZ-03: the complaints officer helps the complainant formulate the complaint and explores
  // solutions, but never judges or signs the provider's answer.
  'complaints-officer': [
    'complete_intake',
    'add_item',
    'add_representative',
    'record_first_contact',
    'record_contact_attempt',
    'record_progress_update',
    'withdraw',
  ],
};

export type Authorisation =
  | { ok: true }
  | {
      ok: false;
      code: 'FORBIDDEN' | 'HANDLER_IS_RESPONDENT' | 'CASE_STATE_CONFLICT';
      message: { nl: string; en: string };
    };

/** The write scope is the read policy's department scope (cases/read-policy.ts): one rule for both. */
const inScope = (user: StaffUser, c: CaseAccessInfo): boolean => inDepartmentScope(user, c);

export function authorise(user: StaffUser, c: CaseAccessInfo, action: CaseAction): Authorisation {
  if (!ACTION_ROLES[user.role].includes(action)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: {
        nl: `Uw rol (${user.role}) mag deze stap niet zetten.`,
        en: `Your role (${user.role}) may not take this step.`,
      },
    };
  }
  // AWB-15 / NO-13: a respondent takes no part in handling the complaint about them.
  if (c.respondentUserIds.includes(user.id)) {
    return {
      ok: false,
      code: 'HANDLER_IS_RESPONDENT',
      message: {
        nl: 'U bent beklaagde in deze klacht en mag er daarom niet aan werken (Awb 9:7).',
        en: 'You are a respondent in this complaint and so may not work on it (Awb 9:7).',
      },
    };
  }
  if (action === 'assign' && user.role === 'handler' && c.assigneeId !== null) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: {
        nl: 'Alleen een nog niet toegewezen dossier kunt u zelf oppakken.',
        en: 'You can only take a case that is not yet assigned.',
      },
    };
  }
  if (!inScope(user, c)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: {
        nl: 'Dit dossier hoort bij een andere afdeling.',
        en: 'This case belongs to another department.',
      },
    };
  }
  if (!transitionFor(c.status, action, c.regime)) {
    return {
      ok: false,
      code: 'CASE_STATE_CONFLICT',
      message: {
        nl: `Deze stap kan niet in de status "${STATUS_LABELS[c.status].nl}" (regime ${c.regime}).`,
        en: `This step is not possible in status "${STATUS_LABELS[c.status].en}" (regime ${c.regime}).`,
      },
    };
  }
  return { ok: true };
}

/** The one function both the enforcement and `allowedActions` use. */
export function allowedActions(user: StaffUser, c: CaseAccessInfo): CaseAction[] {
  return CASE_ACTIONS.filter((a) => authorise(user, c, a).ok);
}

/**
 * NO-16 / PRIV-09: vulnerability and the preferred channel are need-to-know: the assignee, managers
 * of the case's department, the complaints officer and intake (who records them) may see them.
 */
export function maySeeRestricted(user: StaffUser, c: CaseAccessInfo): boolean {
  if (c.respondentUserIds.includes(user.id)) return false;
  if (user.role === 'complaints-officer' || user.role === 'intake') return true;
  if (c.assigneeId === user.id) return true;
  return (
    user.role === 'manager' &&
    (user.departmentId === null || c.departmentId === null || c.departmentId === user.departmentId)
  );
}
