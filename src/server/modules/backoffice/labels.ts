import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTION_LABELS, CASE_ACTIONS, CASE_STATUSES, STATUS_LABELS } from '../../../domain/lifecycle.js';
import {
  DECLINE_GROUNDS,
  DECLINE_GROUND_LABELS,
  DECLINE_GROUND_LAW,
} from '../../../domain/workflow/decline.js';
import { TASK_KINDS, type TaskKind } from '../../../domain/workflow/tasks.js';
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
            200: z.object({
              statuses: z.array(entry),
              actions: z.array(entry),
              // AWB-20/21: the 9:8 grounds with the text of the law (never copied in the UI).
              declineGrounds: z.array(entry.extend({ law: z.string() })),
              tasks: z.array(entry.extend({ rule: z.string() })),
            }),
            401: errorResponseSchema,
          },
        },
      },
      async (req) => {
        const lang = requestLang(req);
        return {
          statuses: CASE_STATUSES.map((v) => ({ value: v, label: STATUS_LABELS[v][lang] })),
          actions: CASE_ACTIONS.map((v) => ({ value: v, label: ACTION_LABELS[v][lang] })),
          declineGrounds: DECLINE_GROUNDS.map((v) => ({
            value: v,
            label: DECLINE_GROUND_LABELS[v][lang],
            law: DECLINE_GROUND_LAW[v][lang],
          })),
          tasks: (Object.keys(TASK_KINDS) as TaskKind[]).map((v) => ({
            value: v,
            label: TASK_KINDS[v][lang],
            rule: TASK_KINDS[v].rule,
          })),
        };
      },
    );
  };
