import autocannon, { type Request } from 'autocannon';
import { summarise, type Summary } from './stats.js';

export interface LoadResult extends Summary {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Bounded by time, or by count (then `seconds` is the time limit). */
  seconds: number;
  amount?: number;
  requests: Request[];
  headers?: Record<string, string>;
}

/**
 * One autocannon run. Latencies are taken from every 2xx response (autocannon's own histogram keeps
 * whole milliseconds and has no p95), so p50/p95/p99 are exact to the microsecond.
 */
export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const codes: Record<string, number> = {};
    const started = performance.now();
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds }),
        timeout: 30,
        pipelining: 1,
        requests: opts.requests,
        ...(opts.headers ? { headers: opts.headers } : {}),
      },
      (err, result) => {
        clearTimeout(guard);
        if (err) return reject(err);
        const seconds = (performance.now() - started) / 1000;
        const ok = latencies.length;
        resolve({
          ...summarise(latencies),
          connections: opts.connections,
          seconds,
          requests: ok + result.non2xx,
          rps: ok / seconds,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          statusCodes: codes,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      codes[statusCode] = (codes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
    // A count-bounded run ends after `seconds` at the latest; a timed one gets a margin.
    const guard = setTimeout(() => instance.stop(), (opts.amount ? opts.seconds : opts.seconds + 30) * 1000);
  });
}

/** Requests that cycle through a list of paths (GET) with the same headers. */
export function getRequests(paths: string[], headers: Record<string, string>): Request[] {
  let i = 0;
  return [
    {
      method: 'GET',
      headers,
      setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }),
    },
  ];
}

/** POST requests that cycle through a list of JSON bodies; optionally a fresh Idempotency-Key each. */
export function postRequests(
  path: string,
  bodies: string[],
  headers: Record<string, string> = {},
  idempotency = false,
): Request[] {
  let i = 0;
  return [
    {
      method: 'POST',
      path,
      setupRequest: (req) => {
        const n = i++;
        return {
          ...req,
          headers: {
            'content-type': 'application/json',
            ...headers,
            ...(idempotency
              ? { 'idempotency-key': `bench-${process.pid}-${Date.now().toString(36)}-${n}` }
              : {}),
          },
          body: bodies[n % bodies.length]!,
        };
      },
    },
  ];
}
