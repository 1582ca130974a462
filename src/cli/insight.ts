import fs from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import {
  detectLanguage,
  score,
  train,
  type Algorithm,
  type Scores,
  type TextLanguage,
  type TrainingExample,
} from '../insight/index.js';
import { UsageError } from './letters.js';

export interface EvaluateOptions {
  train: string;
  test: string;
  text: string;
  label: string;
  json?: boolean;
  lang?: string;
  algorithm?: string;
}

export interface EvaluateReport {
  train: { file: string; rows: number; skipped: number; classes: number };
  test: { file: string; rows: number; skipped: number; unseenLabels: number };
  algorithm: Algorithm;
  validation: unknown;
  accuracy: number;
  macroF1: number;
  perClass: Scores['perClass'];
  trainSeconds: number;
  msPerPrediction: number;
}

/** Reads a CSV with a header row; rows without text or label are skipped and counted. */
export function readLabelledCsv(
  file: string,
  textCol: string,
  labelCol: string,
  lang: TextLanguage | 'auto',
): { examples: TrainingExample[]; skipped: number } {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const rows = parse<Record<string, string | undefined>>(content, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const header = rows[0] ? Object.keys(rows[0]) : [];
  for (const col of [textCol, labelCol]) {
    if (rows.length && !header.includes(col))
      throw new UsageError(`${file} has no column "${col}" (columns: ${header.join(', ')})`);
  }
  const examples: TrainingExample[] = [];
  let skipped = 0;
  for (const r of rows) {
    const text = (r[textCol] ?? '').trim();
    const label = (r[labelCol] ?? '').trim();
    if (!text || !label) {
      skipped++;
      continue;
    }
    examples.push({ text, label, lang: lang === 'auto' ? detectLanguage(text) : lang });
  }
  return { examples, skipped };
}

/** `redress insight evaluate` (api.md): train on one CSV, score on another. No database. */
export function evaluate(opts: EvaluateOptions): EvaluateReport {
  const lang = (opts.lang ?? 'auto') as TextLanguage | 'auto';
  if (!['auto', 'nl', 'en'].includes(lang)) throw new UsageError('--lang must be auto, nl or en.');
  const algorithm = (opts.algorithm ?? 'auto') as Algorithm | 'auto';
  if (!['auto', 'nb', 'sgd'].includes(algorithm))
    throw new UsageError('--algorithm must be auto, nb or sgd.');
  const tr = readLabelledCsv(opts.train, opts.text, opts.label, lang);
  const te = readLabelledCsv(opts.test, opts.text, opts.label, lang);
  if (new Set(tr.examples.map((e) => e.label)).size < 2)
    throw new UsageError(`${opts.train}: at least two different labels are needed.`);
  if (te.examples.length === 0) throw new UsageError(`${opts.test}: no rows with text and label.`);

  const t0 = performance.now();
  const model = train(tr.examples, { algorithm });
  const trainSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const predicted = te.examples.map((e) => model.predict(e.text, e.lang));
  const msPerPrediction = (performance.now() - t1) / te.examples.length;
  const s = score(
    te.examples.map((e) => e.label),
    predicted,
  );
  const known = new Set(model.classes);
  return {
    train: { file: opts.train, rows: tr.examples.length, skipped: tr.skipped, classes: model.classes.length },
    test: {
      file: opts.test,
      rows: te.examples.length,
      skipped: te.skipped,
      unseenLabels: te.examples.filter((e) => !known.has(e.label)).length,
    },
    algorithm: model.model.algorithm,
    validation: model.model.validation,
    accuracy: s.accuracy,
    macroF1: s.macroF1,
    perClass: s.perClass,
    trainSeconds,
    msPerPrediction,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatReport(r: EvaluateReport): string {
  const width = Math.min(48, Math.max(5, ...r.perClass.map((c) => c.label.length)));
  return [
    `train: ${r.train.rows} rows (${r.train.skipped} skipped), ${r.train.classes} classes; test: ${r.test.rows} rows (${r.test.skipped} skipped${r.test.unseenLabels ? `, ${r.test.unseenLabels} with a label not in train` : ''})`,
    `model: ${r.algorithm}`,
    `accuracy ${pct(r.accuracy)}   macro-F1 ${pct(r.macroF1)}   train ${r.trainSeconds.toFixed(2)} s   ${r.msPerPrediction.toFixed(3)} ms/prediction`,
    '',
    `${'class'.padEnd(width)}  support  precision  recall     F1`,
    ...r.perClass.map(
      (c) =>
        `${c.label.slice(0, width).padEnd(width)}  ${String(c.support).padStart(7)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(7)}  ${pct(c.f1).padStart(7)}`,
    ),
  ].join('\n');
}

export function registerInsightCommands(program: Command): void {
  const insight = program.command('insight').description('the classifier and other insight tools');
  insight
    .command('evaluate')
    .description(
      'train the classifier on one CSV and score it on another: accuracy, macro-F1, per-class F1, train seconds, ms per prediction',
    )
    .requiredOption('--train <file>', 'CSV with a header row to learn from')
    .requiredOption('--test <file>', 'CSV with the same columns to score on')
    .requiredOption('--text <column>', 'the column with the text')
    .requiredOption('--label <column>', 'the column with the label (rows without one are skipped)')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'auto (per row), nl or en', 'auto')
    .option('--algorithm <a>', 'auto (choose by held-out macro-F1), nb or sgd', 'auto')
    .action((opts: EvaluateOptions) => {
      try {
        const report = evaluate(opts);
        console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
      } catch (err) {
        if (err instanceof UsageError) {
          console.error(`redress: ${err.message}`);
          process.exit(2);
        }
        throw err;
      }
    });
}
