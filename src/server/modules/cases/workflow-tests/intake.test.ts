import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, createWorld, detail, newCase, ok, readyForHandling, refused, type World } from './support.js';

// Intake completion (NO-02, AWB-03/04/06, NO-16, ISO-04) and routing (AWB-15/16, NO-13).
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

const outbox = (caseId: string, kind: string) =>
  w.t.database.db
    .selectFrom('outbox')
    .select(['recipient', 'subject', 'body_text'])
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .execute();

describe('intake completion', () => {
  it('AWB-03/04: missing formal elements are flagged with a request for repair, never a rejection', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00', { channel: 'email' });
    // An anonymous e-mail: not signed (AWB-04), no address.
    let c = await ok(w, w.intake, id, 'complete_intake', {
      formalChecks: {
        signature: 'none',
        hasName: true,
        hasAddress: false,
        hasDate: true,
        hasDescription: true,
      },
    });
    expect(c.intake.formalProcedureApplies).toBe(false);
    expect(c.status).toBe('received'); // still registered and handled
    const repair = c.tasks.find((t: { kind: string }) => t.kind === 'repair_request');
    expect(repair.data.defects).toEqual(['signature', 'address']);
    const mails = await outbox(id, 'repair-request');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toMatch(/niet afgewezen/);
    // The same defects again: no second request.
    await ok(w, w.intake, id, 'complete_intake', {
      formalChecks: {
        signature: 'none',
        hasName: true,
        hasAddress: false,
        hasDate: true,
        hasDescription: true,
      },
    });
    expect(await outbox(id, 'repair-request')).toHaveLength(1);
    // Repaired via DigiD (AWB-04): the formal procedure applies and the task is done.
    c = await ok(w, w.intake, id, 'complete_intake', {
      formalChecks: {
        signature: 'digid',
        hasName: true,
        hasAddress: true,
        hasDate: true,
        hasDescription: true,
      },
    });
    expect(c.intake.formalProcedureApplies).toBe(true);
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'repair_request').status).toBe('done');
  });

  it('AWB-01/02/03: behaviour towards someone else, or an oral complaint, is registered outside the formal procedure', async () => {
    const other = await newCase(w, '2027-01-04T10:00:00+01:00');
    let c = await ok(w, w.intake, other, 'complete_intake', {
      behaviourTowards: 'other',
      formalChecks: {
        signature: 'handwritten',
        hasName: true,
        hasAddress: true,
        hasDate: true,
        hasDescription: true,
      },
    });
    expect(c.intake.formalProcedureApplies).toBe(false);
    expect(c.tasks.some((t: { kind: string }) => t.kind === 'repair_request')).toBe(false);
    const oral = await newCase(w, '2027-01-04T10:00:00+01:00', { channel: 'phone' });
    c = await ok(w, w.intake, oral, 'complete_intake', {
      formalChecks: {
        signature: 'none',
        hasName: true,
        hasAddress: false,
        hasDate: false,
        hasDescription: true,
      },
    });
    expect(c.intake.formalProcedureApplies).toBe(false);
    expect(c.history.find((e: { type: string }) => e.type === 'case.intake_completed').data.oral).toBe(true);
    expect(c.tasks.some((t: { kind: string }) => t.kind === 'repair_request')).toBe(false);
  });

  it('ISO-04: a safety issue makes the case urgent and alerts the managers once', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00', { categoryId: w.categoryId });
    const assessment = { safety: true, severity: 'high', complexity: 'low', impact: 'high' };
    let c = await ok(w, w.intake, id, 'complete_intake', { assessment });
    expect(c.intake.priority).toBe('urgent');
    const alerts = await outbox(id, 'manager-alert');
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts[0]!.subject).toMatch(/SPOED/);
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'safety_review').rule).toBe('ISO-04');
    await ok(w, w.intake, id, 'complete_intake', { assessment });
    expect(await outbox(id, 'manager-alert')).toHaveLength(alerts.length);
    const low = await newCase(w, '2027-01-04T10:00:00+01:00');
    c = await ok(w, w.intake, low, 'complete_intake', {
      assessment: { safety: false, severity: 'low', complexity: 'low', impact: 'low' },
    });
    expect(c.intake.priority).toBe('low');
  });

  it('NO-16: vulnerability and preferred channel are recorded but shown only to those who need them', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    await readyForHandling(w, id);
    await ok(w, w.intake, id, 'complete_intake', {
      vulnerability: 'Laaggeletterd; graag telefonisch in B1.',
      preferredChannel: 'phone',
    });
    expect((await detail(w, w.handler, id)).intake).toMatchObject({
      restricted: false,
      vulnerability: 'Laaggeletterd; graag telefonisch in B1.',
      preferredChannel: 'phone',
    });
    const colleague = await w.t.staff('handler', w.departmentId);
    const seen = (await detail(w, colleague, id)).intake;
    expect(seen).toMatchObject({ restricted: true, vulnerability: null, preferredChannel: null });
    // The history says what changed, never the content.
    const ev = (await detail(w, w.manager, id)).history
      .filter((e: { type: string }) => e.type === 'case.intake_completed')
      .at(-1);
    expect(JSON.stringify(ev.data)).not.toMatch(/Laaggeletterd/);
  });

  it('AWB-06: a representative needs a written authorisation before receiving case content', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    let c = await ok(w, w.intake, id, 'add_representative', {
      name: 'Mr. J. de Wit',
      email: 'dewit@advocaat.example',
      relation: 'representative',
    });
    expect(c.representatives[0]).toMatchObject({ authorisationRequired: true, mayReceiveCaseContent: false });
    c = await ok(w, w.intake, id, 'record_authorisation', {
      representativeId: c.representatives[0].id,
      document: 'machtiging-2027-01-04.pdf',
    });
    expect(c.representatives[0].mayReceiveCaseContent).toBe(true);
  });

  it('NO-02: handling starts only with the core complaint and desired outcome; first contact is tracked against 5 working days', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00', { desiredOutcome: undefined });
    await ok(w, w.intake, id, 'assign', { categoryId: w.categoryId, handlerId: w.handler.id });
    const e = await refused(w, w.handler, id, 'start_handling', {}, 422, 'CORE_COMPLAINT_MISSING');
    expect(e.error.details.blockers.map((b: { code: string }) => b.code)).toEqual([
      'CORE_COMPLAINT_MISSING',
      'DESIRED_OUTCOME_MISSING',
      'FIRST_CONTACT_MISSING',
    ]);
    const c = await ok(w, w.handler, id, 'record_first_contact', {
      at: '2027-01-05T09:30:00+01:00',
      channel: 'phone',
    });
    expect(c.deadlines.firstContact).toBe('2027-01-11');
    expect(c.history.find((x: { type: string }) => x.type === 'case.first_contact').data.onTime).toBe(true);
  });
});

