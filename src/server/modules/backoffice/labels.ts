import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTION_LABELS, CASE_ACTIONS, CASE_STATUSES, STATUS_LABELS } from '../../../domain/lifecycle.js';
import { requestLang } from '../../http/lang.js';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';

const entry = z.object({ value: z.string(), label: z.string() });

/** The labels of every status and action, so that clients never keep their own copy (the server is the single source). */
export const labelRoutes =
  (_s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/labels',
      {
        config: { access: { roles: 'any', scope: 'none' } },
        schema: {
          tags: ['cases'],
          summary:
            'Labels of all case statuses and actions in the requested language (for filters and legends)',
          security: [{ bearer: [] }],
          querystring: z.object({ lang: z.enum(['nl', 'en']).optional() }),
          response: {
            200: z.object({ statuses: z.array(entry), actions: z.array(entry) }),
            401: errorResponseSchema,
          },
        },
      },
      async (req) => {
        const lang = requestLang(req);
        return {
          statuses: CASE_STATUSES.map((v) => ({ value: v, label: STATUS_LABELS[v][lang] })),
          actions: CASE_ACTIONS.map((v) => ({ value: v, label: ACTION_LABELS[v][lang] })),
        };
      },
    );
  };
