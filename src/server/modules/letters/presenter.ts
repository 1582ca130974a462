import type { Finding, LetterKind, Paragraph } from '../../../domain/letters/model.js';
import type { LetterWithDelivery } from './repository.js';
import type { LetterTask } from './service.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentLetter(l: LetterWithDelivery) {
  const findings = l.findings as Finding[];
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    id: l.id,
    caseId: l.case_id,
    kind: l.kind as LetterKind,
    lang: l.lang,
    regime: l.regime,
    status: l.status as 'draft' | 'rendered' | 'sent',
    version: l.version,
    subject: l.subject,
    letterDate: l.letter_date,
    recipient: {
      role: l.recipient_role,
      respondentId: l.respondent_id,
      name: l.recipient_name,
      email: l.recipient_email,
      address: l.recipient_address,
    },
    paragraphs: l.paragraphs as Paragraph[],
    findings,
    errors,
    warnings: findings.length - errors,
    /** What the user may do next (the UI shows only these). */
    allowedActions: [
      ...(l.status !== 'sent' ? ['edit' as const] : []),
      ...(l.status === 'draft' ? ['render' as const] : []),
      ...(l.status === 'rendered' && errors === 0 ? ['send' as const] : []),
    ],
    pdf: l.has_pdf ? { sha256: l.pdf_sha256, url: `/api/v1/letters/${l.id}/pdf` } : null,
    taskId: l.task_id,
    // Delivery through the outbox: SMTP errors stay visible here until the mail is sent.
    delivery: l.outbox_id
      ? {
          channel: l.recipient_email ? ('email' as const) : ('post' as const),
          status: l.outbox_status,
          attempts: l.outbox_attempts ?? 0,
          lastError: l.outbox_last_error,
          messageId: l.message_id,
          deliveredAt: iso(l.outbox_sent_at),
        }
      : null,
    createdAt: iso(l.created_at)!,
    renderedAt: iso(l.rendered_at),
    sentAt: iso(l.sent_at),
  };
}

export function presentTask(t: LetterTask) {
  return t;
}
