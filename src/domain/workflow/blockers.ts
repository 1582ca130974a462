// A blocker says why a step cannot be taken now: a stable code, the rule it enforces and a message
// a person can act on. The same blockers are shown in `allowedActions` and returned as errors.

export interface Blocker {
  code: string;
  rule: string;
  message: { nl: string; en: string };
  /** The input field the blocker is about (returned as a field error: 422 with the field). */
  field?: string;
  /**
   * The step may still be taken with an explicit override that gives a reason (`overrideReason`):
   * recorded in the history and shown on the dashboard. Only for blockers where the law leaves
   * room for it (e.g. a letter task that was done outside Redress).
   */
  overridable?: true;
}

export const blocker = (code: string, rule: string, nl: string, en: string): Blocker => ({
  code,
  rule,
  message: { nl, en },
});

/** A blocker about one input field (422 with the field and a bilingual reason). */
export const fieldBlocker = (field: string, code: string, rule: string, nl: string, en: string): Blocker => ({
  ...blocker(code, rule, nl, en),
  field,
});
