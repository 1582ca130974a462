import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { hashSecret, newStatusToken, STATUS_URL_PLACEHOLDER } from '../../secrets.js';
import { OutboxRepository, type OutboxRow } from './repository.js';

/** What goes over SMTP for one outbox message. */
export interface OutgoingMail {
  /** `<outbox id.installation id@PUBLIC_URL host>`: the same on every attempt, unique per installation. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export interface FinaliseContext {
  db: Kysely<Database>;
  from: string;
  /** Host name of PUBLIC_URL: the right-hand side of Message-IDs. */
  domain: string;
  publicUrl: string;
  installationId: string;
}

/**
 * THE SEAM between a stored outbox row and the mail that leaves: called by the delivery worker
 * right before each attempt to send (so again on a retry), with the row as stored and claimed.
 * Whatever must be decided at send time and not at write time belongs here, in this one function:
 * - a status link minted now, with only its hash stored (the stored body carries a placeholder);
 * - threading: the reference in the subject, In-Reply-To/References to earlier mail of the case,
 *   a per-case Reply-To address;
 * - attachments (a letter's PDF, rendered before sending was allowed).
 * It must not send anything itself and may be called more than once for one message (a retry, or
 * a resend after a crash between the SMTP server's 250 and our commit): the Message-ID stays the
 * same so a receiver can recognise the duplicate.
 */
export async function finaliseMessage(row: OutboxRow, ctx: FinaliseContext): Promise<OutgoingMail> {
  const mail: OutgoingMail = {
    messageId: messageIdFor(row.id, ctx.installationId, ctx.domain),
    from: ctx.from,
    to: row.recipient ?? '',
    subject: row.subject,
    text: await withStatusLink(row, ctx),
    headers: {},
    attachments: [],
  };
  if (row.letter_id) {
    const letter = await new OutboxRepository(ctx.db).letterAttachment(row.letter_id);
    if (letter?.pdf)
      mail.attachments.push({
        filename: letterFilename(letter.subject),
        content: Buffer.from(letter.pdf),
        contentType: 'application/pdf',
      });
  }
  return mail;
}

/**
 * Status links never stored readable (PRIV-09, AVG art. 32): the status link in a mail is minted here, at send time,
 * and only its hash stored, in the status_link row reserved for this message when it was written
 * (which fixed the expiry). Each attempt mints a new token and overwrites the hash, so a link from a
 * failed attempt never works. Sending a re-sent link (kind 'status-link') revokes every other link of
 * the case, including the one shown on the confirmation page. A message without a reservation (one
 * written before this existed) gets the page where the complainant asks for a new link instead.
 */
async function withStatusLink(row: OutboxRow, ctx: FinaliseContext): Promise<string> {
  if (!row.body_text.includes(STATUS_URL_PLACEHOLDER)) return row.body_text;
  const token = newStatusToken();
  const link = row.case_id
    ? await ctx.db
        .updateTable('status_link')
        .set({ token_hash: hashSecret(token), revoked_at: null })
        .where('outbox_id', '=', row.id)
        .where('case_id', '=', row.case_id)
        .returning(['id', 'case_id'])
        .executeTakeFirst()
    : undefined;
  if (!link) return row.body_text.replaceAll(STATUS_URL_PLACEHOLDER, `${ctx.publicUrl}/klacht/link`);
  if (row.kind === 'status-link') {
    await ctx.db
      .updateTable('status_link')
      .set({ revoked_at: new Date() })
      .where('case_id', '=', link.case_id)
      .where('id', '<>', link.id)
      .where('revoked_at', 'is', null)
      .execute();
    await ctx.db
      .updateTable('complaint_case')
      .set({ status_token_hash: null })
      .where('id', '=', link.case_id)
      .execute();
  }
  return row.body_text.replaceAll(STATUS_URL_PLACEHOLDER, `${ctx.publicUrl}/status/${token}`);
}

export function messageIdFor(outboxId: string, installationId: string, domain: string): string {
  return `<${outboxId}.${installationId}@${domain}>`;
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
