import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../errors.js';

/**
 * The lock on a PGlite data directory (PGlite does not lock it itself: two processes could open it
 * and corrupt it). The lock file names its owner: host, process id, the process's start time and a
 * random token. A later process on the same host checks whether that owner still lives (the
 * process exists and started at the recorded time, so a recycled PID does not count): a killed
 * owner's lock is taken over at once, a live owner's refused. An owner on another host (a container
 * restarted under a new hostname, a shared volume) cannot be checked; its lock counts as held until
 * it has not been refreshed for `staleMs`.
 * ADR 0015 (reliability) explains why not proper-lockfile (a crashed owner blocked restarts for
 * its whole stale period, 16–22 s).
 */
export interface LockOwner {
  host: string;
  pid: number;
  /** The owner process's start time as the kernel records it (Linux), or null. */
  started: string | null;
  token: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): Promise<void>;
}

/** The lock was taken from under a running owner (its file replaced or removed). */
export class DataDirLockLost extends Error {
  readonly code = 'DATA_DIR_LOCK_LOST';
  constructor(readonly dataDir: string) {
    super(`The lock on ${dataDir} was removed or taken by another process.`);
  }
}

export interface LockOptions {
  /** How long a lock from another host stays valid without refresh (ms). */
  staleMs?: number;
  /** How often the owner refreshes its lock file (ms). */
  refreshMs?: number;
  /** Called (once) if the lock file stops naming this owner; the caller decides what to do. */
  onLost?: (err: DataDirLockLost) => void;
}

const LOCK_NAME = '.redress.lock';
// Held in this process, so opening the same directory twice here is refused too.
const heldHere = new Set<string>();

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_NAME);
}

function processStart(pid: number): string | null {
  try {
    // /proc/<pid>/stat: field 22 is the start time in clock ticks since boot; the command may
    // contain spaces and parentheses, so count from the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function alive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return false; // not held here (heldHere says so): an earlier life
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it exists and belongs to someone else.
  }
  if (owner.started !== null) {
    const now = processStart(owner.pid);
    if (now !== null && now !== owner.started) return false; // the PID was recycled
  }
  return true;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return {
      host: parsed.host,
      pid: parsed.pid,
      started: parsed.started ?? null,
      token: String(parsed.token),
    };
  } catch {
    return undefined;
  }
}

function isFree(file: string, owner: LockOwner | undefined, staleMs: number): boolean {
  if (!owner) {
    // Unreadable or half-written: free only once nobody has touched it for the stale period.
    return ageMs(file) > staleMs;
  }
  if (owner.host === os.hostname()) return !alive(owner);
  return ageMs(file) > staleMs;
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function locked(dataDir: string, owner: LockOwner | undefined): AppError {
  const who = owner ? ` (process ${owner.pid} on ${owner.host})` : '';
  return new AppError(
    'DATA_DIR_LOCKED',
    `The data directory ${dataDir} is in use by another Redress process${who}. Stop that process, or set DATA_DIR to another directory.`,
  );
}

export function lockDataDir(dataDir: string, opts: LockOptions = {}): DataDirLock {
  const staleMs = opts.staleMs ?? 15_000;
  const refreshMs = opts.refreshMs ?? 5_000;
  const file = lockPath(dataDir);
  if (heldHere.has(file)) throw locked(dataDir, readOwner(file));
  const me: LockOwner = {
    host: os.hostname(),
    pid: process.pid,
    started: processStart(process.pid),
    token: crypto.randomBytes(8).toString('hex'),
  };
  const body = JSON.stringify(me);

  const tryCreate = (): boolean => {
    try {
      fs.writeFileSync(file, body, { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  };

  if (!tryCreate()) {
    const stale = readOwner(file);
    if (!isFree(file, stale, staleMs)) throw locked(dataDir, stale);
    // Take over a dead owner's lock. Only one process may take over a given owner: the one that
    // creates the takeover marker; it replaces the lock only if it still names that dead owner.
    const marker = `${file}.takeover-${stale?.token ?? 'unreadable'}`;
    try {
      fs.writeFileSync(marker, body, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        // Another process is taking it over now, or crashed while doing so: a marker older than
        // the stale period is cleared so the next start can try again.
        if (ageMs(marker) > staleMs) fs.rmSync(marker, { force: true });
        throw locked(dataDir, readOwner(file) ?? stale);
      }
      throw err;
    }
    try {
      const now = readOwner(file);
      if (now?.token !== stale?.token || (now && !isFree(file, now, staleMs))) {
        throw locked(dataDir, now);
      }
      const tmp = `${file}.${me.token}`;
      fs.writeFileSync(tmp, body);
      fs.renameSync(tmp, file);
    } finally {
      fs.rmSync(marker, { force: true });
    }
  }
  heldHere.add(file);

  let lost = false;
  const ours = () => readOwner(file)?.token === me.token;
  // Refresh the file's time, so an owner on another host can tell this lock is live; and notice
  // if the lock was taken from us.
  const timer = setInterval(() => {
    if (lost) return;
    if (!ours()) {
      lost = true;
      opts.onLost?.(new DataDirLockLost(dataDir));
      return;
    }
    const t = new Date();
    try {
      fs.utimesSync(file, t, t);
    } catch {
      /* the next round notices a missing file */
    }
  }, refreshMs);
  timer.unref();

  return {
    file,
    release: async () => {
      clearInterval(timer);
      heldHere.delete(file);
      if (ours()) fs.rmSync(file, { force: true });
    },
  };
}
