// A blocker says why a step cannot be taken now: a stable code, the rule it enforces and a message
// a person can act on. The same blockers are shown in `allowedActions` and returned as errors.

export interface Blocker {
  code: string;
  rule: string;
  message: { nl: string; en: string };
}

export const blocker = (code: string, rule: string, nl: string, en: string): Blocker => ({
  code,
  rule,
  message: { nl, en },
});
