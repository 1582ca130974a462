import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The typed catalogue of history events (after documenso's audit-log types). Every change to a
 * case appends one of these in the same transaction; the table rejects updates and deletes.
 * Personal details (vulnerability, hearing reports) are never copied into events: the event names
 * what changed, the case holds the content (NO-16, PRIV-09).
 */
export interface CaseEventMap {
  'case.received': {
    reference: string;
    channel: string;
    receiptDate: string;
    regime: string;
    deadlines: { acknowledgement: string; decision: string };
  };
  // A case from a historical register (`redress import cases`): where it came from.
  'case.imported': { reference: string; line: number; source: 'csv' };
  'case.status_changed': { from: string; to: string; action: string };
  'case.intake_completed': {
    fields: string[];
    formalProcedureApplies?: boolean | null;
    defects?: string[];
    oral?: boolean;
  };
  'case.repair_requested': { defects: string[]; rule: 'AWB-03'; sentTo: string | null };
  'case.priority_set': {
    priority: string;
    from: string;
    safety: boolean;
    managerAlerts: number;
    rule: 'ISO-04';
  };
  'case.item_added': { itemId: string; position: number; severity: string };
  'case.respondent_added': { respondentId: string; kind: string; userId: string | null; warning?: string };
  'case.representative_added': { representativeId: string; relation: string; authorisationRequired: boolean };
  'case.authorisation_recorded': { representativeId: string };
  'case.assigned': {
    from: { categoryId: string | null; departmentId: string | null; assigneeId: string | null };
    to: { categoryId: string | null; departmentId: string | null; assigneeId: string | null };
    reason: string | null;
    warning?: string;
  };
  'case.acknowledged': { acknowledgedAt: string; acknowledgementDue: string; onTime: boolean };
  // AWB-12: the automatic acknowledgement e-mail was delivered; it completed the acknowledgement task.
  'case.acknowledgement_emailed': { outboxId: string; rule: 'AWB-12' };
  'case.first_contact': { at: string; channel: string; due: string; onTime: boolean };
  // NO-02: an attempt to reach the complainant that failed; two count as contact made.
  'case.contact_attempt': { at: string; channel: string; attempt: number };
  // ISO-04: the manager's review of a safety issue.
  'case.safety_reviewed': { reviewedAt: string; tasksCompleted: number; rule: 'ISO-04' };
  'case.task_completed': { taskId: string; kind: string; doneOn: string };
  // A gate passed with an explicit override and its reason (shown on the dashboard).
  'case.gate_overridden': {
    action: string;
    reason: string;
    blockers: { code: string; rule: string }[];
  };
  'case.handling_started': Record<string, never>;
  'case.respondent_copy': { respondentId: string; sentAt: string | null; notApplicableReason: string | null };
  'case.progress_update': { channel: string };
  'case.resolved_informally': { confirmedOn: string; channel: string; resolvedBy: string };
  'case.declined': { ground: string; noticeDue: string; cancelledCopyTasks: number };
  'case.forwarded': { organisation: string; forwardedOn: string };
  'case.withdrawn': { withdrawnOn: string; channel: string };
  'case.hearing_invited': { party: string; respondentId: string | null; responseDeadline: string | null };
  'case.hearing_waived': { ground: string; decidedBy: string };
  'case.hearing_recorded': {
    party: string;
    respondentId: string | null;
    heldAt: string;
    conductedBy: string;
    reportAttached: boolean;
  };
  'case.extended': { weeks: number; originalDue: string; newDue: string; late: boolean; notices: number };
  'case.delay_agreed': { previousDue: string; agreedDate: string };
  'case.advice_requested': { committee: string };
  'case.advice_recorded': { advisedJudgement: string; reportReceivedOn: string };
  'case.item_judged': { itemId: string; judgement: string; previous: string | null };
  'case.remedy_added': {
    remedyId: string;
    kind: string;
    itemId: string | null;
    realisationDate: string | null;
  };
  'case.learning_recorded': { fields: string[] };
  'case.decided': { outcome: string; decisionDue: string; onTime: boolean; deviatesFromAdvice: boolean };
  'case.closed': { complainantReaction: string; externalBody: string | null };
  'case.reopened': {
    reason: string;
    previousStatus: string;
    keptReceiptDate: string;
    keptDecisionDue: string;
  };
  'case.escalated': { escalationId: string; bodyKind: string; bodyName: string; submittedOn: string };
  'case.escalation_outcome': { escalationId: string; outcome: string; outcomeOn: string };
  'case.measure_completed': { remedyId: string; completedAt: string; realisationDate: string | null };
  'case.overdue': { decisionDue: string; rule: 'AWB-44' };
  'case.alert_sent': { kind: string; key: string; recipients: number };
  // The complainant's side (public pages); actor is null (the complainant via the status link).
  'complainant.attachments_added': { attachmentCount: number; source: 'intake' };
  'complainant.information_added': { submissionId: string; attachmentCount: number; hasMessage: boolean };
  'survey.answered': {
    surveyId: string;
    outcomeSatisfied: 'yes' | 'partly' | 'no';
    handlingSatisfied: 'yes' | 'partly' | 'no';
  };
  'status_link.resent': { expiresAt: string };
  // Letters: every letter is a history event; sending is the one that counts (AWB-12, AWB-50).
  'letter.drafted': {
    letterId: string;
    kind: string;
    lang: string;
    recipientRole: string;
    errors: number;
    warnings: number;
  };
  'letter.edited': { letterId: string; version: number; errors: number; warnings: number };
  'letter.rendered': { letterId: string; version: number; sha256: string };
  'letter.sent': {
    letterId: string;
    kind: string;
    lang: string;
    recipientRole: string;
    respondentId: string | null;
    outboxId: string;
    channel: 'email' | 'post';
    tasksCompleted: number;
  };
  // An e-mail refused for good (SMTP 5xx) or out of attempts: staff must reach the recipient otherwise.
  'message.failed': { outboxId: string; kind: string; attempts: number; permanent: boolean };
  'message.retried': { outboxId: string; kind: string };
}

export type CaseEventType = keyof CaseEventMap;
export type CaseEvent = { [K in CaseEventType]: { type: K; data: CaseEventMap[K] } }[CaseEventType];

export const CaseEvents = {
  async append(
    db: Kysely<Database> | Transaction<Database>,
    caseId: string,
    actorId: string | null,
    event: CaseEvent,
  ): Promise<void> {
    await db
      .insertInto('case_event')
      .values({ case_id: caseId, actor_id: actorId, type: event.type, data: JSON.stringify(event.data) })
      .execute();
  },
};

/** Labels of every event type for the staff history (the server is the single source of labels). */
export const EVENT_LABELS: Record<CaseEventType, { nl: string; en: string }> = {
  'case.received': { nl: 'Klacht ontvangen', en: 'Complaint received' },
  'case.imported': { nl: 'Geïmporteerd uit klachtenregister', en: 'Imported from a complaint register' },
  'case.status_changed': { nl: 'Status gewijzigd', en: 'Status changed' },
  'case.intake_completed': { nl: 'Intake aangevuld', en: 'Intake completed' },
  'case.repair_requested': { nl: 'Om aanvulling gevraagd (Awb 9:4)', en: 'Repair requested (Awb 9:4)' },
  'case.priority_set': { nl: 'Prioriteit bepaald', en: 'Priority set' },
  'case.item_added': { nl: 'Klachtonderdeel toegevoegd', en: 'Complaint item added' },
  'case.respondent_added': { nl: 'Beklaagde toegevoegd', en: 'Respondent added' },
  'case.representative_added': { nl: 'Gemachtigde toegevoegd', en: 'Representative added' },
  'case.authorisation_recorded': { nl: 'Machtiging vastgelegd', en: 'Authorisation recorded' },
  'case.assigned': { nl: 'Toegewezen', en: 'Assigned' },
  'case.acknowledged': { nl: 'Ontvangst bevestigd', en: 'Acknowledged' },
  'case.acknowledgement_emailed': {
    nl: 'Ontvangstbevestiging per e-mail verstuurd',
    en: 'Acknowledgement sent by e-mail',
  },
  'case.first_contact': { nl: 'Eerste contact', en: 'First contact' },
  'case.contact_attempt': { nl: 'Contactpoging mislukt', en: 'Contact attempt failed' },
  'case.safety_reviewed': { nl: 'Veiligheidsmelding beoordeeld', en: 'Safety issue reviewed' },
  'case.task_completed': { nl: 'Taak afgerond', en: 'Task completed' },
  'case.gate_overridden': {
    nl: 'Stap gezet met uitzondering (met reden)',
    en: 'Step taken with an override (with a reason)',
  },
  'case.handling_started': { nl: 'In behandeling genomen', en: 'Handling started' },
  'case.respondent_copy': { nl: 'Kopie aan beklaagde (Awb 9:9)', en: 'Copy to respondent (Awb 9:9)' },
  'case.progress_update': { nl: 'Voortgang gemeld', en: 'Progress update' },
  'case.resolved_informally': { nl: 'Informeel afgehandeld', en: 'Resolved informally' },
  'case.declined': { nl: 'Niet in behandeling genomen (Awb 9:8)', en: 'Declined (Awb 9:8)' },
  'case.forwarded': { nl: 'Doorgezonden', en: 'Forwarded' },
  'case.withdrawn': { nl: 'Ingetrokken', en: 'Withdrawn' },
  'case.hearing_invited': { nl: 'Uitgenodigd voor hoorgesprek', en: 'Invited to a hearing' },
  'case.hearing_waived': { nl: 'Afgezien van horen (Awb 9:10 lid 2)', en: 'Hearing waived (Awb 9:10(2))' },
  'case.hearing_recorded': { nl: 'Hoorgesprek vastgelegd', en: 'Hearing recorded' },
  'case.extended': { nl: 'Afhandeling verdaagd', en: 'Handling extended' },
  'case.delay_agreed': { nl: 'Uitstel met instemming', en: 'Delay agreed' },
  'case.advice_requested': { nl: 'Advies gevraagd', en: 'Advice requested' },
  'case.advice_recorded': { nl: 'Advies ontvangen', en: 'Advice recorded' },
  'case.item_judged': { nl: 'Onderdeel beoordeeld', en: 'Item judged' },
  'case.remedy_added': { nl: 'Herstel of maatregel toegevoegd', en: 'Remedy added' },
  'case.learning_recorded': { nl: 'Oorzaak en leerpunten vastgelegd', en: 'Root cause and lessons recorded' },
  'case.decided': { nl: 'Beslist', en: 'Decided' },
  'case.closed': { nl: 'Afgesloten', en: 'Closed' },
  'case.reopened': { nl: 'Heropend', en: 'Reopened' },
  'case.escalated': { nl: 'Geëscaleerd', en: 'Escalated' },
  'case.escalation_outcome': { nl: 'Uitkomst escalatie', en: 'Escalation outcome' },
  'case.measure_completed': { nl: 'Maatregel uitgevoerd', en: 'Measure completed' },
  'case.overdue': { nl: 'Termijn overschreden', en: 'Deadline passed' },
  'case.alert_sent': { nl: 'Signalering verstuurd', en: 'Alert sent' },
  'complainant.attachments_added': { nl: 'Bijlagen van klager', en: 'Attachments from complainant' },
  'complainant.information_added': { nl: 'Informatie van klager', en: 'Information from complainant' },
  'survey.answered': { nl: 'Tevredenheidsvragen beantwoord', en: 'Satisfaction survey answered' },
  'status_link.resent': { nl: 'Statuslink opnieuw verstuurd', en: 'Status link re-sent' },
  'letter.drafted': { nl: 'Brief opgesteld', en: 'Letter drafted' },
  'letter.edited': { nl: 'Brief bewerkt', en: 'Letter edited' },
  'letter.rendered': { nl: 'Brief als PDF gemaakt', en: 'Letter rendered as PDF' },
  'letter.sent': { nl: 'Brief verzonden', en: 'Letter sent' },
  'message.failed': { nl: 'E-mail kon niet worden bezorgd', en: 'E-mail could not be delivered' },
  'message.retried': { nl: 'E-mail opnieuw aangeboden', en: 'E-mail offered again' },
};

export function eventLabel(type: string, lang: 'nl' | 'en'): string {
  return (EVENT_LABELS as Record<string, { nl: string; en: string }>)[type]?.[lang] ?? type;
}
