#!/usr/bin/env node
// Builds the staff back office into dist/backoffice (run by `postinstall` and, when the output is
// missing or older than its sources, by `npm start`). Flags: --if-stale: skip when up to date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src/web/backoffice');
const out = path.join(root, 'dist/backoffice/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export function isStale() {
  return !fs.existsSync(out) || fs.statSync(out).mtimeMs < newest(src);
}

export async function buildBackoffice() {
  const { build } = await import('vite');
  const started = Date.now();
  await build({ configFile: path.join(src, 'vite.config.ts') });
  console.log(`back office built into dist/backoffice in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  await buildBackoffice();
}
