import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../errors.js';
import type { Role, StaffUser } from '../users/service.js';

// The one read policy: who may see which case. PRIV-09 / WKKGZ-12: complaint files hold personal and
// sometimes health data, so reading is access too. The same rules exist twice on purpose, kept side by
// side in this file: `readDecision` for one case already loaded (detail, letters, PDFs, suggestions,
// the route guard), `caseReadPredicate` as SQL for every list, search, dashboard, report and outbox
// query. test/read-policy.test.ts checks that both give the same answer for every role and case kind.

/** What the read policy needs to know about a case. */
export interface CaseReadInfo {
  departmentId: string | null;
  assigneeId: string | null;
  /** Staff users who are respondents (beklaagden) in the case. */
  respondentUserIds: readonly string[];
  /** Need-to-know (e.g. Wkkgz health data): only the assignee and the allowed roles. */
  confidential: boolean;
}

/** The reader and the organisation's choice of roles that may read confidential cases. */
export interface ReadScope {
  user: StaffUser;
  /** Roles that may read a confidential case besides its assignee (settings.confidentialReaders). */
  confidentialReaders: readonly Role[];
}

/** Roles that work organisation-wide: they register, route and support, whatever the department. */
export const ORGANISATION_WIDE_ROLES: readonly Role[] = ['admin', 'intake', 'complaints-officer'];
/** WKKGZ-12: by default only the complaints officer reads confidential cases besides the assignee. */
export const DEFAULT_CONFIDENTIAL_READERS: readonly Role[] = ['complaints-officer'];

/** Why a read is refused; the answer is always 403 FORBIDDEN with this as `details.reason`. */
export type ReadRefusal = 'respondent' | 'department' | 'confidential';

export type ReadDecision =
  { ok: true } | { ok: false; reason: ReadRefusal; message: { nl: string; en: string } };

/**
 * Department scope (also the write scope of cases/policy.ts): organisation-wide roles and users
 * without a department (a central complaints office) everywhere; handlers and managers in their own
 * department or when assigned; unrouted cases are for managers (a handler only once assigned).
 */
export function inDepartmentScope(
  user: StaffUser,
  c: Pick<CaseReadInfo, 'departmentId' | 'assigneeId'>,
): boolean {
  if (ORGANISATION_WIDE_ROLES.includes(user.role)) return true;
  if (c.assigneeId === user.id) return true;
  if (user.departmentId === null) return true;
  if (c.departmentId === null) return user.role === 'manager';
  return c.departmentId === user.departmentId;
}

export function readDecision(scope: ReadScope, c: CaseReadInfo): ReadDecision {
  const { user } = scope;
  // AWB-15 / NO-13: the person complained about neither handles nor reads the complaint.
  if (c.respondentUserIds.includes(user.id)) {
    return {
      ok: false,
      reason: 'respondent',
      message: {
        nl: 'U bent beklaagde in deze klacht en mag het dossier daarom niet inzien (Awb 9:7).',
        en: 'You are a respondent in this complaint and so may not see the case (Awb 9:7).',
      },
    };
  }
  if (!inDepartmentScope(user, c)) {
    return {
      ok: false,
      reason: 'department',
      message: {
        nl: 'Dit dossier hoort bij een andere afdeling.',
        en: 'This case belongs to another department.',
      },
    };
  }
  // PRIV-09 / WKKGZ-12: need-to-know cases.
  if (c.confidential && c.assigneeId !== user.id && !scope.confidentialReaders.includes(user.role)) {
    return {
      ok: false,
      reason: 'confidential',
      message: {
        nl: 'Dit dossier is vertrouwelijk: alleen de behandelaar en de aangewezen rollen zien het.',
        en: 'This case is confidential: only its handler and the designated roles see it.',
      },
    };
  }
  return { ok: true };
}

/** The 403 for a refused read (one place, so every route answers it the same way). */
export function readRefused(d: Extract<ReadDecision, { ok: false }>): AppError {
  return new AppError('FORBIDDEN', d.message, undefined, { reason: d.reason });
}

/**
 * The same rules as `readDecision`, as a SQL condition on a complaint_case row. Use it in EVERY query
 * that returns case data or figures about cases: `.where(caseReadPredicate(scope))`, or inside raw SQL
 * `WHERE ${caseReadPredicate(scope, 'c')}` when the table has an alias.
 */
export function caseReadPredicate(scope: ReadScope, alias = 'complaint_case'): RawBuilder<boolean> {
  const { user } = scope;
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const uid = user.id;
  const notRespondent = sql<boolean>`NOT EXISTS (SELECT 1 FROM respondent rp WHERE rp.case_id = ${col('id')} AND rp.user_id = ${uid}::uuid)`;
  let department: RawBuilder<boolean>;
  if (ORGANISATION_WIDE_ROLES.includes(user.role) || user.departmentId === null) {
    department = sql<boolean>`TRUE`;
  } else if (user.role === 'manager') {
    department = sql<boolean>`(${col('assignee_id')} = ${uid}::uuid OR ${col('department_id')} = ${user.departmentId}::uuid OR ${col('department_id')} IS NULL)`;
  } else {
    department = sql<boolean>`(${col('assignee_id')} = ${uid}::uuid OR ${col('department_id')} = ${user.departmentId}::uuid)`;
  }
  const confidential = scope.confidentialReaders.includes(user.role)
    ? sql<boolean>`TRUE`
    : sql<boolean>`(NOT ${col('confidential')} OR ${col('assignee_id')} = ${uid}::uuid)`;
  return sql<boolean>`(${notRespondent} AND ${department} AND ${confidential})`;
}
