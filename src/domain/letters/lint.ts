// The letter linter: the rule table in ./rules/ run by ./engine.ts. rules.md §6 (LET-01..10) plus the
// content each regime requires (AWB-08, AWB-13/14, AWB-23, AWB-50/51, AWB-71, WKKGZ-01/03/08/11,
// NO-02/03/05/11). Errors block sending; warnings are shown. With the case known (LintOptions.facts)
// the case-aware rules run too. Pure: no I/O.

import { type LintOptions, runRules } from './engine.js';
import type { Finding, Letter } from './model.js';
import { LETTER_RULES } from './rules/index.js';

export type { LintOptions } from './engine.js';

export function lintLetter(letter: Letter, opts: LintOptions = {}): Finding[] {
  return runRules(LETTER_RULES, letter, opts);
}
