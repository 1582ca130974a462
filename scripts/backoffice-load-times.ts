// Measures how fast the back office's inbox and case view open with many cases (the back
// office's promise: "opens in under a second with 100k cases"). Prints figures; asserts nothing (GUIDE: no timed assertions).
//   npx tsx scripts/backoffice-load-times.ts [--cases 100000] [--runs 7]
// Uses an in-memory PGlite, or PostgreSQL when MEASURE_DATABASE_URL points at an empty database.
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/seed/demo.js';
import { buildServices } from '../src/server/services.js';
import { buildBackoffice, isStale } from './build-backoffice.mjs';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CASES = arg('cases', 100_000);
const RUNS = arg('runs', 7);
const PASSWORD = 'measure-password-123';

if (isStale()) await buildBackoffice();
const url = process.env.MEASURE_DATABASE_URL;
const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: 'memory://' });
await migrateToLatest(database.db);
const services = buildServices(loadConfig({ LOG_LEVEL: 'silent', JOBS: 'off', SEED_DEMO: 'off' }), database);
await seedDemo(services);
const db = database.db;
const depts = await db.selectFrom('department').select('id').execute();
const cats = await db.selectFrom('category').select(['id', 'department_id']).execute();
const handler = await services.users.add({
  email: 'meet@measure.example',
  name: 'Meet Behandelaar',
  role: 'handler',
  departmentId: depts[0]!.id,
  password: PASSWORD,
});

// Batched INSERT … SELECT generate_series: statuses, departments, categories, handlers and dates spread.
const t0 = Date.now();
const BATCH = 10_000;
const words = [
  'paspoort',
  'afval',
  'container',
  'belasting',
  'aanslag',
  'parkeren',
  'vergunning',
  'balie',
  'wachttijd',
  'rioolheffing',
  'lantaarnpaal',
  'jeugdhulp',
];
for (let from = 1; from <= CASES; from += BATCH) {
  const to = Math.min(CASES, from + BATCH - 1);
  await sql`
    INSERT INTO complaint_case (reference, status, regime, channel, received_at, submitted_at, receipt_date,
      complainant_name, complainant_email, description, desired_outcome, language, category_id, department_id, assignee_id,
      acknowledgement_due, decision_due, deadlines, status_token_hash)
    SELECT 'KL-2025-' || lpad(g::text, 6, '0'),
      (ARRAY['received','acknowledged','in_progress','decided','closed','closed','closed'])[1 + g % 7],
      'awb', (ARRAY['web','email','phone','letter'])[1 + g % 4],
      now() - (g || ' minutes')::interval * 5, now() - (g || ' minutes')::interval * 5,
      (now() - (g || ' minutes')::interval * 5)::date,
      'Klager ' || g, 'klager' || g || '@example.nl',
      'Klacht nummer ' || g || ' over ' ||
        (string_to_array(${words.join(',')}, ','))[1 + g % ${words.length}] || ' en de ' ||
        (string_to_array(${words.join(',')}, ','))[1 + (g / 7) % ${words.length}] || '. De medewerker reageerde niet op mijn brieven.',
      'Een oplossing.', 'nl',
      (${sql.raw(`ARRAY[${cats.map((c) => `'${c.id}'::uuid`).join(',')}]`)})[1 + g % ${cats.length}],
      (${sql.raw(`ARRAY[${depts.map((d) => `'${d.id}'::uuid`).join(',')}]`)})[1 + g % ${depts.length}],
      CASE WHEN g % 50 = 0 THEN ${handler.id}::uuid ELSE NULL END,
      (now() - (g || ' minutes')::interval * 5)::date + 5, (now() - (g || ' minutes')::interval * 5)::date + 42,
      '{"acknowledgement":{"term":"acknowledgement","start":"2025-01-01","extensionWeeks":0,"raw":"2025-01-06","due":"2025-01-06","rulesApplied":[]},"decision":{"term":"decision","start":"2025-01-01","extensionWeeks":0,"raw":"2025-02-12","due":"2025-02-12","rulesApplied":[]}}'::jsonb,
      md5('measure' || g)
    FROM generate_series(${from}::int, ${to}::int) AS g`.execute(db);
}
await sql`ANALYZE`.execute(db);
const loadSeconds = (Date.now() - t0) / 1000;
const count = Number(
  (await sql<{ n: string }>`SELECT count(*) AS n FROM complaint_case`.execute(db)).rows[0]!.n,
);

