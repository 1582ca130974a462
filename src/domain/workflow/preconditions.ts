import type { LocalDate } from '../dates.js';
import { compareDates } from '../dates.js';
import type { CaseAction } from '../lifecycle.js';
import { blocker, type Blocker } from './blockers.js';
import { declineNoticeDeadline, isSentence } from './decline.js';
import { copyBlockers, hearingBlockers } from './hearings.js';
import { anyUpheld, judgementBlockers, overallOutcome } from './judgement.js';
import type { WorkflowSettings } from './settings.js';
import type { CaseSnapshot } from './snapshot.js';
import { TASK_KINDS, isLegalTask, type TaskKind } from './tasks.js';

// The preconditions of each step that depend on the case alone (not on the input). They are shown
// with `allowedActions` and enforced by the server before the step's own input checks.

export interface PreconditionContext {
  today: LocalDate;
  settings: WorkflowSettings;
  extraHolidays?: LocalDate[] | undefined;
}

function intakeBlockers(c: CaseSnapshot): Blocker[] {
  const out: Blocker[] = [];
  // NO-02 / ISO-01: the core of the complaint and the desired outcome before handling starts.
  if (!c.coreComplaint?.trim())
    out.push(
      blocker(
        'CORE_COMPLAINT_MISSING',
        'NO-02',
        'Leg de kern van de klacht vast.',
        'Record the core of the complaint.',
      ),
    );
  if (!c.desiredOutcome?.trim())
    out.push(
      blocker(
        'DESIRED_OUTCOME_MISSING',
        'NO-02',
        'Leg vast wat de klager wil bereiken.',
        'Record what the complainant wants to achieve.',
      ),
    );
  if (!c.assigneeId)
    out.push(
      blocker('HANDLER_NOT_ASSIGNED', 'AWB-15', 'Wijs eerst een behandelaar toe.', 'Assign a handler first.'),
    );
  return out;
}

/** Tasks that the `complete_task` step completes (no letter kind or other step does). */
export function manuallyCompleted(kind: string): boolean {
  const def = TASK_KINDS[kind as TaskKind] as { completedBy: { action?: string } } | undefined;
  return def?.completedBy.action === 'complete_task';
}

/** The attempts that count when the complainant could not be reached (NO-02). */
export const FAILED_ATTEMPTS_THAT_COUNT = 2;

/**
 * NO-02 [C]: personal contact comes first. Handling, declining and deciding wait until the first
 * contact is recorded, or two documented attempts to reach the complainant failed.
 */
export function contactBlockers(
  c: Pick<CaseSnapshot, 'firstContactAt' | 'contactAttempts'>,
  settings: Pick<WorkflowSettings, 'firstContactRequired'>,
): Blocker[] {
  if (!settings.firstContactRequired || c.firstContactAt) return [];
  const n = c.contactAttempts.length;
  if (n >= FAILED_ATTEMPTS_THAT_COUNT) return [];
  return [
    blocker(
      'FIRST_CONTACT_MISSING',
      'NO-02',
      `Neem eerst persoonlijk contact op met de klager en leg dat vast, of leg twee pogingen vast die mislukten (nu ${n}).`,
      `First contact the complainant in person and record it, or record two attempts that failed (now ${n}).`,
    ),
  ];
}

/**
 * No close while a legal duty is still open (AWB-12, AWB-26, AWB-41, AWB-07, ISO-04, ISO-07, AWB-50):
 * one blocker per open task, naming what completes it. These may be overridden with a reason.
 */
export function openLegalTaskBlockers(c: Pick<CaseSnapshot, 'openTasks'>): Blocker[] {
  return c.openTasks
    .filter((t) => isLegalTask(t.kind))
    .map((t) => {
      const def = TASK_KINDS[t.kind as TaskKind];
      return {
        ...blocker(
          'LEGAL_TASK_OPEN',
          def.rule,
          `Wettelijke taak staat open: ${def.nl} (${def.rule}).`,
          `Legal task still open: ${def.en} (${def.rule}).`,
        ),
        overridable: true as const,
      };
    });
}

/** AWB-53/54, NO-04, NO-05, NO-06, NO-10, AWB-26, AWB-30, AWB-32: what a decision needs. */
export function decisionBlockers(c: CaseSnapshot, settings: WorkflowSettings, today: LocalDate): Blocker[] {
  const out: Blocker[] = [
    ...contactBlockers(c, settings),
    ...judgementBlockers(c.items),
    ...hearingBlockers(c, settings.hearingsRequiredOutsideAwb, today),
  ];
  if (c.regime === 'awb' || c.regime === 'awb-advisory') out.push(...copyBlockers(c));
  if (c.regime === 'awb-advisory' && !c.advice?.advice) {
    out.push(
      blocker(
        'ADVICE_MISSING',
        'AWB-53',
        'Het advies van de adviescommissie ontbreekt.',
        "The advisory committee's advice is missing.",
      ),
    );
  }
  if (anyUpheld(c.items)) {
    if (settings.apologyRequiredWhenUpheld && !c.remedies.some((r) => r.kind === 'apology')) {
      out.push(
        blocker(
          'APOLOGY_REQUIRED',
          'NO-04',
          'Een (deels) gegronde klacht vraagt om excuses.',
          'A (partly) upheld complaint calls for an apology.',
        ),
      );
    }
    if (settings.lessonRequiredWhenUpheld && !c.lessons?.trim()) {
      out.push(
        blocker(
          'LESSON_REQUIRED',
          'NO-05',
          'Leg vast wat de organisatie van deze klacht leert.',
          'Record what the organisation learns from this complaint.',
        ),
      );
    }
  }
  return out;
}

