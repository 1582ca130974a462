import crypto from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { isConnectionFault } from '../../db/client.js';
import { z } from 'zod';
import { amsterdamDate } from '../../../domain/dates.js';
import { AppError, type Lang } from '../../errors.js';
import { requestLang } from '../../http/lang.js';
import type { Services } from '../../services.js';
import { attachmentDisposition, MAX_FILE_BYTES, MAX_FILES } from './attachments.js';
import { compressPage, negotiate, publicAssets } from './assets.js';
import { brandingFor } from './branding.js';
import { checkFiles, LIMITS, parseIntakeForm, readForm, SATISFACTION } from './form.js';
import { confirmationPage, intakeFormPage } from './intake.view.js';
import { t, type FieldError, type PageContext } from './layout.js';
import { downloadHeaders, publicSecurityHeaders } from './security.js';
import type { ResolvedLink, Satisfaction } from './service.js';
import {
  errorPage,
  linkInvalidPage,
  linkRequestPage,
  statusPage,
  type StatusPageView,
} from './status.view.js';

const today = () => amsterdamDate(new Date());

/** Dutch and English addresses of the same pages. */
const PATHS = {
  nl: { intake: '/klacht', link: '/klacht/link' },
  en: { intake: '/complaint', link: '/complaint/link' },
} as const;

const tokenParams = z.object({ token: z.string().max(200) });
const clean = (v: string | undefined) => {
  const s = (v ?? '').replace(/\r\n/g, '\n').trim();
  return s === '' ? undefined : s;
};

/**
 * The complainant's pages: file a complaint (/klacht, /complaint), the confirmation, the status page
 * behind the secret link with additions and the survey, and re-sending that link. Server-rendered
 * HTML that works without JavaScript; each route parses, calls one service method and renders.
 */
