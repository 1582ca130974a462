import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, allowed, createWorld, newCase, ok, readyForHandling, refused, type World } from './support.js';

// Scenario tests for the advisory-committee procedure (Afd. 9.1.3) and the Wkkgz.
let adv: World;
let zorg: World;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
  adv = await createWorld('awb-advisory');
  zorg = await createWorld('wkkgz');
});
afterAll(async () => {
  vi.useRealTimers();
  await adv?.t.close();
  await zorg?.t.close();
});

describe('scenario: advisory committee (AWB-14, AWB-33, AWB-40, AWB-52..54)', () => {
  it('the committee hears and advises; a deviating decision states its reason and encloses the advice', async () => {
    const w = adv;
    // E11: received Tue 2026-02-24, 10 weeks → raw 2026-05-05 → 2026-05-06.
    const id = await newCase(w, '2026-02-24T10:00:00+01:00');
    await readyForHandling(w, id);
    let c = await ok(w, w.handler, id, 'acknowledge');
    expect(c.decisionDue).toBe('2026-05-06');
    expect(
      c.tasks.find((t: { kind: string }) => t.kind === 'letter.acknowledgement').data.mustMention,
    ).toContain('advisoryCommittee'); // AWB-14
    await ok(w, w.handler, id, 'start_handling');
    await refused(w, w.handler, id, 'decide', { findings: 'x', conclusions: 'y' }, 422, 'ITEMS_NOT_JUDGED');
    c = await ok(w, w.handler, id, 'request_advice', { committee: 'Commissie bezwaar- en klachtschriften' });
    expect(c.status).toBe('with_committee');
    // AWB-33: the committee, not the handler, decides on omitting the hearing and conducts it.
    await refused(
      w,
      w.handler,
      id,
      'waive_hearing',
      { ground: 'manifestly_unfounded' },
      422,
      'COMMITTEE_MUST_DECIDE',
    );
    await refused(
      w,
      w.handler,
      id,
      'record_hearing',
      {
        party: 'complainant',
        heldAt: '2026-03-05T10:00:00+01:00',
        report: 'Verslag',
        conductedBy: 'handler',
      },
      422,
      'COMMITTEE_MUST_HEAR',
    );
    // AWB-53: the advice needs the hearing report first.
    const advice = {
      advice: 'De commissie adviseert de klacht ongegrond te verklaren.',
      advisedJudgement: 'not_upheld',
      reportReceivedOn: '2026-03-09',
      hearingReportIncluded: true,
    };
    await refused(w, w.handler, id, 'record_advice', advice, 422, 'HEARING_MISSING');
    await ok(w, w.handler, id, 'record_hearing', {
      party: 'complainant',
      heldAt: '2026-03-05T10:00:00+01:00',
      report: 'De commissie hoorde klager.',
    });
    c = await ok(w, w.handler, id, 'record_advice', advice);
    expect(c.status).toBe('in_progress');
    // AWB-52: the advice cannot be redone.
    await refused(
      w,
      w.handler,
      id,
      'request_advice',
      { committee: 'Andere commissie' },
      409,
      'ADVICE_LOCKED',
    );
    const itemId = c.items[0].id;
    await ok(w, w.handler, id, 'judge_item', {
      itemId,
      judgement: 'upheld',
      findings: 'De medewerker was onvriendelijk.',
      reasons: 'Wij zien dat anders dan de commissie, omdat de opname dat laat horen.',
    });
    await ok(w, w.handler, id, 'add_remedy', { kind: 'apology', description: 'Excuses.' });
    await ok(w, w.handler, id, 'record_learning', { lessons: 'Opnames eerder beluisteren.' });
    // AWB-54: deviating from the advice needs a reason.
    await refused(
      w,
      w.handler,
      id,
      'decide',
      { findings: 'Bevindingen', conclusions: 'Gegrond' },
      422,
      'DEVIATION_REASON_REQUIRED',
    );
    c = await ok(w, w.handler, id, 'decide', {
      findings: 'Bevindingen',
      conclusions: 'Gegrond',
      deviationReason: 'De geluidsopname weerlegt de lezing die de commissie volgde.',
    });
    const letter = c.tasks.find((t: { kind: string }) => t.kind === 'letter.decision');
    expect(letter.data).toMatchObject({ encloseAdvice: true, deviatesFromAdvice: true, outcome: 'upheld' });
  });
});

