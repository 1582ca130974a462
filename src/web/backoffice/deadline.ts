import { OPEN_STATUSES } from '../../domain/lifecycle.js';
import type { TextKey } from './i18n.js';

// The deadline column shows colour AND text (WCAG 1.4.1): the text alone must tell the state.

/** Today's calendar date in Europe/Amsterdam as YYYY-MM-DD (the server computes deadlines there too). */
export function amsterdamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last day (Sunday) of the ISO week that contains `day`. */
export function endOfWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = d.getUTCDay(); // 0 = Sunday
  d.setUTCDate(d.getUTCDate() + ((7 - dow) % 7));
  return d.toISOString().slice(0, 10);
}

export type DeadlineTone = 'overdue' | 'soon' | 'ok' | 'done';

export function deadlineState(
  status: string,
  due: string,
  today: string,
): { tone: DeadlineTone; key: TextKey; n: number } {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) return { tone: 'done', key: 'dueEnded', n: 0 };
  const n = daysBetween(today, due);
  if (n < 0) return { tone: 'overdue', key: n === -1 ? 'dueOverdueOne' : 'dueOverdue', n: -n };
  if (n === 0) return { tone: 'soon', key: 'dueToday', n };
  if (n <= 5) return { tone: 'soon', key: n === 1 ? 'dueSoonOne' : 'dueSoon', n };
  return { tone: 'ok', key: 'dueLater', n };
}
