import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleComplaint } from './helpers.js';
import { freePort } from './support/smtp.js';

// The real `redress` command in child processes, on a real PGlite data directory.
const root = path.resolve(import.meta.dirname, '..');
const cli = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'src/cli/index.ts')];
let dataDir: string;

function env(extra: Record<string, string> = {}) {
  const e: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extra,
  };
  return e;
}

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...cli, ...args], {
    env: env(),
    input,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...cli, 'serve'], {
    env: env({ PORT: String(port), HOST: '127.0.0.1', JOBS: 'off' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return child;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-cli-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each command is a fresh process that opens PGlite: generous timeouts for a loaded machine.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  'redress CLI on the embedded database',
  { timeout: 240_000 },
  () => {
    it('migrate, seed-demo, users add (argon2id) and tokens create', () => {
      const m = run(['migrate']);
      expect(m.err).toBe('');
      expect(m.code).toBe(0);
      expect(m.out).toMatch(/Applied: 20261122T0001_foundation/);
      expect(run(['migrate']).out).toMatch(/up to date/);

      const seed = run(['seed-demo']);
      expect(seed.code).toBe(0);
      expect(seed.out).toMatch(/Demo organisation created/);
      // The demo users can sign in with the password shown once (argon2id in the database).
      expect(seed.out).toMatch(/password \(shown only now\): demo-[\w-]{12}/);
      expect(run(['seed-demo']).out).toMatch(/nothing changed/);

      const add = run(
        ['users', 'add', '--email', 'hanna@example.nl', '--role', 'handler', '--password-stdin'],
        'een lang geheim wachtwoord\n',
      );
      expect(add.code).toBe(0);
      expect(add.out).toMatch(/Created handler hanna@example.nl/);
      const dup = run(['users', 'add', '--email', 'HANNA@example.nl', '--role', 'handler']);
      expect(dup.code).toBe(2);
      expect(dup.err).toMatch(/already exists/);
      const badRole = run(['users', 'add', '--email', 'x@example.nl', '--role', 'koning']);
      expect(badRole.code).toBe(2);
      expect(badRole.err).toMatch(/role/);

      const token = run(['tokens', 'create', '--user', 'hanna@example.nl']);
      expect(token.code).toBe(0);
      expect(token.out.trim()).toMatch(/^rdr_[\w-]{40,}$/);
      expect(run(['tokens', 'create', '--user', 'nobody@example.nl']).code).toBe(2);
    });

    it('serves; a second process on the same data directory gets a clear error; a case survives a restart', async () => {
      const port = await freePort();
      const server = await startServer(port);
      let created: { id: string; reference: string };
      try {
        const second = run(['migrate']);
        expect(second.code).toBe(2);
        expect(second.err).toMatch(/in use by another Redress process/);

        const res = await fetch(`http://127.0.0.1:${port}/api/v1/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(exampleComplaint),
        });
        expect(res.status).toBe(201);
        created = (await res.json()) as { id: string; reference: string };
      } finally {
        await stop(server);
      }

      const token = run(['tokens', 'create', '--user', 'hanna@example.nl']).out.trim();
      const again = await startServer(port);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases/${created.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { reference: string; history: { type: string }[] };
        expect(body.reference).toBe(created.reference);
        expect(body.history.map((e) => e.type)).toContain('case.received');
      } finally {
        await stop(again);
      }
    });

    it('a bad configuration value stops the process with every problem listed', () => {
      const r = spawnSync(process.execPath, [...cli, 'migrate'], {
        env: env({ PORT: 'abc', LOG_LEVEL: 'loud' }),
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/PORT/);
      expect(r.stderr).toMatch(/LOG_LEVEL/);
    });
  },
);