export const publicRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const assets = publicAssets();
    await app.register(formbody);
    await app.register(multipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 30, parts: 40, fieldSize: 200_000 },
      throwFileSizeLimit: false,
    });

    const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
    // Public by declaration (plugins/access.ts): the complainant reaches these without a staff login.
    const open = (why: string) => ({ access: { public: why } });
    const BEHIND_LINK = "the complainant's own case, reached only through the secret status link";
    const postLimit = limit(s.config.rateLimitPublic);
    const getLimit = limit(s.config.rateLimitPublic * 4);

    async function context(req: FastifyRequest, lang: Lang, switchHref: string): Promise<PageContext> {
      const org = await s.organisation.get();
      return {
        lang,
        branding: brandingFor(org),
        assets,
        switchHref,
        privacyUrl: safeUrl(org.settings.privacyUrl),
        contactPhone: org.settings.contactPhone,
      };
    }

    app.addHook('onRequest', async (_req, reply) => {
      const logo = brandingFor(await s.organisation.get()).logoUrl;
      publicSecurityHeaders(reply, {
        imgOrigins: logo?.startsWith('https://') ? [new URL(logo).origin] : [],
      });
    });

    app.setErrorHandler(async (error, req, reply) => {
      const lang = pageLang(req);
      const ctx = await context(req, lang, switchFor(req, lang));
      const e = error as Error & { code?: string; statusCode?: number };
      if (e instanceof AppError) {
        const heading =
          e.code === 'RATE_LIMITED'
            ? t(lang, 'Te veel pogingen', 'Too many attempts')
            : e.code === 'SURVEY_ALREADY_ANSWERED'
              ? t(lang, 'Al beantwoord', 'Already answered')
              : e.status === 404
                ? t(lang, 'Niet gevonden', 'Not found')
                : t(lang, 'Dit lukt niet', 'This did not work');
        return sendPage(
          req,
          reply,
          e.status,
          errorPage(ctx, heading, e.messageIn(lang), {
            href: PATHS[lang].intake,
            text: t(lang, 'Naar het klachtenformulier', 'To the complaint form'),
          }),
        );
      }
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
        return sendPage(
          req,
          reply,
          413,
          errorPage(
            ctx,
            t(lang, 'Te groot', 'Too large'),
            t(lang, 'Wat u verstuurde is te groot.', 'What you sent is too large.'),
          ),
        );
      }
      if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
        return sendPage(
          req,
          reply,
          400,
          errorPage(
            ctx,
            t(lang, 'Dit lukt niet', 'This did not work'),
            t(
              lang,
              'Het formulier kon niet worden gelezen. Probeer het opnieuw.',
              'The form could not be read. Please try again.',
            ),
          ),
        );
      }
      if (isConnectionFault(error)) {
        // Database faults are weather (ADR 0015): nothing was lost, the complainant can send again.
        req.log.warn({ err: error }, 'database unavailable on a public page');
        void reply.header('retry-after', '30');
        return sendPage(
          req,
          reply,
          503,
          errorPage(
            ctx,
            t(lang, 'Even niet bereikbaar', 'Briefly unavailable'),
            t(
              lang,
              'Wij kunnen uw klacht op dit moment niet verwerken. Probeer het over een paar minuten opnieuw.',
              'We cannot process your complaint right now. Please try again in a few minutes.',
            ),
          ),
        );
      }
      req.log.error({ err: error }, 'unhandled error on a public page');
      return sendPage(
        req,
        reply,
        500,
        errorPage(
          ctx,
          t(lang, 'Er ging iets mis', 'Something went wrong'),
          t(
            lang,
            'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
            'Something went wrong on our side. Please try again later.',
          ),
        ),
      );
    });

    // Assets: content-hashed names, so they can be cached for a year.
    app.get(
      '/assets/:file',
      { schema: { hide: true }, config: open('static files of the public pages') },
      async (req, reply) => {
        const path = req.url.split('?')[0]!;
        const asset = assets.byPath.get(path);
        if (asset) {
          const { body, encoding } = negotiate(asset, req.headers['accept-encoding']);
          void reply.headers({
            'content-type': asset.contentType,
            'cache-control': 'public, max-age=31536000, immutable',
            vary: 'accept-encoding',
          });
          if (encoding) void reply.header('content-encoding', encoding);
          return reply.send(body);
        }
        const brand = brandingFor(await s.organisation.get()).css;
        if (brand && path.startsWith('/assets/brand.')) {
          // The current brand stylesheet; an old name gets the current one without the long cache.
          void reply.headers({
            'content-type': 'text/css; charset=utf-8',
            'cache-control': path === brand.path ? 'public, max-age=31536000, immutable' : 'no-cache',
          });
          return reply.send(brand.body);
        }
        throw new AppError('NOT_FOUND', { nl: 'Dit bestand bestaat niet.', en: 'This file does not exist.' });
      },
    );

    // NO-01: the way to complain is easy to find: the site's root leads to the form.
    app.get(
      '/',
      { schema: { hide: true }, config: open('redirect to the complaint form') },
      async (req, reply) => reply.redirect(PATHS[requestLang(req)].intake, 302),
    );

    // ---- File a complaint -------------------------------------------------------------------------
    for (const lang of ['nl', 'en'] as const) {
      const paths = PATHS[lang];
      const other = lang === 'nl' ? PATHS.en : PATHS.nl;

      app.get(
        paths.intake,
        { schema: { hide: true }, config: open('the complaint form') },
        async (req, reply) => {
          const org = await s.organisation.get();
          const ctx = await context(req, lang, other.intake);
          return sendPage(
            req,
            reply,
            200,
            intakeFormPage(ctx, {
              action: paths.intake,
              values: {},
              errors: [],
              formId: crypto.randomBytes(18).toString('base64url'),
              filesDropped: false,
              contactWorkingDays: org.settings.contactWorkingDays ?? 5,
              statusLinkRequestHref: paths.link,
            }),
          );
        },
      );

      app.post(
        paths.intake,
        { schema: { hide: true }, config: { ...postLimit, ...open('anyone may file a complaint') } },
        async (req, reply) => {
          const form = await readForm(req);
          const result = parseIntakeForm(form, lang, today);
          const ctx = await context(req, lang, other.intake);
          if (result.honeypot) {
            // A robot filled the hidden field: register nothing, tell nothing useful.
            req.log.info('public intake rejected by honeypot');
            return sendPage(
              req,
              reply,
              400,
              errorPage(
                ctx,
                t(lang, 'Niet verstuurd', 'Not sent'),
                t(
                  lang,
                  'Uw klacht kon niet worden verstuurd. Probeer het opnieuw of bel ons.',
                  'Your complaint could not be sent. Please try again or call us.',
                ),
                { href: paths.intake, text: t(lang, 'Naar het klachtenformulier', 'To the complaint form') },
              ),
            );
          }
          if (!result.input) {
            const org = await s.organisation.get();
            return sendPage(
              req,
              reply,
              422,
              intakeFormPage(ctx, {
                action: paths.intake,
                values: result.values,
                errors: result.errors,
                formId: result.formId ?? crypto.randomBytes(18).toString('base64url'),
                filesDropped: form.uploads.length > 0,
                contactWorkingDays: org.settings.contactWorkingDays ?? 5,
                statusLinkRequestHref: paths.link,
              }),
            );
          }
          const filed = await fileOnce(s, result.input, result.files, result.formId);
          s.jobs.outboxCreated(filed.outboxIds);
          if (!filed.token) {
            // The same form sent twice: the link was shown once and is mailed, never stored readable.
            return sendPage(
              req,
              reply,
              200,
              errorPage(
                ctx,
                t(lang, 'Uw klacht is al ontvangen', 'Your complaint has already been received'),
                t(
                  lang,
                  `Wij hebben dit formulier al ontvangen (kenmerk ${filed.response.reference}). De link om uw klacht te volgen staat in de ontvangstbevestiging die wij u mailden.`,
                  `We have already received this form (reference ${filed.response.reference}). The link to follow your complaint is in the acknowledgement we e-mailed you.`,
                ),
                { href: paths.link, text: t(lang, 'Een nieuwe link aanvragen', 'Ask for a new link') },
              ),
            );
          }
          return reply
            .code(303)
            .header('location', `/status/${filed.token}/bevestiging${lang === 'en' ? '?lang=en' : ''}`)
            .send();
        },
      );

      // ---- A new status link (ISO-02) -------------------------------------------------------------
      app.get(
        paths.link,
        { schema: { hide: true }, config: open('form to ask for a new status link') },
        async (req, reply) => {
          const ctx = await context(req, lang, other.link);
          return sendPage(
            req,
            reply,
            200,
            linkRequestPage(ctx, {
              action: paths.link,
              values: {},
              errors: [],
              sent: false,
              intakeHref: paths.intake,
            }),
          );
        },
      );

      app.post(
        paths.link,
        {
          schema: { hide: true },
          config: { ...postLimit, ...open('a new status link, mailed only to the address on file') },
        },
        async (req, reply) => {
          const form = await readForm(req);
          const reference = clean(form.fields.reference);
          const email = clean(form.fields.email);
          const errors: FieldError[] = [];
          if (!reference)
            errors.push({
              field: 'f-reference',
              message: t(lang, 'Vul het kenmerk van uw klacht in.', 'Enter the reference of your complaint.'),
            });
          else if (!/^[A-Za-z]{1,5}-\d{4}-\d{1,9}$/.test(reference)) {
            errors.push({
              field: 'f-reference',
              message: t(
                lang,
                'Vul het kenmerk in zoals het in de bevestiging staat, bijvoorbeeld KL-2026-000123.',
                'Enter the reference as it appears in the confirmation, for example KL-2026-000123.',
              ),
            });
          }
          if (!email)
            errors.push({
              field: 'f-email',
              message: t(lang, 'Vul uw e-mailadres in.', 'Enter your e-mail address.'),
            });
          else if (!z.email().max(254).safeParse(email).success) {
            errors.push({
              field: 'f-email',
              message: t(
                lang,
                'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
                'Enter a valid e-mail address, like name@example.com.',
              ),
            });
          }
          const ctx = await context(req, lang, other.link);
          if (errors.length) {
            return sendPage(
              req,
              reply,
              422,
              linkRequestPage(ctx, {
                action: paths.link,
                values: { reference, email },
                errors,
                sent: false,
                intakeHref: paths.intake,
              }),
            );
          }
          const outboxIds = await s.publicCases.requestNewLink(reference!, email!);
          s.jobs.outboxCreated(outboxIds);
          return sendPage(
            req,
            reply,
            200,
            linkRequestPage(ctx, {
              action: paths.link,
              values: {},
              errors: [],
              sent: true,
              intakeHref: paths.intake,
            }),
          );
        },
      );
    }

    // ---- Behind the secret status link ------------------------------------------------------------
    /** Resolves the link or answers the "link does not work" page (404) and returns undefined. */
    async function withLink(
      req: FastifyRequest,
      reply: FastifyReply,
    ): Promise<{ link: ResolvedLink; lang: Lang; base: string; query: string } | undefined> {
      const { token } = tokenParams.parse(req.params);
      const link = await s.publicCases.resolve(token);
      if (!link) {
        const lang = pageLang(req);
        const ctx = await context(req, lang, switchFor(req, lang));
        await sendPage(req, reply, 404, linkInvalidPage(ctx, PATHS[lang].link));
        return undefined;
      }
      const q = (req.query as Record<string, unknown>).lang;
      const lang: Lang = q === 'en' || q === 'nl' ? q : link.row.language === 'en' ? 'en' : 'nl';
      return { link, lang, base: `/status/${token}`, query: lang === 'en' ? '?lang=en' : '' };
    }

    async function renderStatus(
      req: FastifyRequest,
      reply: FastifyReply,
      code: number,
      l: NonNullable<Awaited<ReturnType<typeof withLink>>>,
      extra: Partial<StatusPageView>,
    ) {
      const view = await s.publicCases.statusView(l.link, l.lang);
      const other: Lang = l.lang === 'nl' ? 'en' : 'nl';
      const ctx = await context(req, l.lang, `${l.base}?lang=${other}`);
      return sendPage(
        req,
        reply,
        code,
        statusPage(ctx, {
          view,
          base: l.base,
          query: l.query,
          errors: [],
          values: {},
          filesDropped: false,
          ...extra,
        }),
      );
    }

    app.get(
      '/status/:token',
      { schema: { hide: true }, config: { ...getLimit, ...open(BEHIND_LINK) } },
      async (req, reply) => {
        const l = await withLink(req, reply);
        if (!l) return reply;
        const notice = (req.query as Record<string, unknown>).bericht;
        return renderStatus(req, reply, 200, l, {
          notice:
            notice === 'informatie'
              ? 'information-added'
              : notice === 'tevredenheid'
                ? 'survey-answered'
                : undefined,
        });
      },
    );

    app.get(
      '/status/:token/bevestiging',
      { schema: { hide: true }, config: { ...getLimit, ...open(BEHIND_LINK) } },
      async (req, reply) => {
        const l = await withLink(req, reply);
        if (!l) return reply;
        const org = await s.organisation.get();
        const other: Lang = l.lang === 'nl' ? 'en' : 'nl';
        const ctx = await context(req, l.lang, `${l.base}/bevestiging?lang=${other}`);
        const row = l.link.row;
        return sendPage(
          req,
          reply,
          200,
          confirmationPage(ctx, {
            reference: row.reference,
            receiptDate: row.receipt_date,
            decisionDue: row.decision_due,
            statusHref: `${l.base}${l.query}`,
            statusUrl: `${s.config.publicUrl}${l.base}`,
            emailed: Boolean(row.complainant_email),
            contactWorkingDays: org.settings.contactWorkingDays ?? 5,
            advisoryCommittee: row.regime === 'awb-advisory',
          }),
        );
      },
    );

    app.post(
      '/status/:token/informatie',
      { schema: { hide: true }, config: { ...postLimit, ...open(BEHIND_LINK) } },
      async (req, reply) => {
        const l = await withLink(req, reply);
        if (!l) return reply;
        const form = await readForm(req);
        const message = clean(form.fields.message);
        const files = checkFiles(form, l.lang);
        const errors: FieldError[] = [];
        if (message && message.length > LIMITS.message)
          errors.push({
            field: 'f-message',
            message: t(
              l.lang,
              `Gebruik hoogstens ${LIMITS.message} tekens.`,
              `Use at most ${LIMITS.message} characters.`,
            ),
          });
        if (files.error) errors.push({ field: 'f-attachments', message: files.error });
        if (!errors.length && !message && files.files.length === 0) {
          errors.push({
            field: 'f-message',
            message: t(
              l.lang,
              'Typ uw aanvulling of kies een bestand.',
              'Type your addition or choose a file.',
            ),
          });
        }
        if (errors.length)
          return renderStatus(req, reply, 422, l, {
            errors,
            values: { message },
            filesDropped: form.uploads.length > 0,
          });
        await s.publicCases.addInformation(l.link, message, files.files);
        return reply
          .code(303)
          .header('location', `${l.base}?${l.query ? 'lang=en&' : ''}bericht=informatie`)
          .send();
      },
    );

    app.post(
      '/status/:token/tevredenheid',
      { schema: { hide: true }, config: { ...postLimit, ...open(BEHIND_LINK) } },
      async (req, reply) => {
        const l = await withLink(req, reply);
        if (!l) return reply;
        const form = await readForm(req);
        const outcome = clean(form.fields.outcome);
        const handling = clean(form.fields.handling);
        const comment = clean(form.fields.comment);
        const isAnswer = (v: string | undefined): v is Satisfaction =>
          (SATISFACTION as readonly string[]).includes(v ?? '');
        const errors: FieldError[] = [];
        if (!isAnswer(outcome))
          errors.push({
            field: 'f-outcome',
            message: t(
              l.lang,
              'Kies of u tevreden bent met de uitkomst.',
              'Choose whether you are satisfied with the outcome.',
            ),
          });
        if (!isAnswer(handling))
          errors.push({
            field: 'f-handling',
            message: t(
              l.lang,
              'Kies of u tevreden bent met de behandeling.',
              'Choose whether you are satisfied with the handling.',
            ),
          });
        if (comment && comment.length > LIMITS.comment)
          errors.push({
            field: 'f-comment',
            message: t(
              l.lang,
              `Gebruik hoogstens ${LIMITS.comment} tekens.`,
              `Use at most ${LIMITS.comment} characters.`,
            ),
          });
        if (errors.length || !isAnswer(outcome) || !isAnswer(handling)) {
          return renderStatus(req, reply, 422, l, { errors, values: { outcome, handling, comment } });
        }
        await s.publicCases.answerSurvey(l.link, { outcome, handling, comment });
        return reply
          .code(303)
          .header('location', `${l.base}?${l.query ? 'lang=en&' : ''}bericht=tevredenheid`)
          .send();
      },
    );

    app.get(
      '/status/:token/bijlagen/:id',
      { schema: { hide: true }, config: { ...getLimit, ...open(BEHIND_LINK) } },
      async (req, reply) => {
        const l = await withLink(req, reply);
        if (!l) return reply;
        const file = await s.publicCases.attachment(
          l.link,
          String((req.params as Record<string, unknown>).id),
        );
        if (!file)
          throw new AppError('NOT_FOUND', {
            nl: 'Dit document bestaat niet.',
            en: 'This document does not exist.',
          });
        downloadHeaders(reply, attachmentDisposition(file.filename), file.content_type);
        return reply.send(file.content);
      },
    );

    // The decision letter, from the letters module (see ./letters.ts).
    app.get(
      '/status/:token/besluit/:id',
      { schema: { hide: true }, config: { ...getLimit, ...open(BEHIND_LINK) } },
      async (req, reply) => {
        const l = await withLink(req, reply);
        if (!l) return reply;
        const letter = await s.publicCases.decisionLetter(
          l.link,
          String((req.params as Record<string, unknown>).id),
        );
        if (!letter)
          throw new AppError('NOT_FOUND', {
            nl: 'Deze brief bestaat niet.',
            en: 'This letter does not exist.',
          });
        downloadHeaders(reply, attachmentDisposition(letter.filename), letter.contentType);
        return reply.send(letter.content);
      },
    );
  };

