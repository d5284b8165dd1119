#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createApp } from './app/create-app.js';
import { ConfigError, loadConfig, loadDotEnv } from './config/load-config.js';
import { startLocalCluster } from './cluster/local-cluster.js';
import { resetStaffTwoStep } from './domain/attendants/two-step.js';
import { createUser, ROLES, type Role } from './domain/attendants/users.js';
import { SendingPause } from './jobs/sending-pause.js';
import { systemClock } from './platform/clock.js';
import { AppError } from './platform/errors.js';
import { createLogger } from './platform/logger.js';
import { createMetrics } from './platform/metrics.js';
import { backupSqlite } from './storage/backup.js';
import { openStorage } from './storage/database.js';
import { migrateToLatest } from './storage/migrate.js';
import { createRepositories } from './storage/repositories/index.js';

const USAGE = `Usage: whats-palmas <command>

Commands:
  serve                                   run the server (HTTP, workers, and the simulator when no token is set)
  migrate                                 bring the database schema up to date
  user add --email E --password P [--name N] [--role admin|coordinator|attendant|operator] [--department ID]
                                          create a console user (with a department, they see only its requests)
  user reset-two-step --email E           turn off a user's two-step verification (a lost phone, when no admin can)
  channel resume                          resume WhatsApp sending after it was paused by an invalid token
  backup --to FILE                        copy the SQLite database to a new FILE, safe while the server runs
                                          (the media directory is not included; PostgreSQL: use pg_dump)
  cluster [--instances N]                 N instances (default 2) behind a round-robin balancer on PORT, sharing
                                          PostgreSQL (DATABASE_URL) and Redis (REDIS_URL): a cluster on one machine
`;

/** A stop never takes longer than this, so orchestrators (systemd, Kubernetes: 10 s by default) need not kill us. */
const STOP_DEADLINE_MS = 9_000;

const serve = async (): Promise<void> => {
  const app = await createApp(loadConfig());
  const url = await app.start();
  if (app.config.whatsapp.simulator) {
    const demo = app.demoLogin ? `\n  Entre com ${app.demoLogin.email} / ${app.demoLogin.password} (senha nova a cada início)` : '';
    console.log(`\nWhats Palmas em ${url}\n  Console de atendimento: ${url}/${demo}\n  Simulador do WhatsApp: ${url}/simulador\n  API: ${url}/api/docs\n`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info({ signal }, 'shutting down: taking no more work, finishing what is in flight');
    const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STOP_DEADLINE_MS).unref());
    if ((await Promise.race([app.stop(), deadline])) === 'late') {
      app.http.log.warn({ afterMs: STOP_DEADLINE_MS }, 'stopping anyway with work in flight: its leases expire and unanswered sends wait for Meta\'s status webhook');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
};

const withStorage = async <T>(work: (storage: ReturnType<typeof openStorage>) => Promise<T>): Promise<T> => {
  const storage = openStorage(loadConfig().databaseUrl);
  try {
    await migrateToLatest(storage);
    return await work(storage);
  } finally {
    await storage.close();
  }
};

const migrate = () => withStorage(async () => console.log('Database schema is up to date.'));

const addUser = (args: string[]) =>
  withStorage(async (storage) => {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, department: { type: 'string' } },
    });
    const role = (values.role ?? 'attendant') as Role;
    if (!ROLES.includes(role)) throw new AppError('user.invalid', 'invalid_input', `--role must be one of ${ROLES.join(', ')}`);
    const user = await createUser(storage.db, createRepositories(storage.dialect), {
      email: values.email ?? '',
      password: values.password ?? '',
      name: values.name ?? values.email ?? '',
      role,
      departmentId: values.department,
    }, Date.now(), loadConfig().city.departments);
    console.log(`Created ${user.role} ${user.email} (id ${user.id})${user.departmentId ? ` of ${user.departmentId}` : ''}.`);
  });

const resetTwoStep = (args: string[]) =>
  withStorage(async (storage) => {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    const repos = createRepositories(storage.dialect);
    const user = await repos.users.byEmail(storage.db, values.email ?? '');
    if (!user) throw new AppError('user.not_found', 'not_found', `no user with e-mail ${values.email ?? '(none given: --email)'}`);
    const reset = await resetStaffTwoStep(storage.db, repos, null, user.id, Date.now());
    if (!reset.ok) throw new AppError(reset.error.code, reset.error.kind, `${user.email}: two-step verification is not on`);
    console.log(`Two-step verification turned off for ${user.email}; their sessions ended.`);
  });

const resumeChannel = () =>
  withStorage(async (storage) => {
    const repos = createRepositories(storage.dialect);
    await new SendingPause(storage.db, repos.settings, systemClock, createLogger('warn'), createMetrics()).resume();
    console.log('WhatsApp sending resumed.');
  });

/** Never migrates: a backup taken before an upgrade must be of the schema as it was. */
const backup = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({ args, options: { to: { type: 'string' } } });
  if (!values.to) throw new AppError('backup.invalid', 'invalid_input', 'Usage: whats-palmas backup --to FILE');
  const config = loadConfig();
  const result = await backupSqlite(config.databaseUrl, values.to);
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(`Backed up ${result.source} to ${result.target} (${result.pages} pages, ${megabytes} MB, checked).`);
  console.log(`Media files are not in it: copy ${config.mediaDir} too.`);
};

const cluster = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({ args, options: { instances: { type: 'string' } } });
  const config = loadConfig();
  const instances = Number(values.instances ?? 2);
  if (!Number.isInteger(instances) || instances < 1) throw new AppError('cluster.invalid', 'invalid_input', '--instances must be a whole number of at least 1');
  if (config.whatsapp.simulator) throw new AppError('cluster.simulator', 'invalid_input', 'The WhatsApp simulator lives inside one process: a cluster needs the Cloud API settings (or WHATSAPP_GRAPH_URL pointing at a test double).');
  const running = await startLocalCluster({
    instances,
    port: config.http.port,
    host: config.http.host,
    env: process.env,
    command: { file: process.execPath, args: [...process.execArgv, process.argv[1] ?? '', 'serve'] },
    onOutput: (instance, text) => process.stdout.write(text.replace(/^/gm, `[${instance + 1}] `)),
  });
  console.log(`\nWhats Palmas: ${instances} instâncias (${running.instanceUrls.join(', ')}) atrás de ${running.url}\n`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

const run = async (argv: string[]): Promise<void> => {
  loadDotEnv();
  const [command, sub, ...rest] = argv;
  if (command === 'serve') return serve();
  if (command === 'migrate') return migrate();
  if (command === 'user' && sub === 'add') return addUser(rest);
  if (command === 'user' && sub === 'reset-two-step') return resetTwoStep(rest);
  if (command === 'channel' && sub === 'resume') return resumeChannel();
  if (command === 'backup') return backup([sub, ...rest].filter((arg): arg is string => arg !== undefined));
  if (command === 'cluster') return cluster([sub, ...rest].filter((arg): arg is string => arg !== undefined));
  process.stdout.write(USAGE);
  if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
};

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
