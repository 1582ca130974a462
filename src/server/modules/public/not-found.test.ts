import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await t.services.organisation.save({ name: 'Gemeente Telstad', regime: 'awb', settings: {} });
});
afterAll(async () => t?.close());

const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('addresses Redress does not have', () => {
  it('a trailing slash on a public page leads to the page itself, query kept', async () => {
    const nl = await t.app.inject({ url: '/klacht/', headers: browser });
    expect(nl.statusCode).toBe(308);
    expect(nl.headers.location).toBe('/klacht');
    const en = await t.app.inject({ url: '/complaint/?lang=en', headers: browser });
    expect(en.statusCode).toBe(308);
    expect(en.headers.location).toBe('/complaint?lang=en');
    // The target is always a route of Redress itself: no open redirect.
    const evil = await t.app.inject({ url: '//evil.example/', headers: browser });
    expect(evil.statusCode).toBe(404);
    expect(evil.headers.location).toBeUndefined();
  });

  it('a browser gets a page in its language, with the way to the complaint form', async () => {
    const nl = await t.app.inject({ url: '/klacht/bestaat-niet', headers: browser });
    expect(nl.statusCode).toBe(404);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.headers['content-security-policy']).toBeDefined();
    expect(nl.body).toContain('<html lang="nl"');
    expect(nl.body).toContain('Pagina niet gevonden');
    expect(nl.body).toContain('href="/klacht"');
    expect(nl.body).toContain('Gemeente Telstad');

    const en = await t.app.inject({
      url: '/some/old/page',
      headers: { ...browser, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('href="/complaint"');
  });

  it('what is typed in the address is never echoed as markup', async () => {
    const res = await t.app.inject({ url: '/%3Cscript%3Ealert(1)%3C/script%3E', headers: browser });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<script>alert(1)');
  });

  it('programs keep the JSON error: the API, and anything that does not ask for HTML', async () => {
    const api = await t.app.inject({ url: '/api/v1/bestaat-niet', headers: browser });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const plain = await t.app.inject({ url: '/bestaat-niet' });
    expect(plain.statusCode).toBe(404);
    expect(plain.json().error.code).toBe('NOT_FOUND');
    const post = await t.app.inject({ method: 'POST', url: '/bestaat-niet', headers: browser });
    expect(post.json().error.code).toBe('NOT_FOUND');
  });
});
