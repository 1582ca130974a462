import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLang } from '../../http/lang.js';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';

const modelSchema = z.object({
  status: z.enum(['trained', 'insufficient_history', 'none']),
  id: z.string().nullable(),
  examples: z.number().int(),
  trainedAt: z.string().optional(),
  categories: z.number().int().optional(),
  validationMacroF1: z.number().nullable().optional(),
  message: z
    .string()
    .optional()
    .meta({ description: 'Why there is no suggestion (too little history, no model yet)' }),
});

const suggestionsSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  currentCategoryId: z.uuid().nullable(),
  model: modelSchema,
  categories: z
    .array(
      z.object({
        categoryId: z.uuid(),
        name: z.string(),
        confidence: z.number().meta({ description: '0..1' }),
      }),
    )
    .meta({
      description:
        'Up to three categories, most likely first; empty when no category is likely enough or there is no model',
    }),
  similar: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      status: z.string(),
      categoryId: z.uuid().nullable(),
      category: z.string().nullable(),
      similarity: z.number().meta({ description: 'Cosine similarity of the texts, 0..1' }),
    }),
  ),
});

const spikesSchema = z.object({
  unit: z.enum(['day', 'week']),
  today: z.string(),
  periodStart: z.string().meta({ description: 'First day of the current (possibly partial) period' }),
  baselineFrom: z.string(),
  spikes: z.array(
    z.object({
      categoryId: z.uuid().nullable(),
      category: z.string().nullable(),
      count: z.number().int(),
      baseline: z.number().meta({ description: 'Mean count of the previous periods' }),
      ratio: z.number().nullable(),
      pValue: z.number().meta({ description: 'Chance of this many or more under a Poisson baseline' }),
      counts: z
        .array(z.number().int())
        .meta({ description: 'Counts per period, oldest first; the last is the current period' }),
    }),
  ),
});

const retrainSchema = z.object({
  status: z.enum(['trained', 'insufficient_history']),
  id: z.string(),
  examples: z.number().int(),
  categories: z.number().int(),
  seconds: z.number(),
  validation: z.unknown(),
});

/** Category suggestions and similar cases for handlers; spike alerts and retraining for managers. */
export const insightRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const errors = { 401: errorResponseSchema, 403: errorResponseSchema, 422: errorResponseSchema };

    r.get(
      '/api/v1/cases/:id/suggestions',
      {
        config: { access: { roles: 'any', scope: { case: 'id' } } },
        schema: {
          tags: ['insight'],
          summary:
            "Suggested categories (top 3 with confidence, learned from this organisation's closed cases) and similar cases",
          security: [{ bearer: [] }],
          params: z.object({ id: z.uuid() }),
          querystring: z.strictObject({
            lang: z.enum(['nl', 'en']).optional(),
            similar: z.coerce.number().int().min(0).max(20).default(5),
          }),
          response: { 200: suggestionsSchema, 404: errorResponseSchema, ...errors },
        },
      },
      async (req) => {
        const lang = requestLang(req);
        const res = await s.insight.suggestions(req.params.id, {
          similar: req.query.similar,
          readable: await s.caseAccess.predicate(req.staff!),
        });
        await s.audit.read(req, 'case.suggestions', req.params.id);
        const m = res.model;
        return { ...res, model: 'message' in m ? { ...m, message: m.message[lang] } : m };
      },
    );

    r.get(
      '/api/v1/insight/spikes',
      {
        config: { access: { roles: ['manager', 'admin'], scope: 'cases' } },
        schema: {
          tags: ['insight'],
          summary:
            'Categories with clearly more complaints in the current day or week than their recent baseline',
          security: [{ bearer: [] }],
          querystring: z.strictObject({
            unit: z.enum(['day', 'week']).default('week'),
            baselinePeriods: z.coerce.number().int().min(2).max(52).default(8),
            minCount: z.coerce.number().int().min(1).max(1000).default(5),
            lang: z.enum(['nl', 'en']).optional(),
          }),
          response: { 200: spikesSchema, ...errors },
        },
      },
      async (req) => s.insight.spikes({ ...req.query, readable: await s.caseAccess.predicate(req.staff!) }),
    );

    r.post(
      '/api/v1/insight/retrain',
      {
        config: { access: { roles: ['manager', 'admin'], scope: 'none' } },
        schema: {
          tags: ['insight'],
          summary:
            "Retrain the category classifier now on the organisation's closed, categorised cases (it also runs nightly)",
          security: [{ bearer: [] }],
          response: { 200: retrainSchema, ...errors },
        },
      },
      async () => s.insight.retrain(),
    );
  };
