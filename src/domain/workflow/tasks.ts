// Work a case still needs. Letter tasks are completed by the letters module (it composes and sends
// the letter, then marks the task done); the workflow creates them with the rule that requires them.

export const TASK_KINDS = {
  // AWB-12/13/14: the written acknowledgement.
  'letter.acknowledgement': {
    rule: 'AWB-12',
    nl: 'Ontvangstbevestiging versturen',
    en: 'Send the acknowledgement',
  },
  // AWB-41/42, WKKGZ-06, LET-10: one per recipient, before the original deadline.
  'letter.extension_notice': {
    rule: 'AWB-41',
    nl: 'Verdagingsbericht versturen',
    en: 'Send the extension notice',
  },
  // AWB-23, LET-09: within four weeks after receipt.
  'letter.decline_notice': {
    rule: 'AWB-23',
    nl: 'Besluit niet-behandelen versturen',
    en: 'Send the decline notice',
  },
  // AWB-07: the forwarding letter and the notice to the complainant on the same date.
  'letter.forward': { rule: 'AWB-07', nl: 'Klacht doorzenden', en: 'Forward the complaint' },
  'letter.forward_notice': {
    rule: 'AWB-07',
    nl: 'Klager informeren over doorzending',
    en: 'Tell the complainant about forwarding',
  },
  // AWB-11: confirm the informal settlement in writing.
  'letter.informal_confirmation': {
    rule: 'AWB-11',
    nl: 'Informele afhandeling bevestigen',
    en: 'Confirm the informal resolution',
  },
  'letter.withdrawal_confirmation': {
    rule: 'ISO-02',
    nl: 'Intrekking bevestigen',
    en: 'Confirm the withdrawal',
  },
  // AWB-50/51/54, WKKGZ-05/08, NO-05: the final letter; ISO-07: a notice to each respondent.
  'letter.decision': {
    rule: 'AWB-50',
    nl: 'Beslissing (eindbrief) versturen',
    en: 'Send the decision letter',
  },
  'letter.decision_notice': {
    rule: 'ISO-07',
    nl: 'Beklaagde informeren over de beslissing',
    en: 'Inform the respondent of the decision',
  },
  // AWB-26: a copy of the complaint and its documents to each respondent.
  respondent_copy: {
    rule: 'AWB-26',
    nl: 'Kopie klacht aan beklaagde',
    en: 'Copy of the complaint to the respondent',
  },
  // AWB-03: a request for repair, never a silent rejection.
  repair_request: {
    rule: 'AWB-03',
    nl: 'Wacht op aanvulling door klager',
    en: 'Waiting for the complainant to complete the complaint',
  },
  // ISO-04: a safety issue alerts a manager.
  safety_review: { rule: 'ISO-04', nl: 'Veiligheidsmelding beoordelen', en: 'Review the safety issue' },
  // NO-14: a promised measure is followed up until done.
  measure_follow_up: {
    rule: 'NO-14',
    nl: 'Toegezegde maatregel realiseren',
    en: 'Carry out the promised measure',
  },
  // NO-05, ISO-10 (ISO 10004): check satisfaction after closing.
  satisfaction_check: { rule: 'NO-05', nl: 'Tevredenheid nagaan', en: 'Check satisfaction' },
} as const;
export type TaskKind = keyof typeof TASK_KINDS;
