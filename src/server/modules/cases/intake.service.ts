import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { amsterdamDate } from '../../../domain/dates.js';
import { computeDeadline, deadlineStartFor, type Deadline } from '../../../domain/deadlines.js';
import { acknowledgementMessage } from '../../../domain/acknowledgement.js';
import type { OrganisationService } from '../organisation/service.js';
import { nextReference } from './reference.js';
import type { IntakeResponse, PublicIntake, StaffIntake } from './schemas.js';
import { CaseEvents } from './events.js';

export interface IntakeContext {
  actorId: string | null;
  idempotencyKey?: string | undefined;
}

export interface IntakeResult {
  response: IntakeResponse;
  created: boolean;
  outboxIds: string[];
}

type IntakeInput = (PublicIntake & { channel?: undefined; receivedAt?: undefined; submittedAt?: undefined }) | StaffIntake;

export class IntakeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisation: OrganisationService,
    private readonly publicUrl: string,
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
    const acknowledgement = computeDeadline({ regime: org.regime, term: 'acknowledgement', start: receiptDate, extraHolidays });
    const decision = computeDeadline({ regime: org.regime, term: 'decision', start, extraHolidays });

    const category = input.categoryId
      ? await this.db.selectFrom('category').select(['id', 'department_id']).where('id', '=', input.categoryId).executeTakeFirst()
      : undefined;
    if (input.categoryId && !category) {
      throw new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
        { path: 'categoryId', message: 'Unknown category / onbekende categorie' },
      ]);
    }

    const reference = await nextReference(this.db, Number(receiptDate.slice(0, 4)));
    const statusToken = crypto.randomBytes(24).toString('base64url');
    const statusUrl = `${this.publicUrl}/status/${statusToken}`;
    const channel = input.channel ?? 'web';

    const message = acknowledgementMessage({
      lang: input.language,
      organisationName: org.name,
      complainantName: input.complainant.name,
      reference,
      receiptDate,
      decisionDue: decision.due,
      contactWorkingDays: org.settings.contactWorkingDays ?? 5,
      statusUrl,
      privacyUrl: org.settings.privacyUrl,
      advisoryCommittee: org.regime === 'awb-advisory',
    });

    const outcome = await this.db.transaction().execute(async (trx) => {
      if (ctx.idempotencyKey) {
        const claimed = await trx
          .insertInto('idempotency_key')
          .values({ key: ctx.idempotencyKey, request_hash: requestHash })
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('key')
          .executeTakeFirst();
        // Another request with this key committed first (the insert waited for it): replay it.
        if (!claimed) return undefined;
      }
      const row = await trx
        .insertInto('complaint_case')
        .values({
          reference,
          status: 'received',
          regime: org.regime,
          channel,
          received_at: receivedAt,
          submitted_at: submittedAt,
          receipt_date: receiptDate,
          complainant_name: input.complainant.name,
          complainant_email: input.complainant.email ?? null,
          complainant_phone: input.complainant.phone ?? null,
          complainant_address: input.complainant.address ?? null,
          description: input.description,
          desired_outcome: input.desiredOutcome ?? null,
          incident_date: input.incidentDate ?? null,
          language: input.language,
          category_id: category?.id ?? null,
          department_id: category?.department_id ?? null,
          acknowledgement_due: acknowledgement.due,
          decision_due: decision.due,
          deadlines: JSON.stringify({ acknowledgement, decision } satisfies Record<string, Deadline>),
          status_token_hash: hashToken(statusToken),
          created_by: ctx.actorId,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();

      await CaseEvents.append(trx, row.id, ctx.actorId, {
        type: 'case.received',
        data: { reference, channel, receiptDate, regime: org.regime, deadlines: { acknowledgement: acknowledgement.due, decision: decision.due } },
      });

      const outbox = await trx
        .insertInto('outbox')
        .values({
          case_id: row.id,
          kind: 'acknowledgement',
          recipient: input.complainant.email ?? null,
          status: input.complainant.email ? 'pending' : 'no-recipient',
          subject: message.subject,
          body_text: message.text,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const response: IntakeResponse = {
        id: row.id,
        reference,
        status: 'received',
        receivedAt: receivedAt.toISOString(),
        regime: org.regime,
        deadlines: { acknowledgement: acknowledgement.due, decision: decision.due },
        statusUrl,
      };
      if (ctx.idempotencyKey) {
        await trx
          .updateTable('idempotency_key')
          .set({ case_id: row.id, response: JSON.stringify(response) })
          .where('key', '=', ctx.idempotencyKey)
          .execute();
      }
      return { response, outboxIds: input.complainant.email ? [outbox.id] : [] };
    });

    if (!outcome) {
      const replayed = await this.replay(ctx.idempotencyKey!, requestHash);
      if (!replayed) throw new AppError('CONFLICT', 'Concurrent request with the same Idempotency-Key; retry.');
      return replayed;
    }
    return { response: outcome.response, created: true, outboxIds: outcome.outboxIds };
  }

  private async replay(key: string, requestHash: string): Promise<IntakeResult | undefined> {
    const row = await this.db.selectFrom('idempotency_key').selectAll().where('key', '=', key).executeTakeFirst();
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

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
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
