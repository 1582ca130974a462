import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorld, detail, newCase, ok, readyForHandling, refused, type World } from './support.js';

// The procedure holds: no step the law or the ombudsman requires can be skipped, faked or left open. Each gate
// is tried over HTTP with a valid body that goes around it, and must refuse with a bilingual reason.

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

/** The same step in Dutch and in English: both refuse with the code, each in its own language. */
async function refusedInBoth(
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  code: string,
  nl: RegExp,
  en: RegExp,
) {
  for (const [lang, re] of [
    ['nl', nl],
    ['en', en],
  ] as const) {
    const res = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions/${action}`,
      headers: { ...w.handler.auth, 'accept-language': lang },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(re);
  }
}

const blockersOf = (c: { allowedActions: { action: string; blockers: { code: string }[] }[] }, a: string) =>
  c.allowedActions.find((x) => x.action === a)!.blockers.map((b) => b.code);

describe('NO-02: personal contact before handling, declining or deciding', () => {
  it('refuses start_handling and decline without first contact; two documented failed attempts count', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    await readyForHandling(w, id, { contact: false });
    let c = await detail(w, w.handler, id);
    expect(blockersOf(c, 'start_handling')).toEqual(['FIRST_CONTACT_MISSING']);
    expect(blockersOf(c, 'decline')).toEqual(['FIRST_CONTACT_MISSING']);
    await refusedInBoth(
      id,
      'start_handling',
      {},
      'FIRST_CONTACT_MISSING',
      /persoonlijk contact/,
      /contact the complainant in person/,
    );
    await refusedInBoth(
      id,
      'decline',
      { ground: 'a', motivation: 'Over deze gedraging is al eerder een klacht behandeld.' },
      'FIRST_CONTACT_MISSING',
      /twee pogingen/,
      /two attempts/,
    );
    // One failed attempt is not enough.
    await ok(w, w.handler, id, 'record_contact_attempt', {
      at: '2027-01-04T14:00:00+01:00',
      channel: 'phone',
      note: 'Gebeld naar 06-nummer, geen gehoor, voicemail ingesproken.',
    });
    await refused(w, w.handler, id, 'start_handling', {}, 422, 'FIRST_CONTACT_MISSING');
    c = await ok(w, w.handler, id, 'record_contact_attempt', {
      at: '2027-01-05T09:30:00+01:00',
      channel: 'email',
      note: 'E-mail gestuurd met verzoek om terugbellen; geen antwoord.',
    });
    expect(blockersOf(c, 'start_handling')).toEqual([]);
    c = await ok(w, w.handler, id, 'start_handling');
    expect(c.status).toBe('in_progress');
    expect(
      c.history
        .filter((e: { type: string }) => e.type === 'case.contact_attempt')
        .map((e: { data: { attempt: number } }) => e.data.attempt),
    ).toEqual([1, 2]);
  });

  it('time is real: first contact before receipt or in the future is refused with the field', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    await readyForHandling(w, id, { contact: false });
    const before = await refused(
      w,
      w.handler,
      id,
      'record_first_contact',
      { at: '2027-01-03T10:00:00+01:00', channel: 'phone' },
      422,
      'DATE_BEFORE_RECEIPT',
    );
    expect(before.error.fields).toEqual([{ path: 'at', message: expect.stringContaining('2027-01-04') }]);
    const future = await refused(
      w,
      w.handler,
      id,
      'record_first_contact',
      { at: '2027-01-15T10:00:00+01:00', channel: 'phone' },
      422,
      'DATE_IN_FUTURE',
    );
    expect(future.error.fields[0].path).toBe('at');
    await refused(
      w,
      w.handler,
      id,
      'record_contact_attempt',
      { at: '2027-01-06T10:00:00+01:00', channel: 'phone', note: 'Gebeld, geen gehoor.' },
      422,
      'DATE_IN_FUTURE',
    );
    // Nothing of it was stored: the gate still holds.
    await refused(w, w.handler, id, 'start_handling', {}, 422, 'FIRST_CONTACT_MISSING');
  });

  it('[C] an organisation can relax the contact gate', async () => {
    const org = await w.t.services.organisation.get();
    await w.t.services.organisation.save({
      ...org,
      settings: {
        ...org.settings,
        workflow: { ...(org.settings.workflow ?? {}), firstContactRequired: false },
      },
    });
    try {
      const id = await newCase(w, '2027-01-04T10:00:00+01:00');
      await readyForHandling(w, id, { contact: false });
      expect((await ok(w, w.handler, id, 'start_handling')).status).toBe('in_progress');
    } finally {
      await w.t.services.organisation.save(org);
    }
  });
});

/** A case in handling with one judged item and a lesson: only the hearing stands between it and a decision. */
async function inHandling(receivedAt = '2026-12-28T10:00:00+01:00') {
  const id = await newCase(w, receivedAt);
  await readyForHandling(w, id);
  const c = await ok(w, w.handler, id, 'start_handling');
  await ok(w, w.handler, id, 'judge_item', {
    itemId: c.items[0].id,
    judgement: 'not_upheld',
    findings: 'De medewerker volgde de regels.',
    reasons: 'De foto voldeed niet aan de eisen en dat is uitgelegd.',
  });
  await ok(w, w.handler, id, 'record_learning', { rootCause: 'Onduidelijke fotoeisen op de website' });
  return id;
}

const decision = { findings: 'De foto voldeed niet.', conclusions: 'De klacht is ongegrond.' };

describe('AWB-30/31: a hearing counts when held, waived on a ground, or when the reply term passed', () => {
  it('an invitation alone does not let the case be decided (the 130 ms "hearing")', async () => {
    const id = await inHandling();
    await ok(w, w.handler, id, 'invite_hearing', { party: 'complainant' });
    await refusedInBoth(
      id,
      'decide',
      decision,
      'HEARING_NOT_HELD',
      /geen hoorgesprek gehouden/,
      /no hearing was held/,
    );
    // A reply term that has not passed yet does not count either.
    await ok(w, w.handler, id, 'invite_hearing', { party: 'complainant', responseDeadline: '2027-01-12' });
    await refusedInBoth(id, 'decide', decision, 'HEARING_NOT_HELD', /reactietermijn/, /reply term/);
    // A hearing "held" in the future is refused with the field (time is real).
    const future = await refused(
      w,
      w.handler,
      id,
      'record_hearing',
      { party: 'complainant', heldAt: '2027-01-15T10:00:00+01:00', report: 'Klager licht toe.' },
      422,
      'DATE_IN_FUTURE',
    );
    expect(future.error.fields[0].path).toBe('heldAt');
    // Once the term has passed without an answer, the complainant had the opportunity (AWB-31 c).
    vi.setSystemTime(new Date('2027-01-13T09:00:00Z'));
    try {
      const c = await ok(w, w.handler, id, 'decide', decision);
      expect(c.status).toBe('decided');
    } finally {
      vi.setSystemTime(new Date('2027-01-05T09:00:00Z'));
    }
  });

  it('a held hearing with its report, or a waiver on a ground with its evidence, counts', async () => {
    const held = await inHandling();
    await ok(w, w.handler, held, 'invite_hearing', { party: 'complainant' });
    await ok(w, w.handler, held, 'record_hearing', {
      party: 'complainant',
      heldAt: '2027-01-04T10:00:00+01:00',
      report: 'Klager licht toe wat er aan de balie gebeurde.',
    });
    expect((await ok(w, w.handler, held, 'decide', decision)).status).toBe('decided');

    const waived = await inHandling();
    await refused(
      w,
      w.handler,
      waived,
      'waive_hearing',
      { ground: 'declined_by_complainant' },
      422,
      'WAIVER_NOT_ALLOWED',
    );
    await ok(w, w.handler, waived, 'waive_hearing', {
      ground: 'declined_by_complainant',
      statement: 'E-mail van klager 4 januari: ik hoef niet gehoord te worden.',
    });
    expect((await ok(w, w.handler, waived, 'decide', decision)).status).toBe('decided');
  });
});

describe('close: no case reaches `closed` with a legal task open, except with a recorded override', () => {
  it('a case that skipped its letters is refused; an override needs a reason and shows on the dashboard', async () => {
    const id = await inHandling();
    await ok(w, w.handler, id, 'add_respondent', { kind: 'staff', name: 'Baliemedewerker P.' });
    const respondentId = (await detail(w, w.handler, id)).respondents[0].id;
    await ok(w, w.handler, id, 'send_respondent_copy', { respondentId, sentAt: '2027-01-04T09:00:00+01:00' });
    await ok(w, w.handler, id, 'waive_hearing', {
      ground: 'declined_by_complainant',
      statement: 'E-mail van klager 4 januari: ik hoef niet gehoord te worden.',
    });
    await ok(w, w.handler, id, 'invite_hearing', { party: 'respondent', respondentId });
    await ok(w, w.handler, id, 'record_hearing', {
      party: 'respondent',
      respondentId,
      heldAt: '2027-01-05T08:00:00+01:00',
      report: 'Beklaagde licht de gang van zaken toe.',
    });
    await ok(w, w.handler, id, 'extend', { weeks: 2, reason: 'Wij willen de camerabeelden nog bekijken.' });
    await ok(w, w.handler, id, 'decide', decision);

    // Decided, but the decision letter, its notice to the respondent and both extension notices were never sent.
    const c = await detail(w, w.handler, id);
    expect(c.allowedActions.find((a: { action: string }) => a.action === 'close').blockers).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'LEGAL_TASK_OPEN', rule: 'AWB-41' })]),
    );
    await refusedInBoth(
      id,
      'close',
      { complainantReaction: 'accepted' },
      'LEGAL_TASK_OPEN',
      /Verdagingsbericht versturen \(AWB-41\).*overrideReason/,
      /Send the extension notice \(AWB-41\).*overrideReason/,
    );
    // An override without a real reason is refused, with the field.
    const short = await refused(
      w,
      w.handler,
      id,
      'close',
      { complainantReaction: 'accepted', overrideReason: 'ok' },
      422,
      'OVERRIDE_NOT_ALLOWED',
    );
    expect(short.error.fields[0].path).toBe('overrideReason');
    // A blocker that is not overridable (NO-06 category) is never passed by an override.
    await w.t.database.db
      .updateTable('complaint_case')
      .set({ category_id: null })
      .where('id', '=', id)
      .execute();
    const hard = await refused(
      w,
      w.handler,
      id,
      'close',
      { complainantReaction: 'accepted', overrideReason: 'Brieven zijn per post verstuurd buiten Redress.' },
      422,
      'CATEGORY_REQUIRED',
    );
    expect(hard.error.details.blockers.map((b: { code: string }) => b.code)).toContain('LEGAL_TASK_OPEN');
    await w.t.database.db
      .updateTable('complaint_case')
      .set({ category_id: w.categoryId })
      .where('id', '=', id)
      .execute();

    const reason = 'De brieven zijn per aangetekende post verstuurd; kopieën zitten in het papieren dossier.';
    const closed = await ok(w, w.handler, id, 'close', {
      complainantReaction: 'accepted',
      overrideReason: reason,
    });
    expect(closed.status).toBe('closed');
    const ev = closed.history.find((e: { type: string }) => e.type === 'case.gate_overridden');
    expect(ev.data.reason).toBe(reason);
    expect(ev.data.blockers.map((b: { rule: string }) => b.rule).sort()).toEqual(
      ['AWB-12', 'AWB-41', 'AWB-41', 'AWB-50', 'ISO-07'].sort(),
    );
    const dash = await w.t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: w.manager.auth });
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json().overrides).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: id, action: 'close', actionLabel: 'Afsluiten', reason }),
      ]),
    );
  });
});

describe('ISO-04: the safety review has its own step', () => {
  it('review_safety completes the task; without an open review it is refused', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    await refused(
      w,
      w.manager,
      id,
      'review_safety',
      { assessment: 'Geen risico.', measures: 'Geen.' },
      422,
      'NOTHING_PENDING',
    );
    let c = await ok(w, w.intake, id, 'complete_intake', {
      assessment: { safety: true, severity: 'high', complexity: 'low', impact: 'high' },
    });
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'safety_review').status).toBe('open');
    c = await ok(w, w.manager, id, 'review_safety', {
      assessment: 'De losliggende stoeptegel is een valrisico voor voetgangers.',
      measures: 'Buitendienst heeft de tegel op 5 januari vastgelegd.',
    });
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'safety_review').status).toBe('done');
  });
});
