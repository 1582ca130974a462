import type { FastifyRequest } from 'fastify';
import type { Lang } from '../errors.js';

/** Dutch first: English only when the client asks for it (?lang=en or Accept-Language preferring en). */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'nl') return q;
  const header = req.headers['accept-language'];
  if (!header) return 'nl';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const qv = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag ?? '', q: qv ? Number(qv.trim().slice(2)) : 1 };
    })
    .filter((p) => p.tag && !Number.isNaN(p.q))
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('nl')) return 'nl';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'nl';
}
