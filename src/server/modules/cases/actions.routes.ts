import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTION_LABELS, CASE_ACTIONS, TRANSITIONS } from '../../../domain/lifecycle.js';
import { requestLang } from '../../http/lang.js';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';
import { ROLES } from '../users/service.js';
import { ACTION_DEFINITIONS } from './actions/index.js';
import { ACTION_ROLES } from './policy.js';
import { caseDetailSchema } from './schemas.js';

/**
 * One route per lifecycle action: POST /api/v1/cases/{id}/actions/{action}. The body is the step's
 * Zod schema plus an optional `expectedVersion`; the answer is the updated case with its new
 * `allowedActions`. Policy, preconditions and concurrency are the workflow service's.
 */
export const caseActionRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const errors = {
      401: errorResponseSchema,
      403: errorResponseSchema,
      404: errorResponseSchema,
      409: errorResponseSchema,
      422: errorResponseSchema,
    };
    for (const action of CASE_ACTIONS) {
      const def = ACTION_DEFINITIONS[action];
      const roles = ROLES.filter((role) => ACTION_ROLES[role].includes(action));
      const rules = TRANSITIONS.find((t) => t.action === action)!.rules;
      r.post(
        `/api/v1/cases/:id/actions/${action}`,
        {
          config: { access: { roles, scope: { case: 'id' } } },
          schema: {
            tags: ['case actions'],
            operationId: `case_${action}`,
            summary: `${ACTION_LABELS[action].en} / ${ACTION_LABELS[action].nl}`,
            description: `${def.summary}.${rules.length ? ` Rules: ${rules.join(', ')}.` : ''} Roles: ${roles.join(', ')}. 409 CASE_STATE_CONFLICT when the status does not allow it or the case changed meanwhile; 422 with details.blockers when a precondition is not met.`,
            security: [{ bearer: [] }],
            params: z.object({ id: z.uuid() }),
            querystring: z.object({ lang: z.enum(['nl', 'en']).optional() }),
            body: def.input.extend({ expectedVersion: z.number().int().min(1).optional() }),
            response: { 200: caseDetailSchema, ...errors },
          },
        },
        async (req) => {
          const { expectedVersion, ...input } = req.body as Record<string, unknown> & {
            expectedVersion?: number;
          };
          const result = await s.workflow.perform(req.staff!, req.params.id, action, input, {
            expectedVersion,
          });
          s.jobs.outboxCreated(result.outboxIds);
          return s.workflow.detail(req.staff!, req.params.id, requestLang(req), { reader: req });
        },
      );
    }
  };
