import type { LocalDate } from '../dates.js';
import { compareDates } from '../dates.js';
import type { CaseAction } from '../lifecycle.js';
import { blocker, type Blocker } from './blockers.js';
import { declineNoticeDeadline, isSentence } from './decline.js';
import { copyBlockers, hearingBlockers } from './hearings.js';
import { anyUpheld, judgementBlockers, overallOutcome } from './judgement.js';
import type { WorkflowSettings } from './settings.js';
import type { CaseSnapshot } from './snapshot.js';

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

/** AWB-53/54, NO-04, NO-05, NO-06, NO-10, AWB-26, AWB-30, AWB-32: what a decision needs. */
export function decisionBlockers(c: CaseSnapshot, settings: WorkflowSettings): Blocker[] {
  const out: Blocker[] = [
    ...judgementBlockers(c.items),
    ...hearingBlockers(c, settings.hearingsRequiredOutsideAwb),
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
      return intakeBlockers(c);
    case 'decide':
      return decisionBlockers(c, ctx.settings);
    case 'record_advice':
      // AWB-53: the committee's report includes the hearing report.
      return hearingBlockers(c, ctx.settings.hearingsRequiredOutsideAwb);
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
      return out;
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
      return compareDates(ctx.today, notice.due) > 0
        ? [
            blocker(
              'DECLINE_NOTICE_TOO_LATE',
              'AWB-23',
              `Niet-behandelen had uiterlijk ${notice.due} meegedeeld moeten worden.`,
              `Declining had to be notified by ${notice.due}.`,
            ),
          ]
        : [];
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
