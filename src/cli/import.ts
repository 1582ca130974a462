import fs from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { detectLanguage } from '../insight/text.js';
import { AppError } from '../server/errors.js';
import type { Services } from '../server/services.js';
import {
  IMPORT_CHANNELS,
  type ImportCase,
  type ImportOutcome,
} from '../server/modules/insight/history-import.js';

export interface ColumnMap {
  reference: string;
  received: string;
  description: string;
  category?: string;
  outcome?: string;
  closed?: string;
  channel?: string;
}

export interface RowError {
  line: number;
  column: string;
  message: string;
}

// Values seen in Dutch and English registers, lower-case.
const OUTCOMES: Record<string, ImportOutcome> = {
  upheld: 'upheld',
  gegrond: 'upheld',
  partly_upheld: 'partly_upheld',
  'partly upheld': 'partly_upheld',
  'deels gegrond': 'partly_upheld',
  'gedeeltelijk gegrond': 'partly_upheld',
  not_upheld: 'not_upheld',
  'not upheld': 'not_upheld',
  ongegrond: 'not_upheld',
  informally_resolved: 'informally_resolved',
  'informally resolved': 'informally_resolved',
  informeel: 'informally_resolved',
  'informeel afgehandeld': 'informally_resolved',
  opgelost: 'informally_resolved',
  declined: 'declined',
  'niet in behandeling': 'declined',
  'niet-ontvankelijk': 'declined',
  'niet ontvankelijk': 'declined',
  forwarded: 'forwarded',
  doorgezonden: 'forwarded',
  doorgestuurd: 'forwarded',
  withdrawn: 'withdrawn',
  ingetrokken: 'withdrawn',
};
const CHANNELS: Record<string, (typeof IMPORT_CHANNELS)[number]> = {
  web: 'web',
  website: 'web',
  webformulier: 'web',
  formulier: 'web',
  internet: 'web',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  phone: 'phone',
  telefoon: 'phone',
  telefonisch: 'phone',
  letter: 'letter',
  brief: 'letter',
  post: 'letter',
  counter: 'counter',
  balie: 'counter',
  loket: 'counter',
};

