import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/rules.md is the catalogue of every rule ID the code cites. These tests compare it with what
// src/, test/, bench/ and scripts/ actually cite, so the catalogue cannot drift from the code.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogueFile = path.join(root, 'docs', 'rules.md');
const scanned = ['src', 'test', 'bench', 'scripts'];
const skipDirs = new Set(['node_modules', 'dist', 'data', 'results']);
const binary = /\.(pdf|png|jpe?g|gif|webp|ico|tar|gz|zip|woff2?)$/i;
const ruleId = /\b(?:AWB|WKKGZ|NO|LET|DL|PRIV|RET|ISO|CONV|AS|UKHO|UKNHS)-\d\d\b/g;
const untestedHeading = '## Cited in code, not yet cited by any test';

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) yield* files(full);
    } else if (entry.isFile() && !binary.test(entry.name)) {
      yield full;
    }
  }
}

/** Every cited ID with the files citing it; `tests` only from test files (`*.test.ts`, `*.test.tsx`). */
function citations(): { all: Map<string, string[]>; tests: Set<string> } {
  const all = new Map<string, string[]>();
  const tests = new Set<string>();
  for (const dir of scanned) {
    for (const file of files(path.join(root, dir))) {
      const rel = path.relative(root, file);
      const isTest = /\.test\.tsx?$/.test(file);
      for (const [id] of fs.readFileSync(file, 'utf8').matchAll(ruleId)) {
        const where = all.get(id) ?? [];
        if (!where.includes(rel)) where.push(rel);
        all.set(id, where);
        if (isTest) tests.add(id);
      }
    }
  }
  return { all, tests };
}

interface Catalogue {
  lines: Map<string, { text: string; source: string }>;
  malformed: string[];
  duplicates: string[];
  untested: string[];
}

function readCatalogue(): Catalogue {
  const text = fs.readFileSync(catalogueFile, 'utf8');
  const [body = '', untestedSection = ''] = text.split(untestedHeading);
  const lines = new Map<string, { text: string; source: string }>();
  const malformed: string[] = [];
  const duplicates: string[] = [];
  for (const line of body.split('\n')) {
    if (!line.startsWith('- **')) continue;
    const m = /^- \*\*([A-Z]+-\d\d)\*\* — (.+?) · (.+)$/.exec(line);
    if (!m) {
      malformed.push(line);
      continue;
    }
    const [, id = '', rule = '', source = ''] = m;
    if (lines.has(id)) duplicates.push(id);
    lines.set(id, { text: rule.trim(), source: source.trim() });
  }
  const untested = [...untestedSection.matchAll(/^- ([A-Z]+-\d\d)\s*$/gm)].map((m) => m[1] ?? '');
  return { lines, malformed, duplicates, untested };
}

const sorted = (ids: Iterable<string>): string[] =>
  [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('docs/rules.md, the rule catalogue', () => {
  const { all, tests } = citations();
  const catalogue = readCatalogue();

  it('finds the citations it checks (the scan itself works)', () => {
    expect(all.size).toBeGreaterThan(50);
    expect(tests.size).toBeGreaterThan(50);
    expect(fs.existsSync(catalogueFile)).toBe(true);
  });

  it('has one well-formed line per ID: "- **ID** — rule · source"', () => {
    expect(catalogue.malformed, 'lines that do not read "- **ID** — rule · source"').toEqual([]);
    expect(catalogue.duplicates, 'IDs with more than one line').toEqual([]);
  });

  it('has a line for every rule ID that code, tests, benchmarks or scripts cite', () => {
    const missing = sorted([...all.keys()].filter((id) => !catalogue.lines.has(id)));
    const advice = missing.map(
      (id) =>
        `${id} is cited in ${(all.get(id) ?? []).join(', ')} but has no line in docs/rules.md. ` +
        `Add under its family's heading:\n  - **${id}** — <what the rule asks, in your own words> · <legal source, e.g. Awb 9:11 lid 2>`,
    );
    expect(advice, advice.join('\n')).toEqual([]);
  });

  it('lists no ID that nothing cites any more', () => {
    const stale = sorted([...catalogue.lines.keys()].filter((id) => !all.has(id)));
    const advice = stale.map(
      (id) =>
        `docs/rules.md has a line for ${id}, but nothing in ${scanned.join('/, ')}/ cites it: remove the line.`,
    );
    expect(advice, advice.join('\n')).toEqual([]);
  });

  it(`keeps "${untestedHeading.slice(3)}" equal to the IDs no test file cites`, () => {
    const expected = new Set([...all.keys()].filter((id) => !tests.has(id)));
    const listed = new Set(catalogue.untested);
    const advice = [
      ...sorted([...expected].filter((id) => !listed.has(id))).map(
        (id) =>
          `No *.test.ts file cites ${id} (cited in ${(all.get(id) ?? []).join(', ')}). Write a test that names it, ` +
          `or add this line under "${untestedHeading.slice(3)}" in docs/rules.md:\n  - ${id}`,
      ),
      ...sorted([...listed].filter((id) => !expected.has(id))).map((id) =>
        tests.has(id)
          ? `A test now cites ${id}: remove "- ${id}" from "${untestedHeading.slice(3)}" in docs/rules.md.`
          : `"${untestedHeading.slice(3)}" lists ${id}, which nothing cites: remove "- ${id}".`,
      ),
    ];
    expect(advice, advice.join('\n')).toEqual([]);
  });
});
