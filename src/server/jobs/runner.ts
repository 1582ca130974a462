import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import type { OutboxDelivery } from '../modules/outbox/delivery.js';
import { OrganisationService } from '../modules/organisation/service.js';
import { DEADLINE_JOBS, DeadlineMonitor } from './deadlines.js';
import { INSIGHT_RETRAIN, InsightService } from '../modules/insight/service.js';

// Typed job definitions (name, payload, retry policy); handlers return a result or throw to retry.
export const JOBS = {
  outboxDeliver: { name: 'outbox-deliver', retryLimit: 100, retryDelay: 5, retryBackoff: true },
  outboxSweep: { name: 'outbox-sweep', cron: '* * * * *' },
  // PGlite runs no autovacuum: refresh the planner's statistics and reclaim space every night.
  embeddedMaintenance: { name: 'embedded-db-maintenance', cron: '17 3 * * *' },
} as const;

interface OutboxDeliverPayload {
  id: string;
}

export interface JobQueue {
  /** Called after a transaction that wrote outbox messages has committed. */
  outboxCreated(ids: string[]): void;
}

export const noJobs: JobQueue = { outboxCreated: () => {} };

/**
 * pg-boss on the same database (and, on PGlite, the same single connection) as the application.
 * Delivery is at-least-once with a claim per message; a sweep every minute picks up anything that
 * was written but never queued (a crash between commit and send), so nothing in the outbox is lost.
 */
export class JobRunner implements JobQueue {
  private boss: PgBoss | undefined;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly delivery: OutboxDelivery,
    private readonly log: FastifyBaseLogger,
    /** The application's instance, so settings changed through the admin API are seen at once. */
    private readonly organisation: OrganisationService = new OrganisationService(handle.db),
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
    await boss.createQueue(JOBS.outboxDeliver.name, {
      name: JOBS.outboxDeliver.name,
      retryLimit: JOBS.outboxDeliver.retryLimit,
      retryDelay: JOBS.outboxDeliver.retryDelay,
      retryBackoff: JOBS.outboxDeliver.retryBackoff,
    });
    await boss.createQueue(JOBS.outboxSweep.name, { name: JOBS.outboxSweep.name });
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
    const insight = new InsightService(this.handle.db);
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
    if (this.delivery.enabled) {
      await boss.work<OutboxDeliverPayload>(
        JOBS.outboxDeliver.name,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (job) return this.delivery.deliver(job.data.id);
          return 'skipped';
        },
      );
      await boss.work(JOBS.outboxSweep.name, { pollingIntervalSeconds: 5 }, async () => {
        for (const id of await this.delivery.pendingIds()) await this.enqueue(id);
      });
      await boss.schedule(JOBS.outboxSweep.name, JOBS.outboxSweep.cron);
      // Catch up on what waited while we were down.
      for (const id of await this.delivery.pendingIds()) await this.enqueue(id);
    }
    this.boss = boss;
  }

  private async enqueue(id: string): Promise<void> {
    await this.boss?.send(JOBS.outboxDeliver.name, { id } satisfies OutboxDeliverPayload, {
      retryLimit: JOBS.outboxDeliver.retryLimit,
      retryDelay: JOBS.outboxDeliver.retryDelay,
      retryBackoff: JOBS.outboxDeliver.retryBackoff,
    });
  }

  outboxCreated(ids: string[]): void {
    if (!this.boss || !this.delivery.enabled) return;
    for (const id of ids) {
      this.enqueue(id).catch((err) =>
        this.log.warn({ err, id }, 'could not queue outbox message; the sweep will'),
      );
    }
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000, close: false });
    this.boss = undefined;
  }
}
