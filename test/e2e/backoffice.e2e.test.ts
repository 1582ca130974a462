import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../src/server/seed/demo.js';
import { startE2e, type E2eServer } from './browser.js';
import {
  PASSWORD,
  addStaff,
  allowedActionLabels,
  checkScreen,
  ensureBackofficeBuilt,
  login,
  takeAction,
} from './backoffice-support.js';

// The back office: the handler's and manager's working screens in a real browser (Chromium), axe on every
// screen, screenshots in test-results/screenshots/. No fixed sleeps: every wait is on something seen.

let e: E2eServer;
let staff: Awaited<ReturnType<typeof addStaff>>;
let reference: string;
let intakeToken: string;

const local = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

beforeAll(async () => {
  await ensureBackofficeBuilt();
  e = await startE2e();
  await seedDemo(e.services);
  staff = await addStaff(e);
  // A letter received two hours ago, registered by intake: new, unrouted, unassigned.
  const intake = await e.services.users.add({ email: 'ina@e2e.example', name: 'Ina Intake', role: 'intake' });
  intakeToken = await e.services.users.createToken(intake.email);
  reference = (
    await registerLetter({
      complainant: {
        name: 'Sara Parkeer',
        email: 'sara@example.nl',
        address: 'Kerkstraat 2, 1234 AB Voorbeeldstad',
      },
      description:
        'Mijn parkeervergunning is zonder bericht ingetrokken en de medewerker aan de telefoon was onbeschoft.',
      desiredOutcome: 'Mijn vergunning terug en een verklaring.',
    })
  ).reference;
});

