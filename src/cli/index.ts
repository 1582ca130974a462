import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { AppError } from '../server/errors.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { openConfiguredDatabase, serve } from '../server/runtime.js';
import { buildServices, type Services } from '../server/services.js';
import { seedDemo } from '../server/seed/demo.js';
import { ROLES, type Role } from '../server/modules/users/service.js';
import { registerLetterCommands } from './letters.js';
import { registerInsightCommands } from './insight.js';
import { registerReportCommands } from './report.js';
import { registerImportCommands } from './import.js';
import { amsterdamDate } from '../domain/dates.js';

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(database.db);
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
    const running = await serve(config);
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
    running.app.log.info(
      `Redress serves on ${config.publicUrl} (${where}); API docs at ${config.publicUrl}/docs`,
    );
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      running.app.log.info(`${signal}: stopping`);
      await running.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('apply migrations and exit (non-zero on failure)')
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    try {
      const result = await migrateToLatest(database.db);
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