describe('scenario: Wkkgz with extension (WKKGZ-05/06/07)', () => {
  it('runs from filing, extends by 4 weeks with a notice to the complainant only, needs consent beyond', async () => {
    const w = zorg;
    // Filed Thu 2026-02-19 (indiening), received the next day: the Wkkgz term runs from filing.
    const id = await newCase(w, '2026-02-20T10:00:00+01:00', { submittedAt: '2026-02-19T16:00:00+01:00' });
    await readyForHandling(w, id);
    let c = await ok(w, w.handler, id, 'start_handling');
    expect(c.deadlines.decision.start).toBe('2026-02-19'); // CONV-03: from filing
    expect(c.decisionDue).toBe('2026-04-02'); // 6 weeks, Thu
    await ok(w, w.handler, id, 'add_respondent', { kind: 'staff', name: 'Verpleegkundige R.' });
    await ok(w, w.handler, id, 'send_respondent_copy', {
      respondentId: (c = await ok(w, w.handler, id, 'record_progress_update', { channel: 'phone' }))
        .respondents[0].id,
    });
    expect(allowed(c)).not.toContain('decline'); // 9:8 is Awb only
    await refused(
      w,
      w.handler,
      id,
      'extend',
      { weeks: 5, reason: 'Onderzoek bij externe partij.' },
      422,
      'EXTENSION_TOO_LONG',
    );
    c = await ok(w, w.handler, id, 'extend', { weeks: 4, reason: 'Zorgvuldig onderzoek vraagt meer tijd.' });
    expect(c.decisionDue).toBe('2026-04-30');
    // WKKGZ-06 / LET-10: one notice, to the complainant, before the original term ends.
    const notices = c.tasks.filter((t: { kind: string }) => t.kind === 'letter.extension_notice');
    expect(notices.map((n: { recipient: string; dueDate: string }) => [n.recipient, n.dueDate])).toEqual([
      ['complainant', '2026-04-02'],
    ]);
    // WKKGZ-07 / AWB-43: more time only with written consent and an agreed date (no Atw).
    await refused(
      w,
      w.handler,
      id,
      'agree_delay',
      { agreedDate: '2026-04-20', consentDocument: 'brief klager', consentReceivedOn: '2026-03-09' },
      422,
      'DELAY_DATE_INVALID',
    );
    expect((await act(w, w.handler, id, 'agree_delay', { agreedDate: '2026-05-16' })).statusCode).toBe(422);
    c = await ok(w, w.handler, id, 'agree_delay', {
      agreedDate: '2026-05-16',
      consentDocument: 'Brief klager van 9 maart',
      consentReceivedOn: '2026-03-09',
    });
    expect(c.decisionDue).toBe('2026-05-16'); // a Saturday: agreed, not statutory (DL-08)
    expect(c.deadlines.agreed.termType).toBe('AGREED');
    expect(c.agreedDelay.beyondWkkgzLimit).toBe(true);
    // Hearings are not statutory under the Wkkgz (default setting), reports still are.
    const itemId = c.items[0].id;
    await ok(w, w.handler, id, 'judge_item', {
      itemId,
      judgement: 'partly_upheld',
      findings: 'Wachttijd te lang.',
      reasons: 'De wachttijd was te lang, maar de zorg zelf was goed.',
    });
    await ok(w, w.handler, id, 'add_remedy', { kind: 'apology', description: 'Excuses voor de wachttijd.' });
    await refused(
      w,
      w.handler,
      id,
      'add_remedy',
      { kind: 'measure', description: 'Nieuw rooster.' },
      422,
      'REALISATION_DATE_REQUIRED',
    ); // WKKGZ-05
    await ok(w, w.handler, id, 'add_remedy', {
      kind: 'measure',
      description: 'Nieuw rooster voor de avonddienst.',
      realisationDate: '2026-06-01',
    });
    await ok(w, w.handler, id, 'add_remedy', {
      kind: 'compensation',
      description: 'Tegemoetkoming',
      amount: 150,
      realisationDate: '2026-06-01',
    });
    await ok(w, w.handler, id, 'record_learning', {
      rootCause: 'Onderbezetting',
      lessons: 'Bezetting avonddienst herzien.',
    });
    c = await ok(w, w.handler, id, 'decide', {
      findings: 'Wachttijd 3 uur.',
      conclusions: 'Deels gegrond; rooster wordt aangepast.',
    });
    const letter = c.tasks.find((t: { kind: string }) => t.kind === 'letter.decision');
    expect(letter.data.disputesBody.name).toBe('De Geschillencommissie Zorg'); // WKKGZ-08/11
    expect(letter.data.ombudsmanTermEnd).toBeUndefined();
    expect(c.decision.remedies.find((r: { kind: string }) => r.kind === 'compensation').amount).toBe(150);
    const measure = c.decision.remedies.find((r: { kind: string }) => r.kind === 'measure');
    c = await ok(w, w.handler, id, 'complete_measure', { remedyId: measure.id });
    // NO-14: each dated commitment has its own follow-up; completing the measure closes its task only
    // (the compensation's stays open). Found by remedy: two tasks share the kind and the due date.
    const followUp = (remedyId: string) =>
      c.tasks.find(
        (t: { kind: string; remedyId: string }) => t.kind === 'measure_follow_up' && t.remedyId === remedyId,
      );
    expect(followUp(measure.id).status).toBe('done');
    const compensation = c.decision.remedies.find((r: { kind: string }) => r.kind === 'compensation');
    expect(followUp(compensation.id).status).toBe('open');
  });

  it('WKKGZ-06: an extension after the six weeks is refused (statute, not configurable)', async () => {
    const w = zorg;
    const id = await newCase(w, '2026-01-20T10:00:00+01:00'); // due 2026-03-03, now 2026-03-10
    await readyForHandling(w, id);
    const e = await refused(
      w,
      w.handler,
      id,
      'extend',
      { weeks: 2, reason: 'Te laat gevraagd.' },
      422,
      'EXTENSION_TOO_LATE',
    );
    expect(e.error.details.rule).toBe('WKKGZ-06');
  });
});
