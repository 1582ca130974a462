import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The server under test, in its own process (`node --import tsx src/cli/index.ts serve`, which is
 * what `npm start` runs, without tsx's extra wrapper process), so that the RSS and CPU time read
 * from /proc are the server's own and not the load generator's.
 */
export interface ServerProcess {
  pid: number;
  url: string;
  /** Resident set size now, and the peak since start (VmHWM), in MB. */
  memory(): { rssMb: number; peakRssMb: number };
  /** CPU seconds (user + system) used by the server so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const CLK_TCK = 100;

export function procCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime, stime
  } catch {
    return 0;
  }
}

export function procMemory(pid: number): { rssMb: number; peakRssMb: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, peakRssMb: 0 };
  }
}

/** Busy and total CPU time of the whole machine (all cores), in seconds, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.reduce((a, b) => a + b, 0);
    return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface StartOptions {
  root: string;
  env: Record<string, string>;
  cpuProfDir?: string | undefined;
  log: (msg: string) => void;
  timeoutMs?: number;
}

export async function startServer(opts: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const args = [
    '--import',
    'tsx',
    ...(opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []),
    'src/cli/index.ts',
    'serve',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: opts.root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      JOBS: 'off',
      SEED_DEMO: 'off',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PUBLIC: '100000000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== undefined)
      throw new Error(`The server exited with code ${exited} before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The server did not become ready within ${(opts.timeoutMs ?? 120_000) / 1000} s:\n${output}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  return {
    pid,
    url,
    memory: () => procMemory(pid),
    cpuSeconds: () => procCpuSeconds(pid),
    async stop() {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
      if (output.trim())
        opts.log(
          `  server output (warnings and errors):\n${indent(output.trim().split('\n').slice(-15).join('\n'))}`,
        );
    },
  };
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

export function repoRoot(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
}
