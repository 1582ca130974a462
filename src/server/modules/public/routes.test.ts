import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, finalisedText, type TestContext } from '../../../../test/helpers.js';
import { multipart } from '../../../../test/support/forms.js';

// Server-side tests of the public pages through app.inject. Rule IDs in the names.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const validForm = {
  name: 'Anna de Vries',
  contactPreference: 'email',
  email: 'anna@example.nl',
  description: 'De medewerker aan de balie was onbeleefd.',
  involved: 'Baliemedewerker burgerzaken',
  desiredOutcome: 'Excuses',
  incidentDate: '2026-11-02',
  website: '',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function file(
  fields: Record<string, string> = validForm,
  files: Parameters<typeof multipart>[1] = [],
  path = '/klacht',
) {
  const body = multipart(fields, files);
  return ctx.app.inject({ method: 'POST', url: path, ...body });
}

async function fileAndFollow(
  fields: Record<string, string> = validForm,
  files: Parameters<typeof multipart>[1] = [],
) {
  const res = await file(fields, files);
  expect(res.statusCode).toBe(303);
  const location = String(res.headers.location);
  const token = /\/status\/([^/?]+)\/bevestiging/.exec(location)![1]!;
  const row = await ctx.services.database.db
    .selectFrom('complaint_case')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { location, token, row };
}

