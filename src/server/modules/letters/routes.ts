import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RegimeId } from '../../../domain/deadlines.js';
import type { LetterLang, Paragraph } from '../../../domain/letters/model.js';
import { requestLang } from '../../http/lang.js';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';
import { presentLetter, presentTask } from './presenter.js';
import {
  caseLettersSchema,
  composeRequestSchema,
  letterSchema,
  lintRequestSchema,
  lintResponseSchema,
  updateRequestSchema,
} from './schemas.js';

export const letterRoutes =
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
      '/api/v1/letters/lint',
      {
        config: { access: { roles: 'any', scope: 'none' } },
        schema: {
          tags: ['letters'],
          summary: 'Lint a plain-text letter (LET-01..10 and the regime’s required content)',
          description:
            'Paragraphs are separated by blank lines; a salutation (Geachte …, Beste …, Dear …) and a sign-off (Met vriendelijke groet …) are recognised; the first paragraph after the salutation is the inleiding. Error findings block sending; warnings are advice. With a caseId (a case the user may read) the case-aware rules run too: the inleiding names the subject, the desired outcome is answered, every item is judged, amounts and dates match the case.',
          security: [{ bearer: [] }],
          body: lintRequestSchema,
          response: { 200: lintResponseSchema, ...errors },
        },
      },
      async (req) => ({
        findings: await s.letters.lintText(
          req.staff!,
          {
            text: req.body.text,
            kind: req.body.kind,
            regime: req.body.regime as RegimeId,
            caseId: req.body.caseId,
            recipient: req.body.recipient,
          },
          requestLang(req),
        ),
      }),
    );

    const onCase = { access: { roles: 'any', scope: { case: 'id' } } } as const;
    const onLetter = { access: { roles: 'any', scope: { letter: 'id' } } } as const;
    const letterErrors = { ...errors, 404: errorResponseSchema, 409: errorResponseSchema };
    const idParams = z.object({ id: z.uuid() });

    r.get(
      '/api/v1/cases/:id/letters',
      {
        config: onCase,
        schema: {
          tags: ['letters'],
          summary: 'The letters of a case, and the letters the case still needs by law (tasks until sent)',
          security: [{ bearer: [] }],
          params: idParams,
          response: { 200: caseLettersSchema, ...letterErrors },
        },
      },
      async (req) => {
        const { letters, tasks } = await s.letters.list(req.staff!, req.params.id);
        return { items: letters.map(presentLetter), tasks: tasks.map(presentTask) };
      },
    );

    r.post(
      '/api/v1/cases/:id/letters',
      {
        config: onCase,
        schema: {
          tags: ['letters'],
          summary: 'Compose a letter from the case data (a draft, linted)',
          security: [{ bearer: [] }],
          params: idParams,
          body: composeRequestSchema,
          response: { 201: letterSchema, ...letterErrors },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const letter = await s.letters.compose(req.staff!, req.params.id, {
          kind: b.kind,
          lang: b.lang as LetterLang | undefined,
          recipientRole: b.recipientRole,
          respondentId: b.respondentId,
          taskId: b.taskId,
          data: b.data,
        });
        return reply.code(201).send(presentLetter(letter));
      },
    );

    r.get(
      '/api/v1/letters/:id',
      {
        config: onLetter,
        schema: {
          tags: ['letters'],
          summary: 'One letter with its findings and delivery',
          security: [{ bearer: [] }],
          params: idParams,
          response: { 200: letterSchema, ...letterErrors },
        },
      },
      async (req) => presentLetter(await s.letters.get(req.staff!, req.params.id)),
    );

    r.put(
      '/api/v1/letters/:id',
      {
        config: onLetter,
        schema: {
          tags: ['letters'],
          summary:
            'Edit the paragraphs of a letter that was not sent (re-linted; an earlier PDF is discarded)',
          security: [{ bearer: [] }],
          params: idParams,
          body: updateRequestSchema,
          response: { 200: letterSchema, ...letterErrors },
        },
      },
      async (req) =>
        presentLetter(
          await s.letters.update(
            req.staff!,
            req.params.id,
            req.body as { version: number; subject?: string; paragraphs: Paragraph[] },
          ),
        ),
    );

    r.post(
      '/api/v1/letters/:id/lint',
      {
        config: onLetter,
        schema: {
          tags: ['letters'],
          summary: 'Lint the stored letter again',
          security: [{ bearer: [] }],
          params: idParams,
          response: { 200: lintResponseSchema, ...letterErrors },
        },
      },
      async (req) => ({ findings: await s.letters.lint(req.staff!, req.params.id) }),
    );

    r.post(
      '/api/v1/letters/:id/render',
      {
        config: onLetter,
        schema: {
          tags: ['letters'],
          summary: 'Render the PDF (once per version; a retry returns the stored PDF)',
          security: [{ bearer: [] }],
          params: idParams,
          response: { 200: letterSchema, ...letterErrors },
        },
      },
      async (req) => presentLetter(await s.letters.render(req.staff!, req.params.id)),
    );

    r.get(
      '/api/v1/letters/:id/pdf',
      {
        config: onLetter,
        schema: {
          tags: ['letters'],
          summary: 'The letter as PDF',
          security: [{ bearer: [] }],
          params: idParams,
        },
      },
      async (req, reply) => {
        const file = await s.letters.pdf(req.staff!, req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(file.content);
      },
    );

    r.post(
      '/api/v1/letters/:id/send',
      {
        config: onLetter,
        schema: {
          tags: ['letters'],
          summary:
            'Send a rendered letter by e-mail with the PDF attached (refused while the linter reports errors; idempotent)',
          security: [{ bearer: [] }],
          params: idParams,
          response: { 200: letterSchema, ...letterErrors },
        },
      },
      async (req) => {
        const { letter, outboxIds } = await s.letters.send(req.staff!, req.params.id);
        s.jobs.outboxCreated(outboxIds);
        return presentLetter(letter);
      },
    );
  };
