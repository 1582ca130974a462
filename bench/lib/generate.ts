import crypto from 'node:crypto';
import type pg from 'pg';
import { acknowledgementMessage } from '../../src/domain/acknowledgement.js';
import { amsterdamDate } from '../../src/domain/dates.js';
import { computeDeadline } from '../../src/domain/deadlines.js';
import type { Services } from '../../src/server/services.js';
import { formatReference } from '../../src/server/modules/cases/reference.js';
import { Rng } from './random.js';
import { ComplaintText, DEPARTMENTS, type GeneratedComplaint } from './textgen.js';
import { fillExtraTables, planExtraTables, type CaseContext, type TablePlan } from './extra-tables.js';

/** The organisation the generated cases belong to: ids the generator and the benchmarks need. */
export interface BenchOrg {
  name: string;
  departments: { id: string; name: string }[];
  /** categories[depIndex][catIndex] */
  categories: { id: string; departmentId: string }[][];
  handlersByDepartment: Map<string, string[]>;
  intakeStaff: string[];
  reader: { id: string; email: string; token: string };
  /** A manager without a department: reads the dashboard (manager/admin only). */
  manager: { id: string; email: string; token: string };
}

const ORG_NAME = 'Landelijke Uitvoeringsdienst Voorbeeld';
const PUBLIC_URL = 'http://127.0.0.1';

/** Creates the organisation, departments, categories and staff through the application's services. */
export async function setupOrganisation(s: Services): Promise<BenchOrg> {
  const db = s.database.db;
  await s.organisation.save({
    name: ORG_NAME,
    regime: 'awb',
    settings: {
      contactWorkingDays: 5,
      privacyUrl: 'https://voorbeeld.example/privacy',
      contactPhone: '0800 1234',
    },
  });
  const departments = await db
    .insertInto('department')
    .values(DEPARTMENTS.map((d) => ({ name: d.name })))
    .returning(['id', 'name'])
    .execute();
  const depId = (name: string) => departments.find((d) => d.name === name)!.id;
  const categories: { id: string; departmentId: string }[][] = [];
  for (const d of DEPARTMENTS) {
    const rows = await db
      .insertInto('category')
      .values(d.categories.map((c) => ({ name: c.name, department_id: depId(d.name) })))
      .returning(['id', 'name', 'department_id'])
      .execute();
    categories.push(
      d.categories.map((c) => ({ id: rows.find((r) => r.name === c.name)!.id, departmentId: depId(d.name) })),
    );
  }
  const handlersByDepartment = new Map<string, string[]>();
  for (const [i, d] of departments.entries()) {
    const ids: string[] = [];
    for (let h = 1; h <= 6; h++) {
      const u = await s.users.add({
        email: `behandelaar${h}.afd${i + 1}@bench.example`,
        role: 'handler',
        departmentId: d.id,
      });
      ids.push(u.id);
    }
    await s.users.add({ email: `manager.afd${i + 1}@bench.example`, role: 'manager', departmentId: d.id });
    handlersByDepartment.set(d.id, ids);
  }
  const intakeStaff: string[] = [];
  for (let i = 1; i <= 8; i++)
    intakeStaff.push((await s.users.add({ email: `intake${i}@bench.example`, role: 'intake' })).id);
  const readerEmail = 'klachtcoordinator@bench.example';
  const reader = await s.users.add({
    email: readerEmail,
    name: 'Klachtcoördinator',
    role: 'complaints-officer',
  });
  const token = await s.users.createToken(readerEmail, 'bench');
  const managerEmail = 'manager@bench.example';
  const manager = await s.users.add({ email: managerEmail, name: 'Bench Manager', role: 'manager' });
  const managerToken = await s.users.createToken(managerEmail, 'bench');
  return {
    name: ORG_NAME,
    departments,
    categories,
    handlersByDepartment,
    intakeStaff,
    reader: { id: reader.id, email: readerEmail, token },
    manager: { id: manager.id, email: managerEmail, token: managerToken },
  };
}

// ---------------------------------------------------------------------------------------------
// Column-major batches inserted with one INSERT … SELECT FROM unnest($1::type[], …) per table:
// one round trip and one parameter per column for 10,000 rows, on PostgreSQL and PGlite alike.

type Col = readonly [name: string, type: string];

