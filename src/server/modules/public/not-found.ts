import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../errors.js';
import { requestLang } from '../../http/lang.js';
import type { Services } from '../../services.js';
import { compressPage, publicAssets } from './assets.js';
import { brandingFor } from './branding.js';
import { t } from './layout.js';
import { publicSecurityHeaders } from './security.js';
import { errorPage } from './status.view.js';

// A browser that asks for an address Redress does not have gets a page, not JSON: the public layout
// (NL Design System), in the visitor's language, with the way to the complaint form. Programs (the
// API, anything that does not ask for HTML) keep the JSON error.

const API_PREFIXES = ['/api/', '/openapi', '/docs', '/health', '/app/assets/'];

/** Whether a not-found answer for this request should be a page rather than JSON. */
export function wantsPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (API_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

function pageLang(req: FastifyRequest): Lang {
  const path = req.url.split('?')[0] ?? '';
  if (path === '/complaint' || path.startsWith('/complaint/')) return 'en';
  if (path === '/klacht' || path.startsWith('/klacht/')) return 'nl';
  return requestLang(req);
}

export async function sendNotFoundPage(s: Services, req: FastifyRequest, reply: FastifyReply) {
  const lang = pageLang(req);
  const org = await s.organisation.get();
  const branding = brandingFor(org);
  const privacyUrl = org.settings.privacyUrl;
  const path = req.url.split('?')[0] ?? '/';
  const body = errorPage(
    {
      lang,
      branding,
      assets: publicAssets(),
      switchHref: `${path}?lang=${lang === 'nl' ? 'en' : 'nl'}`,
      privacyUrl: privacyUrl && /^https?:\/\/[^\s"'<>]+$/.test(privacyUrl) ? privacyUrl : undefined,
      contactPhone: org.settings.contactPhone,
    },
    t(lang, 'Pagina niet gevonden', 'Page not found'),
    t(
      lang,
      'Deze pagina bestaat niet (meer). Controleer het adres, of ga naar het klachtenformulier.',
      'This page does not exist (any more). Check the address, or go to the complaint form.',
    ),
    {
      href: lang === 'nl' ? '/klacht' : '/complaint',
      text: t(lang, 'Naar het klachtenformulier', 'To the complaint form'),
    },
  );
  const logo = branding.logoUrl;
  publicSecurityHeaders(reply, { imgOrigins: logo?.startsWith('https://') ? [new URL(logo).origin] : [] });
  void reply.code(404).headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'accept, accept-encoding',
  });
  const page = await compressPage(body, req.headers['accept-encoding']);
  if (page.encoding) void reply.header('content-encoding', page.encoding);
  return reply.send(page.body);
}
