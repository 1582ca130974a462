import type { FastifyReply } from 'fastify';

// Security headers for every public response: no inline scripts or styles (CSP), never framed, the
// secret status link never leaks through the Referer header, no content sniffing.
export function publicSecurityHeaders(
  reply: FastifyReply,
  opts: { imgOrigins?: readonly string[] } = {},
): void {
  const img = ["'self'", 'data:', ...(opts.imgOrigins ?? [])].join(' ');
  void reply.headers({
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      `img-src ${img}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
}

/** Downloads from the public: always an attachment, never rendered, never sniffed. */
export function downloadHeaders(reply: FastifyReply, disposition: string, contentType: string): void {
  void reply.headers({
    'content-type': contentType,
    'content-disposition': disposition,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
}
