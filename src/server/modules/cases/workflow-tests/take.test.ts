import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, allowed, createWorld, detail, newCase, ok, type World } from './support.js';

// A handler picks up an unassigned case of their own department (NO-13 routing stays with intake
// and managers: a handler cannot assign others, reroute, or take a case someone else has).
let w: World;
beforeAll(async () => {
  w = await createWorld('awb');
});
afterAll(async () => w?.t.close());

describe('a handler takes a case', () => {
  it('takes an unassigned case of the own department for themselves, and nothing else', async () => {
    const id = await newCase(w, new Date(Date.now() - 3_600_000).toISOString(), { categoryId: w.categoryId });
    expect(allowed(await detail(w, w.handler, id))).toContain('assign');

    const forOther = await act(w, w.handler, id, 'assign', { handlerId: w.otherHandler.id });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('HANDLER_TAKES_ONLY');
    const reroute = await act(w, w.handler, id, 'assign', {
      handlerId: w.handler.id,
      departmentId: w.otherDepartmentId,
    });
    expect(reroute.json().error.code).toBe('HANDLER_TAKES_ONLY');

    const taken = await ok(w, w.handler, id, 'assign', { handlerId: w.handler.id });
    expect(taken.assigneeId).toBe(w.handler.id);
    expect(taken.history.map((e: { type: string }) => e.type)).toContain('case.assigned');

    // Now assigned: no second taking, by anyone in the handler role.
    const c = await detail(w, w.handler, id);
    expect(allowed(c)).not.toContain('assign');
    const again = await act(w, w.handler, id, 'assign', { handlerId: w.handler.id });
    expect(again.statusCode).toBe(403);
  });
});
