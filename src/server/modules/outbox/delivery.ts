import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { finaliseMessage, type FinaliseContext } from './finalise.js';
import { OutboxRepository, type OutboxRow } from './repository.js';

export { letterFilename } from './finalise.js';

export interface DeliveryOptions {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string;
  /** Pooled SMTP connections (and so messages on the wire at once). */
  connections: number;
  /** Attempts before a message that keeps failing temporarily is marked failed. */
  maxAttempts: number;
  /** A claim lasts this long and is renewed every third of it while the message is being sent. */
  leaseSeconds: number;
  /** First retry after this many seconds, doubling up to an hour. */
  retrySeconds: number;
  /** Claim again this often when there was nothing due (new mail wakes the worker at once). */
  idlePollMs?: number;
}

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

interface InFlight {
  row: OutboxRow;
  token: string;
  abort: AbortController;
  /** Our own estimate of when the claim ends, moved on by each successful renewal. */
  heldUntil: number;
  lost: boolean;
}

export type DeliveryOutcome = 'sent' | 'retried' | 'failed' | 'lost';

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  lost: number;
}

/**
 * Delivers the outbox over SMTP. One worker per process claims due messages in batches straight
 * from the table (priority first, FOR UPDATE SKIP LOCKED, so several processes share the work
 * without a queue of jobs beside it), sends up to `connections × 2` at once over a pool of SMTP
 * connections, renews the claims while sending, and records each result only while it still holds
 * that message's claim. A 5xx reply, or `maxAttempts` temporary failures, marks the message failed
 * for staff to see and retry; anything else is retried with backoff. Each attempt uses the same
 * Message-ID, so the rare resend after a crash between the server's 250 and our commit is
 * recognisable as a duplicate.
 */
export class OutboxDelivery {
  private transporter: Transporter | undefined;
  private readonly repo: OutboxRepository;
  private readonly inFlight = new Map<string, InFlight>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private nudged = false;
  private renewTimer: NodeJS.Timeout | undefined;
  private installationId: string | undefined;
  private log: Logger = silent;
  private readonly settled = new Set<() => void>();
  readonly stats: DrainResult = { sent: 0, retried: 0, failed: 0, lost: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: DeliveryOptions,
  ) {
    this.repo = new OutboxRepository(db);
  }

  get enabled(): boolean {
    return Boolean(this.opts.smtpUrl);
  }

  private get capacity(): number {
    return Math.max(1, this.opts.connections * 2);
  }

  private transport(): Transporter {
    if (!this.transporter) {
      this.transporter = nodemailer.createTransport({
        url: this.opts.smtpUrl,
        pool: true,
        maxConnections: this.opts.connections,
        maxMessages: 100,
        // Our outbox retries (with its claim and backoff); the pool must not resend on its own.
        maxRequeues: 0,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
      } as Parameters<typeof nodemailer.createTransport>[0]);
      this.transporter.on('error', (err: Error) => this.log.warn({ err }, 'SMTP pool error'));
    }
    return this.transporter;
  }

  /** Starts the worker loop (JOBS=on and SMTP_URL set). */
  start(log: Logger = silent): void {
    if (!this.enabled || this.running) return;
    this.log = log;
    this.running = true;
    this.loop = this.run();
  }

  /** New mail was committed: claim now instead of at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let dbFailures = 0;
    while (this.running) {
      this.nudged = false;
      // Claim when half the slots are free: batches of several messages, not one claim per message.
      const free = this.capacity - this.inFlight.size;
      let claimed: OutboxRow[] = [];
      if (free >= Math.ceil(this.capacity / 2)) {
        try {
          claimed = await this.claim(free);
          dbFailures = 0;
        } catch (err) {
          dbFailures++;
          if (dbFailures === 1 || dbFailures % 60 === 0)
            this.log.warn({ err }, 'outbox: cannot claim messages (database unavailable?); retrying');
          await this.sleep(Math.min(5_000, 250 * 2 ** Math.min(dbFailures, 5)));
          continue;
        }
      }
      for (const row of claimed) void this.process(row);
      if (claimed.length > 0 && claimed.length === free) continue;
      if (this.nudged) continue;
      await this.sleep(this.opts.idlePollMs ?? 1_000);
    }
  }

  private async claim(limit: number, id?: string): Promise<OutboxRow[]> {
    this.installationId ??= await this.repo.installationId();
    if (!this.renewTimer) {
      const renewEvery = Math.max(200, (this.opts.leaseSeconds * 1000) / 3);
      this.renewTimer = setInterval(() => void this.renewClaims(), renewEvery);
      this.renewTimer.unref();
    }
    const rows =
      id === undefined
        ? await this.repo.claim(limit, this.opts.leaseSeconds)
        : await this.repo.claimOne(id, this.opts.leaseSeconds);
    const heldUntil = Date.now() + this.opts.leaseSeconds * 1000;
    for (const row of rows)
      this.inFlight.set(row.id, {
        row,
        token: row.claim_token!,
        abort: new AbortController(),
        heldUntil,
        lost: false,
      });
    return rows;
  }

  /** Waits for the interval, a nudge or a free slot, whichever comes first. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async process(row: OutboxRow): Promise<DeliveryOutcome> {
    const entry = this.inFlight.get(row.id)!;
    try {
      let messageId: string | undefined;
      try {
        const mail = await finaliseMessage(row, this.finaliseContext());
        messageId = mail.messageId;
        if (!mail.to) throw Object.assign(new Error('no recipient'), { permanent: true });
        await this.transport().sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references ? { references: mail.references } : {}),
          ...(mail.attachments.length ? { attachments: mail.attachments } : {}),
          signal: entry.abort.signal,
        });
      } catch (err) {
        return await this.recordFailure(entry, err);
      }
      return await this.record(entry, () => this.repo.markSent(row.id, entry.token, messageId), 'sent');
    } finally {
      this.inFlight.delete(row.id);
      if (this.inFlight.size <= this.capacity / 2) this.wakeUp?.();
      if (this.inFlight.size === 0) for (const fn of this.settled) fn();
    }
  }

  private async recordFailure(entry: InFlight, err: unknown): Promise<DeliveryOutcome> {
    const e = err as { message?: string; responseCode?: number; permanent?: boolean };
    const message = String(e.message ?? err).slice(0, 1000);
    // SMTP 5xx: the server refused for good (unknown mailbox, policy); retrying cannot help.
    const permanent =
      e.permanent === true ||
      (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600);
    if (permanent || entry.row.attempts >= this.opts.maxAttempts) {
      this.log.warn(
        { outboxId: entry.row.id, attempts: entry.row.attempts, err: message },
        'outbox: message failed',
      );
      return this.record(
        entry,
        () => this.repo.markFailed(entry.row, entry.token, message, permanent),
        'failed',
      );
    }
    const next = new Date(Date.now() + this.backoffMs(entry.row.attempts));
    return this.record(
      entry,
      () => this.repo.reschedule(entry.row.id, entry.token, next, message),
      'retried',
    );
  }

  /** 30 s, 60 s, 2 min, … up to an hour, ±20 % so a burst of failures does not return as one burst. */
  backoffMs(attempts: number): number {
    const base = this.opts.retrySeconds * 1000 * 2 ** Math.max(0, attempts - 1);
    return Math.min(base, 3_600_000) * (0.8 + Math.random() * 0.4);
  }

