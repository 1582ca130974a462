import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, lockPath } from './datadir-lock.js';
import { AppError } from '../errors.js';

// The PGlite data-directory lock dies with its process (ADR 0015): a kill -9'd owner does not
// block a restart; a live owner, here or in another process, still refuses.
const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-lock-'));
  dirs.push(d);
  return d;
}

async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/support/hold-lock.ts'), dir],
    // Node itself runs the file (no tsx wrapper process): kill -9 reaches the lock's owner.
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

function refused(dir: string): AppError {
  try {
    const lock = lockDataDir(dir);
    void lock.release();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the lock was granted');
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data-directory lock', () => {
  it('a live owner in another process refuses; after kill -9 the lock is taken over at once', async () => {
    const dir = tmpDir();
    const child = await holder(dir);
    const err = refused(dir);
    expect(err.code).toBe('DATA_DIR_LOCKED');
    expect(err.message).toContain(`process ${child.pid}`);

    const dead = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await dead;
    // The dead owner's file is still there, fresh (no stale period has passed)…
    expect(fs.existsSync(lockPath(dir))).toBe(true);
    // …and a new process takes it over without waiting.
    const lock = lockDataDir(dir, { staleMs: 3_600_000 });
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    // Now this process is the live owner: another process is refused, and so is a second open here.
    expect(refused(dir).code).toBe('DATA_DIR_LOCKED');
    await lock.release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it('a recycled PID does not keep a dead owner alive; an owner on another host holds until stale', () => {
    const dir = tmpDir();
    // Our parent is alive but started at another time than recorded: the owner is gone.
    fs.writeFileSync(
      lockPath(dir),
      JSON.stringify({ host: os.hostname(), pid: process.ppid, started: '1', token: 'recycled' }),
    );
    const lock = lockDataDir(dir);
    void lock.release();

    fs.writeFileSync(
      lockPath(dir),
      JSON.stringify({ host: 'elsewhere', pid: 1, started: null, token: 'remote' }),
    );
    expect(refused(dir).code).toBe('DATA_DIR_LOCKED');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath(dir), old, old);
    const taken = lockDataDir(dir, { staleMs: 15_000 });
    void taken.release();
  });

  it('reports, without exiting, when its lock file is taken from under it', async () => {
    const dir = tmpDir();
    const lost: Error[] = [];
    const lock = lockDataDir(dir, { refreshMs: 20, onLost: (e) => lost.push(e) });
    fs.writeFileSync(lockPath(dir), JSON.stringify({ host: 'x', pid: 1, started: null, token: 'thief' }));
    for (let i = 0; i < 200 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lost[0]?.message).toMatch(/removed or taken/);
    await lock.release();
    // The thief's file is left alone.
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).token).toBe('thief');
  });
});
