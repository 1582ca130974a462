import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { amsterdamDate } from '../../../domain/dates.js';
import { lintLetter, type LintOptions } from '../../../domain/letters/lint.js';
import {
  type Finding,
  type Letter,
  type LetterKind,
  type LetterLang,
  type Paragraph,
  hasErrors,
} from '../../../domain/letters/model.js';
import { letterToText } from '../../../domain/letters/parse.js';
import type { RegimeId } from '../../../domain/deadlines.js';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { CaseEvents } from '../cases/events.js';
import type { CaseRepository, FullCase } from '../cases/repository.js';
import type { OrganisationService } from '../organisation/service.js';
import { letterFilename } from '../outbox/delivery.js';
import type { DecisionLetterFile, DecisionLetterInfo, DecisionLetterSource } from '../public/letters.js';
import type { StaffUser } from '../users/service.js';
import { readInfo } from '../cases/snapshot.js';
import { DEFAULT_CONFIDENTIAL_READERS } from '../cases/read-policy.js';
import { type ComposeRequest, caseFacts, composeForCase, LETTER_FOR_TASK, taskKindFor } from './adapter.js';
import { parseLetter } from '../../../domain/letters/parse.js';
import { renderLetterPdf, type Letterhead } from './pdf.js';
import { assertMayRead, assertMayWrite, type LetterCaseAccess } from './policy.js';
import { LetterRepository, type LetterWithDelivery } from './repository.js';
import { outboxPriority } from '../outbox/priority.js';

/** Organisation settings the letters read (settings.letterhead, settings.letters). */
interface LetterSettings {
  letterhead?: { address?: string; phone?: string; website?: string; logo?: string } | undefined;
  letters?:
    { lint?: Pick<LintOptions, 'severity' | 'maxAverageSentenceWords' | 'maxSentenceWords'> } | undefined;
  contactPhone?: string | undefined;
}

export interface LetterTask {
  taskId: string;
  taskKind: string;
  letterKind: LetterKind | null;
  recipientRole: string | null;
  respondentId: string | null;
  rule: string | null;
  dueDate: string | null;
  status: string;
}

const letterNotFound = () =>
  new AppError('LETTER_NOT_FOUND', { nl: 'Brief niet gevonden.', en: 'Letter not found.' });

/**
 * Letters for a case: compose (draft) → edit → render (PDF, once per version) → send (outbox, once).
 * Rendering and sending are separate idempotent steps (GUIDE habit 5): a retried render returns the
 * stored PDF, a retried send returns the letter already sent and queues nothing new.
 */
