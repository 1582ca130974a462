import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors.js';
import { isPublic } from './access.js';

/**
 * Mail injection and public limits: one budget per client address over ALL public routes together (the per-route
 * limits added up to ~90 official mails a minute from one address). Requests that change something
 * count against `max` a minute, reads against four times that; static files and /health do not
 * count. A fixed one-minute window per address, kept in this process.
 */
export function installPublicLimit(app: FastifyInstance, max: number, now: () => number = Date.now): void {
  const windows = new Map<string, { start: number; writes: number; reads: number }>();
  const WINDOW_MS = 60_000;

  async function publicLimit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const t = now();
    if (windows.size > 50_000) {
      for (const [k, w] of windows) if (t - w.start >= WINDOW_MS) windows.delete(k);
    }
    let w = windows.get(req.ip);
    if (!w || t - w.start >= WINDOW_MS) {
      w = { start: t, writes: 0, reads: 0 };
      windows.set(req.ip, w);
    }
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    const used = write ? ++w.writes : ++w.reads;
    if (used > (write ? max : max * 4)) {
      const seconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - t) / 1000));
      void reply.header('retry-after', String(seconds));
      throw new AppError('RATE_LIMITED', {
        nl: `Te veel verzoeken vanaf dit adres. Probeer het over ${seconds} seconden opnieuw.`,
        en: `Too many requests from this address. Try again in ${seconds} seconds.`,
      });
    }
  }

  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    if (!access || !isPublic(access)) return;
    if (route.url.startsWith('/assets/') || route.url === '/health') return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [publicLimit, ...existing];
  });
}
