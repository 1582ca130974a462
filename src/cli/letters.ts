import fs from 'node:fs';
import type { Command } from 'commander';
import { REGIME_IDS, isRegimeId } from '../domain/deadlines.js';
import { lintLetter } from '../domain/letters/lint.js';
import { LETTER_KINDS, hasErrors, isLetterKind } from '../domain/letters/model.js';
import { parseLetter } from '../domain/letters/parse.js';

/** Thrown for bad arguments: the CLI prints the message and exits with 2. */
export class UsageError extends Error {}

export interface LintCliOptions {
  regime: string;
  kind: string;
  json?: boolean;
  lang?: string;
}

/**
 * `redress letters lint FILE --regime R --kind K [--json]` (api.md). Pure: no database. Returns the
 * output and the exit code (1 when there is an error-level finding).
 */
export function lintFile(
  file: string,
  opts: LintCliOptions,
  readFile: (f: string) => string = (f) => fs.readFileSync(f, 'utf8'),
): { output: string; exitCode: number } {
  if (!isRegimeId(opts.regime))
    throw new UsageError(`Unknown regime "${opts.regime}"; use one of ${REGIME_IDS.join(', ')}.`);
  if (!isLetterKind(opts.kind))
    throw new UsageError(`Unknown kind "${opts.kind}"; use one of ${LETTER_KINDS.join(', ')}.`);
  if (opts.lang !== undefined && opts.lang !== 'nl' && opts.lang !== 'en')
    throw new UsageError('--lang must be nl or en.');
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const letter = parseLetter(text, { kind: opts.kind, regime: opts.regime });
  const findings = lintLetter(letter, { messageLang: opts.lang ?? letter.lang });
  const exitCode = hasErrors(findings) ? 1 : 0;
  if (opts.json) return { output: JSON.stringify({ findings }, null, 2), exitCode };
  if (findings.length === 0) return { output: `${file}: no findings`, exitCode };
  const lines = findings.map(
    (f) => `${file}:${f.paragraph ?? '-'}: ${f.severity} ${f.rule}: ${f.message}\n    → ${f.suggestion}`,
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push(`${errors} error(s), ${findings.length - errors} warning(s)`);
  return { output: lines.join('\n'), exitCode };
}

export function registerLetterCommands(program: Command): void {
  program
    .command('letters')
    .description('letters: lint a letter')
    .command('lint')
    .argument('<file>', 'a plain-text letter; paragraphs separated by blank lines')
    .requiredOption('--regime <regime>', REGIME_IDS.join(', '))
    .requiredOption('--kind <kind>', LETTER_KINDS.join(', '))
    .option('--json', 'print {"findings":[…]}')
    .option('--lang <lang>', 'language of the messages (nl or en; default: the letter’s)')
    .action((file: string, opts: LintCliOptions) => {
      try {
        const { output, exitCode } = lintFile(file, opts);
        console.log(output);
        process.exitCode = exitCode;
      } catch (err) {
        if (err instanceof UsageError) {
          console.error(`redress: ${err.message}`);
          process.exit(2);
        }
        throw err;
      }
    });
}
