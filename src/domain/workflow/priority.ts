// ISO-04: initial assessment on severity, safety, complexity and impact, and the priority it gives.

export type Level = 'low' | 'medium' | 'high';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface Assessment {
  safety: boolean;
  severity: Level;
  complexity: Level;
  impact: Level;
}

const SCORE: Record<Level, number> = { low: 0, medium: 1, high: 2 };

/** Safety first: a health or safety issue is always urgent; otherwise the score decides. */
export function derivePriority(a: Assessment): Priority {
  if (a.safety) return 'urgent';
  const score = SCORE[a.severity] * 2 + SCORE[a.impact] * 2 + SCORE[a.complexity];
  if (score >= 7) return 'high';
  if (score >= 2) return 'normal';
  return 'low';
}

/** ISO-04: a manager is alerted when a case becomes urgent (not again while it stays urgent). */
export function needsManagerAlert(before: Priority, after: Priority): boolean {
  return after === 'urgent' && before !== 'urgent';
}
