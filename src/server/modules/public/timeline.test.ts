import { describe, expect, it } from 'vitest';
import { publicTimeline } from './timeline.js';

const at = (iso: string) => new Date(iso);

describe('public timeline (ISO-02): plain language, whitelist only', () => {
  const events = [
    { type: 'case.received', at: at('2026-11-02T09:00:00Z'), data: {} },
    { type: 'case.viewed', at: at('2026-11-02T10:00:00Z'), data: {} },
    {
      type: 'case.assigned',
      at: at('2026-11-03T09:00:00Z'),
      data: { from: { assigneeId: null }, to: { assigneeId: 'u1' }, reason: 'interne notitie' },
    },
    {
      type: 'case.hearing_invited',
      at: at('2026-11-04T09:00:00Z'),
      data: { party: 'respondent', respondentId: 'r1' },
    },
    {
      type: 'case.hearing_invited',
      at: at('2026-11-04T09:00:00Z'),
      data: { party: 'complainant', responseDeadline: '2026-11-18' },
    },
    {
      type: 'case.extended',
      at: at('2026-12-01T09:00:00Z'),
      data: { weeks: 4, originalDue: '2026-12-14', newDue: '2027-01-11' },
    },
    { type: 'case.learning_recorded', at: at('2026-12-20T09:00:00Z'), data: { fields: ['root_cause'] } },
    { type: 'case.decided', at: at('2027-01-05T09:00:00Z'), data: { outcome: 'upheld' } },
    {
      type: 'case.status_changed',
      at: at('2027-01-05T09:00:00Z'),
      data: { from: 'in_progress', to: 'decided', action: 'decide' },
    },
  ];

  it('words the events a complainant should know about, in Dutch', () => {
    const texts = publicTimeline(events, 'nl').map((e) => e.text);
    expect(texts).toEqual([
      'Wij hebben uw klacht ontvangen.',
      'Er is een klachtbehandelaar voor uw klacht aangewezen. Die was niet betrokken bij waarover u klaagt.',
      'U bent uitgenodigd voor een gesprek over uw klacht (hoorgesprek). Laat ons vóór 18 november 2026 weten of u komt.',
      'Wij hebben meer tijd nodig. U krijgt uiterlijk op 11 januari 2027 antwoord.',
      'Wij hebben een oordeel gegeven over uw klacht. U krijgt daarover een brief.',
    ]);
  });

  it('never shows internal events or their data (reads, lessons, respondent hearings, notes)', () => {
    const all = JSON.stringify(publicTimeline(events, 'en'));
    expect(all).not.toContain('interne notitie');
    expect(all).not.toContain('root_cause');
    expect(publicTimeline(events, 'en')).toHaveLength(5);
    expect(
      publicTimeline(
        [{ type: 'case.note_added', at: at('2026-11-02T09:00:00Z'), data: { text: 'geheim' } }],
        'nl',
      ),
    ).toEqual([]);
  });

  it('dates are Europe/Amsterdam calendar dates', () => {
    const [entry] = publicTimeline(
      [{ type: 'case.received', at: at('2026-11-02T23:30:00Z'), data: {} }],
      'en',
    );
    expect(entry!.date).toBe('3 November 2026');
  });

  it('a reopened case says it is handled again (AWB-11)', () => {
    const [entry] = publicTimeline(
      [{ type: 'case.reopened', at: at('2027-02-01T09:00:00Z'), data: { reason: 'x' } }],
      'nl',
    );
    expect(entry!.text).toBe('Uw klacht wordt opnieuw behandeld.');
  });
});
