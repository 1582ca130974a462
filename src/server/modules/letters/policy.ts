import type { LetterKind } from '../../../domain/letters/model.js';
import { AppError } from '../../errors.js';
import type { Role, StaffUser } from '../users/service.js';

// Who may write which letters on which case. The scope rule is the case policy's (cases/policy.ts
// inScope): organisation-wide roles everywhere, handlers and managers in their department or when
// assigned. AWB-15: a respondent never writes (or reads) letters on the complaint about them.

const WRITE: Record<Role, readonly LetterKind[] | 'all'> = {
  handler: 'all',
  manager: 'all',
  // Intake acknowledges and forwards (the workflow gives it those steps); it does not judge.
  intake: ['acknowledgement', 'forwarding'],
  admin: ['acknowledgement'],
  // WKKGZ-03: the complaints officer never signs the provider's answer.
  'complaints-officer': [],
};

export interface LetterCaseAccess {
  departmentId: string | null;
  assigneeId: string | null;
  respondentUserIds: readonly string[];
}

function inScope(user: StaffUser, c: LetterCaseAccess): boolean {
  if (user.role === 'admin' || user.role === 'intake' || user.role === 'complaints-officer') return true;
  if (c.assigneeId === user.id) return true;
  if (user.departmentId === null) return true;
  if (c.departmentId === null) return user.role === 'manager';
  return c.departmentId === user.departmentId;
}

const forbidden = (nl: string, en: string) => new AppError('FORBIDDEN', { nl, en });

export function assertMayRead(user: StaffUser, c: LetterCaseAccess): void {
  if (c.respondentUserIds.includes(user.id)) {
    throw new AppError('HANDLER_IS_RESPONDENT', {
      nl: 'U bent beklaagde in deze klacht en mag er daarom niet aan werken (Awb 9:7).',
      en: 'You are a respondent in this complaint and so may not work on it (Awb 9:7).',
    });
  }
  if (!inScope(user, c))
    throw forbidden(
      'Dit dossier hoort niet bij uw afdeling.',
      'This case does not belong to your department.',
    );
}

export function assertMayWrite(user: StaffUser, c: LetterCaseAccess, kind: LetterKind): void {
  assertMayRead(user, c);
  const allowed = WRITE[user.role];
  if (allowed !== 'all' && !allowed.includes(kind)) {
    throw forbidden(
      `Uw rol (${user.role}) mag deze brief niet opstellen of versturen.`,
      `Your role (${user.role}) may not write or send this letter.`,
    );
  }
}
