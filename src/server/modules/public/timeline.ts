import { isValidLocalDate, amsterdamDate } from '../../../domain/dates.js';
import { longDate } from '../../../domain/format.js';
import type { CaseStatus } from '../../../domain/lifecycle.js';
import type { Lang } from '../../errors.js';

// ISO-02: the complainant's view of the case history, in plain language. A whitelist: only events
// named here are shown, so internal notes, reads and staff details never reach the public page.

export interface HistoryEvent {
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface TimelineEntry {
  at: Date;
  date: string;
  text: string;
}

type Words = { nl: string; en: string };

/** What a status change means for the complainant (target status → sentence). */
const STATUS_SENTENCES: Partial<Record<CaseStatus, Words>> = {
  received: { nl: 'Wij hebben uw klacht ontvangen.', en: 'We received your complaint.' },
  acknowledged: { nl: 'Wij hebben u de ontvangst van uw klacht bevestigd.', en: 'We confirmed to you that we received your complaint.' },
  in_progress: { nl: 'Een klachtbehandelaar behandelt uw klacht.', en: 'A complaint handler is dealing with your complaint.' },
  informally_resolved: {
    nl: 'Uw klacht is in overleg met u opgelost.',
    en: 'Your complaint was resolved together with you.',
  },
  declined: {
    nl: 'Wij hebben besloten uw klacht niet te behandelen. In onze brief staat waarom.',
    en: 'We decided not to handle your complaint. Our letter explains why.',
  },
  forwarded: {
    nl: 'Wij hebben uw klacht doorgestuurd naar de organisatie die erover gaat.',
    en: 'We forwarded your complaint to the organisation responsible for it.',
  },
  withdrawn: { nl: 'U heeft uw klacht ingetrokken.', en: 'You withdrew your complaint.' },
  decided: {
    nl: 'Wij hebben een oordeel gegeven over uw klacht. U krijgt daarover een brief.',
    en: 'We have reached a decision on your complaint. You will receive a letter about it.',
  },
  closed: { nl: 'De behandeling van uw klacht is afgerond.', en: 'The handling of your complaint has been completed.' },
  escalated: {
    nl: 'Uw klacht ligt nu bij een externe instantie (ombudsman of geschilleninstantie).',
    en: 'Your complaint is now with an external body (ombudsman or disputes committee).',
  },
  ...({ with_committee: { nl: 'Een onafhankelijke klachtencommissie adviseert over uw klacht.', en: 'An independent complaints committee is advising on your complaint.' } } as Partial<Record<CaseStatus, Words>>),
};
const ESCALATED = STATUS_SENTENCES.escalated!;

const REOPENED: Words = { nl: 'Uw klacht wordt opnieuw behandeld.', en: 'Your complaint is being handled again.' };

function pickDate(data: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'string') {
      if (isValidLocalDate(v)) return v;
      if (!Number.isNaN(Date.parse(v))) return amsterdamDate(new Date(v));
    }
  }
  return undefined;
}

function sentence(e: HistoryEvent, lang: Lang): string | undefined {
  const d = e.data;
  const w = (words: Words) => words[lang];
  switch (e.type) {
    case 'case.received':
      return lang === 'nl' ? 'Wij hebben uw klacht ontvangen.' : 'We received your complaint.';
    case 'case.status_changed': {
      const to = d.to as CaseStatus | undefined;
      const words = to ? STATUS_SENTENCES[to] : undefined;
      if (!to || !words) return undefined;
      if (to === 'in_progress' && (d.action === 'reopen' || d.from === 'closed' || d.from === 'decided')) return w(REOPENED);
      return w(words);
    }
    case 'case.assigned':
    case 'case.handler_assigned':
      return lang === 'nl'
        ? 'Er is een klachtbehandelaar voor uw klacht aangewezen. Die was niet betrokken bij waarover u klaagt.'
        : 'A complaint handler has been assigned to your complaint, someone who was not involved in what you complain about.';
    case 'case.first_contact':
    case 'case.first_contact_recorded':
      return lang === 'nl' ? 'De klachtbehandelaar heeft contact met u opgenomen.' : 'The complaint handler contacted you.';
    case 'hearing.planned':
    case 'hearing.invited':
    case 'case.hearing_planned': {
      const when = pickDate(d, ['date', 'plannedFor', 'plannedAt', 'at', 'heldAt']);
      if (when) {
        return lang === 'nl'
          ? `Er is een gesprek over uw klacht (hoorgesprek) gepland op ${longDate(when, 'nl')}.`
          : `A conversation about your complaint (hearing) is planned for ${longDate(when, 'en')}.`;
      }
      return lang === 'nl' ? 'U bent uitgenodigd voor een gesprek over uw klacht (hoorgesprek).' : 'You were invited to a conversation about your complaint (hearing).';
    }
    case 'hearing.held':
      return lang === 'nl' ? 'Het gesprek over uw klacht (hoorgesprek) heeft plaatsgevonden.' : 'The conversation about your complaint (hearing) took place.';
    case 'case.extended':
    case 'deadline.extended':
    case 'case.deadline_extended': {
      // AWB-41 / WKKGZ-06: the complainant is told the new date.
      const until = pickDate(d, ['until', 'newDue', 'due', 'decisionDue', 'to']);
      if (!until) return undefined;
      return lang === 'nl'
        ? `Wij hebben meer tijd nodig. U krijgt uiterlijk op ${longDate(until, 'nl')} antwoord.`
        : `We need more time. You will have our answer no later than ${longDate(until, 'en')}.`;
    }
    case 'case.delay_agreed': {
      const until = pickDate(d, ['until', 'newDue', 'due', 'decisionDue']);
      if (!until) return undefined;
      return lang === 'nl'
        ? `Zoals met u afgesproken krijgt u uiterlijk op ${longDate(until, 'nl')} antwoord.`
        : `As agreed with you, you will have our answer no later than ${longDate(until, 'en')}.`;
    }
    case 'complainant.information_added': {
      const files = typeof d.attachmentCount === 'number' ? d.attachmentCount : 0;
      if (lang === 'nl') return files ? `U heeft informatie toegevoegd (${files} ${files === 1 ? 'bijlage' : 'bijlagen'}).` : 'U heeft informatie toegevoegd.';
      return files ? `You added information (${files} ${files === 1 ? 'attachment' : 'attachments'}).` : 'You added information.';
    }
    case 'complainant.attachments_added': {
      const files = typeof d.attachmentCount === 'number' ? d.attachmentCount : 0;
      return lang === 'nl' ? `U heeft ${files} ${files === 1 ? 'bijlage' : 'bijlagen'} meegestuurd.` : `You sent ${files} ${files === 1 ? 'attachment' : 'attachments'}.`;
    }
    case 'survey.answered':
      return lang === 'nl' ? 'U heeft de vragen over uw tevredenheid beantwoord. Dank u wel.' : 'You answered the satisfaction questions. Thank you.';
    case 'escalation.recorded':
    case 'case.escalation_recorded': {
      const body = typeof d.bodyName === 'string' ? d.bodyName : undefined;
      if (!body) return w(ESCALATED);
      return lang === 'nl' ? `Uw klacht ligt nu bij ${body}.` : `Your complaint is now with ${body}.`;
    }
    default:
      return undefined;
  }
}

/** The public timeline, oldest first; consecutive identical sentences are shown once. */
export function publicTimeline(events: readonly HistoryEvent[], lang: Lang): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const text = sentence(e, lang);
    if (!text) continue;
    if (out.at(-1)?.text === text) continue;
    out.push({ at: e.at, date: longDate(amsterdamDate(e.at), lang), text });
  }
  return out;
}
