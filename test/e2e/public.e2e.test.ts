import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { longDate } from '../../src/domain/format.js';
import { axeViolations, screenshots, startE2e, type E2eServer } from './browser.js';

// The complainant's journey in Chromium. axe-core on every public page; screenshots at
// phone and desktop width in test-results/screenshots. No fixed sleeps: every wait is on an event.

let e2e: E2eServer;
const fixtures = path.resolve('test/e2e/fixtures');

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});

const url = (p: string) => `${e2e.baseUrl}${p}`;

async function expectAccessible(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  await screenshots(page, name);
}

/**
 * axe runs as a script in the page, which a context without JavaScript refuses: check the very same
 * HTML (what the no-JS browser received) in a page with JavaScript, at the same address.
 */
async function expectAccessibleNoJs(page: Page, name: string) {
  const html = await page.content();
  const context = await e2e.browser.newContext({ locale: 'nl-NL' });
  try {
    const mirror = await context.newPage();
    await mirror.goto(page.url().includes('/status/') ? page.url() : url('/klacht'));
    await mirror.setContent(html, { waitUntil: 'load' });
    expect(await axeViolations(mirror), `axe on ${name}`).toEqual([]);
  } finally {
    await context.close();
  }
  await screenshots(page, name);
}

async function fillComplaint(page: Page, o: { name: string; email: string; description: string }) {
  await page.getByLabel('Uw naam').fill(o.name);
  await page.getByLabel('Per e-mail').check();
  await page.getByLabel('E-mailadres (niet verplicht)').fill(o.email);
  await page.getByLabel('Wat is er gebeurd?').fill(o.description);
  await page.getByLabel('Wanneer gebeurde het? (niet verplicht)').fill('2026-11-02');
  await page
    .getByLabel('Wie waren erbij betrokken? (niet verplicht)')
    .fill('De baliemedewerker van burgerzaken');
  await page.getByLabel('Wat wilt u bereiken met uw klacht? (niet verplicht)').fill('Excuses en een uitleg');
}

async function caseByEmail(email: string) {
  return e2e.services.database.db
    .selectFrom('complaint_case')
    .selectAll()
    .where('complainant_email', '=', email)
    .executeTakeFirstOrThrow();
}

