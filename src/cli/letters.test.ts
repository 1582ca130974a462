import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UsageError, lintFile } from './letters.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => path.join(root, 'src/domain/letters/fixtures', name);

describe('redress letters lint (api.md)', () => {
  it('a good letter: no findings, exit code 0', () => {
    const r = lintFile(fixture('decision-awb-nl.good.txt'), { regime: 'awb', kind: 'decision' });
    expect(r).toEqual({ output: `${fixture('decision-awb-nl.good.txt')}: no findings`, exitCode: 0 });
  });

  it('--json prints {"findings":[…]} and an error finding gives exit code 1 (LET-01)', () => {
    const r = lintFile(fixture('bad-LET-01.decision-awb.txt'), {
      regime: 'awb',
      kind: 'decision',
      json: true,
    });
    expect(r.exitCode).toBe(1);
    const body = JSON.parse(r.output);
    expect(body.findings).toEqual([
      expect.objectContaining({ rule: 'LET-01', severity: 'error', paragraph: 4 }),
    ]);
    expect(Object.keys(body.findings[0]).sort()).toEqual([
      'message',
      'paragraph',
      'rule',
      'severity',
      'suggestion',
    ]);
  });

  it('warnings only: exit code 0 (LET-08)', () => {
    const r = lintFile(fixture('bad-LET-08.decision-awb.txt'), { regime: 'awb', kind: 'decision' });
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/warning LET-08/);
  });

  it('bad arguments are usage errors', () => {
    expect(() => lintFile('x', { regime: 'nope', kind: 'decision' })).toThrow(UsageError);
    expect(() => lintFile('x', { regime: 'awb', kind: 'nope' })).toThrow(UsageError);
    expect(() => lintFile('/does/not/exist.txt', { regime: 'awb', kind: 'decision' })).toThrow(/Cannot read/);
  });

  it('runs as a command without a database', async () => {
    const run = promisify(execFile);
    const bin = path.join(root, 'bin/redress.js');
    const err = await run(
      bin,
      [
        'letters',
        'lint',
        fixture('bad-AWB-08.decision-awb.txt'),
        '--regime',
        'awb',
        '--kind',
        'decision',
        '--json',
      ],
      {
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      },
    ).catch((e: { code: number; stdout: string }) => e);
    expect('code' in err ? err.code : 0).toBe(1);
    expect(JSON.parse(err.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['AWB-08']);
  });
});
