import type { Command } from 'commander';
import type { Services } from '../server/services.js';
import { annualReportCsv } from '../server/modules/reports/annual.js';
import { AppError } from '../server/errors.js';

/** `redress report annual --year Y [--format csv|json]`: the Awb 9:12a report, as the HTTP API gives it. */
export function registerReportCommands(
  program: Command,
  withServices: <T>(fn: (s: Services) => Promise<T>) => Promise<T>,
): void {
  program
    .command('report')
    .description('reports')
    .command('annual')
    .description(
      'the annual complaints report (Awb 9:12a): aggregated, without personal data, small cells merged',
    )
    .requiredOption('--year <year>', 'calendar year')
    .option('--format <format>', 'json or csv', 'json')
    .action(async (opts: { year: string; format: string }) => {
      const year = Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new AppError('VALIDATION_FAILED', '--year must be a year such as 2026.');
      if (opts.format !== 'json' && opts.format !== 'csv')
        throw new AppError('VALIDATION_FAILED', '--format must be json or csv.');
      const report = await withServices((s) => s.reports.annual(year));
      process.stdout.write(
        opts.format === 'csv' ? annualReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`,
      );
    });
}