describe('routing and assignment', () => {
  it('category → department → handler; a reassignment needs a reason', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    let c = await ok(w, w.intake, id, 'assign', { categoryId: w.categoryId });
    expect(c.departmentId).toBe(w.departmentId); // the category's default department
    // NO-13: a handler of another department does not fit without re-routing.
    await refused(
      w,
      w.intake,
      id,
      'assign',
      { handlerId: w.otherHandler.id, departmentId: w.departmentId },
      422,
      'HANDLER_NOT_ELIGIBLE',
    );
    // WKKGZ-03: the complaints officer is never the handler.
    await refused(w, w.intake, id, 'assign', { handlerId: w.officer.id }, 422, 'HANDLER_NOT_ELIGIBLE');
    c = await ok(w, w.manager, id, 'assign', { handlerId: w.handler.id });
    expect(c.assigneeId).toBe(w.handler.id);
    const colleague = await w.t.staff('handler', w.departmentId);
    await refused(w, w.manager, id, 'assign', { handlerId: colleague.id }, 422, 'REASON_REQUIRED');
    c = await ok(w, w.manager, id, 'assign', {
      handlerId: colleague.id,
      reason: 'Vakantie van de eerste behandelaar.',
    });
    expect(c.history.filter((e: { type: string }) => e.type === 'case.assigned').at(-1).data).toMatchObject({
      reason: 'Vakantie van de eerste behandelaar.',
      from: { assigneeId: w.handler.id },
      to: { assigneeId: colleague.id },
    });
  });

  it('AWB-15: a respondent cannot be assigned, and the error says why; AWB-16: the body itself may, with a warning', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00', { categoryId: w.categoryId });
    await ok(w, w.intake, id, 'add_respondent', { kind: 'staff', userId: w.handler.id });
    const e = await refused(
      w,
      w.intake,
      id,
      'assign',
      { handlerId: w.handler.id },
      409,
      'HANDLER_IS_RESPONDENT',
    );
    expect(e.error.message).toMatch(/beklaagde/);
    expect(e.error.details.rule).toBe('AWB-15');
    // The chair of the body complained about (AWB-16): allowed, warning recorded.
    const chair = await w.t.staff('manager', w.departmentId);
    await ok(w, w.intake, id, 'add_respondent', { kind: 'chair', userId: chair.id });
    const c = await ok(w, w.intake, id, 'assign', { handlerId: chair.id });
    expect(c.history.filter((x: { type: string }) => x.type === 'case.assigned').at(-1).data.warning).toMatch(
      /AWB-16/,
    );
    // Adding the current handler as a personal respondent is refused too.
    const id2 = await newCase(w, '2027-01-04T10:00:00+01:00', { categoryId: w.categoryId });
    await ok(w, w.intake, id2, 'assign', { handlerId: w.handler.id });
    await refused(
      w,
      w.intake,
      id2,
      'add_respondent',
      { kind: 'staff', userId: w.handler.id },
      409,
      'HANDLER_IS_RESPONDENT',
    );
  });
});

