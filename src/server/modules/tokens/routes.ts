import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../errors.js';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';
import { API_TOKEN_MAX_DAYS } from '../users/service.js';

const tokenSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  label: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** API tokens for integrations (admin). Only a hash is stored; the token is shown once, at creation. */
export const tokenRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const admin = { access: { roles: ['admin'], scope: 'none' } } as const;
    const security = [{ bearer: [] }];
    const errors = {
      401: errorResponseSchema,
      403: errorResponseSchema,
      404: errorResponseSchema,
      422: errorResponseSchema,
    };
    const db = s.database.db;

    r.get(
      '/api/v1/tokens',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'API tokens (admin)',
          security,
          response: { 200: z.object({ items: z.array(tokenSchema) }), ...errors },
        },
      },
      async () => {
        const rows = await db
          .selectFrom('api_token')
          .selectAll()
          .orderBy('created_at', 'desc')
          .limit(500)
          .execute();
        return {
          items: rows.map((t) => ({
            id: t.id,
            userId: t.user_id,
            label: t.label,
            createdAt: t.created_at.toISOString(),
            lastUsedAt: iso(t.last_used_at),
            revokedAt: iso(t.revoked_at),
            expiresAt: t.expires_at.toISOString(),
          })),
        };
      },
    );

    r.post(
      '/api/v1/tokens',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Create an API token for a staff user (admin); the token is in this answer only',
          security,
          body: z.strictObject({
            userId: z.uuid(),
            label: z.string().trim().min(1).max(200).optional(),
            /** Finding 11: every token expires; default 90 days, at most a year. */
            expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).optional(),
          }),
          response: {
            201: z.object({ id: z.uuid(), token: z.string(), expiresAt: z.string() }),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const user = await db
          .selectFrom('app_user')
          .select(['active'])
          .where('id', '=', req.body.userId)
          .executeTakeFirst();
        if (!user || !user.active) {
          throw new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
            { path: 'userId', message: 'Unknown or inactive user / onbekende of inactieve gebruiker' },
          ]);
        }
        const { id, token, expiresAt } = await s.users.issueToken(
          req.body.userId,
          req.body.label,
          req.body.expiresInDays,
        );
        await s.audit.record(req.staff!.id, 'token.created', null, { tokenId: id, userId: req.body.userId });
        return reply.code(201).send({ id, token, expiresAt: expiresAt.toISOString() });
      },
    );

    r.delete(
      '/api/v1/tokens/:id',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Revoke an API token (admin)',
          security,
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        const res = await db
          .updateTable('api_token')
          .set({ revoked_at: new Date() })
          .where('id', '=', req.params.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) {
          const exists = await db
            .selectFrom('api_token')
            .select('id')
            .where('id', '=', req.params.id)
            .executeTakeFirst();
          if (!exists) throw notFound();
        }
        await s.audit.record(req.staff!.id, 'token.revoked', null, { tokenId: req.params.id });
        return reply.code(204).send(null);
      },
    );
  };
