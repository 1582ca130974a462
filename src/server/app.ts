import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyCookie from '@fastify/cookie';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';
import { isConnectionFault } from './db/client.js';
import { requestLang } from './http/lang.js';
import { RequestValidationError, fieldErrors, zodValidatorCompiler } from './http/validation.js';
import type { Services } from './services.js';
import { caseRoutes } from './modules/cases/routes.js';
import { letterRoutes } from './modules/letters/routes.js';
import { deadlineRoutes } from './modules/deadlines/routes.js';
import { systemRoutes } from './modules/system/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { tokenRoutes } from './modules/tokens/routes.js';
import { organisationRoutes } from './modules/organisation/routes.js';
import { caseActionRoutes } from './modules/cases/actions.routes.js';
import { publicRoutes } from './modules/public/routes.js';
import { sendNotFoundPage, wantsPage } from './modules/public/not-found.js';
import { backofficeRoutes } from './modules/backoffice/routes.js';
import { labelRoutes } from './modules/backoffice/labels.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { insightRoutes } from './modules/insight/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { installRouteAccess, type RouteAccess } from './plugins/access.js';

export interface AppOptions {
  logger?: boolean | { level: string };
}

export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? {
      level: services.config.logLevel,
      // Never log personal data or the secret in status links: method and path only.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      },
    },
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: services.config.trustProxy,
    // A body trickled byte by byte, or an idle connection, cannot hold the server open.
    requestTimeout: services.config.requestTimeoutMs,
    connectionTimeout: services.config.connectionTimeoutMs,
    keepAliveTimeout: services.config.keepAliveTimeoutMs,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, req, reply) => {
    const lang = requestLang(req);
    if (error instanceof AppError) return reply.code(error.status).send(error.toBody(lang));
    if (error instanceof RequestValidationError) {
      const prefix = error.validationContext === 'body' || !error.validationContext ? '' : '';
      const body = new AppError(
        'VALIDATION_FAILED',
        {
          nl: 'De invoer is niet geldig. Verbeter de genoemde velden.',
          en: 'The input is not valid. Correct the fields listed.',
        },
        fieldErrors(error.issues, lang, prefix),
      ).toBody(lang);
      return reply.code(422).send(body);
    }
    const fe = error;
    const mapped = mapFastifyError(fe, lang);
    if (mapped) return reply.code(mapped.status).send(mapped.toBody(lang));
    req.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(
      new AppError('INTERNAL', {
        nl: 'Er ging iets mis aan onze kant.',
        en: 'Something went wrong on our side.',
      }).toBody(lang),
    );
  });

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const query = req.url.slice(path.length);
    // /klacht/ and /complaint/ (a trailing slash typed or pasted) lead to the page itself.
    if (path.length > 1 && path.endsWith('/') && !path.startsWith('//')) {
      const bare = path.replace(/\/+$/, '');
      if (bare && app.hasRoute({ method: req.method === 'HEAD' ? 'GET' : req.method, url: bare }))
        return reply.redirect(`${bare}${query}`, 308);
    }
    if (wantsPage(req)) return sendNotFoundPage(services, req, reply);
    const lang = requestLang(req);
    return reply.code(404).send(
      new AppError('NOT_FOUND', {
        nl: `Onbekende route: ${req.method} ${req.url.split('?')[0]}`,
        en: `Unknown route: ${req.method} ${req.url.split('?')[0]}`,
      }).toBody(lang),
    );
  });

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (req, ctx) => {
      const err = new AppError('RATE_LIMITED', {
        nl: `Te veel verzoeken. Probeer het over ${Math.ceil(ctx.ttl / 1000)} seconden opnieuw.`,
        en: `Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`,
      });
      return Object.assign(err, { statusCode: 429 });
    },
  });

  await app.register(fastifyCookie);
  // Every route declares its access (config.access); the guard runs before parsing and validation.
  const docs = services.config.apiDocs;
  const docsAccess: RouteAccess =
    docs === 'public' ? { public: 'API documentation (API_DOCS=public)' } : { roles: 'any', scope: 'none' };
  installRouteAccess(app, {
    db: services.database.db,
    users: services.users,
    caseAccess: services.caseAccess,
    thirdParty: (url) => (url === '/docs' || url.startsWith('/docs/') ? docsAccess : undefined),
  });
  app.addHook('onSend', async (req, reply, payload) => {
    // API answers carry personal data: never stored by a browser or proxy, never sniffed.
    if (req.url.startsWith('/api/')) {
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
      void reply.header('x-content-type-options', 'nosniff');
    }
    if (services.config.https)
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Redress API',
        version: '1.0.0',
        description:
          'Klachtbehandeling volgens Awb titel 9.1, Wkkgz en de vuistregels van de Nationale ombudsman.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  // The documentation page gets a strict CSP (staticCSP); in production it is for staff or off.
  if (docs !== 'off') await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  // The back office builds its action forms from this document, so staff always reach it.
  app.get(
    '/openapi.json',
    {
      schema: { hide: true },
      config: { access: docs === 'public' ? docsAccess : { roles: 'any', scope: 'none' } },
    },
    async () => app.swagger(),
  );

  await app.register(systemRoutes(services));
  await app.register(authRoutes(services));
  await app.register(tokenRoutes(services));
  await app.register(deadlineRoutes(services));
  await app.register(caseRoutes(services));
  await app.register(letterRoutes(services));
  await app.register(organisationRoutes(services));
  await app.register(caseActionRoutes(services));
  // The complainant's HTML pages (/klacht, /complaint, /status/…): own error pages and headers.
  await app.register(publicRoutes(services));
  // The staff back office (React, built into dist/backoffice) under /app, and its small APIs.
  await app.register(labelRoutes(services));
  await app.register(dashboardRoutes(services));
  await app.register(insightRoutes(services));
  await app.register(reportRoutes(services));
  await app.register(backofficeRoutes());
  return app;
}

export function redactUrl(url: string): string {
  return url.replace(/\/status\/[^/?#]+/, '/status/…').replace(/\?.*$/, '');
}

function mapFastifyError(err: FastifyError, lang: 'nl' | 'en'): AppError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(
        'MALFORMED_REQUEST',
        { nl: 'De JSON in het verzoek is ongeldig.', en: 'The request body is not valid JSON.' },
        [{ path: '(body)', message: lang === 'nl' ? 'Geen geldige JSON.' : 'Not valid JSON.' }],
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', {
        nl: 'Het verzoek is te groot (maximaal 2 MB).',
        en: 'The request is too large (2 MB at most).',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        nl: 'Stuur JSON (Content-Type: application/json).',
        en: 'Send JSON (Content-Type: application/json).',
      });
  }
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError('MALFORMED_REQUEST', err.message);
  }
  const pgCode = (err as unknown as { code?: string }).code;
  // Defence in depth: text the database cannot store is the client's error, not ours.
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001') {
    return new AppError(
      'MALFORMED_REQUEST',
      {
        nl: 'De invoer bevat tekens of lengtes die niet kunnen worden opgeslagen.',
        en: 'The input contains characters or lengths that cannot be stored.',
      },
      [{ path: '(body)', message: lang === 'nl' ? 'Ongeldige tekens.' : 'Invalid characters.' }],
    );
  }
  // Database faults are weather (ADR 0015): the client may try again shortly.
  if (isConnectionFault(err)) {
    return new AppError('DATABASE_UNAVAILABLE', {
      nl: 'De database is niet bereikbaar.',
      en: 'The database is unreachable.',
    });
  }
  return undefined;
}
