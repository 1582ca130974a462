import crypto from 'node:crypto';
import { z } from 'zod';
import type { Organisation } from '../organisation/service.js';

// The organisation's name, logo and colours on the public pages, from organisation.settings.branding:
//   { "logoUrl": "https://…/logo.svg" | "/…", "primaryColor": "#1f4e79", "linkColor": "#00568b" }
// A colour is applied only when white text on it (buttons) or it on white (links) has a WCAG contrast
// of at least 4.5:1, so a configuration cannot make the pages inaccessible.

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const brandingSchema = z.object({
  logoUrl: z
    .string()
    .max(2000)
    .refine((u) => /^https:\/\/[^\s"'<>]+$/.test(u) || /^\/[^/\s"'<>][^\s"'<>]*$/.test(u))
    .optional()
    .catch(undefined),
  primaryColor: colour.optional().catch(undefined),
  linkColor: colour.optional().catch(undefined),
});

export interface Branding {
  name: string;
  logoUrl?: string | undefined;
  primaryColor?: string | undefined;
  linkColor?: string | undefined;
  css?: { path: string; body: string } | undefined;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

function darken(hex: string, amount: number): string {
  const parts = [0, 1, 2].map((i) =>
    Math.round(parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) * (1 - amount)),
  );
  return `#${parts.map((p) => p.toString(16).padStart(2, '0')).join('')}`;
}

export function brandingFor(org: Organisation): Branding {
  const parsed = brandingSchema.safeParse((org.settings as Record<string, unknown>).branding ?? {});
  const b = parsed.success ? parsed.data : {};
  const primary =
    b.primaryColor && contrastWithWhite(b.primaryColor) >= 4.5 ? b.primaryColor.toLowerCase() : undefined;
  const link = b.linkColor && contrastWithWhite(b.linkColor) >= 4.5 ? b.linkColor.toLowerCase() : undefined;
  const lines: string[] = [];
  if (primary) {
    const hover = darken(primary, 0.2);
    lines.push(
      `--basis-color-action-1-inverse-bg-default: ${primary};`,
      `--basis-color-accent-1-inverse-bg-default: ${primary};`,
      `--basis-color-action-1-inverse-bg-hover: ${hover};`,
      `--basis-color-action-1-inverse-bg-active: ${hover};`,
      `--basis-color-accent-1-inverse-bg-hover: ${hover};`,
      `--basis-color-accent-1-inverse-bg-active: ${hover};`,
    );
  }
  if (link) {
    const hover = darken(link, 0.2);
    lines.push(
      `--basis-color-action-2-color-default: ${link};`,
      `--basis-color-action-2-color-hover: ${hover};`,
      `--basis-color-action-2-color-active: ${hover};`,
    );
  }
  const body = lines.length ? `.voorbeeld-theme {\n  ${lines.join('\n  ')}\n}\n` : undefined;
  const css = body
    ? {
        path: `/assets/brand.${crypto.createHash('sha256').update(body).digest('hex').slice(0, 12)}.css`,
        body,
      }
    : undefined;
  return { name: org.name, logoUrl: b.logoUrl, primaryColor: primary, linkColor: link, css };
}
