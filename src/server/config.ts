import path from 'node:path';
import { z } from 'zod';

// Configuration is parsed once at start; a bad value stops the process with every problem listed.
// Nothing else in Redress reads process.env.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Redress <klachten@localhost>'),
  // Outgoing mail (src/server/modules/outbox/delivery.ts).
  MAIL_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  MAIL_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  MAIL_RETRY_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS: z.enum(['on', 'off']).default('on'),
  // Requests a minute per client address, counted together over ALL public routes (public limits);
  // reads may be four times as many. Each route keeps its own limit of this size as well.
  RATE_LIMIT_PUBLIC: z.coerce.number().int().min(1).default(30),
  // Mail to one complainant address (acknowledgements, re-sent links) per hour (finding 5).
  MAIL_PER_RECIPIENT_HOUR: z.coerce.number().int().min(1).default(5),
  // Documents from the public (finding 6): per case, per day over all cases, and in total.
  ATTACHMENT_QUOTA_CASE_MB: z.coerce.number().min(1).default(50),
  ATTACHMENT_QUOTA_DAY_MB: z.coerce.number().min(1).default(1024),
  ATTACHMENT_QUOTA_TOTAL_MB: z.coerce
    .number()
    .min(1)
    .default(50 * 1024),
  // ISO-02: how long a status link works (from receipt, or from re-sending); 120 days covers
  // 10 weeks of handling plus an extension and the survey.
  STATUS_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(120),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // 'auto' seeds the demo organisation into an empty EMBEDDED database only; 'on' also on PostgreSQL.
  SEED_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  // The API documentation at /docs: 'public', 'staff' (signed-in staff only) or 'off'. Default: 'staff'
  // when PUBLIC_URL is https (production), 'public' otherwise.
  API_DOCS: z.enum(['public', 'staff', 'off']).optional(),
  // Faults are weather: a slow or trickling client cannot hold a connection open (milliseconds).
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // PostgreSQL faults are weather too (src/server/db/client.ts): connect, statement and reply limits.
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  // Stopping (SIGTERM/SIGINT) waits this long for requests and mail in flight, then exits anyway.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  mail: { connections: number; maxAttempts: number; leaseSeconds: number; retrySeconds: number };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  jobs: boolean;
  rateLimitPublic: number;
  mailPerRecipientHour: number;
  attachmentQuota: AttachmentQuota;
  statusLinkTtlDays: number;
  trustProxy: boolean;
  /** Seed the demo organisation into an empty database: 'auto' only on the embedded one. */
  seedDemo: 'auto' | 'on' | 'off';
  /** True when PUBLIC_URL is https: HSTS, Secure and __Host- cookies. */
  https: boolean;
  apiDocs: 'public' | 'staff' | 'off';
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  keepAliveTimeoutMs: number;
  db: { connectTimeoutMs: number; statementTimeoutMs: number };
  shutdownTimeoutMs: number;
}

export interface AttachmentQuota {
  caseBytes: number;
  dayBytes: number;
  totalBytes: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const port = e.PORT;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const https = publicUrl.startsWith('https:');
  return {
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mail: {
      connections: e.MAIL_CONNECTIONS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      leaseSeconds: e.MAIL_LEASE_SECONDS,
      retrySeconds: e.MAIL_RETRY_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS === 'on',
    rateLimitPublic: e.RATE_LIMIT_PUBLIC,
    mailPerRecipientHour: e.MAIL_PER_RECIPIENT_HOUR,
    attachmentQuota: {
      caseBytes: Math.round(e.ATTACHMENT_QUOTA_CASE_MB * 1024 * 1024),
      dayBytes: Math.round(e.ATTACHMENT_QUOTA_DAY_MB * 1024 * 1024),
      totalBytes: Math.round(e.ATTACHMENT_QUOTA_TOTAL_MB * 1024 * 1024),
    },
    statusLinkTtlDays: e.STATUS_LINK_TTL_DAYS,
    trustProxy: e.TRUST_PROXY === 'true',
    seedDemo: e.SEED_DEMO,
    https,
    apiDocs: e.API_DOCS ?? (https ? 'staff' : 'public'),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: e.CONNECTION_TIMEOUT_MS,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
    db: { connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