const CASE_COLS: readonly Col[] = [
  ['id', 'uuid'],
  ['reference', 'text'],
  ['status', 'text'],
  ['regime', 'text'],
  ['channel', 'text'],
  ['received_at', 'timestamptz'],
  ['submitted_at', 'timestamptz'],
  ['receipt_date', 'date'],
  ['complainant_name', 'text'],
  ['complainant_email', 'text'],
  ['complainant_phone', 'text'],
  ['complainant_address', 'text'],
  ['description', 'text'],
  ['desired_outcome', 'text'],
  ['incident_date', 'date'],
  ['language', 'text'],
  ['category_id', 'uuid'],
  ['department_id', 'uuid'],
  ['assignee_id', 'uuid'],
  ['acknowledgement_due', 'date'],
  ['decision_due', 'date'],
  ['deadlines', 'jsonb'],
  ['overdue', 'boolean'],
  ['status_token_hash', 'text'],
  ['created_by', 'uuid'],
  ['version', 'int4'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
];
/** Columns later migrations added to complaint_case; filled when present. */
const OPTIONAL_CASE_COLS: readonly Col[] = [
  ['acknowledged_at', 'timestamptz'],
  ['first_contact_at', 'timestamptz'],
  ['decided_at', 'timestamptz'],
  ['outcome', 'text'],
  ['priority', 'text'],
  ['core_complaint', 'text'],
];
const ITEM_COLS: readonly Col[] = [
  ['case_id', 'uuid'],
  ['position', 'int4'],
  ['summary', 'text'],
  ['severity', 'text'],
  ['judgement', 'text'],
  ['findings', 'text'],
  ['judged_at', 'timestamptz'],
  ['judged_by', 'uuid'],
  ['created_at', 'timestamptz'],
];
const EVENT_COLS: readonly Col[] = [
  ['case_id', 'uuid'],
  ['type', 'text'],
  ['actor_id', 'uuid'],
  ['data', 'jsonb'],
  ['created_at', 'timestamptz'],
];
const OUTBOX_COLS: readonly Col[] = [
  ['case_id', 'uuid'],
  ['kind', 'text'],
  ['recipient', 'text'],
  ['subject', 'text'],
  ['body_text', 'text'],
  ['status', 'text'],
  ['attempts', 'int4'],
  ['message_id', 'text'],
  ['created_at', 'timestamptz'],
  ['sent_at', 'timestamptz'],
];
const AUDIT_COLS: readonly Col[] = [
  ['user_id', 'uuid'],
  ['action', 'text'],
  ['case_id', 'uuid'],
  ['created_at', 'timestamptz'],
];

export function unnestInsertSql(table: string, cols: readonly Col[]): string {
  return `INSERT INTO ${table} (${cols.map((c) => c[0]).join(', ')}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})`;
}

class Columns {
  readonly data: unknown[][];
  constructor(readonly cols: readonly Col[]) {
    this.data = cols.map(() => []);
  }
  push(values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.data[i]!.push(values[i]);
  }
  get length(): number {
    return this.data[0]!.length;
  }
}

// ---------------------------------------------------------------------------------------------
// The lifecycle of one generated case: realistic statuses, dates, assignees and history.

const DAY = 86_400_000;
const CHANNELS = [
  ['web', 60],
  ['email', 15],
  ['phone', 12],
  ['letter', 8],
  ['counter', 5],
] as const;
type Outcome = 'closed' | 'informally_resolved' | 'declined' | 'forwarded' | 'withdrawn' | 'escalated';
const OUTCOMES = [
  ['closed', 50],
  ['informally_resolved', 28],
  ['declined', 6],
  ['forwarded', 5],
  ['withdrawn', 7],
  ['escalated', 4],
] as const;
const WEEKDAY_WEIGHT = [0.3, 1.25, 1.05, 1.0, 1.0, 0.9, 0.35]; // Sun … Sat
const HOUR_WEIGHT = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.2, 1.5, 1.5, 1.5, 1.3, 1.5, 1.5, 1.4, 1.3, 1.0, 0.9, 1.0, 1.0,
  0.8, 0.5, 0.3,
];

export interface GenerateOptions {
  cases: number;
  batchSize: number;
  /** Parallel loader connections (PostgreSQL: 2–3; PGlite: 1, it is one session). */
  loaders: number;
  seed: number;
  years: number;
  now: Date;
  log?: (msg: string) => void;
}

interface Memo {
  receipt: Map<number, string>;
  deadlines: Map<string, { ack: string; decision: string; json: string }>;
}

