import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// `redress serve` as a child process: what an operator runs, faults and signals included.
export const root = path.resolve(import.meta.dirname, '../..');
export const cliArgs = [
  path.join(root, 'node_modules/tsx/dist/cli.mjs'),
  path.join(root, 'src/cli/index.ts'),
];

export interface Served {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the child wrote to stderr and stdout so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the child has exited. */
  exited: Promise<number | string>;
}

export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    RATE_LIMIT_PUBLIC: '1000000',
    ...extra,
  };
}

/** Spawns `command args` with `env` and waits until GET /health answers 200 on `port`. */
export async function startServed(
  port: number,
  env: Record<string, string>,
  command: { file: string; args: string[]; cwd?: string } = {
    file: process.execPath,
    args: [...cliArgs, 'serve'],
  },
  readyTimeoutMs = 120_000,
): Promise<Served> {
  const child = spawn(command.file, command.args, {
    env: baseEnv({ PORT: String(port), ...env }),
    cwd: command.cwd ?? root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const served: Served = { child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited };
  await waitHealthy(served, readyTimeoutMs);
  return served;
}

export async function waitHealthy(s: Served, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (s.child.exitCode !== null || s.child.signalCode !== null)
      throw new Error(
        `server exited (${s.child.exitCode ?? s.child.signalCode}): ${s.output().slice(-3000)}`,
      );
    try {
      const res = await fetch(`${s.url}/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`server not healthy in time: ${s.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM, then the exit code; SIGKILL only if it has not exited after `graceMs` (a failure). */
export async function stopServed(s: Served, graceMs = 30_000): Promise<number | string> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.exited;
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), graceMs);
  try {
    return await s.exited;
  } finally {
    clearTimeout(timer);
  }
}
