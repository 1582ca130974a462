import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RegimeId } from '../../../domain/deadlines.js';
import { lintLetter } from '../../../domain/letters/lint.js';
import { parseLetter } from '../../../domain/letters/parse.js';
import { requestLang } from '../../http/lang.js';
import { errorResponseSchema } from '../../http/openapi.js';
import { requireStaff } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { lintRequestSchema, lintResponseSchema } from './schemas.js';

export const letterRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 422: errorResponseSchema };

  r.post(
    '/api/v1/letters/lint',
    {
      preHandler: requireStaff(s.users, 'any'),
      schema: {
        tags: ['letters'],
        summary: 'Lint a plain-text letter (LET-01..10 and the regime’s required content)',
        description:
          'Paragraphs are separated by blank lines; a salutation (Geachte …, Beste …, Dear …) and a sign-off (Met vriendelijke groet …) are recognised; the first paragraph after the salutation is the inleiding. Error findings block sending; warnings are advice.',
        security: [{ bearer: [] }],
        body: lintRequestSchema,
        response: { 200: lintResponseSchema, ...errors },
      },
    },
    async (req) => {
      const letter = parseLetter(req.body.text, { kind: req.body.kind, regime: req.body.regime as RegimeId });
      return { findings: lintLetter(letter, { messageLang: requestLang(req) }) };
    },
  );
};
