import { expect } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../../test/helpers.js';
import type { RegimeId } from '../../../../domain/deadlines.js';

export type Staff = Awaited<ReturnType<TestContext['staff']>>;

export interface World {
  t: TestContext;
  departmentId: string;
  otherDepartmentId: string;
  categoryId: string;
  admin: Staff;
  intake: Staff;
  handler: Staff;
  manager: Staff;
  otherHandler: Staff;
  officer: Staff;
}

const externalBody = {
  awb: {
    name: 'Nationale ombudsman',
    address: 'Postbus 93122, 2509 AC Den Haag',
    url: 'https://www.nationaleombudsman.nl',
    terms: 'binnen een jaar',
  },
  wkkgz: {
    name: 'De Geschillencommissie Zorg',
    address: 'Postbus 90600, 2509 LP Den Haag',
    url: 'https://www.degeschillencommissiezorg.nl',
  },
};

/** A test organisation: one department with a handler and a manager, another department, staff of each role. */
export async function createWorld(regime: RegimeId = 'awb'): Promise<World> {
  const t = await createTestContext();
  await t.services.organisation.save({
    name: 'Gemeente Testdorp',
    regime,
    settings: {
      contactPhone: '14 020',
      complaintRegulationUrl: 'https://testdorp.example/klachtenregeling',
      externalBody: regime === 'wkkgz' ? externalBody.wkkgz : externalBody.awb,
    },
  });
  const db = t.database.db;
  const [dep, other] = await db
    .insertInto('department')
    .values([{ name: 'Burgerzaken' }, { name: 'Belastingen' }])
    .returning('id')
    .execute();
  const cat = await db
    .insertInto('category')
    .values({ name: 'Bejegening', department_id: dep!.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    t,
    departmentId: dep!.id,
    otherDepartmentId: other!.id,
    categoryId: cat.id,
    admin: await t.staff('admin'),
    intake: await t.staff('intake'),
    handler: await t.staff('handler', dep!.id),
    manager: await t.staff('manager', dep!.id),
    otherHandler: await t.staff('handler', other!.id),
    officer: await t.staff('complaints-officer'),
  };
}

/** Registers a complaint by staff intake with a chosen moment of receipt. */
export async function newCase(
  w: World,
  receivedAt: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: w.intake.auth,
    payload: { ...exampleComplaint, incidentDate: '2026-01-02', channel: 'letter', receivedAt, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export async function act(
  w: World,
  who: Staff,
  caseId: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  return w.t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/actions/${action}`,
    headers: who.auth,
    payload: body,
  });
}

/** Takes a step and expects it to succeed; returns the updated case. */
export async function ok(
  w: World,
  who: Staff,
  caseId: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  const res = await act(w, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** Takes a step and expects it to be refused with this status and code. */
export async function refused(
  w: World,
  who: Staff,
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  status: number,
  code: string,
) {
  const res = await act(w, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
  expect(res.json().error.code).toBe(code);
  return res.json();
}

export async function detail(w: World, who: Staff, caseId: string) {
  const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: who.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const types = (c: { history: { type: string }[] }) => c.history.map((e) => e.type);
export const allowed = (c: { allowedActions: { action: string }[] }) => c.allowedActions.map((a) => a.action);

/** A letter complaint: core, outcome, formal checks complete, one item, routed and assigned, first contact made (NO-02). */
export async function readyForHandling(w: World, caseId: string, opts: { contact?: boolean } = {}) {
  await ok(w, w.intake, caseId, 'complete_intake', {
    coreComplaint: 'De klager is aan de balie onvriendelijk behandeld.',
    desiredOutcome: 'Excuses en uitleg.',
    formalChecks: {
      signature: 'handwritten',
      hasName: true,
      hasAddress: true,
      hasDate: true,
      hasDescription: true,
    },
    assessment: { safety: false, severity: 'medium', complexity: 'low', impact: 'medium' },
  });
  await ok(w, w.intake, caseId, 'add_item', {
    summary: 'Onvriendelijke bejegening aan de balie',
    severity: 'medium',
  });
  await ok(w, w.intake, caseId, 'assign', { categoryId: w.categoryId, handlerId: w.handler.id });
  if (opts.contact !== false) await contacted(w, caseId);
}

/** NO-02: the handler records the first personal contact (now, as the server sees it). */
export async function contacted(w: World, caseId: string, who?: Staff) {
  return ok(w, who ?? w.handler, caseId, 'record_first_contact', {
    at: new Date().toISOString(),
    channel: 'phone',
  });
}
