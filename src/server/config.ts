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
  RATE_LIMIT_PUBLIC: z.coerce.number().int().min(1).default(30),
  // ISO-02: how long a status link works (from receipt, or from re-sending); 120 days covers
  // 10 weeks of handling plus an extension and the survey.
  STATUS_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(120),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SEED_DEMO: z.enum(['auto', 'off']).default('auto'),
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
  statusLinkTtlDays: number;
  trustProxy: boolean;
  seedDemo: boolean;
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
  return {
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
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
    statusLinkTtlDays: e.STATUS_LINK_TTL_DAYS,
    trustProxy: e.TRUST_PROXY === 'true',
    seedDemo: e.SEED_DEMO === 'auto',
  };
}
