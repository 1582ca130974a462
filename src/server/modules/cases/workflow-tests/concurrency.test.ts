import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, createWorld, detail, newCase, readyForHandling, type World } from './support.js';

let w: World;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-05T09:00:00Z'));
  w = await createWorld('awb');
});
afterAll(async () => {
  vi.useRealTimers();
  await w?.t.close();
});

// Races: on PGlite (one connection) these requests are serialised by the driver, so only the
// application's own guards are exercised; CI runs this file again on PostgreSQL (TEST_DATABASE_URL),
// where they really run in parallel on separate connections.
describe('concurrency: two handlers acting on one case at once', () => {
  it('the same step twice with the version both saw: one wins, the other gets 409 CASE_STATE_CONFLICT', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    const { version } = await detail(w, w.manager, id);
    const [a, b] = await Promise.all([
      act(w, w.handler, id, 'acknowledge', { expectedVersion: version }),
      act(w, w.manager, id, 'acknowledge', { expectedVersion: version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('CASE_STATE_CONFLICT');
    const c = await detail(w, w.manager, id);
    expect(c.history.filter((e: { type: string }) => e.type === 'case.acknowledged')).toHaveLength(1);
    expect(c.tasks.filter((t: { kind: string }) => t.kind === 'letter.acknowledgement')).toHaveLength(1);
    expect(c.version).toBe(version + 1);
  });

  it('two different final steps at once (decline vs forward): exactly one is applied, nothing half-applied', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    const results = await Promise.all([
      act(w, w.handler, id, 'decline', {
        ground: 'a',
        motivation: 'Deze gedraging is eerder als klacht behandeld.',
      }),
      act(w, w.manager, id, 'forward', {
        organisation: 'Belastingsamenwerking',
        reason: 'De klacht gaat over de heffing van een andere organisatie.',
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('CASE_STATE_CONFLICT');
    const c = await detail(w, w.manager, id);
    const won = c.status as string;
    expect(['declined', 'forwarded']).toContain(won);
    expect(c.history.filter((e: { type: string }) => e.type === 'case.status_changed')).toHaveLength(1);
    const kinds = c.tasks.map((t: { kind: string }) => t.kind);
    if (won === 'declined') {
      expect(kinds).toContain('letter.decline_notice');
      expect(kinds).not.toContain('letter.forward');
      expect(c.decision.forwarding).toBeNull();
    } else {
      expect(kinds).not.toContain('letter.decline_notice');
      expect(c.decision.decline).toBeNull();
    }
  });

  it('a stale version is refused even when the step itself would be allowed', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    const { version } = await detail(w, w.manager, id);
    expect(
      (
        await act(w, w.handler, id, 'record_first_contact', {
          at: '2027-01-04T10:00:00+01:00',
          channel: 'phone',
        })
      ).statusCode,
    ).toBe(200);
    const stale = await act(w, w.manager, id, 'add_item', {
      summary: 'Nog een punt',
      severity: 'light',
      expectedVersion: version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CASE_STATE_CONFLICT');
    expect((await detail(w, w.manager, id)).items).toHaveLength(1);
  });

  it('ten concurrent steps on one case all serialise: each applied step bumps the version once', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    const before = (await detail(w, w.manager, id)).version;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        act(w, i % 2 ? w.handler : w.manager, id, 'add_item', { summary: `Punt ${i}`, severity: 'light' }),
      ),
    );
    const okCount = results.filter((r) => r.statusCode === 200).length;
    expect(
      results.every(
        (r) =>
          r.statusCode === 200 || (r.statusCode === 409 && r.json().error.code === 'CASE_STATE_CONFLICT'),
      ),
    ).toBe(true);
    const c = await detail(w, w.manager, id);
    expect(c.version).toBe(before + okCount);
    expect(c.items).toHaveLength(1 + okCount);
    expect(new Set(c.items.map((i: { position: number }) => i.position)).size).toBe(c.items.length);
  });
});
