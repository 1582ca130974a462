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
  acknowledged: {
    nl: 'Wij hebben u de ontvangst van uw klacht bevestigd.',
    en: 'We confirmed to you that we received your complaint.',
  },
  in_progress: {
    nl: 'Een klachtbehandelaar behandelt uw klacht.',
    en: 'A complaint handler is dealing with your complaint.',
  },
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
  closed: {
    nl: 'De behandeling van uw klacht is afgerond.',
    en: 'The handling of your complaint has been completed.',
  },
  escalated: {
    nl: 'Uw klacht ligt nu bij een externe instantie (ombudsman of geschilleninstantie).',
    en: 'Your complaint is now with an external body (ombudsman or disputes committee).',
  },
  ...({
    with_committee: {
      nl: 'Een onafhankelijke klachtencommissie adviseert over uw klacht.',
      en: 'An independent complaints committee is advising on your complaint.',
    },
  } as Partial<Record<CaseStatus, Words>>),
};
const ESCALATED = STATUS_SENTENCES.escalated!;

const REOPENED: Words = {
  nl: 'Uw klacht wordt opnieuw behandeld.',
  en: 'Your complaint is being handled again.',
};

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
      if (to === 'in_progress' && (d.action === 'reopen' || d.from === 'closed' || d.from === 'decided'))
        return w(REOPENED);
      return w(words);
    }
    // The workflow's events (src/server/modules/cases/events.ts), worded for the complainant.
    case 'case.acknowledged':
      return w(STATUS_SENTENCES.acknowledged!);
    case 'case.handling_started':
      return w(STATUS_SENTENCES.in_progress!);
    case 'case.resolved_informally':
      return w(STATUS_SENTENCES.informally_resolved!);
    case 'case.declined':
      return w(STATUS_SENTENCES.declined!);
    case 'case.withdrawn':
      return w(STATUS_SENTENCES.withdrawn!);
    case 'case.decided':
      return w(STATUS_SENTENCES.decided!);
    case 'case.closed':
      return w(STATUS_SENTENCES.closed!);
    case 'case.reopened':
      return w(REOPENED);
    case 'case.forwarded': {
      const to = typeof d.organisation === 'string' ? d.organisation : undefined;
      if (!to) return w(STATUS_SENTENCES.forwarded!);
      return lang === 'nl'
        ? `Wij hebben uw klacht doorgestuurd naar ${to}, die erover gaat.`
        : `We forwarded your complaint to ${to}, who is responsible for it.`;
    }
    case 'case.assigned': {
      // Only a (new) handler is news for the complainant; moving between departments is internal.
      const to = (d.to ?? {}) as { assigneeId?: unknown };
      const from = (d.from ?? {}) as { assigneeId?: unknown };
      if (!to.assigneeId || to.assigneeId === from.assigneeId) return undefined;
      return lang === 'nl'
        ? 'Er is een klachtbehandelaar voor uw klacht aangewezen. Die was niet betrokken bij waarover u klaagt.'
        : 'A complaint handler has been assigned to your complaint, someone who was not involved in what you complain about.';
    }
    case 'case.first_contact':
      return lang === 'nl'
        ? 'De klachtbehandelaar heeft contact met u opgenomen.'
        : 'The complaint handler contacted you.';
    case 'case.progress_update':
      return lang === 'nl'
        ? 'Wij hebben u laten weten hoe het met uw klacht staat.'
        : 'We told you how your complaint is progressing.';
    case 'case.hearing_invited': {
      if (d.party !== 'complainant') return undefined;
      const by = pickDate(d, ['responseDeadline']);
      if (lang === 'nl')
        return `U bent uitgenodigd voor een gesprek over uw klacht (hoorgesprek).${by ? ` Laat ons vóór ${longDate(by, 'nl')} weten of u komt.` : ''}`;
      return `You were invited to a conversation about your complaint (hearing).${by ? ` Please let us know by ${longDate(by, 'en')} whether you will come.` : ''}`;
    }
    case 'case.hearing_recorded': {
      if (d.party !== 'complainant') return undefined;
      const when = pickDate(d, ['heldAt']);
      if (lang === 'nl')
        return when
          ? `Het gesprek over uw klacht (hoorgesprek) was op ${longDate(when, 'nl')}.`
          : 'Het gesprek over uw klacht (hoorgesprek) heeft plaatsgevonden.';
      return when
        ? `The conversation about your complaint (hearing) took place on ${longDate(when, 'en')}.`
        : 'The conversation about your complaint (hearing) took place.';
    }
    case 'case.extended': {
      // AWB-41 / WKKGZ-06: the complainant is told the new date.
      const until = pickDate(d, ['newDue']);
      if (!until) return undefined;
      return lang === 'nl'
        ? `Wij hebben meer tijd nodig. U krijgt uiterlijk op ${longDate(until, 'nl')} antwoord.`
        : `We need more time. You will have our answer no later than ${longDate(until, 'en')}.`;
    }
    case 'case.delay_agreed': {
      const until = pickDate(d, ['agreedDate']);
      if (!until) return undefined;
      return lang === 'nl'
        ? `Zoals met u afgesproken krijgt u uiterlijk op ${longDate(until, 'nl')} antwoord.`
        : `As agreed with you, you will have our answer no later than ${longDate(until, 'en')}.`;
    }
    case 'case.advice_requested':
      return lang === 'nl'
        ? 'Een onafhankelijke klachtencommissie adviseert over uw klacht.'
        : 'An independent complaints committee is advising on your complaint.';
    case 'case.escalated': {
      const body = typeof d.bodyName === 'string' ? d.bodyName : undefined;
      if (!body) return w(ESCALATED);
      return lang === 'nl' ? `Uw klacht ligt nu bij ${body}.` : `Your complaint is now with ${body}.`;
    }
    case 'complainant.information_added': {
      const files = typeof d.attachmentCount === 'number' ? d.attachmentCount : 0;
      if (lang === 'nl')
        return files
          ? `U heeft informatie toegevoegd (${files} ${files === 1 ? 'bijlage' : 'bijlagen'}).`
          : 'U heeft informatie toegevoegd.';
      return files
        ? `You added information (${files} ${files === 1 ? 'attachment' : 'attachments'}).`
        : 'You added information.';
    }
    case 'complainant.attachments_added': {
      const files = typeof d.attachmentCount === 'number' ? d.attachmentCount : 0;
      return lang === 'nl'
        ? `U heeft ${files} ${files === 1 ? 'bijlage' : 'bijlagen'} meegestuurd.`
        : `You sent ${files} ${files === 1 ? 'attachment' : 'attachments'}.`;
    }
    case 'survey.answered':
      return lang === 'nl'
        ? 'U heeft de vragen over uw tevredenheid beantwoord. Dank u wel.'
        : 'You answered the satisfaction questions. Thank you.';
    default:
      return undefined;
  }
}

/**
 * The public timeline, oldest first. The workflow writes a specific event and a status change in the
 * same transaction (same timestamp): the same sentence at the same moment is shown once.
 */
export function publicTimeline(events: readonly HistoryEvent[], lang: Lang): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const text = sentence(e, lang);
    if (!text) continue;
    const key = `${e.at.getTime()}|${text}`;
    if (seen.has(key) || out.at(-1)?.text === text) continue;
    seen.add(key);
    out.push({ at: e.at, date: longDate(amsterdamDate(e.at), lang), text });
  }
  return out;
}