function receiptDateOf(memo: Memo, t: number): string {
  const hour = Math.floor(t / 3_600_000);
  let d = memo.receipt.get(hour);
  if (!d) {
    d = amsterdamDate(new Date(hour * 3_600_000));
    memo.receipt.set(hour, d);
  }
  return d;
}

function deadlinesOf(memo: Memo, receiptDate: string): { ack: string; decision: string; json: string } {
  let d = memo.deadlines.get(receiptDate);
  if (!d) {
    const acknowledgement = computeDeadline({ regime: 'awb', term: 'acknowledgement', start: receiptDate });
    const decision = computeDeadline({ regime: 'awb', term: 'decision', start: receiptDate });
    d = {
      ack: acknowledgement.due,
      decision: decision.due,
      json: JSON.stringify({ acknowledgement, decision }),
    };
    memo.deadlines.set(receiptDate, d);
  }
  return d;
}

const iso = (t: number) => new Date(t).toISOString();

class CaseFactory {
  private readonly rng: Rng;
  private readonly text: ComplaintText;
  private readonly memo: Memo = { receipt: new Map(), deadlines: new Map() };
  private readonly perYear = new Map<number, number>();
  private readonly today: string;

  constructor(
    private readonly org: BenchOrg,
    seed: number,
    private readonly now: number,
  ) {
    this.rng = new Rng(seed);
    this.text = new ComplaintText(new Rng(seed ^ 0x5bd1e995));
    this.today = amsterdamDate(new Date(now));
  }

  get years(): Record<string, number> {
    return Object.fromEntries([...this.perYear.entries()].sort());
  }

  /** `n` sorted receipt instants in [from, to), following weekly and daily patterns. */
  timestamps(n: number, from: number, to: number): number[] {
    const out: number[] = [];
    const r = this.rng;
    while (out.length < n) {
      const t = from + r.next() * (to - from);
      const local = new Date(t + 3_600_000); // CET is close enough for a weighting
      const w = WEEKDAY_WEIGHT[local.getUTCDay()]! * HOUR_WEIGHT[local.getUTCHours()]!;
      if (r.next() * 1.9 < w) out.push(t);
    }
    return out.sort((a, b) => a - b);
  }

