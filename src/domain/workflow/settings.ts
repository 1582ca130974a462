// Workflow settings with their defaults. Rules graded [C] in rules.md are interpretations, so each
// is a setting an organisation can change (spec README: "configurable defaults").

export interface WorkflowSettings {
  /** NO-02, NO-07: first personal contact within N working days. [B/C] */
  contactWorkingDays: number;
  /**
   * NO-02 [C]: handling, declining and deciding wait for the first personal contact, or for two
   * documented attempts that failed. An organisation can relax this.
   */
  firstContactRequired: boolean;
  /** NO-12: remind the handler N working days before the decision deadline. [B] */
  reminderWorkingDays: number[];
  /**
   * AWB-42 [C]: an Awb extension recorded after the original term expired is rejected ('reject'),
   * or recorded with the case flagged overdue ('allow_overdue'). The Wkkgz (WKKGZ-06 [A]) always rejects.
   */
  extensionAfterExpiry: 'reject' | 'allow_overdue';
  /** WKKGZ-07 [C]: beyond this many weeks in total, a Wkkgz delay needs the complainant's written consent. */
  wkkgzConsentBeyondWeeks: number;
  /** WKKGZ-04: a progress update to the complainant at least every N weeks while open (0 = off). */
  progressUpdateWeeks: number;
  /** AWB-06: the body may require a written authorisation from a representative. */
  requireRepresentativeAuthorisation: boolean;
  /** NO-04: an apology is required when any item is (partly) upheld. [B] */
  apologyRequiredWhenUpheld: boolean;
  /** NO-05/NO-06: a lesson is required for every (partly) upheld outcome. [B] */
  lessonRequiredWhenUpheld: boolean;
  /** NO-06: a root cause is required before a decided case is closed. [B] */
  rootCauseRequiredAtClose: boolean;
  /** WKKGZ-10: alert when the disputes body has not ruled N months after submission. */
  disputesBodyAlertMonths: number;
  /** NO-14: remind N working days before a promised measure's realisation date. */
  measureReminderWorkingDays: number;
  /** AWB-30: hearings are required (Awb regimes always; this adds them for Wkkgz/company). */
  hearingsRequiredOutsideAwb: boolean;
}

export const DEFAULT_WORKFLOW_SETTINGS: Readonly<WorkflowSettings> = {
  contactWorkingDays: 5,
  firstContactRequired: true,
  reminderWorkingDays: [5, 1],
  extensionAfterExpiry: 'reject',
  wkkgzConsentBeyondWeeks: 10,
  progressUpdateWeeks: 2,
  requireRepresentativeAuthorisation: true,
  apologyRequiredWhenUpheld: true,
  lessonRequiredWhenUpheld: true,
  rootCauseRequiredAtClose: true,
  disputesBodyAlertMonths: 6,
  measureReminderWorkingDays: 5,
  hearingsRequiredOutsideAwb: false,
};

export function resolveWorkflowSettings(
  overrides: Partial<WorkflowSettings> | undefined,
  contactWorkingDays?: number,
): WorkflowSettings {
  const defined = Object.fromEntries(
    Object.entries(overrides ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<WorkflowSettings>;
  return {
    ...DEFAULT_WORKFLOW_SETTINGS,
    ...(contactWorkingDays !== undefined ? { contactWorkingDays } : {}),
    ...defined,
  };
}