/** A letter received two hours ago, registered by intake over the API. */
async function registerLetter(body: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const res = await fetch(`${e.baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'letter',
      receivedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      language: 'nl',
      ...body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; reference: string };
}

afterAll(async () => {
  await e?.close();
});

async function newPage(): Promise<Page> {
  const context = await e.browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  // A script error in the app fails the test with its message (a blank screen says nothing).
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

describe('back office journey', () => {
  it('manager routes a new complaint to a department, a handler assigns it to herself and handles it to the end, manager sees it on the dashboard', async () => {
    // --- Manager: finds the new complaint and routes it.
    const m = await newPage();
    await login(m, e.baseUrl, 'mark@e2e.example');
    await expect.poll(() => m.getByTestId('inbox-table').isVisible()).toBe(true);
    await checkScreen(m, 'inbox');
    await m.getByRole('link', { name: 'Niet toegewezen' }).click();
    await m.getByLabel('Zoeken', { exact: true }).fill('parkeervergunning');
    await m.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => m.getByRole('link', { name: reference }).isVisible()).toBe(true);
    await m.getByRole('link', { name: reference }).click();
    await expect.poll(() => m.getByRole('heading', { level: 1 }).textContent()).toBe(`Dossier ${reference}`);
    await checkScreen(m, 'case-new');

    await takeAction(m, 'Intake aanvullen', async (f) => {
      await f
        .getByLabel('Kern van de klacht')
        .fill(
          'De parkeervergunning is zonder bericht ingetrokken; de telefonische bejegening was onbeschoft.',
        );
      await f.getByLabel('Ondertekening').selectOption('handwritten');
      for (const l of ['Bevat naam', 'Bevat adres', 'Bevat datum', 'Bevat omschrijving'])
        await f.getByLabel(l).check();
      await f.getByLabel('Ernst').selectOption('medium');
      await f.getByLabel('Complexiteit').selectOption('low');
      await f.getByLabel('Impact').selectOption('medium');
    });
    for (const [summary, severity] of [
      ['Intrekking van de parkeervergunning zonder bericht', 'medium'],
      ['Onbeschofte bejegening aan de telefoon', 'light'],
    ] as const) {
      await takeAction(m, 'Klachtonderdeel toevoegen', async (f) => {
        await f.getByLabel('Omschrijving van het onderdeel').fill(summary);
        await f.getByLabel('Ernst').selectOption(severity);
      });
    }
    // The manager routes it to the department; a handler there picks it up.
    await takeAction(m, 'Toewijzen', async (f) => {
      await f.getByLabel('Categorie').selectOption({ label: 'Bejegening door medewerker' });
      await f.getByLabel('Afdeling').selectOption(staff.burgerzaken);
      await f.getByLabel('Reden').fill('Burgerzaken behandelt vergunningen.');
    });
    await m.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => m.getByText('U bent uitgelogd.').isVisible()).toBe(true);

    // --- Handler: finds the new complaint under "Mijn afdeling", assigns it to herself, handles it.
    const h = await newPage();
    await login(h, e.baseUrl, 'hanna@e2e.example');
    await h.getByRole('link', { name: 'Mijn afdeling' }).click();
    await expect.poll(() => h.getByRole('link', { name: reference }).isVisible()).toBe(true);
    await h.getByRole('link', { name: reference }).click();
    await takeAction(h, 'Toewijzen', async (f) => {
      await f.getByLabel('Behandelaar').selectOption(staff.handler.id);
    });
    await expect.poll(() => allowedActionLabels(h)).toContain('Ontvangst bevestigen');
    await takeAction(h, 'Ontvangst bevestigen');
    // NO-02: personal contact before handling starts (the gate refuses "In behandeling nemen" otherwise).
    await takeAction(h, 'Eerste contact vastleggen', async (f) => {
      await f.getByLabel('Kanaal').selectOption('phone');
      await f
        .locator('input[type="datetime-local"]')
        .first()
        .fill(local(new Date(Date.now() - 15 * 60_000)));
    });
    await takeAction(h, 'In behandeling nemen');
    await takeAction(h, 'Hoorgesprek en verslag vastleggen', async (f) => {
      await f.getByLabel('Partij').selectOption('complainant');
      await f.getByLabel('Gehouden op').fill(local(new Date(Date.now() - 30 * 60_000)));
      await f
        .getByLabel('Verslag')
        .fill('Klager licht toe dat zij geen brief over de intrekking heeft ontvangen.');
    });
    await takeAction(h, 'Afhandeling verdagen', async (f) => {
      await f.getByLabel('Aantal weken').fill('4');
      await f.getByLabel('Reden').fill('Wij wachten op de gegevens van de parkeerdienst.');
    });
    await checkScreen(h, 'case-in-progress');
    const judgements = [
      [
        'Intrekking van de parkeervergunning zonder bericht',
        'not_upheld',
        'De vergunning is ingetrokken na het verlopen van de termijn; de brief is verzonden.',
        'De intrekking was rechtmatig en aangekondigd.',
      ],
      [
        'Onbeschofte bejegening aan de telefoon',
        'partly_upheld',
        'Het gesprek was kortaf, maar niet beledigend.',
        'De toon had vriendelijker gekund; de inhoud was juist.',
      ],
    ] as const;
    for (const [item, judgement, findings, reasons] of judgements) {
      await takeAction(h, 'Klachtonderdeel beoordelen', async (f) => {
        await f.getByLabel('Klachtonderdeel').selectOption({
          label: (await f.getByLabel('Klachtonderdeel').locator('option', { hasText: item }).textContent())!,
        });
        await f.getByLabel('Oordeel', { exact: true }).selectOption(judgement);
        await f.getByLabel('Bevindingen').fill(findings);
        await f.getByLabel('Motivering van het oordeel').fill(reasons);
      });
    }
    // Whatever preconditions remain (NO-04/NO-05) are shown by the server as blockers of "Beslissen".
    const labels = await allowedActionLabels(h);
    if (labels.includes('Maatregel of tegemoetkoming toevoegen')) {
      const blockers = await h
        .locator('#blockers-decide')
        .textContent()
        .catch(() => '');
      if (blockers?.includes('NO-04') || blockers?.toLowerCase().includes('excuses')) {
        await takeAction(h, 'Maatregel of tegemoetkoming toevoegen', async (f) => {
          await f.getByLabel('Soort').selectOption('apology');
          await f.getByLabel('Omschrijving').fill('Excuses voor de toon van het telefoongesprek.');
        });
      }
      const again = await h
        .locator('#blockers-decide')
        .textContent()
        .catch(() => '');
      if (again?.includes('NO-05') || again?.includes('NO-06')) {
        await takeAction(h, 'Oorzaak en leerpunten vastleggen', async (f) => {
          await f.getByLabel('Oorzaak').fill('Drukte bij het klantcontactcentrum.');
          await f.getByLabel('Leerpunten').fill('Ook bij drukte de tijd nemen voor uitleg.');
        });
      }
    }
    await takeAction(h, 'Beslissen', async (f) => {
      await f.getByLabel('Bevindingen').fill('De intrekking was juist; het telefoongesprek was kortaf.');
      await f.getByLabel('Conclusies').fill('Onderdeel 1 ongegrond, onderdeel 2 deels gegrond.');
    });
    await expect.poll(() => h.locator('.bo-status').textContent()).toBe('Beslist');

    // --- The decision letter: generated from the case, a lint error first, fixed in its paragraph, sent.
    await h.getByRole('link', { name: 'Brief opstellen' }).click();
    await h.getByRole('button', { name: 'Brief genereren' }).click();
    await expect
      .poll(() => h.locator('.bo-paragraphs textarea').count(), { timeout: 10_000 })
      .toBeGreaterThan(3);
    await expect.poll(() => h.getByTestId('findings').isVisible()).toBe(true);
    const firstErrors = await h.locator('.bo-finding--error').allTextContents();
    expect(firstErrors.join('\n')).toContain('LET-04'); // item 2 is partly upheld, and no dated measure was promised
    await expect
      .poll(() => h.getByText(/Verzenden kan pas als er geen fouten meer zijn/).isVisible())
      .toBe(true);
    expect(await h.getByTestId('send-letter').isDisabled()).toBe(true);
    await checkScreen(h, 'letter-with-errors');
    // The finding links to its paragraph; add the promise with a date there.
    const target = await h
      .locator('.bo-finding--error', { hasText: 'LET-04' })
      .getByRole('link')
      .getAttribute('href');
    const area = h.locator(target!);
    await area.fill(
      `${await area.inputValue()} Wij bespreken uw klacht met de medewerker. Dat gesprek vindt uiterlijk ${inDays(60)} plaats.`,
    );
    // NO-02: the handler recorded no answer to what the complainant asked for, so the case-aware
    // linter asks for one in the paragraph it points to.
    const wish = h.locator('.bo-finding--error', { hasText: 'NO-02' });
    await expect.poll(() => wish.count(), { timeout: 10_000 }).toBe(1);
    const wishArea = h.locator((await wish.getByRole('link').getAttribute('href'))!);
    await wishArea.fill(
      `${await wishArea.inputValue()} U vroeg om uw vergunning terug en om een verklaring. De vergunning krijgt u niet terug, omdat de intrekking juist was. De verklaring leest u in deze brief.`,
    );
    await expect
      .poll(async () => (await h.locator('.bo-finding--error').allTextContents()).join('\n'), {
        timeout: 10_000,
      })
      .toBe('');
    await h.getByRole('button', { name: /PDF maken$/ }).click();
    await expect.poll(() => h.getByTestId('pdf-link').isVisible(), { timeout: 20_000 }).toBe(true);
    const pdf = await h.request.get(`${e.baseUrl}${await h.getByTestId('pdf-link').getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await checkScreen(h, 'letter-fixed');
    await h.getByTestId('send-letter').click();
    await expect
      .poll(async () => (await h.locator('[role=status], [role=alert]').allTextContents()).join(' '), {
        timeout: 20_000,
      })
      .toContain('De brief is verzonden.');
    // The case's letter list follows: the letter is listed as sent, no longer as "PDF gemaakt".
    await expect
      .poll(() => h.locator('section[aria-labelledby="case-letters-title"] li').first().textContent())
      .toContain('verzonden');

    // --- Close.
    await h.getByRole('link', { name: `Dossier ${reference}` }).click();
    await takeAction(h, 'Afsluiten', async (f) => {
      await f.getByLabel('Reactie van de klager').selectOption('accepted');
      // Close gate: the legal letters of this journey went out outside Redress; the override needs a reason.
      await f
        .getByLabel('Reden om door te gaan ondanks open taken')
        .fill('De brieven zijn per post verstuurd buiten Redress; kopieën zitten in het dossier.');
    });
    await expect.poll(() => h.locator('.bo-status').textContent()).toBe('Afgesloten');
    await checkScreen(h, 'case-closed');

    // --- Manager: the dashboard counts the decided case.
    await login(m, e.baseUrl, 'mark@e2e.example');
    await m.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => m.getByTestId('kpi-on-time').textContent()).toContain('1 beslist');
    const outcomes = m.getByTestId('chart-outcomes').locator('table');
    await expect
      .poll(() => outcomes.locator('tr', { hasText: 'Deels gegrond' }).locator('td').textContent())
      .toBe('1');
    await checkScreen(m, 'dashboard');
  });

  it('registers a phone complaint and checks the remaining screens with axe (password, letters, admin, English)', async () => {
    const a = await newPage();
    await login(a, e.baseUrl, 'ada@e2e.example');
    await a.getByRole('link', { name: 'Klacht registreren' }).click();
    await checkScreen(a, 'new-case');
    await a.getByRole('button', { name: 'Klacht registreren' }).click();
    await expect.poll(() => a.locator('.bo-error-summary').isVisible()).toBe(true);
    await a.getByLabel('Naam', { exact: true }).fill('Bert Beller');
    await a.getByRole('textbox', { name: /^Telefoon/ }).fill('0201234567');
    await a
      .getByLabel('Omschrijving')
      .fill('Ik heb drie keer gebeld over een kapotte lantaarnpaal en niemand belt terug.');
    await a.getByRole('button', { name: 'Klacht registreren' }).click();
    await expect.poll(() => a.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Dossier KL-/);

    for (const [link, name] of [
      ['/app/password', 'password'],
      ['/app/letters', 'letters'],
      ['/app/admin', 'admin-organisation'],
      ['/app/admin/departments', 'admin-departments'],
      ['/app/admin/categories', 'admin-categories'],
      ['/app/admin/users', 'admin-users'],
      ['/app/admin/tokens', 'admin-tokens'],
    ] as const) {
      await a.goto(`${e.baseUrl}${link}`);
      await expect.poll(() => a.locator('h1').count()).toBe(1);
      await expect.poll(() => a.locator('.bo-loading').count()).toBe(0);
      await checkScreen(a, name);
    }
    // Admin: add a department and see it listed.
    await a.goto(`${e.baseUrl}/app/admin/departments`);
    await a.getByLabel('Naam', { exact: true }).fill('Vergunningen');
    await a.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => a.getByRole('rowheader', { name: 'Vergunningen' }).isVisible()).toBe(true);

    // Admin: create an API token for a user; it is shown once and works; then revoke it.
    await a.goto(`${e.baseUrl}/app/admin/tokens`);
    await a.getByRole('button', { name: 'Token aanmaken' }).click();
    const shown = a.locator('.bo-token');
    await expect.poll(() => shown.isVisible()).toBe(true);
    const newToken = (await shown.textContent())!.trim();
    expect(newToken).toMatch(/^rdr_/);
    expect(
      (await fetch(`${e.baseUrl}/api/v1/cases`, { headers: { authorization: `Bearer ${newToken}` } })).status,
    ).toBe(200);
    await a.getByRole('button', { name: 'Intrekken' }).first().click();
    await expect
      .poll(
        async () =>
          (await fetch(`${e.baseUrl}/api/v1/cases`, { headers: { authorization: `Bearer ${newToken}` } }))
            .status,
      )
      .toBe(401);

    // English throughout: UI strings from the table, status labels from the server.
    await a.getByRole('button', { name: 'Switch to English' }).click();
    await a.getByRole('link', { name: 'Inbox' }).click();
    await expect.poll(() => a.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox: All cases');
    await expect.poll(() => a.getByTestId('inbox-table').textContent()).toContain('Received');
    await checkScreen(a, 'inbox-en');
  });

  it('can be used with the keyboard alone: log in, search, open a case, take an action, log out', async () => {
    // Her own new case: registered and assigned to her over the API.
    const own = await registerLetter({
      complainant: { name: 'Kees Toets', email: 'kees@example.nl' },
      description: 'Het loket was dicht op de aangegeven openingstijd.',
    });
    const assign = await fetch(`${e.baseUrl}/api/v1/cases/${own.id}/actions/assign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ departmentId: staff.burgerzaken, handlerId: staff.handler.id }),
    });
    expect(assign.status, await assign.text()).toBe(200);
    const k = await newPage();
    await k.goto(`${e.baseUrl}/app/`);
    const tabTo = async (match: (el: { tag: string; label: string; name: string }) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await k.keyboard.press('Tab');
        const el = await k.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          return {
            tag: a?.tagName ?? '',
            label: (a?.textContent ?? '').trim(),
            name: a?.getAttribute('name') ?? a?.id ?? '',
          };
        });
        if (match(el)) return;
      }
      throw new Error('focus never reached the element');
    };
    await tabTo((x) => x.name === 'email');
    await k.keyboard.type('hanna@e2e.example');
    await tabTo((x) => x.name === 'password');
    await k.keyboard.type(PASSWORD);
    await k.keyboard.press('Enter');
    await expect.poll(() => k.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    await tabTo((x) => x.name === 'q');
    await k.keyboard.type('loket dicht');
    await k.keyboard.press('Enter');
    await tabTo((x) => x.tag === 'A' && x.label === own.reference);
    await k.keyboard.press('Enter');
    await expect
      .poll(() => k.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Dossier ${own.reference}`);
    // Opening an action moves focus to its form; Tab to a field, type, Tab to "Vastleggen", Enter.
    await tabTo((x) => x.tag === 'BUTTON' && x.label === 'Klachtonderdeel toevoegen');
    await k.keyboard.press('Enter');
    await expect.poll(() => k.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await tabTo((x) => x.name === 'summary');
    await k.keyboard.type('Loket dicht tijdens openingstijd');
    await tabTo((x) => x.name === 'severity');
    await k.keyboard.press('ArrowDown');
    await tabTo((x) => x.tag === 'BUTTON' && x.label === 'Vastleggen');
    await k.keyboard.press('Enter');
    await expect
      .poll(async () => (await k.getByRole('status').allTextContents()).join(' '))
      .toContain('is vastgelegd');
    await tabTo((x) => x.tag === 'BUTTON' && x.label === 'Uitloggen');
    await k.keyboard.press('Enter');
    await expect.poll(() => k.getByText('U bent uitgelogd.').isVisible()).toBe(true);
  });
});

const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
