import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy the test controls, between Redress and PostgreSQL (node `net`): cut every connection
 * (a reset), stall (accept and hold bytes without forwarding, like a silent network), refuse new
 * connections, and resume.
 */
export interface TcpProxy {
  port: number;
  /** Destroys every open connection (both sides). */
  cut(): void;
  /** Stops forwarding in both directions; new connections are accepted but go nowhere. */
  stall(): void;
  /** New connections are closed at once (the database is away). */
  refuse(): void;
  /** Forwards again (held bytes flow on). */
  resume(): void;
  /** Connections accepted so far. */
  readonly accepted: number;
  readonly open: number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: 'pass' | 'stall' | 'refuse' = 'pass';
  let accepted = 0;
  const pairs = new Set<{ a: net.Socket; b: net.Socket }>();
  const server = net.createServer((a) => {
    accepted++;
    if (mode === 'refuse') {
      a.destroy();
      return;
    }
    const b = net.connect(targetPort, targetHost);
    const pair = { a, b };
    pairs.add(pair);
    const end = () => {
      a.destroy();
      b.destroy();
      pairs.delete(pair);
    };
    a.on('error', end).on('close', end);
    b.on('error', end).on('close', end);
    a.pipe(b);
    b.pipe(a);
    if (mode === 'stall') {
      a.pause();
      b.pause();
      a.unpipe(b);
      b.unpipe(a);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get accepted() {
      return accepted;
    },
    get open() {
      return pairs.size;
    },
    cut() {
      for (const { a, b } of [...pairs]) {
        a.resetAndDestroy();
        b.resetAndDestroy();
      }
      pairs.clear();
    },
    stall() {
      mode = 'stall';
      for (const { a, b } of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
      }
    },
    refuse() {
      mode = 'refuse';
    },
    resume() {
      mode = 'pass';
      for (const { a, b } of pairs) {
        a.pipe(b);
        b.pipe(a);
        a.resume();
        b.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { a, b } of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
