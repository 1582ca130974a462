import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

/** The encodings an Accept-Encoding header allows (those with q=0 are refused). */
function acceptedEncodings(acceptEncoding: string | undefined): string[] {
  return (acceptEncoding ?? '')
    .split(',')
    .map((s) => s.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase());
}

/** brotli, then gzip, then none, by the client's Accept-Encoding. */
export function negotiate(
  asset: Asset,
  acceptEncoding: string | undefined,
): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const accepted = acceptedEncodings(acceptEncoding);
  if (accepted.includes('br')) return { body: asset.brotli, encoding: 'br' };
  if (accepted.includes('gzip')) return { body: asset.gzip, encoding: 'gzip' };
  return { body: asset.identity };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * A rendered page, compressed for this client. Pages are personal (status pages) and rendered per
 * request, so they cannot be compressed once like the assets; the compression runs on libuv's thread
 * pool instead of blocking the event loop for every response.
 */
export async function compressPage(
  html: string,
  acceptEncoding: string | undefined,
): Promise<{ body: Buffer; encoding?: 'br' | 'gzip' }> {
  const body = Buffer.from(html, 'utf8');
  const accepted = acceptedEncodings(acceptEncoding);
  if (accepted.includes('br')) {
    return {
      body: await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
      encoding: 'br',
    };
  }
  if (accepted.includes('gzip')) return { body: await gzip(body), encoding: 'gzip' };
  return { body };
}
