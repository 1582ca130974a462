import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { AuditService } from './modules/audit/service.js';
import { CaseRepository } from './modules/cases/repository.js';
import { IntakeService } from './modules/cases/intake.service.js';
import { WorkflowService } from './modules/cases/workflow.service.js';
import { OrganisationService } from './modules/organisation/service.js';
import { OrganisationAdminService } from './modules/organisation/admin.service.js';
import { OutboxDelivery } from './modules/outbox/delivery.js';
import { UserService } from './modules/users/service.js';
import { PublicCaseService } from './modules/public/service.js';
import { LetterService } from './modules/letters/service.js';
import { noJobs, type JobQueue } from './jobs/runner.js';
import { InsightService } from './modules/insight/service.js';
import { CaseAccessService } from './modules/cases/access.service.js';
import { SessionService } from './modules/auth/session.service.js';
import { ReportService } from './modules/reports/service.js';
import { DashboardRepository } from './modules/dashboard/repository.js';
import { OutboxRepository } from './modules/outbox/repository.js';
import { HistoryImport } from './modules/insight/history-import.js';

/** The application's services, built once from the configuration and the database. */
export interface Services {
  config: Config;
  database: DatabaseHandle;
  organisation: OrganisationService;
  organisationAdmin: OrganisationAdminService;
  users: UserService;
  intake: IntakeService;
  cases: CaseRepository;
  workflow: WorkflowService;
  audit: AuditService;
  delivery: OutboxDelivery;
  jobs: JobQueue;
  /** The complainant's side: status links, additions, survey. */
  publicCases: PublicCaseService;
  /** Letters: compose, lint, render, send. */
  letters: LetterService;
  /** Category suggestions, similar cases and spike alerts (src/insight). */
  insight: InsightService;
  /** The read policy: who may see which case (cases/read-policy.ts). */
  caseAccess: CaseAccessService;
  /** Staff sessions: login, lockout, logout. */
  sessions: SessionService;
  /** The annual report of Awb 9:12a. */
  reports: ReportService;
  /** The managers' dashboard aggregates. */
  dashboard: DashboardRepository;
  /** The outbox as staff see it (list, retry). */
  outbox: OutboxRepository;
  /** Importing a historical complaint register (`redress import cases`). */
  historyImport: HistoryImport;
}

export function buildServices(config: Config, database: DatabaseHandle): Services {
  const db = database.db;
  const organisation = new OrganisationService(db);
  const users = new UserService(db);
  const audit = new AuditService(db);
  const cases = new CaseRepository(db);
  const intake = new IntakeService(db, organisation, config.publicUrl, config.statusLinkTtlDays);
  const letters = new LetterService(db, cases, organisation);
  const caseAccess = new CaseAccessService(db, organisation);
  return {
    config,
    database,
    organisation,
    organisationAdmin: new OrganisationAdminService(db, organisation, users, audit),
    users,
    intake,
    cases,
    workflow: new WorkflowService(db, cases, organisation, audit, caseAccess),
    audit,
    delivery: new OutboxDelivery(db, {
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      publicUrl: config.publicUrl,
      ...config.mail,
    }),
    jobs: noJobs,
    // The status page offers the decision letter sent to the complainant (public/letters.ts).
    publicCases: new PublicCaseService(db, organisation, intake, config, letters.decisionLetters),
    letters,
    insight: new InsightService(db),
    caseAccess,
    sessions: new SessionService(db, audit),
    reports: new ReportService(db, organisation),
    dashboard: new DashboardRepository(db),
    outbox: new OutboxRepository(db),
    historyImport: new HistoryImport(db, organisation),
  };
}
