/**
 * Which outgoing mail goes first when the outbox has a backlog: a staff alert (a deadline about to
 * pass, a safety signal) must not wait behind a thousand acknowledgements, and mail that carries a
 * legal term (a letter, a repair request under Awb 9:4) goes before routine mail. Lower is sooner.
 * Every INSERT INTO outbox sets `priority: outboxPriority(kind)`; a kind not listed here is routine.
 */
export const OUTBOX_PRIORITY = { alert: 0, deadline: 1, routine: 2 } as const;

export function outboxPriority(kind: string): number {
  if (kind === 'staff-alert' || kind === 'manager-alert') return OUTBOX_PRIORITY.alert;
  if (kind.startsWith('letter:') || kind === 'repair-request') return OUTBOX_PRIORITY.deadline;
  return OUTBOX_PRIORITY.routine;
}
