import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CASE_ACTIONS, type CaseAction, type CaseStatus } from '../../../../domain/lifecycle.js';
import type { Role } from '../../users/service.js';
import { createWorld, detail, newCase, type Staff, type World } from './support.js';

// The authorisation matrix: each role × action × own/other department, written out by hand as the
// specification, checked against `allowedActions` (GET) and against enforcement (the service).

const INTAKE_STEPS: CaseAction[] = [
  'complete_intake',
  'add_item',
  'add_respondent',
  'add_representative',
  'record_authorisation',
];
const ALL = [...CASE_ACTIONS];
const EXPECTED: Record<Role, { own: CaseAction[]; other: CaseAction[] }> = {
  intake: {
    own: [...INTAKE_STEPS, 'assign', 'acknowledge', 'forward', 'withdraw'],
    other: [...INTAKE_STEPS, 'assign', 'acknowledge', 'forward', 'withdraw'],
  },
  // A handler may take (assign to self) an unassigned case of the own department.
  handler: { own: ALL, other: [] },
  manager: { own: ALL, other: [] },
  admin: { own: ['assign', 'acknowledge'], other: ['assign', 'acknowledge'] },
  // WKKGZ-03: the complaints officer helps the complainant; never judges or decides.
  'complaints-officer': {
    own: [
      'complete_intake',
      'add_item',
      'add_representative',
      'record_first_contact',
      'record_contact_attempt',
      'record_progress_update',
      'withdraw',
    ],
    other: [
      'complete_intake',
      'add_item',
      'add_representative',
      'record_first_contact',
      'record_contact_attempt',
      'record_progress_update',
      'withdraw',
    ],
  },
};
const ROLES = Object.keys(EXPECTED) as Role[];
// Between them these statuses allow every action of the table (advisory regime: AWB-53 steps too).
const STATES: CaseStatus[] = ['received', 'in_progress', 'with_committee', 'decided', 'escalated'];

let w: World;
const users: Record<string, Staff> = {};
const caseIn: Partial<Record<CaseStatus, string>> = {};
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-05T09:00:00Z'));
  w = await createWorld('awb-advisory');
  for (const role of ROLES) {
    users[`${role}:own`] = await w.t.staff(
      role,
      role === 'handler' || role === 'manager' ? w.departmentId : null,
    );
    users[`${role}:other`] = await w.t.staff(role, w.otherDepartmentId);
  }
  for (const status of STATES) {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00', { categoryId: w.categoryId });
    await w.t.database.db.updateTable('complaint_case').set({ status }).where('id', '=', id).execute();
    caseIn[status] = id;
  }
});
afterAll(async () => {
  vi.useRealTimers();
  await w?.t.close();
});

describe('authorisation matrix: role × action × own/other department', () => {
  for (const role of ROLES) {
    for (const scope of ['own', 'other'] as const) {
      it(`${role} on a case of the ${scope} department`, async () => {
        const who = users[`${role}:${scope}`]!;
        const seen = new Set<string>();
        for (const status of STATES) {
          // PRIV-09: a case of another department is not even readable for handlers and managers.
          if (EXPECTED[role][scope].length === 0) {
            const res = await w.t.app.inject({
              method: 'GET',
              url: `/api/v1/cases/${caseIn[status]!}`,
              headers: who.auth,
            });
            expect(res.statusCode).toBe(403);
          }
          const c =
            EXPECTED[role][scope].length === 0
              ? { allowedActions: [] as { action: string }[] }
              : await detail(w, who, caseIn[status]!);
          for (const a of c.allowedActions) seen.add(a.action);
          // Enforcement: every action not offered is refused by the service (403 or 409), never applied.
          const offered = new Set(c.allowedActions.map((a: { action: string }) => a.action));
          const user = await w.t.services.users.userForToken(who.token);
          for (const action of CASE_ACTIONS.filter((a) => !offered.has(a))) {
            const err = await w.t.services.workflow.perform(user!, caseIn[status]!, action, {}).then(
              () => undefined,
              (e: { status?: number; code?: string }) => e,
            );
            expect(err, `${role}/${scope}/${status}/${action} was applied`).toBeDefined();
            expect([403, 409], `${role}/${scope}/${status}/${action}: ${err?.code}`).toContain(err!.status);
          }
        }
        expect([...seen].sort()).toEqual([...EXPECTED[role][scope]].sort());
      });
    }
  }

  it('AWB-15: a staff member who is a respondent neither reads nor acts on the case, whatever the role', async () => {
    const id = caseIn.received!;
    const manager = users['manager:own']!;
    await w.t.database.db
      .insertInto('respondent')
      .values({ case_id: id, kind: 'staff', user_id: manager.id, name: 'Mo Manager' })
      .execute();
    // PRIV-09 / AWB-15: the person complained about does not even read the complaint.
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: manager.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('respondent');
    expect(res.body).not.toContain('description');
    const user = await w.t.services.users.userForToken(manager.token);
    await expect(w.t.services.workflow.perform(user!, id, 'acknowledge', {})).rejects.toMatchObject({
      code: 'HANDLER_IS_RESPONDENT',
    });
  });
});
