import pg from 'pg';
import { CASE_INSERT, type Payload, type RowMaker } from './payloads.js';
import { summarise, type Summary } from './stats.js';

/**
 * The limit beside intake: the database alone, at the same concurrency and durability.
 *  - `insert`: one single-row INSERT of the same complaint into complaint_case (same columns, same
 *    indexes and full-text column), autocommit: one durable transaction each;
 *  - `intake-sql`: the statements intake sends for one complaint (reference from the sequence, then
 *    case, history event and outbox message in one transaction), straight through `pg`, to show how
 *    much of intake's time is the database and how much is the application around it.
 */
export type PlainMode = 'insert' | 'intake-sql' | 'intake-cte';

/**
 * What intake's writes cost as ONE statement: a data-modifying CTE that takes the reference from the
 * year's sequence and writes case, history event and outbox message atomically (a single statement
 * is its own transaction). Not what the server does today: it shows what folding intake's six round
 * trips (nextval, BEGIN, 3 × INSERT, COMMIT) into one would give.
 */
export const INTAKE_CTE = `WITH c AS (
  INSERT INTO complaint_case (reference, status, regime, channel, received_at, submitted_at, receipt_date,
    complainant_name, complainant_email, complainant_phone, complainant_address, description, desired_outcome, incident_date,
    language, category_id, department_id, acknowledgement_due, decision_due, deadlines, status_token_hash, created_by)
  VALUES ($22 || lpad(nextval($23::regclass)::text, 6, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
  RETURNING id, reference
), e AS (
  INSERT INTO case_event (case_id, actor_id, type, data)
  SELECT id, NULL, 'case.received', $24::jsonb || jsonb_build_object('reference', reference) FROM c
)
INSERT INTO outbox (case_id, kind, recipient, status, subject, body_text)
SELECT id, 'acknowledgement', $25, $26, replace($27, '{{reference}}', reference), replace($28, '{{reference}}', reference) FROM c
RETURNING case_id, id`;

export interface PlainResult extends Summary {
  mode: PlainMode;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  errors: number;
  firstError?: string;
  /** Ids of the cases written, so that the run can remove them before the reads. */
  ids: string[];
}

type Client = { query(text: string, values?: unknown[]): Promise<pg.QueryResult> };

export interface Connector {
  /** Runs fn on a connection: PostgreSQL, the worker's own; PGlite, the one session in turn. */
  session<T>(worker: number, fn: (c: Client) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** N dedicated connections to PostgreSQL, one per simulated client. */
export async function postgresConnector(url: string, n: number): Promise<Connector> {
  const clients: pg.Client[] = [];
  for (let i = 0; i < n; i++) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    clients.push(c);
  }
  return {
    session: (worker, fn) => fn(clients[worker]!),
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
    },
  };
}

/** PGlite's node-postgres adapter pool (max 1, as the server has it): clients take turns. */
export function poolConnector(pool: pg.Pool): Connector {
  return {
    async session(_worker, fn) {
      const c = await pool.connect();
      try {
        return await fn(c);
      } finally {
        c.release();
      }
    },
    close: async () => {},
  };
}

export async function runPlain(opts: {
  mode: PlainMode;
  connector: Connector;
  connections: number;
  seconds: number;
  payloads: Payload[];
  rows: RowMaker;
}): Promise<PlainResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const seq = `case_reference_${opts.rows.year}`;

  const ids: string[] = [];
  const one = async (c: Client, p: Payload) => {
    if (opts.mode === 'insert') {
      const r = await c.query(CASE_INSERT, opts.rows.caseValues(p));
      ids.push(r.rows[0].id);
      return;
    }
    if (opts.mode === 'intake-cte') {
      const message = opts.rows.message(p, '{{reference}}');
      const email = p.body.complainant.email ?? null;
      const r = await c.query(INTAKE_CTE, [
        ...opts.rows.caseValues(p).slice(1),
        `KL-${opts.rows.year}-`,
        seq,
        opts.rows.eventData(),
        email,
        email ? 'pending' : 'no-recipient',
        message.subject,
        message.text,
      ]);
      ids.push(r.rows[0].case_id);
      return;
    }
    const { rows } = await c.query(`SELECT nextval('${seq}'::regclass) AS n`);
    const reference = `KL-${opts.rows.year}-${String(rows[0].n).padStart(6, '0')}`;
    const message = opts.rows.message(p, reference);
    await c.query('BEGIN');
    try {
      const created = await c.query(CASE_INSERT, opts.rows.caseValues(p, reference));
      const id = created.rows[0].id as string;
      ids.push(id);
      await c.query(`INSERT INTO case_event (case_id, actor_id, type, data) VALUES ($1, $2, $3, $4)`, [
        id,
        null,
        'case.received',
        opts.rows.eventData(reference),
      ]);
      const email = p.body.complainant.email ?? null;
      await c.query(
        `INSERT INTO outbox (case_id, kind, recipient, status, subject, body_text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, 'acknowledgement', email, email ? 'pending' : 'no-recipient', message.subject, message.text],
      );
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    }
  };

  const worker = async (w: number) => {
    while (performance.now() < until) {
      const p = opts.payloads[next++ % opts.payloads.length]!;
      const t0 = performance.now();
      try {
        await opts.connector.session(w, (c) => one(c, p));
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
        if (errors > 100) break;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  return {
    ...summarise(latencies),
    mode: opts.mode,
    connections: opts.connections,
    seconds,
    requests: latencies.length + errors,
    rps: latencies.length / seconds,
    errors,
    ...(firstError ? { firstError } : {}),
    ids,
  };
}

/**
 * Removes the baseline's cases (and their events and outbox rows) so that the reads see the
 * generated organisation plus what intake added, then VACUUM ANALYZE as autovacuum would.
 */
export async function removeCases(pool: pg.Pool, ids: string[]): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('SET session_replication_role = replica'); // case_event is append-only by trigger
    for (let i = 0; i < ids.length; i += 10_000) {
      const chunk = ids.slice(i, i + 10_000);
      await c.query('DELETE FROM case_event WHERE case_id = ANY ($1::uuid[])', [chunk]);
      await c.query('DELETE FROM outbox WHERE case_id = ANY ($1::uuid[])', [chunk]);
      await c.query('DELETE FROM complaint_case WHERE id = ANY ($1::uuid[])', [chunk]);
    }
  } finally {
    await c.query('RESET session_replication_role').catch(() => {});
    c.release();
  }
  await pool.query('VACUUM ANALYZE complaint_case, case_event, outbox');
}
