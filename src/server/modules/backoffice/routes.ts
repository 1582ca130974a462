import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { AppError } from '../../errors.js';

/** Where `vite build` puts the staff back office (see src/web/backoffice/vite.config.ts). */
export const BACKOFFICE_DIST = fileURLToPath(new URL('../../../../dist/backoffice/', import.meta.url));
export const BACKOFFICE_BASE = '/app';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Everything the back office loads comes from this origin; React sets styles through the CSSOM,
// which style-src does not block, so no 'unsafe-inline' is needed.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built back office (a single-page app) under /app: hashed assets with a year's cache,
 * every other path the app's index.html, so deep links like /app/cases/<id> work on reload.
 */
export const backofficeRoutes =
  (dist: string = BACKOFFICE_DIST): FastifyPluginAsync =>
  async (app) => {
    const root = path.resolve(dist);

    const sendIndex = (reply: FastifyReply) => {
      const file = path.join(root, 'index.html');
      if (!fs.existsSync(file)) {
        throw new AppError('NOT_FOUND', {
          nl: 'De backoffice is nog niet gebouwd: voer `npm run build:web` uit.',
          en: 'The back office has not been built yet: run `npm run build:web`.',
        });
      }
      return reply
        .header('content-type', TYPES['.html']!)
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        .send(fs.readFileSync(file));
    };

    app.get(
      BACKOFFICE_BASE,
      { schema: { hide: true }, config: { access: { public: 'redirect to the back office' } } },
      async (_req, reply) => reply.redirect(`${BACKOFFICE_BASE}/`),
    );
    app.get(
      `${BACKOFFICE_BASE}/*`,
      // The page and its scripts hold no data; every API call they make is a staff route.
      {
        schema: { hide: true },
        config: { access: { public: 'the back office page and its scripts (no data)' } },
      },
      async (req, reply) => {
        const rest = (req.params as { '*': string })['*'] ?? '';
        if (rest.startsWith('assets/')) {
          const file = path.resolve(root, rest);
          if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            throw new AppError('NOT_FOUND', { nl: 'Bestand niet gevonden.', en: 'File not found.' });
          }
          return reply
            .header('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream')
            .header('cache-control', 'public, max-age=31536000, immutable')
            .header('x-content-type-options', 'nosniff')
            .send(fs.readFileSync(file));
        }
        return sendIndex(reply);
      },
    );
  };
