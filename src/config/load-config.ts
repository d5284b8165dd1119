import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromRoot } from '../platform/paths.js';
import { loadCityProfile, type CityProfile } from './city-profile.js';
import { envSchema, type Env } from './config.schema.js';

export interface WhatsAppConfig {
  graphUrl: string;
  graphVersion: string;
  phoneNumberId: string;
  accessToken: string;
  /** The WhatsApp Business Account (WABA) id that owns the templates; undefined: templates are entered by hand. */
  businessAccountId: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
  maxMps: number;
  pairBurst: number;
  pairIntervalMs: number;
  /** How long a send whose outcome is unknown (timeout, crash) waits for a status webhook before it is resent. */
  uncertainGraceMs: number;
  /** While sending is paused for a refused token, how often to ask Meta whether it is accepted again. */
  tokenProbeMs: number;
  /** No access token configured: an in-process fake Graph API stands in for Meta. */
  simulator: boolean;
}

export interface Config {
  http: { port: number; host: string; publicUrl: string | undefined; cookieSecure: boolean; trustProxy: string | false };
  /** Where the built console is served from. */
  consoleDir: string;
  /** Map tiles the console shows under points (Leaflet); undefined: no tiles. */
  mapTiles: { url: string; attribution: string } | undefined;
  databaseUrl: string;
  redisUrl: string | undefined;
  mediaDir: string;
  whatsapp: WhatsAppConfig;
  city: CityProfile;
  officeHoursAlwaysOpen: boolean;
  admin: { email: string; password: string } | undefined;
  open311ApiKeys: string[];
  logLevel: Env['LOG_LEVEL'];
  /** all: HTTP and workers; web: HTTP only; worker: workers only (several instances on PostgreSQL). */
  role: 'all' | 'web' | 'worker';
  jobs: { concurrency: number };
  outbox: { concurrency: number };
  /** Months after which message contents are replaced by a placeholder; 0 keeps them. */
  retentionMonths: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const SIMULATOR_PHONE_NUMBER_ID = '100000000000001';
export const SIMULATOR_ACCESS_TOKEN = 'simulator-access-token';
export const SIMULATOR_BUSINESS_ACCOUNT_ID = '102290129340398';

/** Reads `.env` (if present) into the environment without overriding what is already set. */
export const loadDotEnv = (path = '.env'): void => {
  if (existsSync(path)) process.loadEnvFile(path);
};

const whatsappConfig = (env: Env): WhatsAppConfig => {
  const simulator = !env.WHATSAPP_ACCESS_TOKEN;
  return {
    graphUrl: env.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
    graphVersion: env.WHATSAPP_GRAPH_VERSION,
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? SIMULATOR_PHONE_NUMBER_ID,
    accessToken: env.WHATSAPP_ACCESS_TOKEN ?? SIMULATOR_ACCESS_TOKEN,
    businessAccountId: env.WHATSAPP_BUSINESS_ACCOUNT_ID ?? (simulator ? SIMULATOR_BUSINESS_ACCOUNT_ID : undefined),
    // The simulator signs its webhooks too, so the real verification path always runs.
    appSecret: env.WHATSAPP_APP_SECRET ?? (simulator ? randomBytes(16).toString('hex') : undefined),
    verifyToken: env.WHATSAPP_VERIFY_TOKEN ?? (simulator ? 'simulador' : undefined),
    maxMps: env.WHATSAPP_MAX_MPS,
    pairBurst: env.WHATSAPP_PAIR_BURST,
    pairIntervalMs: env.WHATSAPP_PAIR_INTERVAL_MS,
    uncertainGraceMs: env.WHATSAPP_UNCERTAIN_GRACE_MS,
    tokenProbeMs: env.WHATSAPP_TOKEN_PROBE_MS,
    simulator,
  };
};

const crossFieldProblems = (env: Env): string[] => {
  const problems: string[] = [];
  if (env.WHATSAPP_ACCESS_TOKEN && !env.WHATSAPP_PHONE_NUMBER_ID)
    problems.push('WHATSAPP_PHONE_NUMBER_ID: required when WHATSAPP_ACCESS_TOKEN is set');
  if (env.WHATSAPP_ACCESS_TOKEN && !env.WHATSAPP_APP_SECRET)
    problems.push('WHATSAPP_APP_SECRET: required when WHATSAPP_ACCESS_TOKEN is set (webhooks must be verified)');
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD))
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < 8) problems.push('ADMIN_PASSWORD: at least 8 characters');
  return problems;
};

/** Reads the whole configuration once and reports every problem at the same time. */
export const loadConfig = (source: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems = crossFieldProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    http: { port: env.PORT, host: env.HOST, publicUrl: env.PUBLIC_URL, cookieSecure: env.COOKIE_SECURE, trustProxy: env.TRUST_PROXY },
    consoleDir: env.CONSOLE_DIR ? resolve(env.CONSOLE_DIR) : fromRoot('dist', 'console'),
    mapTiles: env.MAP_TILE_URL ? { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION } : undefined,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    mediaDir: resolve(env.MEDIA_DIR),
    whatsapp: whatsappConfig(env),
    city: loadCityProfile(env.CITY_CONFIG ? resolve(env.CITY_CONFIG) : fromRoot('city', 'palmas')),
    officeHoursAlwaysOpen: env.OFFICE_HOURS_ALWAYS_OPEN,
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    open311ApiKeys: (env.OPEN311_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    logLevel: env.LOG_LEVEL,
    role: env.PROCESS_ROLE,
    jobs: { concurrency: env.JOB_CONCURRENCY },
    outbox: { concurrency: env.OUTBOX_CONCURRENCY },
    retentionMonths: env.MESSAGE_RETENTION_MONTHS,
  };
};
