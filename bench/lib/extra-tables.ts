import crypto from 'node:crypto';
import type { Rng } from './random.js';
import type { Queryable } from './generate.js';

/**
 * The schema grows while the benchmark lives (items, respondents, hearings, letters, …). Tables that
 * reference complaint_case and that the generator has no dedicated code for are filled from the
 * catalogue: one row for a share of the cases, with values that fit each column's type, foreign
 * key and `IN (…)` check. A table that cannot be filled that way is reported, not guessed at.
 */

export interface CaseContext {
  id: string;
  t: number;
  status: string;
  closedAt: number | null;
  receiptDate: string;
  handler: string;
  departmentId: string | null;
  categoryId: string | null;
  name: string;
  email: string | null;
  text: string;
}

interface ColumnPlan {
  name: string;
  udt: string;
  nullable: boolean;
  fk: string | undefined;
  values: string[] | undefined;
}

export interface TablePlan {
  table: string;
  share: number;
  cols: ColumnPlan[];
  firstValues: boolean;
  skipped?: string;
  rows: number;
}

/** Share of cases that get a row, by table; anything new (e.g. letters) gets the default. */
const SHARES: Record<string, number> = {
  respondent: 0.4,
  representative: 0.05,
  hearing: 0.3,
  remedy: 0.15,
  escalation: 0.04,
  case_task: 0.8,
  case_alert: 0.1,
  status_link: 0.05,
  complainant_submission: 0.1,
  case_attachment: 0.03,
  satisfaction_survey: 0.2,
};
const DEFAULT_SHARE = 0.6;
const SCALAR = new Set([
  'uuid',
  'text',
  'varchar',
  'bpchar',
  'int2',
  'int4',
  'int8',
  'numeric',
  'bool',
  'date',
  'timestamptz',
  'timestamp',
  'jsonb',
  'json',
  'bytea',
  'float4',
  'float8',
]);