/** A double submission (same form, same answers) files one complaint; a changed resubmission files a new one. */
async function fileOnce(
  s: Services,
  input: Parameters<Services['publicCases']['fileComplaint']>[0],
  files: Parameters<Services['publicCases']['fileComplaint']>[1],
  formId: string | undefined,
) {
  try {
    return await s.publicCases.fileComplaint(input, files, formId ? `form:${formId}` : undefined);
  } catch (err) {
    if (err instanceof AppError && err.code === 'IDEMPOTENCY_KEY_REUSED')
      return s.publicCases.fileComplaint(input, files, undefined);
    throw err;
  }
}

function pageLang(req: FastifyRequest): Lang {
  const path = req.url.split('?')[0] ?? '';
  if (path === '/complaint' || path.startsWith('/complaint/')) return 'en';
  if (path === '/klacht' || path.startsWith('/klacht/')) return 'nl';
  return requestLang(req);
}

function switchFor(req: FastifyRequest, lang: Lang): string {
  const path = req.url.split('?')[0] ?? '/';
  if (path.startsWith('/complaint')) return path.replace('/complaint', '/klacht');
  if (path.startsWith('/klacht')) return path.replace('/klacht', '/complaint');
  return `${path}?lang=${lang === 'nl' ? 'en' : 'nl'}`;
}

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/.test(url) ? url : undefined;
}

/** HTML, compressed when the browser accepts it; never cached (status pages are personal). */
async function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  code: number,
  body: string,
): Promise<FastifyReply> {
  void reply.code(code).headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'accept-encoding',
  });
  const page = await compressPage(body, req.headers['accept-encoding']);
  if (page.encoding) void reply.header('content-encoding', page.encoding);
  return reply.send(page.body);
}
