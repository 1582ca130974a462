import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { AppError } from '../server/errors.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { withStartupLock } from '../server/db/startup-lock.js';
import type { FastifyBaseLogger } from 'fastify';
import { openConfiguredDatabase, serve, type Running } from '../server/runtime.js';
import { installProcessGuards } from '../server/process-guard.js';
import { buildServices, type Services } from '../server/services.js';
import { seedDemo } from '../server/seed/demo.js';
import { ROLES, type Role } from '../server/modules/users/service.js';
import { registerLetterCommands } from './letters.js';
import { registerInsightCommands } from './insight.js';
import { registerReportCommands } from './report.js';
import { registerImportCommands } from './import.js';
import { registerBackupCommands } from './backup.js';
import { amsterdamDate } from '../domain/dates.js';

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await withStartupLock(database, () => migrateToLatest(database.db));
    return await fn(buildServices(config, database));
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command();
program.name('redress').description('Redress: klachtbehandeling / complaint handling');

program
  .command('serve')
  .description('migrate, seed the demo organisation on an empty database, and serve on PORT')
  .action(async () => {
    const config: Config = loadConfig();
    // Until the server's logger exists, faults go to stderr as JSON lines like the logger's.
    const now: { log?: FastifyBaseLogger; running?: Running } = {};
    const early = {
      error: (obj: object, msg: string) => console.error(JSON.stringify({ level: 50, msg, ...errObj(obj) })),
      fatal: (obj: object, msg: string) => console.error(JSON.stringify({ level: 60, msg, ...errObj(obj) })),
    };
    let stopping: Promise<void> | undefined;
    const stop = (why: string, code: number) => {
      stopping ??= (async () => {
        (now.log ?? early).error({}, `${why}: stopping`);
        const inTime = now.running ? await now.running.stop(config.shutdownTimeoutMs) : true;
        if (!inTime)
          (now.log ?? early).error({}, `not stopped within ${config.shutdownTimeoutMs} ms: exiting anyway`);
        process.exit(inTime ? code : code || 1);
      })();
    };
    // Database faults are weather: logged, the server keeps running (src/server/process-guard.ts).
    installProcessGuards(
      () => now.log ?? early,
      () => stop('uncaught exception', 70),
    );
    process.on('SIGINT', () => stop('SIGINT', 0));
    process.on('SIGTERM', () => stop('SIGTERM', 0));
    // Started through npm (`npx redress serve`): npm exec may end on SIGTERM without passing it on,
    // which left the server running as an orphan. A server started by npm stops with its wrapper.
    if (process.env.npm_command) {
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) stop('parent process (npm) ended', 0);
      }, 250).unref();
    }
    const running = await serve(config, {
      log: (err, what) => (now.log ?? early).error({ err }, what),
      // Another process took the data directory: stop rather than risk corrupting it.
      onLockLost: (err) => stop(err.message, 70),
    });
    now.running = running;
    now.log = running.app.log;
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
    running.app.log.info(
      `Redress serves on ${config.publicUrl} (${where}); API docs at ${config.publicUrl}/docs`,
    );
  });

function errObj(obj: object): object {
  const err = (obj as { err?: unknown }).err;
  return err instanceof Error ? { ...obj, err: { message: err.message, stack: err.stack } } : obj;
}

program
  .command('migrate')
  .description('apply migrations and exit (non-zero on failure)')
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    try {
      const result = await withStartupLock(database, () => migrateToLatest(database.db));
      const applied = (result.results ?? [])
        .filter((r) => r.status === 'Success')
        .map((r) => r.migrationName);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description('create the demo organisation with departments, categories, users and example cases')
  .action(async () => {
    const { created, logins } = await withServices(seedDemo);
    console.log(
      created ? 'Demo organisation created.' : 'The database already has an organisation; nothing changed.',
    );
    if (logins)
      console.log(`Demo users: ${logins.emails.join(', ')}; password (shown only now): ${logins.password}`);
  });

const users = program.command('users').description('staff users');
users
  .command('add')
  .requiredOption('--email <email>', 'e-mail address (login name)')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .option('--name <name>', 'display name')
  .option('--department <name>', 'department name')
  .option('--password-stdin', 'read a password from standard input (hashed with argon2id)')
  .action(
    async (opts: {
      email: string;
      role: string;
      name?: string;
      department?: string;
      passwordStdin?: boolean;
    }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const user = await withServices(async (s) => {
        let departmentId: string | undefined;
        if (opts.department) {
          const d = await s.database.db
            .selectFrom('department')
            .select('id')
            .where('name', '=', opts.department)
            .executeTakeFirst();
          if (!d) throw new AppError('VALIDATION_FAILED', `Unknown department: ${opts.department}`);
          departmentId = d.id;
        }
        return s.users.add({
          email: opts.email,
          role: opts.role as Role,
          name: opts.name,
          password,
          departmentId,
        });
      });
      console.log(`Created ${user.role} ${user.email} (${user.id})`);
    },
  );

program
  .command('tokens')
  .description('API tokens')
  .command('create')
  .requiredOption('--user <email>', 'the staff user the token acts as')
  .option('--label <label>', 'what the token is for')
  .action(async (opts: { user: string; label?: string }) => {
    const token = await withServices((s) => s.users.createToken(opts.user, opts.label));
    console.log(token);
  });

// `letters lint` works without a database (api.md).
registerLetterCommands(program);
// `insight evaluate` works on CSV files without a database (api.md).
registerInsightCommands(program);
registerReportCommands(program, withServices);
registerBackupCommands(program, () => loadConfig());
registerImportCommands(program, withServices, () => amsterdamDate(new Date()));

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof AppError) {
    console.error(`redress: ${err.message}`);
    if (err instanceof AppError && err.fields)
      for (const f of err.fields)
        console.error(`  ${f.path}: ${typeof f.message === 'string' ? f.message : f.message.en}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