export async function planExtraTables(q: Queryable, handled: string[]): Promise<TablePlan[]> {
  const { rows: tables } = await q.query(
    `SELECT DISTINCT c.relname AS t FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
     WHERE k.contype = 'f' AND k.confrelid = 'complaint_case'::regclass AND NOT (c.relname = ANY ($1)) ORDER BY 1`,
    [handled],
  );
  const plans: TablePlan[] = [];
  for (const { t } of tables as { t: string }[]) {
    const { rows: cols } = await q.query(
      `SELECT a.attname AS name, ty.typname AS udt, NOT a.attnotnull AS nullable,
              a.atthasdef AS has_default, a.attidentity <> '' OR a.attgenerated <> '' AS generated
       FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
       WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [t],
    );
    const { rows: fks } = await q.query(
      `SELECT a.attname AS col, rc.relname AS ref FROM pg_constraint k
       JOIN pg_class rc ON rc.oid = k.confrelid
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       WHERE k.contype = 'f' AND k.conrelid = $1::regclass AND array_length(k.conkey, 1) = 1`,
      [t],
    );
    const { rows: checks } = await q.query(
      `SELECT pg_get_constraintdef(k.oid) AS def FROM pg_constraint k WHERE k.contype = 'c' AND k.conrelid = $1::regclass`,
      [t],
    );
    const fkOf = new Map((fks as { col: string; ref: string }[]).map((f) => [f.col, f.ref]));
    const valuesOf = new Map<string, string[]>();
    for (const { def } of checks as { def: string }[]) {
      const m = /^CHECK \(\(?\(?(\w+)\)?(?:::text)? = ANY \(\(?ARRAY\[(.*?)\]\)?(?:::text\[\])?\)\)\)?$/.exec(
        def,
      );
      if (m)
        valuesOf.set(
          m[1]!,
          [...m[2]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!),
        );
    }
    const plan: TablePlan = {
      table: t,
      share: SHARES[t] ?? DEFAULT_SHARE,
      cols: [],
      firstValues: false,
      rows: 0,
    };
    for (const c of cols as {
      name: string;
      udt: string;
      nullable: boolean;
      has_default: boolean;
      generated: boolean;
    }[]) {
      if (c.generated) continue;
      const fk = fkOf.get(c.name);
      const required = !c.nullable && !c.has_default;
      if (!required && fk !== 'complaint_case' && c.name !== 'created_at') continue;
      if (!SCALAR.has(c.udt)) {
        plan.skipped = `column ${c.name} has type ${c.udt}`;
        break;
      }
      if (fk && !['complaint_case', 'app_user', 'department', 'category'].includes(fk)) {
        plan.skipped = `column ${c.name} must reference ${fk}`;
        break;
      }
      plan.cols.push({ name: c.name, udt: c.udt, nullable: c.nullable, fk, values: valuesOf.get(c.name) });
    }
    plans.push(plan);
  }
  return plans;
}

function valueFor(col: ColumnPlan, c: CaseContext, rng: Rng, first: boolean): unknown {
  if (col.fk === 'complaint_case') return c.id;
  if (col.fk === 'app_user') return c.handler;
  if (col.fk === 'department') return c.departmentId;
  if (col.fk === 'category') return c.categoryId;
  if (col.values?.length) return first ? col.values[0] : rng.pick(col.values);
  const n = col.name;
  switch (col.udt) {
    case 'uuid':
      return crypto.randomUUID();
    case 'int2':
    case 'int4':
    case 'int8':
      return n.includes('size') ? rng.int(20_000, 900_000) : 1;
    case 'numeric':
    case 'float4':
    case 'float8':
      return rng.int(25, 750);
    case 'bool':
      return false;
    case 'date':
      return c.receiptDate;
    case 'timestamptz':
    case 'timestamp':
      return new Date(
        n.startsWith('expires') ? c.t + 30 * 86_400_000 : c.t + rng.next() * 86_400_000,
      ).toISOString();
    case 'jsonb':
    case 'json':
      return '{}';
    case 'bytea':
      return Buffer.from('%PDF-1.4 bench\n');
    default:
      if (/hash|sha|token/.test(n)) return crypto.createHash('sha256').update(rng.hex(16)).digest('hex');
      if (/email|recipient/.test(n)) return c.email ?? 'onbekend@bench.example';
      if (/name$/.test(n)) return n === 'filename' ? 'bijlage.pdf' : c.name;
      if (/content_type|mime/.test(n)) return 'application/pdf';
      if (/kind|type|status|relation|party|channel|source|rule/.test(n)) return 'overig';
      return c.text.slice(0, 40 + rng.int(0, 400));
  }
}

/** Fills the planned tables for one batch of cases; returns nothing, records rows or skips in the plans. */
export async function fillExtraTables(
  q: Queryable,
  plans: TablePlan[],
  cases: CaseContext[],
  rng: Rng,
): Promise<void> {
  for (const plan of plans) {
    if (plan.skipped) continue;
    const chosen = cases.filter(() => rng.chance(plan.share));
    if (!chosen.length) continue;
    for (;;) {
      const data: unknown[][] = plan.cols.map(() => []);
      for (const c of chosen)
        plan.cols.forEach((col, i) => data[i]!.push(valueFor(col, c, rng, plan.firstValues)));
      const text = `INSERT INTO ${plan.table} (${plan.cols.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${plan.cols
        .map((c, i) => `$${i + 1}::${c.udt}[]`)
        .join(', ')})`;
      try {
        await q.query(text, data);
        plan.rows += chosen.length;
        break;
      } catch (err) {
        const e = err as { code?: string; message?: string };
        if (e.code === '23514' && !plan.firstValues) {
          plan.firstValues = true; // a cross-column check: retry with the first allowed value of each list
          continue;
        }
        plan.skipped = `${e.code ?? ''} ${e.message ?? String(err)}`.trim();
        break;
      }
    }
  }
}
