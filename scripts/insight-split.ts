// Writes fixed, seeded, deduplicated train/test splits of the shared evaluation data to a temp
// directory (never into the repository) and prints the `redress insight evaluate` commands.
// Usage: npx tsx scripts/insight-split.ts [DATA_DIR] [OUT_DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dedupeAndSplit } from '../src/insight/split.js';

const dataDir =
  process.argv[2] ??
  (fs.existsSync('/work/shared/data') ? '/work/shared/data' : path.resolve('../shared/data'));
const outDir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'redress-insight-'));

const DATASETS = [
  {
    name: 'dekamer',
    file: 'nl_dekamer_parliamentary_questions_2017.csv',
    text: 'question',
    labels: ['answer_department', 'theme_main'],
  },
  {
    name: 'cfpb',
    file: 'en_cfpb_complaints_with_narrative.csv',
    text: 'Consumer complaint narrative',
    labels: ['Product'],
  },
];

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

fs.mkdirSync(outDir, { recursive: true });
for (const d of DATASETS) {
  const rows = parse<Record<string, string>>(fs.readFileSync(path.join(dataDir, d.file), 'utf8'), {
    columns: true,
    bom: true,
  });
  const { train, test, duplicates } = dedupeAndSplit(rows, (r) => r[d.text] ?? '');
  const cols = [d.text, ...d.labels];
  const write = (file: string, part: Record<string, string>[]) =>
    fs.writeFileSync(
      file,
      [
        cols.map(csvField).join(','),
        ...part.map((r) => cols.map((c) => csvField(r[c] ?? '')).join(',')),
      ].join('\n') + '\n',
    );
  write(path.join(outDir, `${d.name}-train.csv`), train);
  write(path.join(outDir, `${d.name}-test.csv`), test);
  console.error(
    `${d.name}: ${rows.length} rows, ${duplicates} duplicate texts dropped, train ${train.length}, test ${test.length}`,
  );
  for (const label of d.labels) {
    console.log(
      `npx redress insight evaluate --train ${outDir}/${d.name}-train.csv --test ${outDir}/${d.name}-test.csv --text '${d.text}' --label ${label}`,
    );
  }
}
