import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import type { Role, StaffUser, UserService } from '../modules/users/service.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
  }
}

/**
 * Staff authentication: `Authorization: Bearer <token>` (integrations). 401 without valid
 * credentials, 403 when the role may not use the route. Every staff route declares its roles.
 * Use it as the route's `onRequest` hook, so nobody unauthenticated gets as far as body parsing
 * or validation (and learns nothing from validation errors).
 */
export function requireStaff(users: UserService, roles: readonly Role[] | 'any'): preHandlerAsyncHookHandler {
  return async function staffGuard(req: FastifyRequest, reply: FastifyReply) {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const user = match ? await users.userForToken(match[1]!) : undefined;
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