describe('complaint form (NO-01)', () => {
  it('serves the Dutch and English form with a language switch, security headers and no inline script', async () => {
    const nl = await ctx.app.inject({ method: 'GET', url: '/klacht' });
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.body).toContain('<html lang="nl"');
    expect(nl.body).toContain('href="/complaint"');
    expect(nl.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(nl.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(nl.headers['referrer-policy']).toBe('no-referrer');
    expect(nl.body).not.toMatch(/<script>(?!<\/script>)/);
    expect(nl.body).not.toMatch(/ style="/);
    const en = await ctx.app.inject({ method: 'GET', url: '/complaint' });
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Make a complaint');
    expect(en.body).toContain('href="/klacht"');
  });

  it('NO-01: the root leads to the complaint form in the asked language', async () => {
    const nl = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(nl.statusCode).toBe(302);
    expect(nl.headers.location).toBe('/klacht');
    const en = await ctx.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.headers.location).toBe('/complaint');
  });

  it('PRIV-02: the form tells how personal data are used', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/klacht' });
    expect(res.body).toContain('Wat wij met uw gegevens doen');
  });

  it('files through IntakeService.register: case, history and the same acknowledgement in the outbox (ISO-03)', async () => {
    const { location, token, row } = await fileAndFollow();
    expect(location).toMatch(/^\/status\/[A-Za-z0-9_-]+\/bevestiging$/);
    expect(row.complainant_name).toBe('Anna de Vries');
    expect(row.channel).toBe('web');
    expect(row.description).toContain('De medewerker aan de balie was onbeleefd.');
    expect(row.description).toContain('Betrokken personen of afdeling: Baliemedewerker burgerzaken');
    expect(row.description).toContain('Voorkeur voor contact: e-mail');
    const outbox = await ctx.services.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('case_id', '=', row.id)
      .execute();
    expect(outbox.map((o) => o.kind)).toEqual(['acknowledgement']);
    expect(outbox[0]!.body_text).toContain(row.reference);
    const confirmation = await ctx.app.inject({ method: 'GET', url: location });
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain(row.reference);
    expect(confirmation.body).toContain(`/status/${token}`);
    expect(confirmation.headers['cache-control']).toBe('no-store');
  });

  it('English form files an English complaint and redirects with ?lang=en', async () => {
    const res = await file({ ...validForm, email: 'john@example.com' }, [], '/complaint');
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/\?lang=en$/);
    const row = await ctx.services.database.db
      .selectFrom('complaint_case')
      .select(['language', 'description'])
      .where('complainant_email', '=', 'john@example.com')
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('en');
    expect(row.description).toContain('Preferred contact: e-mail');
  });

  it('shows every error in a summary linked to its field, keeps the input, and files nothing', async () => {
    const before = await count('complaint_case');
    const res = await file({
      ...validForm,
      name: '',
      description: '',
      email: 'geen-email',
      incidentDate: '2999-01-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<title>Fout: ');
    expect(res.body).toContain('href="#f-name">Vul uw naam in.');
    expect(res.body).toContain('href="#f-description">Beschrijf wat er is gebeurd.');
    expect(res.body).toContain('href="#f-email">');
    expect(res.body).toContain('href="#f-incidentDate">De datum van het voorval ligt in de toekomst.');
    // Attributes may be split over lines by the template's formatting: compare with whitespace collapsed.
    expect(res.body.replace(/\s+/g, ' ')).toContain(
      'id="f-email" name="email" aria-describedby="f-email-hint f-email-error" aria-invalid="true"',
    );
    expect(res.body).toContain('value="geen-email"');
    expect(res.body).toContain('Baliemedewerker burgerzaken');
    expect(await count('complaint_case')).toBe(before);
  });

  it('errors are in the language of the form', async () => {
    const res = await file({ ...validForm, name: '' }, [], '/complaint');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter your name.');
  });

  it('asks for the contact detail that matches the chosen contact preference', async () => {
    const res = await file({ ...validForm, contactPreference: 'phone', phone: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-phone">Vul uw telefoonnummer in');
    const none = await file({ ...validForm, contactPreference: '' });
    expect(none.body).toContain('href="#f-contactPreference">Kies hoe wij contact met u opnemen.');
  });

  it('honeypot: a filled hidden field files nothing', async () => {
    const before = await count('complaint_case');
    const res = await file({ ...validForm, website: 'http://spam.example' });
    expect(res.statusCode).toBe(400);
    expect(await count('complaint_case')).toBe(before);
  });

  it('a double submission of the same form files one complaint', async () => {
    const before = await count('complaint_case');
    const fields = { ...validForm, formId: 'abcdefghijklmnopqrstuv', email: 'dubbel@example.nl' };
    const a = await file(fields);
    const b = await file(fields);
    expect(a.statusCode).toBe(303);
    // The second answer names the complaint but carries no link (status links are never stored readable).
    expect(b.statusCode).toBe(200);
    expect(b.body).toContain('Uw klacht is al ontvangen');
    expect(b.body).not.toMatch(/\/status\/[A-Za-z0-9_-]{20,}/);
    expect(await count('complaint_case')).toBe(before + 1);
  });
});

describe('attachments: size and type limits, stored, never inline', () => {
  it('stores an allowed file with the complaint and serves it only as a download', async () => {
    const { token, row } = await fileAndFollow(validForm, [
      { name: 'attachments', filename: 'brief.pdf', type: 'application/pdf', content: PDF },
    ]);
    const stored = await ctx.services.database.db
      .selectFrom('case_attachment')
      .selectAll()
      .where('case_id', '=', row.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.content_type).toBe('application/pdf');
    expect(Buffer.compare(stored[0]!.content, PDF)).toBe(0);
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(page.body).toContain('brief.pdf');
    const dl = await ctx.app.inject({ method: 'GET', url: `/status/${token}/bijlagen/${stored[0]!.id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(dl.rawPayload, PDF)).toBe(0);
  });

  it('refuses a file whose content does not match an allowed type (an HTML page named .pdf)', async () => {
    const res = await file(validForm, [
      {
        name: 'attachments',
        filename: 'evil.pdf',
        type: 'application/pdf',
        content: Buffer.from('<script>alert(1)</script>'),
      },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-attachments">evil.pdf: dit soort bestand kunnen wij niet aannemen');
    expect(res.body).toContain('Kies ze opnieuw');
  });

  it('refuses an executable and a file over 5 MB', async () => {
    const exe = await file(validForm, [
      {
        name: 'attachments',
        filename: 'setup.exe',
        type: 'application/octet-stream',
        content: Buffer.from('MZ\x90\x00'),
      },
    ]);
    expect(exe.statusCode).toBe(422);
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const large = await file(validForm, [
      { name: 'attachments', filename: 'groot.pdf', type: 'application/pdf', content: big },
    ]);
    expect(large.statusCode).toBe(422);
    expect(large.body).toContain('groot.pdf: het bestand is groter dan 5,0 MB.');
  });

  it('refuses more than 5 files', async () => {
    const files = Array.from({ length: 6 }, (_, i) => ({
      name: 'attachments',
      filename: `d${i}.pdf`,
      type: 'application/pdf',
      content: PDF,
    }));
    const res = await file(validForm, files);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Kies hoogstens 5 bestanden.');
  });
});

describe('status page (ISO-02)', () => {
  it('shows the timeline in plain language and the acknowledgement message, in the case language', async () => {
    const { token, row } = await fileAndFollow();
    const res = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Uw klacht ${row.reference}`);
    expect(res.body).toContain('Wij hebben uw klacht ontvangen.');
    expect(res.body).toContain('Wij hebben uw klacht ontvangen (');
    expect(res.body).not.toContain(`/status/${token}</pre>`);
    expect(res.headers['cache-control']).toBe('no-store');
    const en = await ctx.app.inject({ method: 'GET', url: `/status/${token}?lang=en` });
    expect(en.body).toContain('We received your complaint.');
  });

  it('one case’s link never shows another case (token isolation), also not its documents', async () => {
    const a = await fileAndFollow({ ...validForm, name: 'Klager A' }, [
      { name: 'attachments', filename: 'a.pdf', type: 'application/pdf', content: PDF },
    ]);
    const b = await fileAndFollow({ ...validForm, name: 'Klager B' });
    const pageB = await ctx.app.inject({ method: 'GET', url: `/status/${b.token}` });
    expect(pageB.body).toContain(b.row.reference);
    expect(pageB.body).not.toContain(a.row.reference);
    expect(pageB.body).not.toContain('a.pdf');
    const attachmentOfA = await ctx.services.database.db
      .selectFrom('case_attachment')
      .select('id')
      .where('case_id', '=', a.row.id)
      .executeTakeFirstOrThrow();
    const viaB = await ctx.app.inject({
      method: 'GET',
      url: `/status/${b.token}/bijlagen/${attachmentOfA.id}`,
    });
    expect(viaB.statusCode).toBe(404);
    expect(viaB.rawPayload.includes(PDF)).toBe(false);
  });

  it('an unknown or malformed link gets the same "link does not work" page', async () => {
    for (const token of ['x'.repeat(32), 'kort', '..%2F..%2Fetc']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Deze link werkt niet (meer)');
      expect(res.body).toContain('href="/klacht/link"');
    }
  });

  it('the link from the acknowledgement expires after STATUS_LINK_TTL_DAYS from receipt', async () => {
    const { token, row } = await fileAndFollow();
    await ctx.services.database.db
      .updateTable('complaint_case')
      .set({
        received_at: sql<Date>`received_at - make_interval(days => ${ctx.services.config.statusLinkTtlDays + 1})`,
      })
      .where('id', '=', row.id)
      .execute();
    const res = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Deze link werkt niet (meer)');
  });

  it('adds information and a document with one history event; empty additions are refused', async () => {
    const { token, row } = await fileAndFollow();
    const empty = await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/informatie`,
      ...multipart({ message: '' }),
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#f-message">Typ uw aanvulling of kies een bestand.');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/informatie`,
      ...multipart({ message: 'Ik heb nog een foto.' }, [
        {
          name: 'attachments',
          filename: 'foto.png',
          type: 'image/png',
          content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
        },
      ]),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/status/${token}?bericht=informatie`);
    const events = await ctx.services.database.db
      .selectFrom('case_event')
      .select(['type', 'data'])
      .where('case_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['case.received', 'complainant.information_added']);
    expect(events[1]!.data).toMatchObject({ attachmentCount: 1, hasMessage: true });
    const page = await ctx.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.body).toContain('Wij hebben uw informatie ontvangen.');
    expect(page.body).toContain('U heeft informatie toegevoegd (1 bijlage).');
    expect(page.body).toContain('foto.png');
  });
});

describe('satisfaction survey after closing (ISO-10, seed 003) and the way further (AWB-51)', () => {
  it('is not offered while the case is open, and refused by the server', async () => {
    const { token } = await fileAndFollow();
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(page.body).not.toContain('Bent u tevreden?');
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/tevredenheid`,
      payload: 'outcome=yes&handling=yes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('after closing: asks, validates, records once with an event, and shows the ombudsman with the term when not satisfied', async () => {
    const { token, row } = await fileAndFollow();
    await closeDirectly(row.id);
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(page.body).toContain('Bent u tevreden?');
    expect(page.body).not.toContain('Informatie toevoegen');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/tevredenheid`,
      payload: 'outcome=misschien',
      headers: form,
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('href="#f-outcome">Kies of u tevreden bent met de uitkomst.');
    expect(invalid.body).toContain('href="#f-handling">');
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/tevredenheid`,
      payload: 'outcome=no&handling=partly&comment=Te+traag',
      headers: form,
    });
    expect(ok.statusCode).toBe(303);
    const survey = await ctx.services.database.db
      .selectFrom('satisfaction_survey')
      .selectAll()
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(survey).toMatchObject({
      outcome_satisfied: 'no',
      handling_satisfied: 'partly',
      comment: 'Te traag',
    });
    const after = await ctx.app.inject({ method: 'GET', url: `/status/${token}?bericht=tevredenheid` });
    expect(after.body).toContain('Dank u wel voor uw antwoorden.');
    expect(after.body).toContain('Niet tevreden?');
    expect(after.body).toContain('de Nationale ombudsman');
    expect(after.body).toMatch(/vóór \d{1,2} \w+ \d{4}/);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/tevredenheid`,
      payload: 'outcome=yes&handling=yes',
      headers: form,
    });
    expect(again.statusCode).toBe(409);
    const events = await ctx.services.database.db
      .selectFrom('case_event')
      .select('type')
      .where('case_id', '=', row.id)
      .where('type', '=', 'survey.answered')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('a satisfied complainant is not shown the escalation panel', async () => {
    const { token, row } = await fileAndFollow();
    await closeDirectly(row.id);
    await ctx.app.inject({
      method: 'POST',
      url: `/status/${token}/tevredenheid`,
      payload: 'outcome=yes&handling=yes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(page.body).toContain('U heeft de vragen over uw tevredenheid beantwoord.');
    expect(page.body).not.toContain('Niet tevreden?');
  });
});

describe('external route shown to the public', () => {
  it('links only http(s) addresses from the settings', async () => {
    const { externalRouteFor } = await import('./service.js');
    const org = (url: string) => ({
      name: 'Gemeente X',
      regime: 'awb' as const,
      settings: { externalBody: { name: 'Ombudsman X', url } },
    });
    const row = {
      regime: 'awb',
      receipt_date: '2026-11-02',
      status: 'closed',
      closed_at: null,
      decided_at: new Date('2027-03-04T10:00:00Z'),
    };
    expect(externalRouteFor(org('javascript:alert(1)'), row, [])?.url).toBeUndefined();
    const route = externalRouteFor(org('https://ombudsman.example'), row, []);
    expect(route?.url).toBe('https://ombudsman.example');
    expect(route?.before).toBe('2028-03-04'); // AWB-51: letter 2027-03-04 → before 2028-03-04
  });
});

describe('re-sending the status link (ISO-02)', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  it('answers the same neutral message for a match and a mismatch; mails only the address on file', async () => {
    const { row } = await fileAndFollow({ ...validForm, email: 'opnieuw@example.nl' });
    const miss = await ctx.app.inject({
      method: 'POST',
      url: '/klacht/link',
      payload: `reference=${row.reference}&email=iemand-anders%40example.nl`,
      headers: form,
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/klacht/link',
      payload: 'reference=KL-2026-999999&email=opnieuw%40example.nl',
      headers: form,
    });
    const hit = await ctx.app.inject({
      method: 'POST',
      url: '/klacht/link',
      payload: `reference=${row.reference.toLowerCase()}&email=OPNIEUW%40example.nl`,
      headers: form,
    });
    for (const r of [miss, unknown, hit]) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Controleer uw e-mail');
    }
    const strip = (s: string) => s.replace(/\s+/g, ' ');
    expect(strip(miss.body)).toBe(strip(hit.body));
    const mails = await ctx.services.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'status-link')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe('opnieuw@example.nl');
    expect(mails[0]!.body_text).not.toMatch(/\/status\/[A-Za-z0-9_-]{20,}/);
    const newToken = /\/status\/([A-Za-z0-9_-]+)/.exec(await finalisedText(ctx.services, mails[0]!.id))![1]!;
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${newToken}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(row.reference);
    // A second request right away sends nothing more (no mail bombing through the form).
    await ctx.app.inject({
      method: 'POST',
      url: '/klacht/link',
      payload: `reference=${row.reference}&email=opnieuw%40example.nl`,
      headers: form,
    });
    expect(
      await ctx.services.database.db
        .selectFrom('outbox')
        .select('id')
        .where('kind', '=', 'status-link')
        .execute(),
    ).toHaveLength(1);
  });

  it('a re-sent link expires at its own expiry date', async () => {
    const { row } = await fileAndFollow({ ...validForm, email: 'verloopt@example.nl' });
    await ctx.app.inject({
      method: 'POST',
      url: '/klacht/link',
      payload: `reference=${row.reference}&email=verloopt%40example.nl`,
      headers: form,
    });
    const mail = await ctx.services.database.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient', '=', 'verloopt@example.nl')
      .where('kind', '=', 'status-link')
      .executeTakeFirstOrThrow();
    const token = /\/status\/([A-Za-z0-9_-]+)/.exec(await finalisedText(ctx.services, mail.id))![1]!;
    await ctx.services.database.db
      .updateTable('status_link')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('case_id', '=', row.id)
      .execute();
    const res = await ctx.app.inject({ method: 'GET', url: `/status/${token}` });
    expect(res.statusCode).toBe(404);
  });

  it('validates reference and e-mail with a linked error summary', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/complaint/link',
      payload: 'reference=&email=nope',
      headers: form,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-reference">Enter the reference of your complaint.');
    expect(res.body).toContain('href="#f-email">Enter a valid e-mail address');
  });
});

describe('assets', () => {
  it('serves the NL Design System CSS content-hashed, compressed and cached for a year', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/klacht' });
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!;
    expect(href).toMatch(/^\/assets\/public\.[0-9a-f]{12}\.css$/);
    const css = await ctx.app.inject({
      method: 'GET',
      url: href,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toContain('immutable');
    const plain = await ctx.app.inject({ method: 'GET', url: href });
    expect(plain.body).toContain('.voorbeeld-theme {');
    expect(plain.body).toContain('.utrecht-html');
    expect(plain.body).not.toContain('--denhaag-');
  });

  it('compresses pages by Accept-Encoding (a refused encoding, q=0, is not used) and never caches them', async () => {
    const plain = await ctx.app.inject({ method: 'GET', url: '/klacht' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-store');
    // The form's per-request values (a CSRF-like token, dates) may differ: compare the page's shape.
    const shape = (html: string) => html.replace(/value="[^"]*"/g, 'value=""');
    const br = await ctx.app.inject({
      method: 'GET',
      url: '/klacht',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(shape(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toBe(shape(plain.body));
    const gz = await ctx.app.inject({
      method: 'GET',
      url: '/klacht',
      headers: { 'accept-encoding': 'br;q=0, gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(shape(zlib.gunzipSync(gz.rawPayload).toString('utf8'))).toBe(shape(plain.body));
  });
});

describe('rate limit per IP', () => {
  it('answers 429 with an HTML page after RATE_LIMIT_PUBLIC posts a minute', async () => {
    const limited = await createTestContext({ RATE_LIMIT_PUBLIC: '2' });
    try {
      const post = () =>
        limited.app.inject({
          method: 'POST',
          url: '/klacht/link',
          payload: 'reference=KL-2026-000001&email=a%40example.nl',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      expect((await post()).statusCode).toBe(200);
      expect((await post()).statusCode).toBe(200);
      const third = await post();
      expect(third.statusCode).toBe(429);
      expect(third.headers['content-type']).toContain('text/html');
      expect(third.body).toContain('Te veel pogingen');
    } finally {
      await limited.close();
    }
  });
});

async function count(table: 'complaint_case'): Promise<number> {
  const r = await ctx.services.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Shortcut: close the case in SQL, with its status event (the real workflow path: workflow.journey.test.ts). */
async function closeDirectly(caseId: string) {
  const db = ctx.services.database.db;
  await db
    .updateTable('complaint_case')
    .set({ status: 'closed', closed_at: new Date() })
    .where('id', '=', caseId)
    .execute();
  await db
    .insertInto('case_event')
    .values({
      case_id: caseId,
      actor_id: null,
      type: 'case.status_changed',
      data: JSON.stringify({ from: 'decided', to: 'closed', action: 'close' }),
    })
    .execute();
}
