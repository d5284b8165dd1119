import { z } from 'zod';

const flag = z
  .string()
  .optional()
  .transform((value) => value === '1' || value === 'true');

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/** Every environment variable the product reads; nothing else in the code touches process.env. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: optionalText,
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/whats-palmas.db')
    .refine((url) => /^(sqlite:|postgres(ql)?:\/\/)/.test(url), 'must start with sqlite: or postgres://'),
  REDIS_URL: optionalText,
  MEDIA_DIR: z.string().default('./data/media'),
  WHATSAPP_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
  WHATSAPP_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v23.0'),
  WHATSAPP_PHONE_NUMBER_ID: optionalText,
  WHATSAPP_ACCESS_TOKEN: optionalText,
  WHATSAPP_BUSINESS_ACCOUNT_ID: optionalText,
  WHATSAPP_APP_SECRET: optionalText,
  WHATSAPP_VERIFY_TOKEN: optionalText,
  WHATSAPP_MAX_MPS: z.coerce.number().positive().default(80),
  WHATSAPP_PAIR_BURST: z.coerce.number().int().positive().default(20),
  WHATSAPP_PAIR_INTERVAL_MS: z.coerce.number().int().positive().default(6000),
  WHATSAPP_UNCERTAIN_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
  WHATSAPP_TOKEN_PROBE_MS: z.coerce.number().int().positive().default(60_000),
  CITY_CONFIG: optionalText,
  OPEN311_API_KEYS: optionalText,
  OFFICE_HOURS_ALWAYS_OPEN: flag,
  ADMIN_EMAIL: optionalText,
  ADMIN_PASSWORD: optionalText,
  COOKIE_SECURE: flag,
  /**
   * Which peers' X-Forwarded-For/-Proto/-Host are believed: proxy-addr names (loopback, uniquelocal…), addresses or
   * CIDRs, comma-separated; `false`: none. The default fits a reverse proxy on the same machine.
   */
  TRUST_PROXY: z.string().trim().default('loopback').transform((value) => (['', 'false', '0', 'none'].includes(value.toLowerCase()) ? false : value)),
  /** The built console (`npm run build` writes it to dist/console). */
  CONSOLE_DIR: optionalText,
  /** Map tiles for the console ({z}/{x}/{y} template); empty: maps without tiles (the points still show). */
  MAP_TILE_URL: z
    .string()
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .transform((value) => value.trim())
    .refine((url) => url === '' || (/^https?:\/\/[^/]+\//.test(url) && ['{z}', '{x}', '{y}'].every((part) => url.includes(part))), 'an http(s) URL with {z}, {x} and {y}, or empty for no tiles'),
  MAP_TILE_ATTRIBUTION: z.string().default('© OpenStreetMap'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** all: HTTP and workers; web: HTTP only; worker: workers only (scale-out on PostgreSQL). */
  PROCESS_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  JOB_CONCURRENCY: z.coerce.number().int().positive().default(16),
  /** Message contents (citizens', the bot's, the inbox's) older than this lose their words; 0 keeps them. */
  MESSAGE_RETENTION_MONTHS: z.coerce.number().int().min(0).max(240).default(24),
  OUTBOX_CONCURRENCY: z.coerce.number().int().positive().default(32),
});

export type Env = z.infer<typeof envSchema>;
