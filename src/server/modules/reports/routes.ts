import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';
import { annualReportCsv } from './annual.js';

/** The annual report of Awb 9:12a for managers and admins, as JSON or CSV. */
export const reportRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reports = s.reports;

    r.get(
      '/api/v1/reports/annual',
      {
        config: { access: { roles: ['manager', 'admin'], scope: 'cases' } },
        schema: {
          tags: ['reports'],
          summary:
            'Annual report (Awb 9:12a, AWB-60/61): complaints registered in the year by category, outcome and channel, lead time (median, p90), on time vs overdue, 9:8 declines, informal resolutions, escalations, satisfaction, lessons learned; no personal data, cells below 5 merged into "overig" or withheld (PRIV-08). JSON, or CSV with format=csv.',
          security: [{ bearer: [] }],
          querystring: z.strictObject({
            year: z.coerce.number().int().min(2000).max(2100),
            format: z.enum(['json', 'csv']).default('json'),
            lang: z.enum(['nl', 'en']).optional(),
          }),
          response: { 401: errorResponseSchema, 403: errorResponseSchema, 422: errorResponseSchema },
        },
      },
      async (req, reply) => {
        const report = await reports.annual(req.query.year, await s.caseAccess.predicate(req.staff!, 'c'));
        if (req.query.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="klachtjaarverslag-${report.year}.csv"`)
            .send(annualReportCsv(report) as never);
        }
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(report) as never);
      },
    );
  };
