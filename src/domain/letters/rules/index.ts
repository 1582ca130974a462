// The letter linter's rule table, in the order findings are reported within a paragraph.

import type { Rule } from '../engine.js';
import { caseRules } from './case.js';
import { decisionRules } from './decision.js';
import { procedureRules } from './procedure.js';
import { styleRules } from './style.js';

export const LETTER_RULES: readonly Rule[] = [
  ...styleRules,
  ...decisionRules,
  ...procedureRules,
  ...caseRules,
];
