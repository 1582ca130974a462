import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
let admin: Awaited<ReturnType<TestContext['staff']>>;
let handler: Awaited<ReturnType<TestContext['staff']>>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.staff('admin');
  handler = await t.staff('handler');
});
afterAll(async () => t?.close());

const awbOrg = {
  name: 'Gemeente Testdorp',
  regime: 'awb',
  settings: {
    contactPhone: '14 020',
    externalBody: {
      name: 'Nationale ombudsman',
      address: 'Postbus 93122, 2509 AC Den Haag',
      url: 'https://www.nationaleombudsman.nl',
      terms: 'binnen een jaar',
    },
    workflow: { extensionAfterExpiry: 'reject', reminderWorkingDays: [5, 1] },
  },
};

describe('organisation admin API (settings, departments, categories, staff)', () => {
  it('an admin sets regime and settings; staff read them; others may not change them', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: admin.auth,
      payload: awbOrg,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().settings.externalBody.name).toBe('Nationale ombudsman');
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/organisation', headers: handler.auth });
    expect(get.json()).toMatchObject({
      name: 'Gemeente Testdorp',
      regime: 'awb',
      settings: { contactPhone: '14 020' },
    });
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: handler.auth,
      payload: awbOrg,
    });
    expect(denied.statusCode).toBe(403);
    expect((await t.services.organisation.workflow()).extensionAfterExpiry).toBe('reject');
  });

  it('WKKGZ-01/WKKGZ-08: a Wkkgz organisation needs a complaints regulation and a disputes body URL', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: admin.auth,
      payload: {
        name: 'Zorg BV',
        regime: 'wkkgz',
        settings: { externalBody: { name: 'De Geschillencommissie Zorg' } },
      },
    });
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['settings.complaintRegulationUrl', 'settings.externalBody.url']),
    );
  });

  it('AWB-51: an Awb ombudsman needs an address; bad [C] settings are refused', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: admin.auth,
      payload: { ...awbOrg, settings: { externalBody: { name: 'Ombudsman' } } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'settings.externalBody.address',
    ]);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: admin.auth,
      payload: { ...awbOrg, settings: { workflow: { extensionAfterExpiry: 'whenever' } } },
    });
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'settings.workflow.extensionAfterExpiry',
    ]);
  });

  it('letterhead, letter rules and public branding are settings an admin can set; bad values are field errors', async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    const settings = {
      ...awbOrg.settings,
      letterhead: {
        address: 'Markt 1, 1234 AB Testdorp',
        phone: '14 020',
        website: 'https://testdorp.example',
        logo,
      },
      letters: { lint: { severity: { 'LET-08': 'off' }, maxAverageSentenceWords: 18 } },
      branding: { primaryColor: '#1f4e79', logoUrl: '/logo.svg' },
    };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: admin.auth,
      payload: { ...awbOrg, settings },
    });
    expect(put.statusCode).toBe(200);
    expect((await t.services.organisation.get()).settings.letterhead?.logo).toBe(logo);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: admin.auth,
      payload: {
        ...awbOrg,
        settings: {
          ...settings,
          letterhead: { logo: 'https://evil.example/x.png' },
          letters: { lint: { severity: { 'LET-08': 'loud' } } },
          branding: { primaryColor: 'red' },
        },
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual([
      'settings.branding.primaryColor',
      'settings.letterhead.logo',
      'settings.letters.lint.severity.LET-08',
    ]);
    await t.app.inject({ method: 'PUT', url: '/api/v1/organisation', headers: admin.auth, payload: awbOrg });
  });

  it('every staff member reads the staff directory (names for assignees), but not the admin user list', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/staff', headers: handler.auth });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, handler.id]));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: handler.auth })).statusCode,
    ).toBe(403);
  });

  it('departments, categories with a default department, and users with roles', async () => {
    const dep = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.auth,
      payload: { name: 'Burgerzaken' },
    });
    expect(dep.statusCode).toBe(201);
    const depId = dep.json().id;
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.auth,
      payload: { name: 'Burgerzaken' },
    });
    expect(dup.statusCode).toBe(409);
    const cat = await t.app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin.auth,
      payload: { name: 'Bejegening', departmentId: depId },
    });
    expect(cat.statusCode).toBe(201);
    expect(cat.json().departmentId).toBe(depId);
    const badCat = await t.app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin.auth,
      payload: { name: 'X', departmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(badCat.statusCode).toBe(422);
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.auth,
      payload: {
        email: 'kf@zorg.test',
        name: 'Klachtenfunctionaris',
        role: 'complaints-officer',
        departmentId: depId,
      },
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).toMatchObject({ role: 'complaints-officer', departmentId: depId, active: true });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.json().id}`,
      headers: admin.auth,
      payload: { role: 'handler', active: false },
    });
    expect(patched.json()).toMatchObject({ role: 'handler', active: false });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?department=${depId}`,
      headers: admin.auth,
    });
    expect(list.json().items.map((u: { email: string }) => u.email)).toEqual(['kf@zorg.test']);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/categories/${cat.json().id}`,
      headers: admin.auth,
      payload: { active: false },
    });
    expect(renamed.json().active).toBe(false);
    // Non-admins cannot change the organisation model.
    for (const [method, url, payload] of [
      ['POST', '/api/v1/departments', { name: 'Nope' }],
      ['POST', '/api/v1/categories', { name: 'Nope' }],
      ['POST', '/api/v1/users', { email: 'x@y.test', role: 'admin' }],
    ] as const) {
      expect((await t.app.inject({ method, url, headers: handler.auth, payload })).statusCode).toBe(403);
    }
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      headers: admin.auth,
      payload: { active: false },
    });
    expect(self.statusCode).toBe(409);
  });

  it('the admin routes are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const p of [
      '/api/v1/organisation',
      '/api/v1/departments',
      '/api/v1/categories',
      '/api/v1/users',
      '/api/v1/users/{id}',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});
