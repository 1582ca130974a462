import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import type { Role, StaffUser, UserService } from '../modules/users/service.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
    /** Set when the request was authenticated by the session cookie. */
    csrfToken?: string;
  }
}

export const SESSION_COOKIE = 'redress_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Staff authentication: `Authorization: Bearer <token>` (integrations) or the session cookie
 * (browser; unsafe methods must then carry the session's `X-CSRF-Token`). 401 without valid
 * credentials, 403 when the role may not use the route.
 * Routes do not call this themselves: they declare `config.access` and plugins/access.ts installs
 * the guard (authentication, role, case scope) as the route's first `onRequest` hook.
 */
export function requireStaff(users: UserService, roles: readonly Role[] | 'any'): onRequestAsyncHookHandler {
  return async function staffGuard(req: FastifyRequest, reply: FastifyReply) {
    const user = await authenticate(users, req);
    if (!user) {
      void reply.header('www-authenticate', 'Bearer realm="redress"');
      throw new AppError('UNAUTHENTICATED', {
        nl: 'Log in of geef een geldig API-token mee (Authorization: Bearer …).',
        en: 'Sign in or send a valid API token (Authorization: Bearer …).',
      });
    }
    if (roles !== 'any' && !roles.includes(user.role)) {
      throw new AppError('FORBIDDEN', {
        nl: `Uw rol (${user.role}) mag dit niet doen.`,
        en: `Your role (${user.role}) may not do this.`,
      });
    }
    req.staff = user;
  };
}

export async function authenticate(users: UserService, req: FastifyRequest): Promise<StaffUser | undefined> {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? users.userForToken(match[1]!) : undefined;
  }
  const cookie = sessionCookie(req);
  if (!cookie) return undefined;
  const session = await users.sessionFor(cookie);
  if (!session) return undefined;
  if (UNSAFE.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
      throw new AppError('CSRF_FAILED', {
        nl: 'Deze actie mist een geldig CSRF-token. Laad de pagina opnieuw.',
        en: 'This action lacks a valid CSRF token. Reload the page.',
      });
    }
  }
  req.csrfToken = session.csrfToken;
  return session.user;
}

export function sessionCookie(req: FastifyRequest): string | undefined {
  return (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
