import type { LocalDate } from '../dates.js';
import { compareDates } from '../dates.js';
import { computeDeadline, oneYearGroundAvailable, type Deadline, type RegimeId } from '../deadlines.js';
import { blocker, type Blocker } from './blockers.js';

// Awb 9:8: grounds not to handle a complaint (AWB-20..25).

export const DECLINE_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'lid2'] as const;
export type DeclineGround = (typeof DECLINE_GROUNDS)[number];

/**
 * The grounds of Awb 9:8 as the law words them (one source; the back office, the case
 * history and the letters' data all read these). `label` is the short name, `law` the text of the
 * provision in the body's own words ("een gedraging …").
 */
export const DECLINE_GROUND_LABELS: Record<DeclineGround, { nl: string; en: string }> = {
  a: {
    nl: 'Awb 9:8 lid 1 sub a: al eerder als klacht behandeld',
    en: 'Awb 9:8(1)(a): already dealt with as a complaint',
  },
  b: {
    nl: 'Awb 9:8 lid 1 sub b: meer dan een jaar voor indiening',
    en: 'Awb 9:8(1)(b): more than one year before filing',
  },
  c: {
    nl: 'Awb 9:8 lid 1 sub c: klager had bezwaar kunnen maken',
    en: 'Awb 9:8(1)(c): the complainant could have objected (bezwaar)',
  },
  d: {
    nl: 'Awb 9:8 lid 1 sub d: beroep staat of stond open',
    en: 'Awb 9:8(1)(d): an appeal lies or lay',
  },
  e: {
    nl: 'Awb 9:8 lid 1 sub e: voorgelegd aan een rechter (niet de bestuursrechter)',
    en: 'Awb 9:8(1)(e): before a court other than an administrative court',
  },
  f: {
    nl: 'Awb 9:8 lid 1 sub f: opsporingsonderzoek of vervolging loopt',
    en: 'Awb 9:8(1)(f): criminal investigation or prosecution under way',
  },
  lid2: {
    nl: 'Awb 9:8 lid 2: belang of gewicht kennelijk onvoldoende',
    en: 'Awb 9:8(2): interest or weight manifestly insufficient',
  },
};

/** AWB-20/21: the text of each provision, shown next to the choice (docs/rules.md AWB-20). */
export const DECLINE_GROUND_LAW: Record<DeclineGround, { nl: string; en: string }> = {
  a: {
    nl: 'een gedraging waarover al eerder een klacht is ingediend die met inachtneming van de artikelen 9:4 en volgende is behandeld',
    en: 'behaviour about which a complaint was made before and dealt with under articles 9:4 ff.',
  },
  b: {
    nl: 'een gedraging die langer dan een jaar voor indiening van het klaagschrift heeft plaatsgevonden',
    en: 'behaviour that took place more than one year before the complaint was filed',
  },
  c: {
    nl: 'een gedraging waartegen door de klager bezwaar had kunnen worden gemaakt',
    en: 'behaviour against which the complainant could have lodged an objection (bezwaar)',
  },
  d: {
    nl: 'een gedraging waartegen door de klager beroep kan of kon worden ingesteld, tenzij die gedraging bestaat uit het niet tijdig nemen van een besluit',
    en: 'behaviour against which the complainant can or could appeal, unless it consists of not deciding in time',
  },
  e: {
    nl: 'een gedraging die ter beoordeling staat of heeft gestaan van een rechterlijke instantie anders dan een bestuursrechter',
    en: 'behaviour that is or was before a court other than an administrative court',
  },
  f: {
    nl: 'een gedraging waarover een opsporingsonderzoek op bevel van het openbaar ministerie of een vervolging gaande is',
    en: 'behaviour that is the subject of a criminal investigation ordered by the public prosecutor, or of a prosecution, under way',
  },
  lid2: {
    nl: 'het belang van de klager of het gewicht van de gedraging is kennelijk onvoldoende',
    en: "the complainant's interest or the weight of the behaviour is manifestly insufficient",
  },
};

export interface DeclineInput {
  ground: DeclineGround;
  motivation: string;
  /** For ground b: when the behaviour took place (defaults to the incident date). */
  behaviourDate?: LocalDate | undefined;
}

/** AWB-21 / NO-10: a motivation of at least one real sentence. */
export function isSentence(text: string | null | undefined): boolean {
  if (!text) return false;
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  return words.length >= 3;
}

/** AWB-23: the notice is due within four weeks after receipt (Atw applies). */
export function declineNoticeDeadline(
  regime: RegimeId,
  receiptDate: LocalDate,
  extraHolidays: LocalDate[] = [],
): Deadline {
  return computeDeadline({ regime, term: 'decline-notice', start: receiptDate, extraHolidays });
}

export function declineBlockers(
  input: DeclineInput,
  c: { regime: RegimeId; receiptDate: LocalDate; filingDate: LocalDate; incidentDate: LocalDate | null },
  today: LocalDate,
  extraHolidays: LocalDate[] = [],
): Blocker[] {
  const out: Blocker[] = [];
  if (!isSentence(input.motivation)) {
    out.push(
      blocker(
        'MOTIVATION_REQUIRED',
        input.ground === 'lid2' ? 'AWB-21' : 'AWB-20',
        'Motiveer het besluit in ten minste één zin.',
        'Give the reasons in at least one sentence.',
      ),
    );
  }
  if (input.ground === 'b') {
    const behaviour = input.behaviourDate ?? c.incidentDate;
    if (!behaviour) {
      out.push(
        blocker(
          'BEHAVIOUR_DATE_REQUIRED',
          'AWB-22',
          'Vul de datum van de gedraging in.',
          'Enter the date of the behaviour.',
        ),
      );
    } else if (!oneYearGroundAvailable(behaviour, c.filingDate)) {
      // AWB-22: strictly more than one calendar year; the anniversary itself is not enough.
      out.push(
        blocker(
          'DECLINE_GROUND_NOT_AVAILABLE',
          'AWB-22',
          `De gedraging (${behaviour}) ligt niet meer dan een jaar voor de indiening (${c.filingDate}); grond b is niet beschikbaar.`,
          `The behaviour (${behaviour}) was not more than one year before filing (${c.filingDate}); ground b is not available.`,
        ),
      );
    }
  }
  const notice = declineNoticeDeadline(c.regime, c.receiptDate, extraHolidays);
  if (compareDates(today, notice.due) > 0) {
    out.push(
      blocker(
        'DECLINE_NOTICE_TOO_LATE',
        'AWB-23',
        `De kennisgeving had uiterlijk ${notice.due} verstuurd moeten zijn; behandel de klacht (AWB-24).`,
        `The notice was due by ${notice.due}; handle the complaint instead (AWB-24).`,
      ),
    );
  }
  return out;
}