  /**
   * Writes a result while the claim is ours. A database hiccup right after the SMTP server took the
   * message must not turn into a resend, so the write is retried for as long as the claim lasts.
   */
  private async record(
    entry: InFlight,
    write: () => Promise<boolean>,
    outcome: 'sent' | 'retried' | 'failed',
  ): Promise<DeliveryOutcome> {
    for (let i = 0; ; i++) {
      if (entry.lost) break;
      try {
        const result = (await write()) ? outcome : 'lost';
        this.stats[result]++;
        return result;
      } catch (err) {
        if (Date.now() > entry.heldUntil - 1_000) break;
        if (i === 0) this.log.warn({ err, outboxId: entry.row.id }, 'outbox: cannot record the result yet');
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** i)));
      }
    }
    this.stats.lost++;
    this.log.warn({ outboxId: entry.row.id, outcome }, 'outbox: claim ended before the result was recorded');
    return 'lost';
  }

  private async renewClaims(): Promise<void> {
    const entries = [...this.inFlight.values()].filter((e) => !e.lost);
    if (entries.length === 0) return;
    const now = Date.now();
    try {
      const held = await this.repo.renew(
        entries.map((e) => e.token),
        this.opts.leaseSeconds,
      );
      for (const e of entries) {
        if (held.has(e.token)) e.heldUntil = now + this.opts.leaseSeconds * 1000;
        else this.loseClaim(e);
      }
    } catch (err) {
      this.log.warn({ err }, 'outbox: cannot renew claims');
    }
    // Without a renewal our claim ends at its lease: stop the send rather than race the next worker.
    for (const e of entries) if (!e.lost && Date.now() > e.heldUntil - 500) this.loseClaim(e);
  }

  private loseClaim(e: InFlight): void {
    e.lost = true;
    e.abort.abort(new Error('claim lost'));
  }

  private finaliseContext(): FinaliseContext {
    return {
      db: this.db,
      from: this.opts.from,
      domain: new URL(this.opts.publicUrl).hostname,
      publicUrl: this.opts.publicUrl,
      installationId: this.installationId!,
    };
  }

  /**
   * Sends one message now if it is waiting (even before its next attempt is due), as the worker
   * would: 'skipped' when it is sent, failed, being sent by someone else, or has no recipient.
   */
  async deliver(id: string): Promise<DeliveryOutcome | 'skipped'> {
    if (!this.enabled) return 'skipped';
    const [row] = await this.claim(1, id);
    return row ? this.process(row) : 'skipped';
  }

  /**
   * Claims and sends what is due now until nothing is due (tests and the CLI; the worker does the
   * same continuously). Returns what happened in this call.
   */
  async drain(): Promise<DrainResult> {
    if (!this.enabled) return { sent: 0, retried: 0, failed: 0, lost: 0 };
    const before = { ...this.stats };
    for (;;) {
      const free = this.capacity - this.inFlight.size;
      const rows = await this.claim(free);
      await Promise.all(rows.map((r) => this.process(r)));
      // A short batch: nothing else was due (a retry that falls due meanwhile waits for the next call).
      if (rows.length < free) break;
    }
    return {
      sent: this.stats.sent - before.sent,
      retried: this.stats.retried - before.retried,
      failed: this.stats.failed - before.failed,
      lost: this.stats.lost - before.lost,
    };
  }

  /**
   * Stops claiming, lets the messages on the wire finish until the deadline, then aborts the rest
   * and gives their claims back so another worker can take them at once.
   */
  async stop(deadlineMs = 5_000): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = undefined;
    if (this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, deadlineMs);
        const done = () => {
          clearTimeout(t);
          resolve();
        };
        this.settled.add(done);
        if (this.inFlight.size === 0) done();
      }).finally(() => this.settled.clear());
    }
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
    const left = [...this.inFlight.values()];
    for (const e of left) this.loseClaim(e);
    await this.repo.release(left.map((e) => e.token)).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
    this.transporter?.close();
    this.transporter = undefined;
  }
}
