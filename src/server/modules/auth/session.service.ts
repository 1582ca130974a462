import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashSecret } from '../../secrets.js';
import type { AuditService } from '../audit/service.js';
import { toStaffUser, type Session } from '../users/service.js';
import { checkPasswordStrength } from '../users/password-policy.js';

const SESSION_HOURS = 10;

/**
 * Login throttling: failed logins are counted in one statement (UPDATE … RETURNING), so parallel
 * attempts cannot slip past the count. Per account: from the 5th failure within an hour the account
 * is locked for 1, 2, 4, 8, then 15 minutes. Per client address: from the 10th failure within an
 * hour the address waits 1, 2, 4 … 60 minutes, whatever account it tries. Failures an hour old no
 * longer count. A locked account, an unknown address and a wrong password get the same 401.
 */
export const LOGIN_POLICY = {
  account: { threshold: 5, maxLockMinutes: 15 },
  address: { threshold: 10, maxLockMinutes: 60 },
  windowMinutes: 60,
} as const;

export type { Session };

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

const invalid = () =>
  new AppError('UNAUTHENTICATED', {
    nl: 'E-mailadres of wachtwoord klopt niet.',
    en: 'E-mail address or password is incorrect.',
  });

/** Staff browser sessions: argon2id passwords, lockout after repeated failures, CSRF tokens. */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, ip = 'unknown'): Promise<Session & { token: string }> {
    const throttled = await this.db
      .selectFrom('login_throttle')
      .select('locked_until')
      .where('client_ip', '=', ip)
      .where('locked_until', '>', new Date())
      .executeTakeFirst();
    if (throttled?.locked_until) {
      // Says nothing about the account: every e-mail address gets this from this client address.
      await this.failed(null, email, ip, 'address-throttled', false);
      const seconds = Math.max(1, Math.ceil((throttled.locked_until.getTime() - Date.now()) / 1000));
      throw new AppError(
        'LOGIN_LOCKED',
        {
          nl: 'Te veel mislukte aanmeldpogingen vanaf dit adres. Probeer het later opnieuw.',
          en: 'Too many failed sign-in attempts from this address. Please try again later.',
        },
        undefined,
        { retryAfterSeconds: seconds },
      );
    }

    const row = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (!row || !row.password_hash || !row.active) {
      dummyHash ??= hash('not-a-real-password-for-timing');
      await verify(await dummyHash, password).catch(() => false);
      await this.failed(null, email, ip, row ? 'inactive' : 'unknown');
      throw invalid();
    }
    const good = await verify(row.password_hash, password).catch(() => false);
    if (row.locked_until && row.locked_until > new Date()) {
      // Locked: the same answer as a wrong password, even for the right one.
      await this.failed(row.id, email, ip, 'locked');
      throw invalid();
    }
    if (!good) {
      await this.countAccountFailure(row.id);
      await this.failed(row.id, email, ip, 'wrong-password');
      throw invalid();
    }
    // Clears the count only while the account is not locked (a lock taken meanwhile stays).
    const cleared = await this.db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, last_failed_login_at: null })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date())]))
      .returning('id')
      .executeTakeFirst();
    if (!cleared) {
      await this.failed(row.id, email, ip, 'locked');
      throw invalid();
    }
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

  /** One statement: count the failure (a fresh count after an hour) and lock from the threshold. */
  private async countAccountFailure(userId: string): Promise<void> {
    const { threshold, maxLockMinutes } = LOGIN_POLICY.account;
    const window = LOGIN_POLICY.windowMinutes;
    await sql`
      UPDATE app_user u SET
        failed_logins = n.count,
        last_failed_login_at = now(),
        locked_until = CASE WHEN n.count >= ${threshold}
          THEN now() + make_interval(mins => least(${maxLockMinutes}, power(2, n.count - ${threshold})::int))
          ELSE u.locked_until END
      FROM (SELECT id, CASE WHEN last_failed_login_at IS NULL
                             OR last_failed_login_at < now() - make_interval(mins => ${window})
                            THEN 1 ELSE failed_logins + 1 END AS count
              FROM app_user WHERE id = ${userId}::uuid) n
      WHERE u.id = n.id AND (u.locked_until IS NULL OR u.locked_until <= now())`.execute(this.db);
  }

  /** A failed login: counted for the client address (unless it is already waiting) and audited. */
  private async failed(
    userId: string | null,
    email: string,
    ip: string,
    reason: string,
    countAddress = true,
  ): Promise<void> {
    if (countAddress) {
      const { threshold, maxLockMinutes } = LOGIN_POLICY.address;
      const window = LOGIN_POLICY.windowMinutes;
      await sql`
        INSERT INTO login_throttle AS t (client_ip, failures, last_failed_at) VALUES (${ip}, 1, now())
        ON CONFLICT (client_ip) DO UPDATE SET
          failures = CASE WHEN t.last_failed_at < now() - make_interval(mins => ${window}) THEN 1 ELSE t.failures + 1 END,
          last_failed_at = now(),
          locked_until = CASE
            WHEN (CASE WHEN t.last_failed_at < now() - make_interval(mins => ${window}) THEN 1 ELSE t.failures + 1 END) >= ${threshold}
            THEN now() + make_interval(mins => least(${maxLockMinutes},
                   power(2, (CASE WHEN t.last_failed_at < now() - make_interval(mins => ${window}) THEN 1 ELSE t.failures + 1 END) - ${threshold})::int))
            ELSE t.locked_until END
        WHERE t.locked_until IS NULL OR t.locked_until <= now()`.execute(this.db);
    }
    // PRIV-09 / WKKGZ-12: every failed login is in the access log (the address typed, lower-cased).
    await this.audit.record(
      userId,
      'auth.login_failed',
      null,
      { email: email.toLowerCase().slice(0, 254), reason },
      { ip },
    );
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('staff_session').where('id_hash', '=', hashSecret(token)).execute();
  }

  /**
   * Finding 11: the new password must pass the strength policy; the change ends every session and
   * revokes every API token of the user (whoever had the old password may have made one).
   */
  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const row = await this.db
      .selectFrom('app_user')
      .select(['password_hash', 'email', 'name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (!row.password_hash || !(await verify(row.password_hash, current))) {
      throw new AppError(
        'VALIDATION_FAILED',
        { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is incorrect.' },
        [{ path: 'currentPassword', message: 'Incorrect / onjuist' }],
      );
    }
    checkPasswordStrength(next, [row.email, row.name, current], 'newPassword');
    const passwordHash = await hash(next);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ password_hash: passwordHash })
        .where('id', '=', userId)
        .execute();
      // Other sessions of this user end: a changed password must lock out whoever had the old one.
      await trx.deleteFrom('staff_session').where('user_id', '=', userId).execute();
      await trx
        .updateTable('api_token')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    });
  }
}
