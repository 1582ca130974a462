import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashSecret, newStatusToken, STATUS_URL_PLACEHOLDER } from '../../secrets.js';
import { amsterdamDate } from '../../../domain/dates.js';
import { computeDeadline, deadlineStartFor, type Deadline } from '../../../domain/deadlines.js';
import { acknowledgementMessage } from '../../../domain/acknowledgement.js';
import { acknowledgementTaskData } from '../../../domain/workflow/tasks.js';
import type { OrganisationService } from '../organisation/service.js';
import { ensureReferenceSequence, referenceExpression } from './reference.js';
import type { IntakeResponse, PublicIntake, StaffIntake } from './schemas.js';
import type { CaseEvent } from './events.js';

const REFERENCE_PLACEHOLDER = '{{reference}}';

export interface IntakeContext {
  actorId: string | null;
  idempotencyKey?: string | undefined;
}

export interface IntakeResult {
  response: IntakeResponse;
  created: boolean;
  outboxIds: string[];
}

type IntakeInput =
  (PublicIntake & { channel?: undefined; receivedAt?: undefined; submittedAt?: undefined }) | StaffIntake;

export class IntakeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisation: OrganisationService,
    private readonly publicUrl: string,
    private readonly statusLinkTtlDays: number,
  ) {}

  /**
   * Registers a complaint: case, history event and acknowledgement in the outbox, in one transaction
   * (nothing half-written). A repeated Idempotency-Key with the same body returns the first answer.
   */
  async register(input: IntakeInput, ctx: IntakeContext): Promise<IntakeResult> {
    const requestHash = ctx.idempotencyKey ? hashBody(input) : '';
    if (ctx.idempotencyKey) {
      const existing = await this.replay(ctx.idempotencyKey, requestHash);
      if (existing) return existing;
    }

    const org = await this.organisation.get();
    const now = new Date();
    // CONV-01/02: the receipt date is the Europe/Amsterdam calendar date of the moment of receipt.
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    const submittedAt = input.submittedAt ? new Date(input.submittedAt) : receivedAt;
    const receiptDate = amsterdamDate(receivedAt);
    const start = deadlineStartFor(org.regime, { receivedAt, submittedAt }); // CONV-03
    const extraHolidays = org.settings.extraHolidays ?? [];
    const acknowledgement = computeDeadline({
      regime: org.regime,
      term: 'acknowledgement',
      start: receiptDate,
      extraHolidays,
    });
    const decision = computeDeadline({ regime: org.regime, term: 'decision', start, extraHolidays });

    const year = Number(receiptDate.slice(0, 4));
    const id = crypto.randomUUID();
    // The link in this answer (shown once on the confirmation page) is stored as a hash only. The
    // acknowledgement carries a placeholder: its own link is minted when it is sent (finalise.ts).
    const statusToken = newStatusToken();
    const statusUrl = `${this.publicUrl}/status/${statusToken}`;
    const linkExpiresAt = new Date(receivedAt.getTime() + this.statusLinkTtlDays * 86_400_000);
    const channel = input.channel ?? 'web';
    const email = input.complainant.email ?? null;

    // The reference is drawn inside the statement; the texts carry a placeholder for it.
    const message = acknowledgementMessage({
      lang: input.language,
      organisationName: org.name,
      complainantName: input.complainant.name,
      reference: REFERENCE_PLACEHOLDER,
      receiptDate,
      decisionDue: decision.due,
      contactWorkingDays: org.settings.contactWorkingDays ?? 5,
      statusUrl: STATUS_URL_PLACEHOLDER,
      privacyUrl: org.settings.privacyUrl,
      advisoryCommittee: org.regime === 'awb-advisory',
    });
    // What a replay of the Idempotency-Key answers: everything but the link (api.md).
    const response: Omit<IntakeResponse, 'reference' | 'statusUrl'> = {
      id,
      status: 'received',
      receivedAt: receivedAt.toISOString(),
      regime: org.regime,
      deadlines: { acknowledgement: acknowledgement.due, decision: decision.due },
    };
    const eventData: Extract<CaseEvent, { type: 'case.received' }>['data'] = {
      reference: REFERENCE_PLACEHOLDER,
      channel,
      receiptDate,
      regime: org.regime,
      deadlines: { acknowledgement: acknowledgement.due, decision: decision.due },
    };
    const key = ctx.idempotencyKey ?? null;

    // One statement writes the Idempotency-Key claim, the case, its first history event and the
    // acknowledgement in the outbox: atomic (nothing half-written) and one round trip instead of
    // seven (bench/README.md). Foreign keys between the parts are checked at the end of the statement.
    const intake = sql<{ id: string; reference: string; outbox_id: string | null }>`
      WITH r AS (
        SELECT ${referenceExpression(year)} AS reference
      ), k AS (
        INSERT INTO idempotency_key (key, request_hash, case_id, response)
        SELECT ${key}::text, ${requestHash}, ${id}::uuid, ${JSON.stringify(response)}::jsonb || jsonb_build_object('reference', r.reference)
        FROM r WHERE ${key}::text IS NOT NULL
        ON CONFLICT (key) DO NOTHING
        RETURNING key
      ), c AS (
        INSERT INTO complaint_case (
          id, reference, status, regime, channel, received_at, submitted_at, receipt_date,
          complainant_name, complainant_email, complainant_phone, complainant_address,
          description, desired_outcome, incident_date, language, category_id, department_id,
          acknowledgement_due, decision_due, deadlines, status_token_hash, created_by)
        SELECT ${id}::uuid, r.reference, 'received', ${org.regime}, ${channel}, ${receivedAt}, ${submittedAt}, ${receiptDate}::date,
          ${input.complainant.name}, ${email}, ${input.complainant.phone ?? null}, ${input.complainant.address ?? null},
          ${input.description}, ${input.desiredOutcome ?? null}, ${input.incidentDate ?? null}::date, ${input.language},
          ${input.categoryId ?? null}::uuid, (SELECT department_id FROM category WHERE id = ${input.categoryId ?? null}::uuid),
          ${acknowledgement.due}::date, ${decision.due}::date,
          ${JSON.stringify({ acknowledgement, decision } satisfies Record<string, Deadline>)}::jsonb,
          ${hashSecret(statusToken)}, ${ctx.actorId}::uuid
        FROM r WHERE ${key}::text IS NULL OR EXISTS (SELECT 1 FROM k)
        RETURNING id, reference
      ), e AS (
        INSERT INTO case_event (case_id, actor_id, type, data)
        SELECT c.id, ${ctx.actorId}::uuid, 'case.received', ${JSON.stringify(eventData)}::jsonb || jsonb_build_object('reference', c.reference)
        FROM c
      ), t AS (
        -- AWB-12: the acknowledgement task exists from intake on, also without an e-mail address (a
        -- letter is needed then); the e-mail, once sent, completes it (outbox/repository.ts markSent).
        INSERT INTO case_task (case_id, kind, recipient, due_date, rule, data)
        SELECT c.id, 'letter.acknowledgement', 'complainant', ${acknowledgement.due}::date, 'AWB-12',
          ${JSON.stringify({ ...acknowledgementTaskData(org.regime, receiptDate, decision.due), byEmail: Boolean(email) })}::jsonb
        FROM c
      ), o AS (
        INSERT INTO outbox (case_id, kind, recipient, status, subject, body_text)
        SELECT c.id, 'acknowledgement', ${email}, ${email ? 'pending' : 'no-recipient'},
          replace(${message.subject}, ${REFERENCE_PLACEHOLDER}, c.reference), replace(${message.text}, ${REFERENCE_PLACEHOLDER}, c.reference)
        FROM c
        RETURNING id, case_id
      ), l AS (
        INSERT INTO status_link (case_id, outbox_id, expires_at)
        SELECT o.case_id, o.id, ${linkExpiresAt} FROM o WHERE ${email}::text IS NOT NULL
      )
      SELECT c.id, c.reference, (SELECT o.id FROM o) AS outbox_id FROM c`;

    let rows: { id: string; reference: string; outbox_id: string | null }[];
    try {
      rows = (await intake.execute(this.db)).rows;
    } catch (err) {
      const code = (err as { code?: string; constraint?: string }).code;
      if (code === '42P01') {
        // First complaint of a new year: create its reference sequence and try once more.
        await ensureReferenceSequence(this.db, year);
        rows = (await intake.execute(this.db)).rows;
      } else if (code === '23503' && (err as { constraint?: string }).constraint?.includes('category')) {
        throw new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
          { path: 'categoryId', message: 'Unknown category / onbekende categorie' },
        ]);
      } else throw err;
    }

    const row = rows[0];
    if (!row) {
      // Another request with this key committed first (our insert waited for it): replay it.
      const replayed = await this.replay(key!, requestHash);
      if (!replayed)
        throw new AppError('CONFLICT', 'Concurrent request with the same Idempotency-Key; retry.');
      return replayed;
    }
    return {
      response: { ...response, reference: row.reference, statusUrl },
      created: true,
      outboxIds: email && row.outbox_id ? [String(row.outbox_id)] : [],
    };
  }

  private async replay(key: string, requestHash: string): Promise<IntakeResult | undefined> {
    const row = await this.db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.request_hash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', {
        nl: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
        en: 'This Idempotency-Key was already used for a different request.',
      });
    }
    if (!row.response) return undefined;
    return { response: row.response as unknown as IntakeResponse, created: false, outboxIds: [] };
  }
}

function hashBody(body: unknown): string {
  return crypto.createHash('sha256').update(stableStringify(body)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
