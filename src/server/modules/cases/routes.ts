import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amsterdamDate } from '../../../domain/dates.js';
import { AppError } from '../../errors.js';
import { requestLang } from '../../http/lang.js';
import type { Services } from '../../services.js';
import { presentSummary } from './presenter.js';
import { decodeCursor, encodeCursor } from './repository.js';
import {
  caseDetailSchema,
  caseListSchema,
  intakeResponseSchema,
  listQuerySchema,
  publicIntakeSchema,
  staffIntakeSchema,
} from './schemas.js';
import { errorResponseSchema } from '../../http/openapi.js';

const today = () => amsterdamDate(new Date());
const idempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().min(1).max(200).optional(),
});

export const caseRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const errors = {
      400: errorResponseSchema,
      401: errorResponseSchema,
      403: errorResponseSchema,
      422: errorResponseSchema,
    };

    r.post(
      '/api/v1/complaints',
      {
        config: {
          access: { public: 'anyone may file a complaint' },
          rateLimit: { max: s.config.rateLimitPublic, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['intake'],
          summary: 'File a complaint (public)',
          headers: idempotencyHeaders,
          body: publicIntakeSchema(today),
          response: { 200: intakeResponseSchema, 201: intakeResponseSchema, ...errors },
        },
      },
      async (req, reply) => {
        const result = await s.intake.register(req.body, {
          actorId: null,
          idempotencyKey: req.headers['idempotency-key'],
        });
        s.jobs.outboxCreated(result.outboxIds);
        return reply.code(result.created ? 201 : 200).send(result.response);
      },
    );

    r.post(
      '/api/v1/cases',
      {
        config: { access: { roles: 'any', scope: 'none' } },
        schema: {
          tags: ['cases'],
          summary: 'Register a complaint received by phone, letter, counter or e-mail (staff)',
          security: [{ bearer: [] }],
          headers: idempotencyHeaders,
          body: staffIntakeSchema(today),
          response: { 200: intakeResponseSchema, 201: intakeResponseSchema, ...errors },
        },
      },
      async (req, reply) => {
        const result = await s.intake.register(req.body, {
          actorId: req.staff!.id,
          idempotencyKey: req.headers['idempotency-key'],
        });
        s.jobs.outboxCreated(result.outboxIds);
        return reply.code(result.created ? 201 : 200).send(result.response);
      },
    );

    r.get(
      '/api/v1/cases',
      {
        config: { access: { roles: 'any', scope: 'cases' } },
        schema: {
          tags: ['cases'],
          summary: 'List cases with filters, Dutch full-text search and keyset pagination',
          security: [{ bearer: [] }],
          querystring: listQuerySchema,
          response: { 200: caseListSchema, ...errors },
        },
      },
      async (req) => {
        const lang = requestLang(req);
        const q = req.query;
        const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
        if (q.cursor && !cursor) {
          throw new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
            { path: 'cursor', message: lang === 'nl' ? 'Onbekende cursor.' : 'Unknown cursor.' },
          ]);
        }
        const assigneeId = q.assignee === 'me' ? req.staff!.id : q.assignee === 'none' ? null : q.assignee;
        const t = today();
        const { cursor: _raw, ...filters } = q;
        // PRIV-09: only the cases this user may read (cases/read-policy.ts), in SQL.
        const readable = await s.caseAccess.predicate(req.staff!);
        const rows = await s.cases.list({ ...filters, cursor, assigneeId, today: t, readable });
        await s.audit.read(
          req,
          'case.list',
          rows.map((r) => r.id),
          q.q ? { search: true } : undefined,
        );
        const last = rows.at(-1);
        return {
          items: rows.map((row) => presentSummary(row, lang, t)),
          nextCursor:
            rows.length === q.limit && last
              ? encodeCursor({ receivedAt: new Date(last.received_at).toISOString(), id: last.id })
              : null,
        };
      },
    );

    r.get(
      '/api/v1/cases/:id',
      {
        config: { access: { roles: 'any', scope: { case: 'id' } } },
        schema: {
          tags: ['cases'],
          summary: 'One case with its deadlines, history and the actions this user may take now',
          security: [{ bearer: [] }],
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ lang: z.enum(['nl', 'en']).optional() }),
          response: { 200: caseDetailSchema, 404: errorResponseSchema, ...errors },
        },
      },
      async (req) => {
        return s.workflow.detail(req.staff!, req.params.id, requestLang(req), { reader: req });
      },
    );
  };