describe('AWB-42 [C] configurable: extension after expiry', () => {
  it("'reject' (default) refuses; 'allow_overdue' records it and flags the case overdue", async () => {
    const id = await newCase(w, '2026-11-10T10:00:00+01:00'); // due 2026-12-22 < now
    await readyForHandling(w, id);
    const e = await refused(
      w,
      w.handler,
      id,
      'extend',
      { weeks: 2, reason: 'Meer tijd nodig.' },
      422,
      'EXTENSION_TOO_LATE',
    );
    expect(e.error.details.rule).toBe('AWB-42');
    const org = await w.t.services.organisation.get();
    await w.t.services.organisation.save({
      ...org,
      settings: { ...org.settings, workflow: { extensionAfterExpiry: 'allow_overdue' } },
    });
    try {
      const c = await ok(w, w.handler, id, 'extend', { weeks: 2, reason: 'Meer tijd nodig.' });
      expect(c.overdue).toBe(true);
      expect(c.extension.late).toBe(true);
    } finally {
      await w.t.services.organisation.save(org);
    }
    expect((await act(w, w.handler, id, 'extend', { weeks: 1, reason: 'Nog meer.' })).statusCode).toBe(422);
  });
});

describe('OpenAPI', () => {
  it('every lifecycle action is a documented route with its Zod body', async () => {
    const { CASE_ACTIONS } = await import('../../../../domain/lifecycle.js');
    const doc = (await w.t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const a of CASE_ACTIONS) {
      const op = doc.paths[`/api/v1/cases/{id}/actions/${a}`]?.post;
      expect(op, a).toBeDefined();
      expect(op.requestBody.content['application/json'].schema.properties.expectedVersion, a).toBeDefined();
    }
  });
});
