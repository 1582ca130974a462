import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { DatabaseHandle } from '../../src/server/db/client.js';
import { buildServices, type Services } from '../../src/server/services.js';
import { openTestDatabase, testConfig } from '../helpers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface E2eServer {
  baseUrl: string;
  services: Services;
  browser: Browser;
  close(): Promise<void>;
}

/** The real server (buildApp + listen on a random port) on a fresh test database, and Chromium. */
export async function startE2e(overrides: Record<string, string> = {}): Promise<E2eServer> {
  const database: DatabaseHandle = await openTestDatabase();
  const services = buildServices(testConfig(overrides), database);
  const app: FastifyInstance = await buildApp(services, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    browser,
    async close() {
      await browser.close();
      await app.close();
      services.delivery.close();
      await database.close();
    },
  };
}

/** axe-core on the page as it is now; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Screenshots at phone (375 px) and desktop (1280 px) width, full page. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [label, width] of [
    ['phone', 375],
    ['desktop', 1280],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
