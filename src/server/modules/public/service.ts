import { sql, type Kysely } from 'kysely';
import type { CaseRow, Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { addYears, amsterdamDate, type LocalDate } from '../../../domain/dates.js';
import { ombudsmanTermEnd } from '../../../domain/deadlines.js';
import { FINAL_STATUSES } from '../../../domain/lifecycle.js';
import { CaseEvents } from '../cases/events.js';
import type { IntakeService } from '../cases/intake.service.js';
import { hashSecret, STATUS_URL_PLACEHOLDER } from '../../secrets.js';
import type { IntakeResponse, PublicIntake } from '../cases/schemas.js';
import type { Organisation, OrganisationService } from '../organisation/service.js';
import type { CheckedFile } from './attachments.js';
import type { DecisionLetterInfo, DecisionLetterSource } from './letters.js';
import { statusLinkMessage } from './messages.js';
import { publicTimeline, type TimelineEntry } from './timeline.js';

export type Satisfaction = 'yes' | 'partly' | 'no';

/** After these the complainant is asked how satisfied they are (ISO-10, seed 003, ISO-08). */
export const SURVEY_STATUSES: readonly string[] = ['decided', 'closed', 'informally_resolved', 'declined'];

/** A complainant may add information while the complaint is being handled. */
export function acceptsInformation(status: string): boolean {
  return !(FINAL_STATUSES as readonly string[]).includes(status) && status !== 'decided';
}

export interface PublicCaseConfig {
  publicUrl: string;
  statusLinkTtlDays: number;
}

export interface ExternalRoute {
  kind: 'ombudsman' | 'disputes' | 'other';
  name: string;
  address?: string | undefined;
  url?: string | undefined;
  terms?: string | undefined;
  /** AWB-51: one year after the notification; WKKGZ-11: one year after the complaint was made. */
  before?: LocalDate | undefined;
}

export interface StatusView {
  caseId: string;
  reference: string;
  status: string;
  language: 'nl' | 'en';
  receiptDate: LocalDate;
  decisionDue: LocalDate;
  open: boolean;
  timeline: TimelineEntry[];
  messages: { at: Date; subject: string; body: string }[];
  attachments: { id: string; filename: string; byteSize: number; at: Date }[];
  letter: DecisionLetterInfo | undefined;
  acceptsInformation: boolean;
  survey: {
    asked: boolean;
    answer?: { outcome: Satisfaction; handling: Satisfaction; at: Date } | undefined;
  };
  externalRoute: ExternalRoute | undefined;
  contactPhone: string | undefined;
  linkValidUntil: LocalDate;
}

export interface ResolvedLink {
  row: CaseRow;
  expiresAt: Date;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{20,100}$/;
/** A case gets at most one re-sent link per this many minutes (no mail bombing through the form). */
const RESEND_INTERVAL_MINUTES = 2;

/**
 * The complainant's side of a case, reached only through the secret status link. Every query after
 * the link lookup is scoped by the case id the link resolves to: one case's link never shows another.
 */
export class PublicCaseService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisation: OrganisationService,
    private readonly intake: IntakeService,
    private readonly config: PublicCaseConfig,
    private readonly letters: DecisionLetterSource,
  ) {}

  /**
   * Files a complaint from the public form through the same IntakeService.register as the JSON API
   * (so the acknowledgement is the same), then stores the documents with a history event.
   */
  async fileComplaint(
    input: PublicIntake,
    files: readonly CheckedFile[],
    idempotencyKey: string | undefined,
  ) {
    const result = await this.intake.register(input, { actorId: null, idempotencyKey });
    if (result.created && files.length) {
      await this.db.transaction().execute(async (trx) => {
        await this.insertAttachments(trx, result.response.id, null, 'intake', files);
        await CaseEvents.append(trx, result.response.id, null, {
          type: 'complainant.attachments_added',
          data: { attachmentCount: files.length, source: 'intake' },
        });
      });
    }
    return {
      response: result.response,
      token: tokenOf(result.response),
      outboxIds: result.outboxIds,
      created: result.created,
    };
  }

  /** The case behind a status link, if the link exists and has not expired. */
  async resolve(token: string, now = new Date()): Promise<ResolvedLink | undefined> {
    if (!TOKEN_RE.test(token)) return undefined;
    const hash = hashSecret(token);
    const resent = await this.db
      .selectFrom('status_link')
      .select(['case_id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    if (resent) {
      // A link is dead once it expired or a newer link was sent (finalise.ts revokes the others).
      if (new Date(resent.expires_at) <= now || resent.revoked_at) return undefined;
      const row = await this.db
        .selectFrom('complaint_case')
        .selectAll()
        .where('id', '=', resent.case_id)
        .executeTakeFirst();
      return row ? { row, expiresAt: new Date(resent.expires_at) } : undefined;
    }
    const row = await this.db
      .selectFrom('complaint_case')
      .selectAll()
      .where('status_token_hash', '=', hash)
      .executeTakeFirst();
    if (!row) return undefined;
    // The link from the acknowledgement runs from the moment of receipt.
    const expiresAt = new Date(
      new Date(row.received_at).getTime() + this.config.statusLinkTtlDays * 86_400_000,
    );
    return expiresAt > now ? { row, expiresAt } : undefined;
  }

  async statusView(link: ResolvedLink, pageLang?: 'nl' | 'en'): Promise<StatusView> {
    const row = link.row;
    const org = await this.organisation.get();
    const [events, outbox, attachments, survey, letter] = await Promise.all([
      this.db
        .selectFrom('case_event')
        .select(['type', 'data', 'created_at'])
        .where('case_id', '=', row.id)
        .orderBy('id')
        .execute(),
      row.complainant_email
        ? this.db
            .selectFrom('outbox')
            .select(['subject', 'body_text', 'created_at'])
            .where('case_id', '=', row.id)
            .where('kind', '<>', 'status-link')
            .where(sql<boolean>`lower(recipient) = lower(${row.complainant_email})`)
            .where('status', '<>', 'failed')
            .orderBy('id')
            .execute()
        : Promise.resolve([]),
      this.db
        .selectFrom('case_attachment')
        .select(['id', 'filename', 'byte_size', 'created_at'])
        .where('case_id', '=', row.id)
        .orderBy('created_at')
        .execute(),
      this.db.selectFrom('satisfaction_survey').selectAll().where('case_id', '=', row.id).executeTakeFirst(),
      this.letters.latestFor(row.id),
    ]);
    const lang = pageLang ?? (row.language === 'en' ? 'en' : 'nl');
    const history = events.map((e) => ({ type: e.type, at: new Date(e.created_at), data: e.data }));
    const statusLinkPattern = new RegExp(`${escapeRegExp(this.config.publicUrl)}/status/[A-Za-z0-9_-]+`, 'g');
    const placeholderPattern = new RegExp(`${escapeRegExp(STATUS_URL_PLACEHOLDER)}(\\?lang=en)?`, 'g');
    const surveyAsked = SURVEY_STATUSES.includes(row.status);
    return {
      caseId: row.id,
      reference: row.reference,
      status: row.status,
      language: lang,
      receiptDate: row.receipt_date,
      decisionDue: row.decision_due,
      open: !(FINAL_STATUSES as readonly string[]).includes(row.status) && row.status !== 'decided',
      timeline: publicTimeline(history, lang),
      messages: outbox.map((m) => ({
        at: new Date(m.created_at),
        subject: m.subject,
        // The page is already behind the link; do not repeat links in the page text.
        body: m.body_text
          .replace(statusLinkPattern, lang === 'nl' ? '[deze pagina]' : '[this page]')
          .replace(placeholderPattern, lang === 'nl' ? '[deze pagina]' : '[this page]'),
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        byteSize: a.byte_size,
        at: new Date(a.created_at),
      })),
      letter,
      acceptsInformation: acceptsInformation(row.status),
      survey: {
        asked: surveyAsked || Boolean(survey),
        answer: survey
          ? {
              outcome: survey.outcome_satisfied,
              handling: survey.handling_satisfied,
              at: new Date(survey.created_at),
            }
          : undefined,
      },
      externalRoute: externalRouteFor(org, row, history),
      contactPhone: org.settings.contactPhone,
      linkValidUntil: amsterdamDate(link.expiresAt),
    };
  }

  /** What the complainant adds: text and/or documents, with one history event, in one transaction. */
  async addInformation(
    link: ResolvedLink,
    message: string | undefined,
    files: readonly CheckedFile[],
  ): Promise<void> {
    if (!acceptsInformation(link.row.status)) {
      throw new AppError('CASE_STATE_CONFLICT', {
        nl: 'De behandeling van deze klacht is afgerond. Informatie toevoegen kan niet meer; neem contact met ons op.',
        en: 'The handling of this complaint has ended. You can no longer add information; please contact us.',
      });
    }
    await this.db.transaction().execute(async (trx) => {
      const submission = await trx
        .insertInto('complainant_submission')
        .values({ case_id: link.row.id, message: message ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.insertAttachments(trx, link.row.id, submission.id, 'status', files);
      await CaseEvents.append(trx, link.row.id, null, {
        type: 'complainant.information_added',
        data: { submissionId: submission.id, attachmentCount: files.length, hasMessage: Boolean(message) },
      });
    });
  }

  /** ISO-10 / seed 003: one answer per case; a second answer is refused, not overwritten. */
  async answerSurvey(
    link: ResolvedLink,
    answer: { outcome: Satisfaction; handling: Satisfaction; comment?: string | undefined },
  ): Promise<void> {
    if (!SURVEY_STATUSES.includes(link.row.status)) {
      throw new AppError('CASE_STATE_CONFLICT', {
        nl: 'De vragen over tevredenheid komen pas als de behandeling is afgerond.',
        en: 'The satisfaction questions come once the handling has ended.',
      });
    }
    const saved = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('satisfaction_survey')
        .values({
          case_id: link.row.id,
          outcome_satisfied: answer.outcome,
          handling_satisfied: answer.handling,
          comment: answer.comment ?? null,
        })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      await CaseEvents.append(trx, link.row.id, null, {
        type: 'survey.answered',
        data: { surveyId: row.id, outcomeSatisfied: answer.outcome, handlingSatisfied: answer.handling },
      });
      return true;
    });
    if (!saved) {
      throw new AppError('SURVEY_ALREADY_ANSWERED', {
        nl: 'U heeft deze vragen al beantwoord. Dank u wel.',
        en: 'You have already answered these questions. Thank you.',
      });
    }
  }

  async attachment(link: ResolvedLink, attachmentId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return undefined;
    return this.db
      .selectFrom('case_attachment')
      .select(['filename', 'content_type', 'content'])
      .where('id', '=', attachmentId)
      .where('case_id', '=', link.row.id)
      .executeTakeFirst();
  }

  decisionLetter(link: ResolvedLink, letterId: string) {
    return this.letters.download(link.row.id, letterId);
  }

  /**
   * ISO-02: a new status link, sent only to the e-mail address on file. The caller answers the same
   * neutral message whatever happens here, so the form tells nobody whether a case exists.
   */
  async requestNewLink(reference: string, email: string, now = new Date()): Promise<string[]> {
    const row = await this.db
      .selectFrom('complaint_case')
      .select(['id', 'reference', 'language', 'complainant_name', 'complainant_email'])
      .where(sql<boolean>`upper(reference) = upper(${reference.trim()})`)
      .executeTakeFirst();
    if (!row?.complainant_email || row.complainant_email.trim().toLowerCase() !== email.trim().toLowerCase())
      return [];
    const recent = await this.db
      .selectFrom('outbox')
      .select('id')
      .where('case_id', '=', row.id)
      .where('kind', '=', 'status-link')
      .where('created_at', '>', new Date(now.getTime() - RESEND_INTERVAL_MINUTES * 60_000))
      .executeTakeFirst();
    if (recent) return [];
    const org = await this.organisation.get();
    const expiresAt = new Date(now.getTime() + this.config.statusLinkTtlDays * 86_400_000);
    const lang = row.language === 'en' ? 'en' : 'nl';
    const message = statusLinkMessage({
      lang,
      organisationName: org.name,
      complainantName: row.complainant_name,
      reference: row.reference,
      // Minted when the mail is sent (finalise.ts); sending it revokes the earlier links.
      statusUrl: `${STATUS_URL_PLACEHOLDER}${lang === 'en' ? '?lang=en' : ''}`,
      validUntil: amsterdamDate(expiresAt),
    });
    return this.db.transaction().execute(async (trx) => {
      await CaseEvents.append(trx, row.id, null, {
        type: 'status_link.resent',
        data: { expiresAt: expiresAt.toISOString() },
      });
      const outbox = await trx
        .insertInto('outbox')
        .values({
          case_id: row.id,
          kind: 'status-link',
          recipient: row.complainant_email,
          subject: message.subject,
          body_text: message.text,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('status_link')
        .values({ case_id: row.id, outbox_id: outbox.id, expires_at: expiresAt })
        .execute();
      return [outbox.id];
    });
  }

  private async insertAttachments(
    trx: Kysely<Database>,
    caseId: string,
    submissionId: string | null,
    source: 'intake' | 'status',
    files: readonly CheckedFile[],
  ): Promise<void> {
    if (!files.length) return;
    await trx
      .insertInto('case_attachment')
      .values(
        files.map((f) => ({
          case_id: caseId,
          submission_id: submissionId,
          source,
          filename: f.filename,
          content_type: f.contentType,
          byte_size: f.byteSize,
          sha256: f.sha256,
          content: f.content,
        })),
      )
      .execute();
  }
}

/** The token of the link in a first answer; a replay has none (the link is never stored readable). */
function tokenOf(response: IntakeResponse): string | undefined {
  const url = response.statusUrl;
  return url ? url.slice(url.lastIndexOf('/status/') + '/status/'.length) : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * AWB-51 / WKKGZ-08 / ISO-10: where the complainant can go when not satisfied, and until when.
 * Awb: the ombudsman, within a year after the notification of the outcome (Awb 9:24). Wkkgz: the
 * disputes body, within a year after the complaint was made (WKKGZ-11).
 */
export function externalRouteFor(
  org: Organisation,
  row: Pick<CaseRow, 'regime' | 'receipt_date' | 'status' | 'closed_at' | 'decided_at'>,
  history: readonly { type: string; at: Date; data: Record<string, unknown> }[],
): ExternalRoute | undefined {
  const body = org.settings.externalBody;
  // Only web addresses are linked (the settings are typed by an administrator, shown to the public).
  const configured = body
    ? { ...body, url: body.url && /^https?:\/\/[^\s"'<>]+$/.test(body.url) ? body.url : undefined }
    : undefined;
  const finalStatuses: readonly string[] = [...FINAL_STATUSES, 'decided'];
  // The notification of the outcome (Awb 9:12); the closing only when no outcome event is known.
  const outcomeTypes = ['case.decided', 'case.declined', 'case.resolved_informally'];
  const outcomeStatuses = ['decided', 'declined', 'informally_resolved'];
  const latest = (pred: (e: (typeof history)[number]) => boolean) => [...history].reverse().find(pred);
  const notice =
    latest(
      (e) =>
        outcomeTypes.includes(e.type) ||
        (e.type === 'case.status_changed' && outcomeStatuses.includes(String(e.data.to))),
    ) ??
    latest(
      (e) =>
        e.type === 'case.closed' ||
        (e.type === 'case.status_changed' && finalStatuses.includes(String(e.data.to))),
    );
  // The workflow records the moment of the decision on the case; events are the fallback.
  const notificationDate = row.decided_at
    ? amsterdamDate(row.decided_at)
    : notice
      ? amsterdamDate(notice.at)
      : row.closed_at
        ? amsterdamDate(row.closed_at)
        : undefined;
  if (row.regime === 'wkkgz') {
    return {
      kind: 'disputes',
      name: configured?.name ?? 'de geschilleninstantie',
      address: configured?.address,
      url: configured?.url,
      terms: configured?.terms,
      before: addYears(row.receipt_date, 1),
    };
  }
  if (row.regime === 'awb' || row.regime === 'awb-advisory') {
    return {
      kind: 'ombudsman',
      name: configured?.name ?? 'de Nationale ombudsman',
      address: configured?.address,
      url: configured?.url ?? (configured ? undefined : 'https://www.nationaleombudsman.nl'),
      terms: configured?.terms,
      before: notificationDate ? ombudsmanTermEnd(notificationDate) : undefined,
    };
  }
  return configured
    ? {
        kind: 'other',
        name: configured.name,
        address: configured.address,
        url: configured.url,
        terms: configured.terms,
      }
    : undefined;
}
