import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshots, type E2eServer } from './browser.js';
import { buildBackoffice, isStale } from '../../scripts/build-backoffice.mjs';

export const PASSWORD = 'correct horse battery staple';

/** The back office must be built for the browser to load it (postinstall does this; here for a fresh edit). */
export async function ensureBackofficeBuilt(): Promise<void> {
  if (isStale()) await buildBackoffice();
}

/** Staff with passwords in the demo organisation's departments. */
export async function addStaff(e: E2eServer) {
  const db = e.services.database.db;
  const dept = async (name: string) =>
    (await db.selectFrom('department').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const burgerzaken = await dept('Burgerzaken');
  const users = e.services.users;
  return {
    handler: await users.add({
      email: 'hanna@e2e.example',
      name: 'Hanna Handler',
      role: 'handler',
      departmentId: burgerzaken,
      password: PASSWORD,
    }),
    manager: await users.add({
      email: 'mark@e2e.example',
      name: 'Mark Manager',
      role: 'manager',
      departmentId: burgerzaken,
      password: PASSWORD,
    }),
    admin: await users.add({
      email: 'ada@e2e.example',
      name: 'Ada Admin',
      role: 'admin',
      password: PASSWORD,
    }),
    burgerzaken,
  };
}

export async function login(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
}

/** axe on the screen as it is: no serious or critical violations; plus screenshots. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  const bad = violations.filter((v) => /\((serious|critical)\)/.test(v));
  expect(bad, `${name}:\n${bad.join('\n')}`).toEqual([]);
  await screenshots(page, `backoffice-${name}`);
}

/** Opens an allowed action's form (its button label comes from the server), fills it and records it. */
export async function takeAction(
  page: Page,
  label: string,
  fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {},
): Promise<void> {
  const button = page.getByTestId('allowed-actions').getByRole('button', { name: label, exact: true });
  await button.click();
  const form = page.locator('#action-form');
  await expect.poll(() => form.isVisible()).toBe(true);
  await fill(form);
  await form.getByRole('button', { name: 'Vastleggen' }).click();
  // On a refusal the error summary (role=alert) is in the message, so a failure says why.
  try {
    await expect
      .poll(async () => (await page.locator('[role=status], [role=alert]').allTextContents()).join(' '), {
        timeout: 10_000,
      })
      .toContain(`“${label}” is vastgelegd.`);
  } catch (err) {
    await page.screenshot({
      path: `test-results/screenshots/backoffice-failed-${label.replace(/\W+/g, '-')}.png`,
      fullPage: true,
    });
    throw err;
  }
}

export async function allowedActionLabels(page: Page): Promise<string[]> {
  return page.getByTestId('allowed-actions').getByRole('button').allTextContents();
}
