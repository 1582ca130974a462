import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import type { OutboxDelivery } from '../modules/outbox/delivery.js';
import type { OrganisationService } from '../modules/organisation/service.js';
import { DEADLINE_JOBS, DeadlineMonitor } from './deadlines.js';
import { INSIGHT_RETRAIN, type InsightService } from '../modules/insight/service.js';

// Typed job definitions (name, payload, retry policy); handlers return a result or throw to retry.
// Outgoing mail is not a job: the outbox worker claims messages straight from the outbox table
// (src/server/modules/outbox/delivery.ts).
export const JOBS = {
  // PGlite runs no autovacuum: refresh the planner's statistics and reclaim space every night.
  embeddedMaintenance: { name: 'embedded-db-maintenance', cron: '17 3 * * *' },
} as const;

export interface JobQueue {
  /** Called after a transaction that wrote outbox messages has committed. */
  outboxCreated(ids: string[]): void;
}

export const noJobs: JobQueue = { outboxCreated: () => {} };

/**
 * pg-boss on the same database (and, on PGlite, the same single connection) as the application,
 * for the scheduled jobs; and the outbox worker, which needs no queue: what is in the outbox and
 * due is what it sends, so a crash between commit and send loses nothing.
 */
export class JobRunner implements JobQueue {
  private boss: PgBoss | undefined;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly delivery: OutboxDelivery,
    private readonly log: FastifyBaseLogger,
    /** The application's instances (services.ts), so settings changed through the admin API are seen at once. */
    private readonly organisation: OrganisationService,
    private readonly insight: InsightService,
  ) {}

  async start(): Promise<void> {
    const pool = this.handle.pool;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: 'pgboss',
      // PGlite serialises everything on one connection: poll gently.
      maintenanceIntervalSeconds: 120,
    });
    boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
    await boss.start();
    // Earlier versions queued a job per message and swept every minute: stop that schedule.
    await boss.unschedule('outbox-sweep').catch(() => undefined);
    // AWB-44, NO-12, NO-14: deadline monitoring (src/server/jobs/deadlines.ts); idempotent per alert.
    const monitor = new DeadlineMonitor(this.handle.db, this.organisation);
    const { deadlineMonitor } = DEADLINE_JOBS;
    await boss.createQueue(deadlineMonitor.name, {
      name: deadlineMonitor.name,
      retryLimit: deadlineMonitor.retryLimit,
    });
    await boss.work(deadlineMonitor.name, { pollingIntervalSeconds: 30 }, async () => {
      const result = await monitor.run();
      this.outboxCreated(result.outboxIds);
      return { markedOverdue: result.markedOverdue, alerts: result.alerts.length };
    });
    await boss.schedule(deadlineMonitor.name, deadlineMonitor.cron);
    // The category classifier learns from the day's closed cases every night (src/server/modules/insight).
    const insight = this.insight;
    await boss.createQueue(INSIGHT_RETRAIN.name, {
      name: INSIGHT_RETRAIN.name,
      retryLimit: INSIGHT_RETRAIN.retryLimit,
    });
    await boss.work(INSIGHT_RETRAIN.name, { pollingIntervalSeconds: 60 }, async () => {
      const r = await insight.retrain();
      return { status: r.status, examples: r.examples, categories: r.categories };
    });
    await boss.schedule(INSIGHT_RETRAIN.name, INSIGHT_RETRAIN.cron);
    if (this.handle.kind === 'pglite') {
      const { name, cron } = JOBS.embeddedMaintenance;
      await boss.createQueue(name, { name });
      await boss.work(name, { pollingIntervalSeconds: 60 }, async () => {
        await pool.query('VACUUM (ANALYZE)');
        return 'done';
      });
      await boss.schedule(name, cron, undefined, { tz: 'Europe/Amsterdam' });
    }
    this.boss = boss;
    // Sends what waited while we were down, then whatever is committed (nudged by outboxCreated).
    this.delivery.start(this.log);
  }

  outboxCreated(ids: string[]): void {
    if (ids.length > 0) this.delivery.nudge();
  }

  /** Stops within `deadlineMs`: mail on the wire may finish, claims not started are given back. */
  async stop(deadlineMs = 5_000): Promise<void> {
    await Promise.all([
      this.delivery.stop(deadlineMs),
      this.boss?.stop({ graceful: true, wait: true, timeout: deadlineMs, close: false }),
    ]);
    this.boss = undefined;
  }
}
