import type { LetterKind } from '../../../domain/letters/model.js';
import { AppError } from '../../errors.js';
import type { Role, StaffUser } from '../users/service.js';
import { readDecision, readRefused, type CaseReadInfo } from '../cases/read-policy.js';

// Who may write which letters on which case. Who may read them is the case's read policy
// (cases/read-policy.ts). AWB-15: a respondent never writes (or reads) letters on the complaint about them.

const WRITE: Record<Role, readonly LetterKind[] | 'all'> = {
  handler: 'all',
  manager: 'all',
  // Intake acknowledges and forwards (the workflow gives it those steps); it does not judge.
  intake: ['acknowledgement', 'forwarding'],
  admin: ['acknowledgement'],
  // WKKGZ-03: the complaints officer never signs the provider's answer.
  'complaints-officer': [],
};

/** The case's read facts and the organisation's confidential readers (cases/read-policy.ts). */
export interface LetterCaseAccess extends CaseReadInfo {
  confidentialReaders: readonly Role[];
}

/** Reading letters is reading the case: the one read policy decides (department, respondent, confidential). */
export function assertMayRead(user: StaffUser, c: LetterCaseAccess): void {
  const decision = readDecision({ user, confidentialReaders: c.confidentialReaders }, c);
  if (!decision.ok) throw readRefused(decision);
}

const forbidden = (nl: string, en: string) => new AppError('FORBIDDEN', { nl, en });

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
