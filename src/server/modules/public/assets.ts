import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// The public pages' CSS and JS: read once at start, bundled, content-hashed and compressed, then
// served with a year's cache. NL Design System: @utrecht/component-library-css (html.css styles plain
// semantic HTML) with the openly licensed voorbeeld theme (EUPL-1.2, class `voorbeeld-theme`).

export interface Asset {
  path: string;
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

const require = createRequire(import.meta.url);
const read = (file: string) => fs.readFileSync(file, 'utf8');

/**
 * Keeps only the theme's custom properties that the given CSS uses, directly or through other
 * properties: the voorbeeld theme defines tokens for every component library (about 2,800), the
 * plain-HTML stylesheet needs a few hundred.
 */
export function pruneTheme(themeCss: string, usedBy: string): string {
  const decl = /^\s*(--[\w-]+)\s*:\s*(.*?);(?:\s*\/\*.*\*\/)?\s*$/gm;
  const defs = new Map<string, string>();
  for (const m of themeCss.matchAll(decl)) defs.set(m[1]!, m[2]!);
  const refs = (text: string) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!);
  const keep = new Set<string>();
  const queue = refs(usedBy);
  while (queue.length) {
    const name = queue.pop()!;
    if (keep.has(name) || !defs.has(name)) continue;
    keep.add(name);
    queue.push(...refs(defs.get(name)!));
  }
  const body = [...defs].filter(([name]) => keep.has(name)).map(([name, value]) => `  ${name}: ${value};`);
  return `.voorbeeld-theme {\n${body.join('\n')}\n}\n`;
}

function build(name: string, ext: 'css' | 'js', content: string): Asset {
  const identity = Buffer.from(content, 'utf8');
  const hash = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 12);
  return {
    path: `/assets/${name}.${hash}.${ext}`,
    contentType: ext === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    identity,
    gzip: zlib.gzipSync(identity, { level: 9 }),
    brotli: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

export interface PublicAssets {
  css: Asset;
  js: Asset;
  byPath: Map<string, Asset>;
}

let cached: PublicAssets | undefined;

export function publicAssets(): PublicAssets {
  if (cached) return cached;
  const htmlCss = read(require.resolve('@utrecht/component-library-css/dist/html.css'));
  const themeCss = read(require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'));
  const ownCss = read(fileURLToPath(new URL('./assets/public.css', import.meta.url)));
  const theme = pruneTheme(themeCss, htmlCss + ownCss);
  const licence =
    '/* NL Design System: @utrecht/component-library-css 9.0.4 (EUPL-1.2) and ' +
    '@nl-design-system-unstable/voorbeeld-design-tokens 7.4.1 (EUPL-1.2) */\n';
  const css = build('public', 'css', licence + theme + htmlCss + ownCss);
  const js = build('public', 'js', read(fileURLToPath(new URL('./assets/public.js', import.meta.url))));
  cached = { css, js, byPath: new Map([css, js].map((a) => [a.path, a])) };
  return cached;
}

/** brotli, then gzip, then none, by the client's Accept-Encoding. */
export function negotiate(
  asset: Asset,
  acceptEncoding: string | undefined,
): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((s) => s.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return { body: asset.brotli, encoding: 'br' };
  if (accepted.includes('gzip')) return { body: asset.gzip, encoding: 'gzip' };
  return { body: asset.identity };
}

export function compress(content: string): Omit<Asset, 'path' | 'contentType'> {
  const identity = Buffer.from(content, 'utf8');
  return { identity, gzip: zlib.gzipSync(identity), brotli: zlib.brotliCompressSync(identity) };
}
