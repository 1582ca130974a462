import { stringify } from 'csv-stringify/sync';

/**
 * CSV formula injection (OWASP): every CSV Redress writes goes through here.
 * csv-stringify quotes what needs quoting; a text cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so
 * `=HYPERLINK("https://evil.example","klik")` stays text. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    rows.map((r) => [...r]),
    {
      record_delimiter: '\r\n',
      // A lone line feed or carriage return inside a cell is quoted too, not only the full CRLF.
      quoted_match: /[\r\n]/,
      cast: { string: (v) => neutraliseFormula(v) },
    },
  );
}
