import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export type DeliveryResult = 'sent' | 'skipped';

/** A claim older than this is taken to belong to a crashed worker. */
const CLAIM_LEASE_SECONDS = 300;

/**
 * Sends one outbox message. The row is claimed first ('sending', with a lease) so two workers never
 * send it at the same time; the Message-ID is derived from the outbox id so a receiver can
 * deduplicate the rare resend after a crash between SMTP acceptance and the commit.
 */
export class OutboxDelivery {
  private transporter: Transporter | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly smtpUrl: string | undefined,
    private readonly from: string,
    private readonly domain: string,
  ) {}

  get enabled(): boolean {
    return Boolean(this.smtpUrl);
  }

  private transport(): Transporter {
    this.transporter ??= nodemailer.createTransport(this.smtpUrl);
    return this.transporter;
  }

  async deliver(id: string): Promise<DeliveryResult> {
    if (!this.smtpUrl) return 'skipped';
    const msg = await this.db
      .updateTable('outbox')
      .set({ status: 'sending', claimed_at: new Date() })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([
            eb('status', '=', 'sending'),
            eb('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${CLAIM_LEASE_SECONDS})`),
          ]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
    if (!msg || !msg.recipient) return 'skipped';
    const messageId = `<outbox-${msg.id}@${this.domain}>`;
    // A letter goes with its PDF attached; the PDF was rendered before sending was allowed.
    const letter = msg.letter_id
      ? await this.db
          .selectFrom('letter')
          .select(['pdf', 'kind', 'subject'])
          .where('id', '=', msg.letter_id)
          .executeTakeFirst()
      : undefined;
    const attachments = letter?.pdf
      ? [{ filename: letterFilename(letter.subject), content: letter.pdf, contentType: 'application/pdf' }]
      : undefined;
    try {
      await this.transport().sendMail({
        from: this.from,
        to: msg.recipient,
        subject: msg.subject,
        text: msg.body_text,
        messageId,
        ...(attachments ? { attachments } : {}),
      });
    } catch (err) {
      // Back to pending: the job is retried with backoff, so the mail waits until the server is back.
      await this.db
        .updateTable('outbox')
        .set({
          status: 'pending',
          claimed_at: null,
          attempts: sql`attempts + 1`,
          last_error: String((err as Error).message).slice(0, 1000),
        })
        .where('id', '=', id)
        .execute();
      throw err;
    }
    await this.db
      .updateTable('outbox')
      .set({
        status: 'sent',
        sent_at: new Date(),
        message_id: messageId,
        attempts: sql`attempts + 1`,
        last_error: null,
      })
      .where('id', '=', id)
      .execute();
    if (msg.letter_id)
      await this.db
        .updateTable('letter')
        .set({ message_id: messageId })
        .where('id', '=', msg.letter_id)
        .execute();
    return 'sent';
  }

  /** Messages waiting to be sent (or whose worker died mid-send). */
  pendingIds(limit = 500): Promise<string[]> {
    return this.db
      .selectFrom('outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([
            eb('status', '=', 'sending'),
            eb('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${CLAIM_LEASE_SECONDS})`),
          ]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute()
      .then((rows) => rows.map((r) => r.id));
  }

  close(): void {
    this.transporter?.close();
  }
}

/** "Onze beslissing over uw klacht (KL-2026-000123)" → "Onze-beslissing-over-uw-klacht-KL-2026-000123.pdf". */
export function letterFilename(subject: string): string {
  const base = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base || 'brief'}.pdf`;
}
