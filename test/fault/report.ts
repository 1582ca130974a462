import fs from 'node:fs';
import path from 'node:path';

/**
 * The fault suite's counts: printed, and appended as JSON lines to FAULT_REPORT (default
 * test-results/fault-report.jsonl) so `.ci/run` can show them together at the end.
 */
export function report(name: string, figures: Record<string, unknown>): void {
  const line = JSON.stringify({ name, ...figures });
  console.log(`[fault] ${line}`);
  const file =
    process.env.FAULT_REPORT ?? path.resolve(import.meta.dirname, '../../test-results/fault-report.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${line}\n`);
}