  build(t: number, b: Batch): void {
    const r = this.rng;
    const c: GeneratedComplaint = this.text.complaint();
    const id = crypto.randomUUID();
    const receiptDate = receiptDateOf(this.memo, t);
    const year = Number(receiptDate.slice(0, 4));
    const n = (this.perYear.get(year) ?? 0) + 1;
    this.perYear.set(year, n);
    const reference = formatReference(year, n);
    const dl = deadlinesOf(this.memo, receiptDate);
    const channel = r.weighted(CHANNELS);
    const createdBy = channel === 'web' ? null : r.pick(this.org.intakeStaff);
    const hasCategory = r.chance(0.95);
    const category = hasCategory ? this.org.categories[c.departmentIndex]![c.categoryIndex]! : undefined;
    const departmentId = category?.departmentId ?? null;
    const handlers = departmentId ? this.org.handlersByDepartment.get(departmentId)! : undefined;
    const handler = handlers ? r.pick(handlers) : r.pick(this.org.intakeStaff);

    // Timeline: acknowledgement, start of handling, outcome after a log-normal lead time.
    const outcome: Outcome = r.weighted(OUTCOMES);
    const early = outcome === 'declined' || outcome === 'forwarded' || outcome === 'withdrawn';
    const lead = Math.min(
      120,
      Math.max(0.5, r.logNormal(early ? 8 : outcome === 'informally_resolved' ? 14 : 26, 0.5)),
    );
    const ackAt = t + r.next() * 2.5 * DAY + 600_000;
    const acknowledges = r.chance(0.85);
    const startAt = Math.min(t + lead * DAY * 0.8, (acknowledges ? ackAt : t) + (0.3 + r.next() * 6) * DAY);
    const endAt = t + lead * DAY;

    const ev: [string, string | null, string, number][] = []; // type, actor, data, at
    ev.push([
      'case.received',
      createdBy,
      JSON.stringify({
        reference,
        channel,
        receiptDate,
        regime: 'awb',
        deadlines: { acknowledgement: dl.ack, decision: dl.decision },
      }),
      t,
    ]);
    let status = 'received';
    let closedAt: number | null = null;
    let acknowledgedAt: number | null = null;
    let startedAt: number | null = null;
    let decidedAt: number | null = null;
    const change = (action: string, to: string, at: number) => {
      if (at > this.now) return false;
      ev.push(['case.status_changed', handler, JSON.stringify({ from: status, to, action }), at]);
      status = to;
      return true;
    };
    if (acknowledges && change('acknowledge', 'acknowledged', ackAt)) acknowledgedAt = ackAt;
    if ((!early || r.chance(0.5)) && change('start_handling', 'in_progress', startAt)) startedAt = startAt;
    if (endAt <= this.now) {
      if (outcome === 'closed' || outcome === 'escalated') {
        if (status !== 'in_progress' && change('start_handling', 'in_progress', endAt - 3_600_000))
          startedAt = endAt - 3_600_000;
        if (change('decide', 'decided', endAt)) decidedAt = endAt;
        const closeAt = endAt + (0.2 + r.next() * 4) * DAY;
        if (change('close', 'closed', closeAt)) closedAt = closeAt;
        if (outcome === 'escalated' && closedAt !== null)
          change('escalate', 'escalated', closeAt + (5 + r.next() * 40) * DAY);
      } else {
        const action = {
          informally_resolved: 'resolve_informally',
          declined: 'decline',
          forwarded: 'forward',
          withdrawn: 'withdraw',
        }[outcome];
        if (change(action, outcome, endAt)) closedAt = endAt;
      }
    }
    const lastAt = ev[ev.length - 1]![3];
    const open = status === 'received' || status === 'acknowledged' || status === 'in_progress';
    const judgement =
      decidedAt === null
        ? null
        : r.weighted([
            ['upheld', 3],
            ['partly_upheld', 3],
            ['not_upheld', 4],
          ] as const);

    const optional: Record<string, unknown> = {
      acknowledged_at: acknowledgedAt === null ? null : iso(acknowledgedAt),
      first_contact_at: startedAt === null ? null : iso(startedAt),
      decided_at: decidedAt === null ? null : iso(decidedAt),
      outcome: decidedAt !== null ? judgement : closedAt !== null ? status : null,
      priority: r.weighted([
        ['normal', 85],
        ['high', 10],
        ['urgent', 2],
        ['low', 3],
      ] as const),
      core_complaint: startedAt === null ? null : c.description.slice(0, 60 + r.int(0, 200)),
    };
    b.cases.push([
      id,
      reference,
      status,
      'awb',
      channel,
      iso(t),
      iso(channel === 'letter' ? t - r.int(1, 3) * DAY : t),
      receiptDate,
      c.name,
      c.email,
      c.phone,
      c.address,
      c.description,
      c.desiredOutcome,
      r.chance(0.6) ? receiptDateOf(this.memo, t - r.int(0, 60) * DAY) : null,
      c.language,
      category?.id ?? null,
      departmentId,
      status === 'received' ? null : handler,
      dl.ack,
      dl.decision,
      dl.json,
      open && dl.decision < this.today,
      crypto.createHash('sha256').update(r.hex(24)).digest('hex'),
      createdBy,
      ev.length,
      iso(t),
      iso(lastAt),
      closedAt === null ? null : iso(closedAt),
      ...b.optionalCols.map((col) => optional[col[0]]),
    ]);
    for (const [type, actor, data, at] of ev) b.events.push([id, type, actor, data, iso(at)]);

    const statusUrl = `${PUBLIC_URL}/status/${r.hex(18)}`;
    const ack = acknowledgementMessage({
      lang: c.language,
      organisationName: this.org.name,
      complainantName: c.name,
      reference,
      receiptDate,
      decisionDue: dl.decision,
      contactWorkingDays: 5,
      statusUrl,
      privacyUrl: 'https://voorbeeld.example/privacy',
      advisoryCommittee: false,
    });
    const recent = this.now - t < 120_000;
    b.outbox.push([
      id,
      'acknowledgement',
      c.email,
      ack.subject,
      ack.text,
      c.email ? (recent ? 'pending' : 'sent') : 'no-recipient',
      c.email && !recent ? 1 : 0,
      c.email && !recent ? `<${id}.ack@bench.example>` : null,
      iso(t),
      c.email && !recent ? iso(t + r.int(2, 90) * 1000) : null,
    ]);
    if (closedAt !== null && c.email) {
      b.outbox.push([
        id,
        'decision',
        c.email,
        `Uw klacht ${reference}`,
        `Geachte ${c.name},\n\nOp ${receiptDate} ontvingen wij uw klacht. In deze brief leest u ons oordeel en wat wij doen om herhaling te voorkomen.\n\nMet vriendelijke groet,\n${this.org.name}`,
        'sent',
        1,
        `<${id}.decision@bench.example>`,
        iso(closedAt),
        iso(closedAt + 60_000),
      ]);
    }
    // Klachtonderdelen (NO-10): one to three per case, judged when the case was decided.
    if (b.items) {
      const parts = c.description.split(/(?<=[.?!])\s+/).filter((p) => p.length > 30);
      const k = Math.min(
        parts.length || 1,
        r.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ] as const),
      );
      for (let i = 0; i < k; i++) {
        const itemJudgement =
          judgement === null
            ? null
            : i === 0
              ? judgement
              : r.pick(['upheld', 'partly_upheld', 'not_upheld'] as const);
        b.items.push([
          id,
          i + 1,
          (parts[i] ?? c.description).slice(0, 300),
          r.weighted([
            ['light', 5],
            ['medium', 4],
            ['heavy', 1],
          ] as const),
          itemJudgement,
          itemJudgement === null ? null : 'De klacht is onderzocht; de bevindingen staan in de beslissing.',
          decidedAt === null || itemJudgement === null ? null : iso(decidedAt),
          itemJudgement === null ? null : handler,
          iso(startedAt ?? t),
        ]);
      }
    }
    // PRIV-09: handlers read the cases they work on.
    if (status !== 'received') {
      const reads = r.int(1, 4);
      for (let i = 0; i < reads; i++)
        b.audit.push([handler, 'case.read', id, iso(Math.min(this.now, t + r.next() * (lastAt - t + DAY)))]);
    }
    b.contexts.push({
      id,
      t,
      status,
      closedAt,
      receiptDate,
      handler,
      departmentId,
      categoryId: category?.id ?? null,
      name: c.name,
      email: c.email,
      text: c.description,
    });
  }
}

