import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { errorResponseSchema } from '../../http/openapi.js';
import { SESSION_COOKIE, sessionCookie } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { ROLES } from '../users/service.js';

const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    departmentId: z.uuid().nullable(),
  }),
  csrfToken: z.string(),
});

function cookieOptions(req: FastifyRequest) {
  // Secure whenever the request came over TLS (directly, or via a trusted proxy).
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https' };
}

export const authRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const sessions = s.sessions;
    const errors = {
      401: errorResponseSchema,
      403: errorResponseSchema,
      422: errorResponseSchema,
      429: errorResponseSchema,
    };

    r.post(
      '/api/v1/auth/login',
      {
        config: {
          access: { public: 'staff sign in here' },
          rateLimit: { max: 20, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary:
            'Staff login: sets an HttpOnly session cookie and returns the CSRF token for unsafe requests',
          body: z.strictObject({ email: z.email(), password: z.string().min(1).max(1024) }),
          response: { 200: meSchema, ...errors },
        },
      },
      async (req, reply) => {
        const session = await sessions
          .login(req.body.email, req.body.password, req.ip)
          .catch((err: unknown) => {
            const wait = err instanceof AppError ? err.details?.retryAfterSeconds : undefined;
            if (typeof wait === 'number') void reply.header('retry-after', String(wait));
            throw err;
          });
        void reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(req));
        await s.audit.record(session.user.id, 'auth.login', null);
        return { user: session.user, csrfToken: session.csrfToken };
      },
    );

    r.get(
      '/api/v1/auth/me',
      {
        config: { access: { roles: 'any', scope: 'none' } },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in staff user',
          response: { 200: meSchema, ...errors },
        },
      },
      // A bearer-token client has no CSRF token: it needs none.
      async (req) => ({ user: req.staff!, csrfToken: req.csrfToken ?? '' }),
    );

    r.post(
      '/api/v1/auth/logout',
      {
        config: { access: { roles: 'any', scope: 'none' } },
        schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null(), ...errors } },
      },
      async (req, reply: FastifyReply) => {
        const cookie = sessionCookie(req);
        if (cookie) await sessions.logout(cookie);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/api/v1/auth/password',
      {
        config: { access: { roles: 'any', scope: 'none' } },
        schema: {
          tags: ['auth'],
          summary:
            'Change your password: at least 12 characters and hard to guess; ends every session and revokes your API tokens',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(1024),
            // Length here; strength (zxcvbn-ts, Dutch and English dictionaries) in the service.
            newPassword: z.string().min(12).max(1024),
          }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await sessions.changePassword(req.staff!.id, req.body.currentPassword, req.body.newPassword);
        await s.audit.record(req.staff!.id, 'auth.password_changed', null);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );
  };
