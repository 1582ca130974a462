import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, UserRow } from '../../db/schema.js';
import { hashSecret } from '../../secrets.js';
import { AppError, notFound } from '../../errors.js';
import { checkPasswordStrength } from './password-policy.js';

/** API tokens live this many days unless chosen otherwise at creation (at most API_TOKEN_MAX_DAYS). */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export const ROLES = ['intake', 'handler', 'manager', 'admin', 'complaints-officer'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
}

const newUserSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES),
  password: z.string().min(12, 'Use at least 12 characters.').max(1024).optional(),
  departmentId: z.uuid().nullable().optional(),
});

export interface Session {
  user: StaffUser;
  csrfToken: string;
}

export function toStaffUser(
  row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'department_id'>,
): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    departmentId: row.department_id,
  };
}

export class UserService {
  constructor(private readonly db: Kysely<Database>) {}

  async add(input: z.input<typeof newUserSchema>): Promise<StaffUser> {
    const parsed = newUserSchema.safeParse(input);
    if (!parsed.success) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Invalid user.',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const u = parsed.data;
    const existing = await this.db
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', u.email.toLowerCase()))
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `A user with e-mail ${u.email} already exists.`);
    if (u.password) checkPasswordStrength(u.password, [u.email, u.name ?? ''], 'password');
    // Passwords are hashed with argon2id (the library's default algorithm).
    const passwordHash = u.password ? await hash(u.password) : null;
    const row = await this.db
      .insertInto('app_user')
      .values({
        email: u.email,
        name: u.name ?? u.email.split('@')[0]!,
        role: u.role,
        department_id: u.departmentId ?? null,
        password_hash: passwordHash,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStaffUser(row);
  }

  async verifyPassword(email: string, password: string): Promise<StaffUser | undefined> {
    const row = await this.findByEmail(email);
    if (!row?.password_hash || !row.active) return undefined;
    return (await verify(row.password_hash, password)) ? toStaffUser(row) : undefined;
  }

  findByEmail(email: string) {
    return this.db
      .selectFrom('app_user')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
  }

  /** Creates an API token; only its SHA-256 is stored, the token itself is shown once. */
  async createToken(email: string, label?: string, expiresInDays?: number): Promise<string> {
    const user = await this.findByEmail(email);
    if (!user) throw notFound('user');
    return (await this.issueToken(user.id, label, expiresInDays)).token;
  }

  /** Finding 11: every token expires (default 90 days, at most a year); a password change revokes it. */
  async issueToken(
    userId: string,
    label?: string,
    expiresInDays = API_TOKEN_DEFAULT_DAYS,
  ): Promise<{ id: string; token: string; expiresAt: Date }> {
    const token = `rdr_${crypto.randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
    const row = await this.db
      .insertInto('api_token')
      .values({ user_id: userId, token_hash: hashSecret(token), label: label ?? null, expires_at: expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, token, expiresAt };
  }

  /** The staff user of a live browser session, with the session's CSRF token. */
  async sessionFor(token: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('staff_session')
      .innerJoin('app_user', 'app_user.id', 'staff_session.user_id')
      .select([
        'app_user.id',
        'app_user.email',
        'app_user.name',
        'app_user.role',
        'app_user.department_id',
        'staff_session.csrf_token',
      ])
      .where('staff_session.id_hash', '=', hashSecret(token))
      .where('staff_session.expires_at', '>', new Date())
      .where('app_user.active', '=', true)
      .executeTakeFirst();
    return row ? { user: toStaffUser(row), csrfToken: row.csrf_token } : undefined;
  }

  async userForToken(token: string): Promise<StaffUser | undefined> {
    const tokenHash = hashSecret(token);
    const row = await this.db
      .selectFrom('api_token')
      .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
      .select([
        'app_user.id',
        'app_user.email',
        'app_user.name',
        'app_user.role',
        'app_user.department_id',
        'api_token.last_used_at',
      ])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.revoked_at', 'is', null)
      .where('api_token.expires_at', '>', new Date())
      .where('app_user.active', '=', true)
      .executeTakeFirst();
    if (!row) return undefined;
    // When a token was last used: at most one write a minute per token, and not awaited.
    if (!row.last_used_at || row.last_used_at.getTime() < Date.now() - 60_000) {
      this.db
        .updateTable('api_token')
        .set({ last_used_at: new Date() })
        .where('token_hash', '=', tokenHash)
        .execute()
        .catch(() => undefined);
    }
    return toStaffUser(row);
  }
}