interface Batch {
  optionalCols: readonly Col[];
  cases: Columns;
  events: Columns;
  outbox: Columns;
  audit: Columns;
  items: Columns | undefined;
  contexts: CaseContext[];
}

export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows of ad-hoc benchmark SQL
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/** Secondary indexes of the tables the generator fills, dropped before the load and rebuilt after it. */
async function secondaryIndexes(
  q: Queryable,
  tables: string[],
): Promise<{ name: string; def: string; table: string }[]> {
  const { rows } = await q.query(
    `SELECT ci.relname AS name, pg_get_indexdef(i.indexrelid) AS def, c.relname AS "table"
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ci ON ci.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ANY ($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  return rows as { name: string; def: string; table: string }[];
}

async function columnsOf(q: Queryable, table: string): Promise<Set<string>> {
  const { rows } = await q.query(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return new Set(rows.map((r: { c: string }) => r.c));
}

export interface GenerateResult {
  cases: number;
  events: number;
  outbox: number;
  audit: number;
  items: number;
  /** Rows in other tables that reference cases, filled from the catalogue; or why not. */
  otherTables: Record<string, number | string>;
  seconds: number;
  casesPerSecond: number;
  loadSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  references: Record<string, number>;
}

/**
 * Loads `cases` generated cases with their history, outbox, items, access log and the rows of any
 * other case table, in batches of INSERT … SELECT FROM unnest(…), with the secondary indexes
 * dropped during the load and rebuilt after it, then VACUUM ANALYZE. The per-year reference
 * sequences are set past the generated references so that intake continues the numbering.
 */
export async function generateCases(
  pool: pg.Pool,
  org: BenchOrg,
  opts: GenerateOptions,
): Promise<GenerateResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const factory = new CaseFactory(org, opts.seed, opts.now.getTime());
  const extraRng = new Rng(opts.seed ^ 0x27d4eb2f);
  const end = opts.now.getTime() - 15 * 60_000;
  const start = end - opts.years * 365.25 * DAY;
  const batches = Math.ceil(opts.cases / opts.batchSize);
  const span = (end - start) / batches;

  const admin = await pool.connect();
  const caseColumns = await columnsOf(admin, 'complaint_case');
  const optionalCols = OPTIONAL_CASE_COLS.filter((c) => caseColumns.has(c[0]));
  const itemColumns = await columnsOf(admin, 'complaint_item');
  const withItems = ITEM_COLS.every((c) => itemColumns.has(c[0]));
  const handled = [
    'case_event',
    'outbox',
    'idempotency_key',
    'audit_log',
    ...(withItems ? ['complaint_item'] : []),
  ];
  const plans: TablePlan[] = await planExtraTables(admin, handled);
  const tables = ['complaint_case', ...handled, ...plans.filter((p) => !p.skipped).map((p) => p.table)];
  const indexes = await secondaryIndexes(admin, tables);
  for (const ix of indexes) await admin.query(`DROP INDEX ${ix.name}`);
  admin.release();

  const allCaseCols = [...CASE_COLS, ...optionalCols];
  const caseSql = unnestInsertSql('complaint_case', allCaseCols);
  const eventSql = unnestInsertSql('case_event', EVENT_COLS);
  const outboxSql = unnestInsertSql('outbox', OUTBOX_COLS);
  const auditSql = unnestInsertSql('audit_log', AUDIT_COLS);
  const itemSql = unnestInsertSql('complaint_item', ITEM_COLS);
  let next = 0;
  const totals = { cases: 0, events: 0, outbox: 0, audit: 0, items: 0 };
  let lastLog = performance.now();

  const worker = async () => {
    const client = await pool.connect();
    try {
      // Bulk-load settings for this session only: no per-row FK triggers (the generator keeps the
      // references consistent) and no wait for the WAL flush per batch (a failed load is redone).
      await client.query(`SET session_replication_role = replica`);
      await client.query(`SET synchronous_commit = off`);
      for (;;) {
        const i = next++;
        if (i >= batches) break;
        const n = Math.min(opts.batchSize, opts.cases - i * opts.batchSize);
        const b: Batch = {
          optionalCols,
          cases: new Columns(allCaseCols),
          events: new Columns(EVENT_COLS),
          outbox: new Columns(OUTBOX_COLS),
          audit: new Columns(AUDIT_COLS),
          items: withItems ? new Columns(ITEM_COLS) : undefined,
          contexts: [],
        };
        for (const t of factory.timestamps(n, start + i * span, start + (i + 1) * span)) factory.build(t, b);
        await client.query('BEGIN');
        await client.query(caseSql, b.cases.data);
        await client.query(eventSql, b.events.data);
        await client.query(outboxSql, b.outbox.data);
        await client.query(auditSql, b.audit.data);
        if (b.items) await client.query(itemSql, b.items.data);
        await client.query('COMMIT');
        await fillExtraTables(client, plans, b.contexts, extraRng);
        totals.cases += b.cases.length;
        totals.events += b.events.length;
        totals.outbox += b.outbox.length;
        totals.audit += b.audit.length;
        totals.items += b.items?.length ?? 0;
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          const sec = (lastLog - started) / 1000;
          log(
            `  … ${totals.cases.toLocaleString('en')} cases in ${sec.toFixed(0)} s (${Math.round(totals.cases / sec).toLocaleString('en')}/s)`,
          );
        }
      }
    } finally {
      await client.query(`RESET session_replication_role`).catch(() => {});
      await client.query(`RESET synchronous_commit`).catch(() => {});
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.loaders) }, worker));
  const loaded = performance.now();
  log(`  loaded in ${((loaded - started) / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes`);

  // Rebuild the indexes: the large GIN index first on one connection, the rest beside it.
  const queue = [...indexes].sort(
    (a, b) => Number(b.def.includes('USING gin')) - Number(a.def.includes('USING gin')),
  );
  const builder = async () => {
    const client = await pool.connect();
    try {
      await client.query(`SET maintenance_work_mem = '512MB'`);
      for (let ix = queue.shift(); ix; ix = queue.shift()) await client.query(ix.def);
    } finally {
      await client.query(`RESET maintenance_work_mem`).catch(() => {});
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, opts.loaders)) }, builder));
  const indexed = performance.now();

  const c = await pool.connect();
  try {
    for (const [year, n] of Object.entries(factory.years)) {
      await c.query(`CREATE SEQUENCE IF NOT EXISTS case_reference_${Number(year)} START 1`);
      await c.query(`SELECT setval('case_reference_${Number(year)}', $1)`, [n]);
    }
    await c.query('VACUUM ANALYZE');
  } finally {
    c.release();
  }
  const analyzed = performance.now();
  const seconds = (analyzed - started) / 1000;
  return {
    ...totals,
    otherTables: Object.fromEntries(
      plans.map((p) => [p.table, p.skipped ? `not filled: ${p.skipped}` : p.rows]),
    ),
    seconds,
    casesPerSecond: totals.cases / seconds,
    loadSeconds: (loaded - started) / 1000,
    indexSeconds: (indexed - loaded) / 1000,
    analyzeSeconds: (analyzed - indexed) / 1000,
    references: factory.years,
  };
}
