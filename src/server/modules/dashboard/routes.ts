import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amsterdamDate } from '../../../domain/dates.js';
import { ACTION_LABELS, STATUS_LABELS, isCaseStatus } from '../../../domain/lifecycle.js';
import { requestLang } from '../../http/lang.js';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';

const count = z.number().int().nonnegative();
const judgement = z.enum(['upheld', 'partly_upheld', 'not_upheld']);
const answers = z.object({ yes: count, partly: count, no: count });

export const dashboardSchema = z.object({
  today: z.string(),
  since: z
    .string()
    .meta({ description: 'First day of the period for rates, outcomes, satisfaction and volume' }),
  openByStatus: z.array(z.object({ status: z.string(), label: z.string(), count })),
  openByDepartment: z.array(
    z.object({ departmentId: z.uuid().nullable(), name: z.string().nullable(), count }),
  ),
  onTime: z.object({
    decided: count,
    onTime: count,
    rate: z.number().nullable().meta({ description: 'Share decided on or before the due date, 0..1' }),
  }),
  averageLeadTimeDays: z
    .number()
    .nullable()
    .meta({ description: 'Mean calendar days from receipt to decision' }),
  outcomes: z.array(z.object({ outcome: judgement, count })),
  itemJudgements: z.array(z.object({ judgement, count })),
  satisfaction: z.object({ responses: count, outcome: answers, handling: answers }),
  volume: z.array(
    z.object({ month: z.string(), categoryId: z.uuid().nullable(), name: z.string().nullable(), count }),
  ),
  overdue: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      decisionDue: z.string(),
      daysOverdue: z.number().int(),
      departmentId: z.uuid().nullable(),
      assigneeId: z.uuid().nullable(),
    }),
  ),
  measuresPastDate: z.array(
    z.object({
      remedyId: z.uuid(),
      caseId: z.uuid(),
      reference: z.string(),
      description: z.string(),
      realisationDate: z.string(),
    }),
  ),
  overrides: z
    .array(
      z.object({
        caseId: z.uuid(),
        reference: z.string(),
        action: z.string(),
        actionLabel: z.string(),
        reason: z.string(),
        rules: z.array(z.string()),
        at: z.string(),
        actorId: z.uuid().nullable(),
      }),
    )
    .meta({ description: 'Steps taken past a gate with an explicit override and its reason (ADR 0011)' }),
});

function monthsBack(today: string, months: number): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - (months - 1));
  return d.toISOString().slice(0, 10);
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The managers' dashboard: open work, on-time rate, lead time, outcomes, satisfaction, volume, overdue, measures. */
export const dashboardRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const repo = s.dashboard;

    r.get(
      '/api/v1/dashboard',
      {
        config: { access: { roles: ['manager', 'admin'], scope: 'cases' } },
        schema: {
          tags: ['dashboard'],
          summary:
            "Managers' dashboard: open cases by status and department, on-time rate, lead time, outcome mix, satisfaction, volume, overdue cases, measures past their date",
          security: [{ bearer: [] }],
          querystring: z.strictObject({
            months: z.coerce.number().int().min(1).max(36).default(12),
            lang: z.enum(['nl', 'en']).optional(),
          }),
          response: {
            200: dashboardSchema,
            401: errorResponseSchema,
            403: errorResponseSchema,
            422: errorResponseSchema,
          },
        },
      },
      async (req) => {
        const lang = requestLang(req);
        const today = amsterdamDate(new Date());
        const since = monthsBack(today, req.query.months);
        const f = await repo.figures(today, since, await s.caseAccess.predicate(req.staff!));
        const label = (st: string) => (isCaseStatus(st) ? STATUS_LABELS[st][lang] : st);
        return {
          today,
          since,
          ...f,
          openByStatus: f.openByStatus.map((x) => ({ ...x, label: label(x.status) })),
          onTime: { ...f.onTime, rate: f.onTime.decided ? f.onTime.onTime / f.onTime.decided : null },
          overrides: f.overrides.map((o) => ({
            ...o,
            actionLabel:
              (ACTION_LABELS as Record<string, { nl: string; en: string }>)[o.action]?.[lang] ?? o.action,
          })),
          overdue: f.overdue.map((o) => ({
            ...o,
            statusLabel: label(o.status),
            daysOverdue: days(o.decisionDue, today),
          })),
        };
      },
    );
  };