/** YYYY-MM-DD, an ISO date-time, or DD-MM-YYYY / DD/MM/YYYY / DD.MM.YYYY (Dutch order). */
export function parseDate(value: string): string | undefined {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

const COLUMN_FLAGS = [
  'reference',
  'received',
  'description',
  'category',
  'outcome',
  'closed',
  'channel',
] as const;

/** Reads and checks a register; every problem is reported with its line number in the file. */
export function parseRegister(
  content: string,
  cols: ColumnMap,
  opts: { defaultChannel: string; today: string },
): { cases: ImportCase[]; errors: RowError[] } {
  const records = parse<{ record: Record<string, string | undefined>; info: { lines: number } }>(content, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  const errors: RowError[] = [];
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const flag of COLUMN_FLAGS) {
    const col = cols[flag];
    if (col !== undefined && records.length && !header.includes(col))
      errors.push({
        line: 1,
        column: col,
        message: `--${flag}: no column "${col}" (columns: ${header.join(', ')})`,
      });
  }
  if (errors.length) return { cases: [], errors };
  const cases: ImportCase[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const get = (c: string | undefined) => (c === undefined ? '' : (record[c] ?? '').trim());
    const fail = (column: string, message: string) => errors.push({ line, column, message });
    const before = errors.length;
    const reference = get(cols.reference);
    if (!reference) fail(cols.reference, 'reference is empty');
    else if (seen.has(reference))
      fail(cols.reference, `reference ${reference} also on line ${seen.get(reference)}`);
    else seen.set(reference, line);
    const receiptDate = parseDate(get(cols.received));
    if (!receiptDate) fail(cols.received, `"${get(cols.received)}" is not a date (YYYY-MM-DD or DD-MM-YYYY)`);
    else if (receiptDate > opts.today) fail(cols.received, `${receiptDate} is in the future`);
    const description = get(cols.description);
    if (!description) fail(cols.description, 'description is empty');
    const rawOutcome = get(cols.outcome).toLowerCase();
    const outcome = rawOutcome ? OUTCOMES[rawOutcome] : null;
    if (outcome === undefined)
      fail(
        cols.outcome!,
        `unknown outcome "${get(cols.outcome)}" (e.g. gegrond, deels gegrond, ongegrond, informeel afgehandeld, niet in behandeling, ingetrokken, doorgezonden)`,
      );
    const rawClosed = get(cols.closed);
    const closedOn = rawClosed ? parseDate(rawClosed) : null;
    if (closedOn === undefined) fail(cols.closed!, `"${rawClosed}" is not a date`);
    else if (closedOn && receiptDate && closedOn < receiptDate)
      fail(cols.closed!, `closed ${closedOn} before received ${receiptDate}`);
    const rawChannel = (get(cols.channel) || opts.defaultChannel).toLowerCase();
    const channel = CHANNELS[rawChannel];
    if (!channel)
      fail(
        cols.channel ?? '--default-channel',
        `unknown channel "${rawChannel}" (web, e-mail, telefoon, brief, balie)`,
      );
    if (errors.length > before) continue;
    cases.push({
      line,
      reference,
      receiptDate: receiptDate!,
      description,
      category: get(cols.category) || null,
      outcome: outcome ?? null,
      closedOn: closedOn ?? null,
      channel: channel!,
      language: detectLanguage(description),
    });
  }
  return { cases, errors };
}

export interface ImportOptions extends ColumnMap {
  dryRun?: boolean;
  createCategories?: boolean;
  defaultChannel: string;
}

export interface ImportReport {
  rows: number;
  imported: number;
  alreadyPresent: number;
  categoriesCreated: string[];
  errors: RowError[];
  dryRun: boolean;
}

/**
 * Checks the whole file first; with any error nothing is written (fix the file and run again).
 * A reference already in Redress is skipped, so a second run adds nothing.
 */
export async function importCases(
  s: Services,
  content: string,
  opts: ImportOptions,
  today: string,
): Promise<ImportReport> {
  const { cases, errors } = parseRegister(content, opts, { defaultChannel: opts.defaultChannel, today });
  const history = s.historyImport;
  const known = await history.categories();
  const missing = [
    ...new Set(
      cases.filter((c) => c.category && !known.has(c.category.toLowerCase())).map((c) => c.category!),
    ),
  ];
  if (missing.length && !opts.createCategories) {
    for (const c of cases.filter((x) => x.category && missing.includes(x.category))) {
      errors.push({
        line: c.line,
        column: opts.category!,
        message: `unknown category "${c.category}" (create it first, or pass --create-categories)`,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  const existing = await history.existingReferences(cases.map((c) => c.reference));
  const rows = cases.length + new Set(errors.map((e) => e.line)).size;
  if (errors.length || opts.dryRun) {
    return {
      rows,
      imported: errors.length ? 0 : cases.filter((c) => !existing.has(c.reference)).length,
      alreadyPresent: cases.filter((c) => existing.has(c.reference)).length,
      categoriesCreated: errors.length ? [] : missing,
      errors,
      dryRun: Boolean(opts.dryRun),
    };
  }
  const result = await history.write(cases, { createCategories: Boolean(opts.createCategories) });
  return {
    rows,
    imported: result.imported.length,
    alreadyPresent: result.existing.length,
    categoriesCreated: result.categoriesCreated,
    errors: [],
    dryRun: false,
  };
}

export function formatImport(file: string, r: ImportReport): string {
  const lines = r.errors.map((e) => `${file}:${e.line}: ${e.column}: ${e.message}`);
  const verb = r.dryRun && !r.errors.length ? 'would import' : 'imported';
  lines.push(
    r.errors.length
      ? `${r.errors.length} error(s) in ${new Set(r.errors.map((e) => e.line)).size} row(s); nothing imported.`
      : `${r.rows} rows: ${verb} ${r.imported}, already present ${r.alreadyPresent}${r.categoriesCreated.length ? `, new categories: ${r.categoriesCreated.join(', ')}` : ''}.`,
  );
  return lines.join('\n');
}

export function registerImportCommands(
  program: Command,
  withServices: <T>(fn: (s: Services) => Promise<T>) => Promise<T>,
  today: () => string,
): void {
  program
    .command('import')
    .description('import data')
    .command('cases')
    .description(
      'import a historical complaint register (CSV with a header row; columns mapped by flags); idempotent on the reference',
    )
    .argument('<file>', 'CSV file')
    .requiredOption(
      '--reference <col>',
      'column with the case reference (unique; a reference already present is skipped)',
    )
    .requiredOption('--received <col>', 'column with the date of receipt (YYYY-MM-DD or DD-MM-YYYY)')
    .requiredOption('--description <col>', 'column with the complaint text')
    .option('--category <col>', 'column with the category name')
    .option(
      '--outcome <col>',
      'column with the outcome (gegrond, deels gegrond, ongegrond, informeel afgehandeld, niet in behandeling, ingetrokken, doorgezonden)',
    )
    .option('--closed <col>', 'column with the closing date')
    .option('--channel <col>', 'column with the channel (web, e-mail, telefoon, brief, balie)')
    .option('--default-channel <channel>', 'channel when there is no channel column or it is empty', 'letter')
    .option('--create-categories', 'create categories that do not exist yet')
    .option('--dry-run', 'check the file and report what would happen; write nothing')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: ImportOptions & { json?: boolean }) => {
      let content: string;
      try {
        content = fs.readFileSync(file, 'utf8');
      } catch (err) {
        throw new AppError('VALIDATION_FAILED', `Cannot read ${file}: ${(err as Error).message}`);
      }
      const report = await withServices((s) => importCases(s, content, opts, today()));
      console.log(opts.json ? JSON.stringify(report, null, 2) : formatImport(file, report));
      if (report.errors.length) process.exitCode = 1;
    });
}
