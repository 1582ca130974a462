import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amsterdamDate, isValidLocalDate } from '../../../domain/dates.js';
import { computeDeadline, DeadlineError } from '../../../domain/deadlines.js';
import { AppError } from '../../errors.js';
import { errorResponseSchema } from '../../http/openapi.js';
import { bilingual } from '../../http/validation.js';
import { requestLang } from '../../http/lang.js';
import type { Services } from '../../services.js';

const querySchema = z.strictObject({
  regime: z.enum(['awb', 'awb-advisory', 'wkkgz', 'company']).default('awb'),
  term: z.enum(['decision', 'decline-notice', 'acknowledgement']).default('decision'),
  start: z
    .string()
    .refine(
      (v) =>
        /^\d{4}-\d{2}-\d{2}$/.test(v)
          ? isValidLocalDate(v)
          : /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
      bilingual(
        'Vul een datum (JJJJ-MM-DD) of een ISO-tijdstip in.',
        'Enter a date (YYYY-MM-DD) or an ISO instant.',
      ),
    ),
  extensionWeeks: z.coerce.number().int().min(0).max(4).default(0),
  lang: z.enum(['nl', 'en']).optional(),
});

const responseSchema = z.object({
  regime: z.string(),
  term: z.string(),
  start: z.string(),
  extensionWeeks: z.number(),
  raw: z.string(),
  due: z.string(),
  informativeAtw: z.string().optional(),
  rulesApplied: z.array(z.string()),
});

export const deadlineRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/deadlines',
      {
        config: { access: { public: 'the deadline calculator: no case data' } },
        schema: {
          tags: ['deadlines'],
          summary: 'The deadline engine as a calculator (DL-01..DL-11, AWB-40/41, WKKGZ-05/06)',
          querystring: querySchema,
          response: { 200: responseSchema, 422: errorResponseSchema },
        },
      },
      async (req) => {
        const q = req.query;
        // An instant is first turned into its Europe/Amsterdam calendar date (CONV-01).
        const start = q.start.length === 10 ? q.start : amsterdamDate(q.start);
        const org = await s.organisation.get();
        try {
          const d = computeDeadline({
            regime: q.regime,
            term: q.term,
            start,
            extensionWeeks: q.extensionWeeks,
            extraHolidays: org.settings.extraHolidays ?? [],
          });
          return {
            regime: q.regime,
            term: q.term,
            start,
            extensionWeeks: q.extensionWeeks,
            raw: d.raw,
            due: d.due,
            ...(d.informativeAtw ? { informativeAtw: d.informativeAtw } : {}),
            rulesApplied: d.rulesApplied,
          };
        } catch (err) {
          if (err instanceof DeadlineError) {
            const lang = requestLang(req);
            throw new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
              { path: err.field ?? 'term', message: lang === 'nl' ? err.message : err.message },
            ]);
          }
          throw err;
        }
      },
    );
  };