export function stateBlockers(action: CaseAction, c: CaseSnapshot, ctx: PreconditionContext): Blocker[] {
  switch (action) {
    case 'start_handling':
      return [...intakeBlockers(c), ...contactBlockers(c, ctx.settings)];
    case 'decide':
      return decisionBlockers(c, ctx.settings, ctx.today);
    case 'record_advice':
      // AWB-53: the committee's report includes the hearing report.
      return hearingBlockers(c, ctx.settings.hearingsRequiredOutsideAwb, ctx.today);
    case 'review_safety':
      return c.openTasks.some((t) => t.kind === 'safety_review')
        ? []
        : [
            blocker(
              'NOTHING_PENDING',
              'ISO-04',
              'Er staat geen veiligheidsmelding open.',
              'No safety issue is waiting for review.',
            ),
          ];
    case 'complete_task':
      return c.openTasks.some((t) => manuallyCompleted(t.kind))
        ? []
        : [
            blocker(
              'NOTHING_PENDING',
              'ISO-02',
              'Er staat geen taak open die met deze stap wordt afgerond.',
              'No open task is completed by this step.',
            ),
          ];
    case 'close': {
      const out: Blocker[] = [];
      if (!c.categoryId)
        out.push(
          blocker(
            'CATEGORY_REQUIRED',
            'NO-06',
            'Kies een categorie, zodat collega’s de klacht terugvinden.',
            'Choose a category so colleagues can find the complaint.',
          ),
        );
      if (ctx.settings.rootCauseRequiredAtClose && !c.rootCause?.trim()) {
        out.push(blocker('ROOT_CAUSE_REQUIRED', 'NO-06', 'Leg de oorzaak vast.', 'Record the root cause.'));
      }
      return [...out, ...openLegalTaskBlockers(c)];
    }
    case 'extend':
      return c.extensionWeeks > 0
        ? [
            blocker(
              'EXTENSION_ALREADY_USED',
              'AWB-41',
              'De afhandeling is al eens verdaagd; verder uitstel alleen met schriftelijke instemming (AWB-43).',
              'Already extended once; further delay only with written consent (AWB-43).',
            ),
          ]
        : [];
    case 'decline': {
      const notice = declineNoticeDeadline(c.regime, c.receiptDate, ctx.extraHolidays ?? []);
      const contact = contactBlockers(c, ctx.settings);
      return compareDates(ctx.today, notice.due) > 0
        ? [
            ...contact,
            blocker(
              'DECLINE_NOTICE_TOO_LATE',
              'AWB-23',
              `Niet-behandelen had uiterlijk ${notice.due} meegedeeld moeten worden.`,
              `Declining had to be notified by ${notice.due}.`,
            ),
          ]
        : contact;
    }
    case 'judge_item':
      return c.items.length === 0
        ? [
            blocker(
              'ITEMS_MISSING',
              'AWB-50',
              'Leg eerst een klachtonderdeel vast.',
              'Record a complaint item first.',
            ),
          ]
        : [];
    case 'send_respondent_copy':
      return c.respondents.some((r) => !r.copySentAt && !r.copyNotApplicableReason)
        ? []
        : [
            blocker(
              'NOTHING_PENDING',
              'AWB-26',
              'Er wacht geen beklaagde op een kopie.',
              'No respondent is waiting for a copy.',
            ),
          ];
    case 'complete_measure':
      return c.remedies.some((r) => r.kind === 'measure' && !r.completedAt)
        ? []
        : [blocker('NOTHING_PENDING', 'NO-14', 'Er staat geen maatregel open.', 'No measure is open.')];
    default:
      return [];
  }
}

/** AWB-54: when the decision deviates from the advice, the conclusions must say why. */
export function deviatesFromAdvice(c: CaseSnapshot): boolean {
  const outcome = overallOutcome(c.items);
  return Boolean(
    c.regime === 'awb-advisory' &&
    c.advice?.advisedJudgement &&
    outcome &&
    outcome !== c.advice.advisedJudgement,
  );
}

export function deviationBlockers(c: CaseSnapshot, deviationReason: string | undefined): Blocker[] {
  if (!deviatesFromAdvice(c) || isSentence(deviationReason)) return [];
  return [
    blocker(
      'DEVIATION_REASON_REQUIRED',
      'AWB-54',
      'Het oordeel wijkt af van het advies: vermeld de reden daarvan.',
      'The judgement deviates from the advice: state the reason.',
    ),
  ];
}
