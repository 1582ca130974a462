import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';
import { AppError } from '../../errors.js';
import type { OutboxRow } from '../outbox/repository.js';

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
  /** 0 staff alerts, 1 mail with a legal term, 2 the rest: the order in which a backlog drains. */
  priority: z.number(),
  /** When the next attempt is due (while 'sending': when the sender's claim runs out). */
  nextAttemptAt: z.string().nullable(),
  failedAt: z.string().nullable(),
});

function presentOutbox(m: OutboxRow): z.infer<typeof outboxItem> {
  const waiting = m.status === 'pending' || m.status === 'sending';
  return {
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
    priority: m.priority,
    nextAttemptAt: waiting ? m.next_attempt_at.toISOString() : null,
    failedAt: m.failed_at ? m.failed_at.toISOString() : null,
  };
}

export const systemRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const outbox = s.outbox;

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
        const rows = await outbox.list(req.query, {
          readable: await s.caseAccess.predicate(req.staff!),
          withoutCase: req.staff!.role === 'admin',
        });
        return { items: rows.map(presentOutbox) };
      },
    );

    // A message refused for good (SMTP 5xx) or out of attempts waits here until staff send it again
    // (after correcting the address on the case, or once the mail server is fixed).
    r.post(
      '/api/v1/outbox/:id/retry',
      {
        config: { access: { roles: ['manager', 'admin'], scope: { outbox: 'id' } } },
        schema: {
          tags: ['system'],
          summary: 'Offer a failed message for delivery again',
          security: [{ bearer: [] }],
          params: z.strictObject({ id: z.string().regex(/^\d{1,18}$/) }),
          response: {
            200: outboxItem,
            401: errorResponseSchema,
            403: errorResponseSchema,
            404: errorResponseSchema,
            409: errorResponseSchema,
          },
        },
      },
      async (req) => {
        const row = await outbox.retry(req.params.id, req.staff!.id);
        if (!row) {
          const existing = await outbox.find(req.params.id);
          if (!existing)
            throw new AppError('NOT_FOUND', { nl: 'Bericht niet gevonden.', en: 'Message not found.' });
          throw new AppError('CONFLICT', {
            nl: `Alleen een mislukt bericht kan opnieuw worden aangeboden (status: ${existing.status}).`,
            en: `Only a failed message can be offered again (status: ${existing.status}).`,
          });
        }
        await s.audit.record(req.staff!.id, 'outbox.retry', row.case_id, { outboxId: String(row.id) });
        s.jobs.outboxCreated([String(row.id)]);
        return presentOutbox(row);
      },
    );
  };