const app = await buildApp(services, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
await page.goto(`${base}/app/`);
await page.getByLabel('E-mailadres').fill(handler.email);
await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
await page.getByRole('button', { name: 'Inloggen' }).click();
await page.getByRole('button', { name: 'Uitloggen' }).waitFor();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const some = await db
  .selectFrom('complaint_case')
  .select('id')
  .where('assignee_id', '=', handler.id)
  .limit(RUNS)
  .execute();

/** Full page load (HTML, JS, CSS, session, lookups, data) until the screen shows its content. */
async function measure(name: string, path: (i: number) => string, ready: string) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await page.goto(`${base}${path(i)}`);
    await page
      .locator(ready)
      .first()
      .or(page.getByText('Geen dossiers gevonden.'))
      .waitFor({ timeout: 30_000 });
    times.push(performance.now() - started);
  }
  return { name, medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)) };
}
async function api(name: string, path: string) {
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  return {
    name,
    medianMs: Math.round(median(times) * 10) / 10,
    maxMs: Math.round(Math.max(...times) * 10) / 10,
  };
}

const results = [
  await measure('inbox, all cases (page 1)', () => '/app/?view=all', '[data-testid=inbox-table] tbody tr'),
  await measure('inbox, my cases', () => '/app/?view=mine', '[data-testid=inbox-table] tbody tr'),
  await measure('inbox, my department', () => '/app/?view=department', '[data-testid=inbox-table] tbody tr'),
  await measure('inbox, unassigned', () => '/app/?view=unassigned', '[data-testid=inbox-table] tbody tr'),
  await measure('inbox, overdue', () => '/app/?view=overdue', '[data-testid=inbox-table] tbody tr'),
  await measure(
    'inbox, full-text search "lantaarnpaal"',
    () => '/app/?view=all&q=lantaarnpaal',
    '[data-testid=inbox-table] tbody tr',
  ),
  await measure('case view', (i) => `/app/cases/${some[i % some.length]!.id}`, '#history-title'),
  await api('API GET /api/v1/cases?limit=25', '/api/v1/cases?limit=25'),
  await api('API GET /api/v1/cases?overdue=true', '/api/v1/cases?overdue=true'),
  await api('API GET /api/v1/cases?q=lantaarnpaal', '/api/v1/cases?q=lantaarnpaal'),
  await api(`API GET /api/v1/cases/{id}`, `/api/v1/cases/${some[0]!.id}`),
];
// Page 2000 through the cursor costs what page 1 costs (keyset): follow "volgende pagina" a few times.
const pages: number[] = [];
await page.goto(`${base}/app/?view=all`);
await page.locator('[data-testid=inbox-table] tbody tr').first().waitFor();
for (let i = 0; i < RUNS; i++) {
  const first = await page.locator('[data-testid=inbox-table] tbody th').first().textContent();
  const started = performance.now();
  await page.getByRole('link', { name: 'Volgende pagina' }).click();
  await page.waitForFunction(
    (prev) => document.querySelector('[data-testid=inbox-table] tbody th')?.textContent !== prev,
    first,
  );
  pages.push(performance.now() - started);
}
results.push({
  name: 'inbox, "volgende pagina" (client navigation)',
  medianMs: Math.round(median(pages)),
  maxMs: Math.round(Math.max(...pages)),
});

console.log(
  `\n${count} cases on ${database.kind} (loaded in ${loadSeconds.toFixed(1)} s); ${RUNS} runs each; full page loads include HTML, JS, CSS, login check and lookups\n`,
);
for (const r of results)
  console.log(
    `${r.name.padEnd(48)} median ${String(r.medianMs).padStart(6)} ms   max ${String(r.maxMs).padStart(6)} ms`,
  );
await browser.close();
await app.close();
services.delivery.close();
await database.close();
