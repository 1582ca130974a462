// The letter corpus: letters as handlers really write them — good, bad and
// borderline; Dutch and English; Awb, Wkkgz and company — each with the findings an experienced
// complaints officer expects. The linter must find exactly those: a missing finding is a false
// negative, an extra one a false positive, and either fails the test.
//
// A corpus file is a plain-text letter after a small header:
//
//   kind: decision            (a LetterKind)
//   regime: awb               (awb, awb-advisory, wkkgz, company)
//   lang: nl                  (nl, en)
//   recipient: respondent     (optional; default complainant)
//   errors: LET-05 LET-06     (expected error findings by rule ID, repeated when found twice)
//   warnings: LET-08          (expected warnings)
//   facts: { … }              (optional: the case behind the letter, JSON; turns on the case-aware rules)
//   about: why it is in the corpus
//   ---

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGIMES, type RegimeId } from '../deadlines.js';
import type { CaseFacts } from './engine.js';
import { lintLetter } from './lint.js';
import {
  type Finding,
  LETTER_KINDS,
  type LetterKind,
  type LetterLang,
  type LetterRecipient,
} from './model.js';
import { parseLetter } from './parse.js';
import { LETTER_RULES } from './rules/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

interface CorpusLetter {
  file: string;
  kind: LetterKind;
  regime: RegimeId;
  lang: LetterLang;
  recipient: LetterRecipient | undefined;
  errors: string[];
  warnings: string[];
  facts: CaseFacts | undefined;
  about: string;
  text: string;
}

function load(file: string): CorpusLetter {
  const raw = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
  const cut = raw.indexOf('\n---\n');
  if (cut < 0) throw new Error(`${file}: no header (end it with a line "---")`);
  const header = new Map<string, string>();
  for (const line of raw.slice(0, cut).split('\n')) {
    const m = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (m) header.set(m[1]!, m[2]!.trim());
  }
  const kind = header.get('kind') as LetterKind;
  const regime = header.get('regime') as RegimeId;
  const lang = header.get('lang') as LetterLang;
  if (!LETTER_KINDS.includes(kind)) throw new Error(`${file}: unknown kind ${kind}`);
  if (!(regime in REGIMES)) throw new Error(`${file}: unknown regime ${regime}`);
  if (lang !== 'nl' && lang !== 'en') throw new Error(`${file}: unknown lang ${String(header.get('lang'))}`);
  const ids = (key: string) =>
    (header.get(key) ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .sort();
  const facts = header.get('facts');
  return {
    file,
    kind,
    regime,
    lang,
    recipient: header.get('recipient') as LetterRecipient | undefined,
    errors: ids('errors'),
    warnings: ids('warnings'),
    facts: facts ? (JSON.parse(facts) as CaseFacts) : undefined,
    about: header.get('about') ?? '',
    text: raw.slice(cut + 5),
  };
}

const CORPUS = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map(load);

function lint(c: CorpusLetter): Finding[] {
  const letter = parseLetter(c.text, { kind: c.kind, regime: c.regime, lang: c.lang });
  return lintLetter({ ...letter, recipient: c.recipient }, { facts: c.facts });
}

const bySeverity = (fs: Finding[], s: Finding['severity']) =>
  fs
    .filter((f) => f.severity === s)
    .map((f) => f.rule)
    .sort();

describe('the letter corpus is linted exactly as a complaints officer judges it', () => {
  it.each(CORPUS.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const findings = lint(c);
    const explain = findings.map((f) => `${f.severity} ${f.rule} ¶${f.paragraph}: ${f.message}`).join('\n');
    expect(
      { errors: bySeverity(findings, 'error'), warnings: bySeverity(findings, 'warning') },
      explain,
    ).toEqual({ errors: c.errors, warnings: c.warnings });
  });
});

describe('the corpus itself', () => {
  it('holds at least 40 letters: good, bad and borderline, Dutch and English, Awb, Wkkgz and company', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    const clean = CORPUS.filter((c) => c.errors.length === 0 && c.warnings.length === 0);
    const blocked = CORPUS.filter((c) => c.errors.length > 0);
    const borderline = CORPUS.filter((c) => c.errors.length === 0 && c.warnings.length > 0);
    expect(clean.length).toBeGreaterThanOrEqual(10);
    expect(blocked.length).toBeGreaterThanOrEqual(15);
    expect(borderline.length).toBeGreaterThanOrEqual(5);
    for (const lang of ['nl', 'en'] as const)
      expect(CORPUS.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(8);
    for (const regime of ['awb', 'wkkgz', 'company'] as const)
      expect(CORPUS.filter((c) => c.regime === regime).length).toBeGreaterThanOrEqual(5);
    for (const c of CORPUS) expect(c.about, c.file).not.toBe('');
  });

  it('catches every rule ID of the linter at least once, in a letter as a handler wrote it', () => {
    // AWB-05 AWB-07 AWB-08 AWB-11 AWB-13 AWB-14 AWB-23 AWB-30 AWB-50 AWB-51 AWB-71 ISO-07 LET-01 LET-02
    // LET-03 LET-04 LET-05 LET-06 LET-07 LET-08 LET-09 LET-10 NO-02 NO-03 NO-05 NO-11 NO-14 WKKGZ-01
    // WKKGZ-03 WKKGZ-04 WKKGZ-08 WKKGZ-11
    const caught = new Set(CORPUS.flatMap((c) => [...c.errors, ...c.warnings]));
    const ids = [...new Set(LETTER_RULES.map((r) => r.id))].sort();
    expect(ids.filter((id) => !caught.has(id))).toEqual([]);
  });

  it('expects only rule IDs the linter has', () => {
    const known = new Set(LETTER_RULES.map((r) => r.id));
    for (const c of CORPUS)
      for (const id of [...c.errors, ...c.warnings]) expect(known, `${c.file}: ${id}`).toContain(id);
  });
});
