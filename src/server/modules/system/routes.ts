import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';

const outboxItem = z.object({
  id: z.string(),
  caseId: z.uuid().nullable(),
  kind: z.string(),
  recipient: z.string().nullable(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const systemRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/health',
      {
        config: { access: { public: 'liveness probe: no data' } },
        schema: {
          tags: ['system'],
          summary: 'Liveness and database reachability',
          response: {
            200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
            503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgres']) }),
          },
        },
      },
      async (_req, reply) => {
        const ok = await s.database.ping();
        if (!ok) return reply.code(503).send({ status: 'unavailable', database: s.database.kind });
        return { status: 'ok' as const, database: s.database.kind };
      },
    );

    // Messages waiting to be sent are visible here (no SMTP configured, or the server is down).
    r.get(
      '/api/v1/outbox',
      {
        config: { access: { roles: ['manager', 'admin'], scope: 'cases' } },
        schema: {
          tags: ['system'],
          summary: 'Outgoing messages and their delivery state',
          security: [{ bearer: [] }],
          querystring: z.strictObject({
            status: z.enum(['pending', 'sending', 'sent', 'failed', 'no-recipient']).optional(),
            caseId: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ items: z.array(outboxItem) }),
            401: errorResponseSchema,
            403: errorResponseSchema,
          },
        },
      },
      async (req) => {
        // PRIV-09: only mail about cases this user may read; mail without a case is the admin's.
        const readable = await s.caseAccess.predicate(req.staff!);
        const orgWide = sql.lit(req.staff!.role === 'admin');
        let q = s.database.db
          .selectFrom('outbox')
          .selectAll()
          .where(
            sql<boolean>`((outbox.case_id IS NULL AND ${orgWide}) OR EXISTS (SELECT 1 FROM complaint_case WHERE complaint_case.id = outbox.case_id AND ${readable}))`,
          );
        if (req.query.status) q = q.where('status', '=', req.query.status);
        if (req.query.caseId) q = q.where('case_id', '=', req.query.caseId);
        const rows = await q.orderBy('id', 'desc').limit(req.query.limit).execute();
        return {
          items: rows.map((m) => ({
            id: String(m.id),
            caseId: m.case_id,
            kind: m.kind,
            recipient: m.recipient,
            subject: m.subject,
            status: m.status,
            attempts: m.attempts,
            lastError: m.last_error,
            messageId: m.message_id,
            createdAt: m.created_at.toISOString(),
            sentAt: m.sent_at ? m.sent_at.toISOString() : null,
          })),
        };
      },
    );
  };