export class LetterService {
  readonly repo: LetterRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly cases: CaseRepository,
    private readonly organisation: OrganisationService,
  ) {
    this.repo = new LetterRepository(db);
  }

  private async lintOptions(lang: LetterLang, full?: FullCase): Promise<LintOptions> {
    const settings = (await this.organisation.get()).settings as LetterSettings;
    // With the case known, the case-aware rules run too (NO-11, NO-02, AWB-50, LET-04, AWB-71).
    return {
      ...(settings.letters?.lint ?? {}),
      messageLang: lang,
      ...(full ? { facts: caseFacts(full) } : {}),
    };
  }

  /**
   * POST /api/v1/letters/lint: a plain-text letter, and with a caseId the case-aware rules too. Reading
   * the case is access: the same policy as the case's letters.
   */
  async lintText(
    user: StaffUser,
    input: {
      text: string;
      kind: LetterKind;
      regime: RegimeId;
      caseId?: string | undefined;
      recipient?: 'complainant' | 'respondent' | undefined;
    },
    messageLang: LetterLang,
  ): Promise<Finding[]> {
    let full: FullCase | undefined;
    if (input.caseId) {
      const loaded = await this.loadCase(input.caseId);
      assertMayRead(user, loaded.access);
      full = loaded.full;
    }
    const letter = {
      ...parseLetter(input.text, { kind: input.kind, regime: input.regime }),
      recipient: input.recipient,
    };
    const opts = await this.lintOptions(messageLang, full);
    return lintLetter(letter, opts);
  }

  private async loadCase(caseId: string): Promise<{ full: FullCase; access: LetterCaseAccess }> {
    const full = await this.cases.loadFull(caseId);
    if (!full) throw notFound('case');
    const { settings } = await this.organisation.get();
    const access: LetterCaseAccess = {
      ...readInfo(full),
      confidentialReaders: settings.confidentialReaders ?? DEFAULT_CONFIDENTIAL_READERS,
    };
    return { full, access };
  }

  private async loadLetter(user: StaffUser, letterId: string, write: boolean): Promise<LetterWithDelivery> {
    const letter = await this.repo.find(letterId);
    if (!letter) throw letterNotFound();
    const { access } = await this.loadCase(letter.case_id);
    if (write) assertMayWrite(user, access, letter.kind as LetterKind);
    else assertMayRead(user, access);
    return letter;
  }

  private async userPhone(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('app_user').select('phone').where('id', '=', id).executeTakeFirst();
    return row?.phone ?? null;
  }

  async list(
    user: StaffUser,
    caseId: string,
  ): Promise<{ letters: LetterWithDelivery[]; tasks: LetterTask[] }> {
    const { access } = await this.loadCase(caseId);
    assertMayRead(user, access);
    const [letters, tasks] = await Promise.all([
      this.repo.forCase(caseId),
      this.repo.openLetterTasks(caseId),
    ]);
    return {
      letters,
      // The letters the case needs by law (created by the workflow) until they are sent.
      tasks: tasks.map((t) => ({
        taskId: t.id,
        taskKind: t.kind,
        letterKind: LETTER_FOR_TASK[t.kind]?.kind ?? null,
        recipientRole: t.recipient,
        respondentId: t.respondent_id,
        rule: t.rule,
        dueDate: t.due_date,
        status: t.status,
      })),
    };
  }

  get(user: StaffUser, letterId: string): Promise<LetterWithDelivery> {
    return this.loadLetter(user, letterId, false);
  }

  /** A draft composed from the case data, linted; a history event in the same transaction. */
  async compose(
    user: StaffUser,
    caseId: string,
    req: ComposeRequest & { taskId?: string | undefined },
    now = new Date(),
  ): Promise<LetterWithDelivery> {
    const { full, access } = await this.loadCase(caseId);
    assertMayWrite(user, access, req.kind);
    const org = await this.organisation.get();
    const settings = org.settings as LetterSettings;
    const handlerRow = full.row.assignee_id
      ? await this.db
          .selectFrom('app_user')
          .select(['name', 'phone'])
          .where('id', '=', full.row.assignee_id)
          .executeTakeFirst()
      : undefined;
    const task = req.taskId
      ? full.tasks.find((t) => t.id === req.taskId && t.kind.startsWith('letter.'))
      : undefined;
    if (req.taskId && !task) {
      throw new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
        { path: 'taskId', message: 'Unknown letter task / onbekende brieftaak' },
      ]);
    }
    const request: ComposeRequest = task
      ? {
          ...req,
          recipientRole: task.recipient === 'respondent' ? 'respondent' : 'complainant',
          respondentId: task.respondent_id ?? undefined,
        }
      : req;
    const letterDate = amsterdamDate(now);
    const sentDecision = req.kind === 'follow-up' ? await this.repo.latestSentDecision(caseId) : undefined;
    const { letter, recipient } = composeForCase(
      {
        full,
        org,
        // LET-07 / NO-05: the handler's name and direct phone (else the organisation's complaints number).
        handler: handlerRow
          ? { name: handlerRow.name, phone: handlerRow.phone ?? settings.contactPhone ?? null }
          : { name: user.name, phone: (await this.userPhone(user.id)) ?? settings.contactPhone ?? null },
        letterDate,
        decisionLetterDate: sentDecision?.letter_date,
      },
      request,
    );
    const findings = lintLetter(letter, await this.lintOptions(letter.lang, full));
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await this.repo.insert(
        {
          case_id: caseId,
          kind: letter.kind,
          lang: letter.lang,
          regime: letter.regime,
          recipient_role: recipient.role,
          respondent_id: recipient.respondentId,
          recipient_name: recipient.name,
          recipient_email: recipient.email,
          recipient_address: recipient.address,
          subject: letter.subject ?? '',
          paragraphs: JSON.stringify(letter.paragraphs),
          letter_date: letterDate,
          findings: JSON.stringify(findings),
          task_id: task?.id ?? null,
          created_by: user.id,
        },
        trx,
      );
      await CaseEvents.append(trx, caseId, user.id, {
        type: 'letter.drafted',
        data: {
          letterId: row.id,
          kind: letter.kind,
          lang: letter.lang,
          recipientRole: recipient.role,
          ...counts(findings),
        },
      });
      return row.id;
    });
    return (await this.repo.find(id))!;
  }

  /** The handler edits paragraphs; the PDF of an earlier version is discarded and the letter re-linted. */
  async update(
    user: StaffUser,
    letterId: string,
    input: { version: number; subject?: string | undefined; paragraphs: Paragraph[] },
  ): Promise<LetterWithDelivery> {
    const current = await this.loadLetter(user, letterId, true);
    if (current.status === 'sent') throw alreadySent();
    const letter = toLetter({ ...current, paragraphs: input.paragraphs });
    const { full } = await this.loadCase(current.case_id);
    const findings = lintLetter(letter, await this.lintOptions(letter.lang, full));
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('letter')
        .set({
          paragraphs: JSON.stringify(input.paragraphs),
          ...(input.subject !== undefined ? { subject: input.subject } : {}),
          findings: JSON.stringify(findings),
          status: 'draft',
          pdf: null,
          pdf_sha256: null,
          rendered_at: null,
          version: sql<number>`version + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', letterId)
        .where('version', '=', input.version)
        .where('status', '<>', 'sent')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw versionConflict();
      await CaseEvents.append(trx, current.case_id, user.id, {
        type: 'letter.edited',
        data: { letterId, version: input.version + 1, ...counts(findings) },
      });
    });
    return (await this.repo.find(letterId))!;
  }

  /** Lints the stored letter again (e.g. after the organisation changed its lint settings). */
  async lint(user: StaffUser, letterId: string): Promise<Finding[]> {
    const current = await this.loadLetter(user, letterId, false);
    const { full } = await this.loadCase(current.case_id);
    return lintLetter(toLetter(current), await this.lintOptions(current.lang as LetterLang, full));
  }

  /**
   * Renders the PDF once per version. A rendered or sent letter is returned as it is (a retry does
   * not render again); a concurrent render of the same version loses the conditional update and
   * returns the winner's PDF.
   */
  async render(user: StaffUser, letterId: string): Promise<LetterWithDelivery> {
    const current = await this.loadLetter(user, letterId, true);
    if (current.status !== 'draft') return current;
    const org = await this.organisation.get();
    const settings = org.settings as LetterSettings;
    const letterhead: Letterhead = {
      organisationName: org.name,
      address: settings.letterhead?.address,
      phone: settings.letterhead?.phone ?? settings.contactPhone,
      website: settings.letterhead?.website,
      logo: settings.letterhead?.logo,
    };
    const caseRow = await this.db
      .selectFrom('complaint_case')
      .select('reference')
      .where('id', '=', current.case_id)
      .executeTakeFirstOrThrow();
    const pdf = await renderLetterPdf({
      letter: toLetter(current),
      letterhead,
      letterDate: current.letter_date,
      reference: caseRow.reference,
      recipient: { name: current.recipient_name, address: current.recipient_address },
    });
    const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
    await this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('letter')
        .set({ status: 'rendered', pdf, pdf_sha256: sha256, rendered_at: new Date(), updated_at: new Date() })
        .where('id', '=', letterId)
        .where('status', '=', 'draft')
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return;
      await CaseEvents.append(trx, current.case_id, user.id, {
        type: 'letter.rendered',
        data: { letterId, version: current.version, sha256 },
      });
    });
    const after = (await this.repo.find(letterId))!;
    if (after.version !== current.version) throw versionConflict();
    return after;
  }

  /**
   * Sends a rendered letter: the e-mail (text + PDF) goes into the outbox in the same transaction as
   * the status change, the history event and the completed task. Refused while the linter reports
   * an error. Sending twice returns the letter already sent; the outbox holds one e-mail per letter.
   */
  async send(
    user: StaffUser,
    letterId: string,
    now = new Date(),
  ): Promise<{ letter: LetterWithDelivery; outboxIds: string[] }> {
    const before = await this.loadLetter(user, letterId, true);
    const { full } = await this.loadCase(before.case_id);
    const lintOpts = await this.lintOptions(before.lang as LetterLang, full);
    const outboxIds = await this.db.transaction().execute(async (trx) => {
      const l = await this.repo.lock(letterId, trx);
      if (!l) throw letterNotFound();
      if (l.status === 'sent') return [];
      if (l.status !== 'rendered') {
        throw new AppError('LETTER_NOT_RENDERED', {
          nl: 'Maak eerst de PDF van de brief (render), dan kunt u hem versturen.',
          en: 'Render the letter (PDF) first, then send it.',
        });
      }
      const letter = toLetter({ ...before, ...l });
      const findings = lintLetter(letter, lintOpts);
      if (hasErrors(findings)) {
        throw new AppError(
          'LETTER_HAS_ERRORS',
          {
            nl: 'Deze brief wordt niet verstuurd: de lettercontrole vond fouten. Pas de genoemde alinea’s aan.',
            en: 'This letter is not sent: the letter check found errors. Change the paragraphs listed.',
          },
          undefined,
          { findings },
        );
      }
      const channel = l.recipient_email ? 'email' : 'post';
      const outbox = await trx
        .insertInto('outbox')
        .values({
          case_id: l.case_id,
          kind: `letter:${l.kind}`,
          priority: outboxPriority(`letter:${l.kind}`),
          recipient: l.recipient_email,
          // No e-mail address: the letter goes by post; the PDF is on the case.
          status: l.recipient_email ? 'pending' : 'no-recipient',
          subject: l.subject,
          body_text: letterToText(letter),
          letter_id: l.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('letter')
        .set({
          status: 'sent',
          sent_at: now,
          sent_by: user.id,
          outbox_id: outbox.id,
          findings: JSON.stringify(findings),
          updated_at: now,
        })
        .where('id', '=', l.id)
        .where('status', '=', 'rendered')
        .execute();
      // The letter task the workflow created (AWB-12, AWB-23, AWB-41, AWB-50, …) is done.
      const taskKind = taskKindFor(l.kind as LetterKind, l.recipient_role as 'complainant' | 'respondent');
      let done = 0;
      if (l.task_id || taskKind) {
        let q = trx
          .updateTable('case_task')
          .set({ status: 'done', completed_at: now })
          .where('case_id', '=', l.case_id)
          .where('status', '=', 'open');
        if (l.task_id) q = q.where('id', '=', l.task_id);
        else {
          q = q.where('kind', '=', taskKind!);
          q = l.respondent_id
            ? q.where('respondent_id', '=', l.respondent_id)
            : q.where('respondent_id', 'is', null);
        }
        done = Number((await q.executeTakeFirst()).numUpdatedRows);
      }
      await CaseEvents.append(trx, l.case_id, user.id, {
        type: 'letter.sent',
        data: {
          letterId: l.id,
          kind: l.kind,
          lang: l.lang,
          recipientRole: l.recipient_role,
          respondentId: l.respondent_id,
          outboxId: outbox.id,
          channel,
          tasksCompleted: done,
        },
      });
      return l.recipient_email ? [outbox.id] : [];
    });
    return { letter: (await this.repo.find(letterId))!, outboxIds };
  }

  async pdf(user: StaffUser, letterId: string): Promise<{ filename: string; content: Buffer }> {
    await this.loadLetter(user, letterId, false);
    const row = await this.repo.pdf(letterId);
    if (!row?.pdf) {
      throw new AppError('LETTER_NOT_RENDERED', {
        nl: 'Deze brief heeft nog geen PDF.',
        en: 'This letter has no PDF yet.',
      });
    }
    return { filename: letterFilename(row.subject), content: row.pdf };
  }

  /** For the public status page (public/letters.ts): only the decision letter sent to the complainant. */
  readonly decisionLetters: DecisionLetterSource = {
    latestFor: async (caseId: string): Promise<DecisionLetterInfo | undefined> => {
      const row = await this.repo.latestSentDecision(caseId);
      return row?.sent_at
        ? { id: row.id, filename: letterFilename(row.subject), sentAt: new Date(row.sent_at) }
        : undefined;
    },
    download: async (caseId: string, letterId: string): Promise<DecisionLetterFile | undefined> => {
      const latest = await this.repo.latestSentDecision(caseId);
      if (!latest || latest.id !== letterId) return undefined;
      const row = await this.repo.pdf(letterId);
      if (!row?.pdf || row.case_id !== caseId) return undefined;
      return { filename: letterFilename(row.subject), contentType: 'application/pdf', content: row.pdf };
    },
  };
}

export function toLetter(
  row: Pick<LetterWithDelivery, 'kind' | 'lang' | 'regime' | 'subject' | 'paragraphs'> &
    Partial<Pick<LetterWithDelivery, 'recipient_role' | 'letter_date'>>,
): Letter {
  return {
    kind: row.kind as LetterKind,
    lang: row.lang as LetterLang,
    regime: row.regime as RegimeId,
    subject: row.subject,
    paragraphs: row.paragraphs as Paragraph[],
    recipient: row.recipient_role === 'respondent' ? 'respondent' : 'complainant',
    ...(row.letter_date ? { letterDate: row.letter_date } : {}),
  };
}

function counts(findings: Finding[]) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

const alreadySent = () =>
  new AppError('LETTER_ALREADY_SENT', {
    nl: 'Deze brief is al verstuurd en kan niet meer worden gewijzigd.',
    en: 'This letter has been sent and can no longer be changed.',
  });

const versionConflict = () =>
  new AppError('CONFLICT', {
    nl: 'Iemand anders wijzigde de brief tegelijk. Laad hem opnieuw.',
    en: 'Someone else changed the letter at the same time. Reload it.',
  });