describe('complaint journey without JavaScript', () => {
  it('file, see validation errors with the input kept, confirmation, status page, add information', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(url('/klacht'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Een klacht indienen');
      await expectAccessibleNoJs(page, '01-klacht-formulier');

      // Validation: an empty name and description, an e-mail that is not one.
      await page.getByLabel('Per e-mail').check();
      await page.getByLabel('E-mailadres (niet verplicht)').fill('anna-at-example');
      await page.getByLabel('Wie waren erbij betrokken? (niet verplicht)').fill('Afdeling Vergunningen');
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.waitForURL(url('/klacht'));
      expect(await page.title()).toMatch(/^Fout: /);
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Vul uw naam in.',
        'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
        'Beschrijf wat er is gebeurd.',
      ]);
      // Input kept, and the summary link moves to the field.
      expect(await page.getByLabel('Wie waren erbij betrokken? (niet verplicht)').inputValue()).toBe(
        'Afdeling Vergunningen',
      );
      expect(await page.getByLabel('Per e-mail').isChecked()).toBe(true);
      await summary.getByRole('link', { name: 'Vul uw naam in.' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-name');
      await expectAccessibleNoJs(page, '02-klacht-fouten');

      await fillComplaint(page, {
        name: 'Anna de Vries',
        email: 'anna.nojs@example.nl',
        description: 'De baliemedewerker was onbeleefd tegen mij.',
      });
      await page
        .getByLabel('Documenten of foto’s (niet verplicht)')
        .setInputFiles(path.join(fixtures, 'brief.pdf'));
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.waitForURL(/\/status\/[A-Za-z0-9_-]+\/bevestiging$/);
      const row = await caseByEmail('anna.nojs@example.nl');
      expect(await page.locator('.rd-reference').textContent()).toBe(row.reference);
      // The answer date is the decision deadline of the case, written out (seed 000/001).
      expect(await page.locator('strong', { hasText: 'U krijgt uiterlijk op' }).textContent()).toBe(
        `U krijgt uiterlijk op ${longDate(row.decision_due, 'nl')} ons schriftelijke antwoord.`,
      );
      await expectAccessibleNoJs(page, '03-bevestiging');

      await page.getByRole('link', { name: 'Naar de pagina van uw klacht' }).click();
      await page.waitForURL(/\/status\/[A-Za-z0-9_-]+$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Uw klacht ${row.reference}`);
      await page.getByText('Wij hebben uw klacht ontvangen.').first().waitFor();
      await page.getByRole('link', { name: 'brief.pdf' }).waitFor();
      await expectAccessibleNoJs(page, '04-status');

      await page.getByLabel('Uw aanvulling').fill('Hierbij nog een foto van de balie.');
      await page
        .getByLabel('Documenten of foto’s (niet verplicht)')
        .setInputFiles(path.join(fixtures, 'foto.png'));
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.waitForURL(/bericht=informatie$/);
      await page.getByText('Wij hebben uw informatie ontvangen.').waitFor();
      await page.getByText('U heeft informatie toegevoegd (1 bijlage).').waitFor();
      await expectAccessibleNoJs(page, '05-status-informatie-toegevoegd');
      const added = await e2e.services.database.db
        .selectFrom('complainant_submission')
        .select('message')
        .where('case_id', '=', row.id)
        .execute();
      expect(added.map((a) => a.message)).toEqual(['Hierbij nog een foto van de balie.']);
    } finally {
      await context.close();
    }
  });
});

describe('complaint journey with JavaScript, keyboard only', () => {
  it('walks the form in a logical order with the keyboard, skips the honeypot, and files', async () => {
    const context = await e2e.browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(url('/complaint'));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Make a complaint');
      await expectAccessible(page, '06-complaint-form-en');
      await page.goto(url('/klacht'));

      // Tab through the whole page and record where focus goes.
      const visited: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return 'body';
          return el.id || `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 30)}`;
        });
        if (visited.at(-1) !== id) visited.push(id);
        if (id.startsWith('button:')) break;
      }
      expect(visited).toEqual([
        'a:Direct naar de inhoud',
        'a:English',
        'a:Vraag een link aan om uw klach',
        'f-name',
        'f-onBehalfOf',
        'f-contactPreference',
        'f-email',
        'f-phone',
        'f-address',
        'f-description',
        'f-incidentDate',
        'f-involved',
        'f-desiredOutcome',
        'f-attachments',
        'button:Klacht versturen',
      ]);
      expect(visited).not.toContain('website');

      // Fill and send with the keyboard alone.
      await page.getByLabel('Uw naam').focus();
      await page.keyboard.type('Bram Jansen');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space'); // the first contact option: e-mail
      await page.keyboard.press('Tab');
      await page.keyboard.type('bram.kb@example.nl');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-description');
      // First send without a description: focus goes to the error summary (JS enhancement).
      await page.getByRole('button', { name: 'Klacht versturen' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(url('/klacht'));
      await page.getByRole('alert').waitFor();
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-error-summary'));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Beschrijf wat er is gebeurd.',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-description');
      await page.keyboard.type('Mijn aanvraag is drie keer kwijtgeraakt.');
      await page.getByRole('button', { name: 'Klacht versturen' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/bevestiging$/);
      const row = await caseByEmail('bram.kb@example.nl');
      expect(await page.locator('.rd-reference').textContent()).toBe(row.reference);
    } finally {
      await context.close();
    }
  });
});

describe('after closing: the satisfaction survey (ISO-10, seed 003) and the way further (AWB-51)', () => {
  it('answers the survey and shows the ombudsman with the term', async () => {
    const context = await e2e.browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(url('/klacht'));
      await fillComplaint(page, {
        name: 'Cor Visser',
        email: 'cor.survey@example.nl',
        description: 'Mijn melding is niet behandeld.',
      });
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.waitForURL(/\/bevestiging$/);
      const statusHref = await page
        .getByRole('link', { name: 'Naar de pagina van uw klacht' })
        .getAttribute('href');
      const row = await caseByEmail('cor.survey@example.nl');

      // Shortcut: close the case in SQL, with its status event (the real workflow path: workflow.journey.test.ts).
      const db = e2e.services.database.db;
      await db
        .updateTable('complaint_case')
        .set({ status: 'closed', closed_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      await db
        .insertInto('case_event')
        .values({
          case_id: row.id,
          actor_id: null,
          type: 'case.status_changed',
          data: JSON.stringify({ from: 'decided', to: 'closed', action: 'close' }),
        })
        .execute();

      await page.goto(url(statusHref!));
      await page.getByRole('heading', { name: 'Bent u tevreden?' }).waitFor();
      await page
        .locator('.rd-timeline li', { hasText: 'De behandeling van uw klacht is afgerond.' })
        .waitFor();
      await expectAccessible(page, '07-status-enquete');

      // Sending without answers shows the errors; then answer.
      await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').getByRole('link').count()).toBe(2);
      await page
        .getByRole('group', { name: 'Bent u tevreden met de uitkomst van uw klacht?' })
        .getByLabel('Nee')
        .check();
      await page
        .getByRole('group', { name: 'Bent u tevreden met hoe wij uw klacht hebben behandeld?' })
        .getByLabel('Gedeeltelijk')
        .check();
      await page.getByLabel('Wilt u nog iets kwijt? (niet verplicht)').fill('Het duurde te lang.');
      await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
      await page.waitForURL(/bericht=tevredenheid$/);
      await page.getByText('Dank u wel voor uw antwoorden.').waitFor();
      await page.getByRole('heading', { name: 'Niet tevreden?' }).waitFor();
      expect(
        await page.getByText(/U kunt ook een klacht indienen bij de Nationale ombudsman/).textContent(),
      ).toMatch(/vóór \d{1,2} \w+ \d{4}/);
      await expectAccessible(page, '08-status-na-enquete');
      const survey = await db
        .selectFrom('satisfaction_survey')
        .selectAll()
        .where('case_id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(survey).toMatchObject({
        outcome_satisfied: 'no',
        handling_satisfied: 'partly',
        comment: 'Het duurde te lang.',
      });

      // The same page in English through the language switch.
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Not satisfied?' }).waitFor();
      await expectAccessible(page, '09-status-en');
    } finally {
      await context.close();
    }
  });
});

describe('other public pages', () => {
  it('asking for a new link answers neutrally; an invalid link explains what to do', async () => {
    const context = await e2e.browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(url('/klacht/link'));
      await expectAccessible(page, '10-link-aanvragen');
      await page.getByLabel('Kenmerk').fill('KL-2026-999999');
      await page.getByLabel('E-mailadres').fill('niemand@example.nl');
      await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).click();
      await page.getByRole('heading', { name: 'Controleer uw e-mail' }).waitFor();
      await expectAccessible(page, '11-link-verstuurd');

      const res = await page.goto(url('/status/dezelinkbestaatnietxxxxxxxxxxxxx'));
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Deze link werkt niet (meer)' }).waitFor();
      await expectAccessible(page, '12-link-werkt-niet');
    } finally {
      await context.close();
    }
  });

  it('page weight of /klacht: HTML + CSS + JS transferred under 100 kB (measured, printed)', async () => {
    const context = await e2e.browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const transfers: Promise<{ url: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      transfers.push(
        request
          .sizes()
          .then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })),
      );
    });
    try {
      await page.goto(url('/klacht'), { waitUntil: 'load' });
      const all = await Promise.all(transfers);
      const total = all.reduce((sum, t) => sum + t.bytes, 0);
      console.log(
        `[page weight] /klacht: ${(total / 1024).toFixed(1)} kB transferred in ${all.length} requests`,
      );
      for (const t of all)
        console.log(`[page weight]   ${(t.bytes / 1024).toFixed(1)} kB ${new URL(t.url).pathname}`);
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(total).toBeLessThan(100 * 1024);
    } finally {
      await context.close();
    }
  });
});
