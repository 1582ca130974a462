import { blocker, type Blocker } from './blockers.js';
import { isSentence } from './decline.js';
import type { ItemSnapshot, Judgement } from './snapshot.js';

// Judgement per complaint item (NO-10, AWB-50) and the overall outcome.

export const JUDGEMENTS: readonly Judgement[] = ['upheld', 'partly_upheld', 'not_upheld'];

export const JUDGEMENT_LABELS: Record<Judgement, { nl: string; en: string }> = {
  upheld: { nl: 'gegrond', en: 'upheld' },
  partly_upheld: { nl: 'deels gegrond', en: 'partly upheld' },
  not_upheld: { nl: 'ongegrond', en: 'not upheld' },
};

/** All upheld → upheld; none upheld → not upheld; otherwise partly upheld. */
export function overallOutcome(items: readonly Pick<ItemSnapshot, 'judgement'>[]): Judgement | null {
  if (items.length === 0 || items.some((i) => !i.judgement)) return null;
  if (items.every((i) => i.judgement === 'upheld')) return 'upheld';
  if (items.every((i) => i.judgement === 'not_upheld')) return 'not_upheld';
  return 'partly_upheld';
}

export function anyUpheld(items: readonly Pick<ItemSnapshot, 'judgement'>[]): boolean {
  return items.some((i) => i.judgement === 'upheld' || i.judgement === 'partly_upheld');
}

/** NO-10: every item judged, with reasons of at least one sentence. */
export function judgementBlockers(items: readonly ItemSnapshot[]): Blocker[] {
  if (items.length === 0) {
    return [
      blocker(
        'ITEMS_MISSING',
        'AWB-50',
        'Leg ten minste één klachtonderdeel vast.',
        'Record at least one complaint item.',
      ),
    ];
  }
  return items
    .filter((i) => !i.judgement || !isSentence(i.reasons))
    .map((i) =>
      blocker(
        'ITEMS_NOT_JUDGED',
        'NO-10',
        `Beoordeel klachtonderdeel ${i.position} ("${i.summary}") met een motivering.`,
        `Judge complaint item ${i.position} ("${i.summary}") with reasons.`,
      ),
    );
}
