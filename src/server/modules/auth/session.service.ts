import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashSecret } from '../../secrets.js';
import { toStaffUser, type Session } from '../users/service.js';

const SESSION_HOURS = 10;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export type { Session };

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

/** Staff browser sessions: argon2id passwords, lockout after repeated failures, CSRF tokens. */
export class SessionService {
  constructor(private readonly db: Kysely<Database>) {}

  async login(email: string, password: string): Promise<Session & { token: string }> {
    const row = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    const invalid = new AppError('UNAUTHENTICATED', {
      nl: 'E-mailadres of wachtwoord klopt niet.',
      en: 'E-mail address or password is incorrect.',
    });
    if (!row || !row.password_hash || !row.active) {
      dummyHash ??= hash('not-a-real-password-for-timing');
      await verify(await dummyHash, password).catch(() => false);
      throw invalid;
    }
    if (row.locked_until && row.locked_until > new Date()) {
      throw new AppError('LOGIN_LOCKED', {
        nl: `Te veel mislukte pogingen. Probeer het na ${row.locked_until.toISOString().slice(11, 16)} UTC opnieuw.`,
        en: `Too many failed attempts. Try again after ${row.locked_until.toISOString().slice(11, 16)} UTC.`,
      });
    }
    if (!(await verify(row.password_hash, password))) {
      const failures = row.failed_logins + 1;
      await this.db
        .updateTable('app_user')
        .set({
          failed_logins: failures >= MAX_FAILURES ? 0 : failures,
          locked_until: failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
        })
        .where('id', '=', row.id)
        .execute();
      throw invalid;
    }
    await this.db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', row.id)
      .execute();
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    await this.db
      .insertInto('staff_session')
      .values({
        id_hash: hashSecret(token),
        user_id: row.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      })
      .execute();
    return { token, csrfToken, user: toStaffUser(row) };
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('staff_session').where('id_hash', '=', hashSecret(token)).execute();
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const row = await this.db
      .selectFrom('app_user')
      .select(['password_hash'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (!row.password_hash || !(await verify(row.password_hash, current))) {
      throw new AppError(
        'VALIDATION_FAILED',
        { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is incorrect.' },
        [{ path: 'currentPassword', message: 'Incorrect / onjuist' }],
      );
    }
    await this.db
      .updateTable('app_user')
      .set({ password_hash: await hash(next) })
      .where('id', '=', userId)
      .execute();
    // Other sessions of this user end: a changed password must lock out whoever had the old one.
    await this.db.deleteFrom('staff_session').where('user_id', '=', userId).execute();
  }
}
