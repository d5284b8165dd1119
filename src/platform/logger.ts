import { pino, type Logger, type LoggerOptions } from 'pino';
import { redactRecord, redactText } from './redact.js';

export type { Logger };

export const loggerOptions = (level: string): LoggerOptions => ({
  level,
  base: { service: 'whats-palmas' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: {
    level: (label) => ({ level: label }),
    log: (record) => redactRecord(record) as Record<string, unknown>,
  },
  hooks: {
    logMethod(args, method) {
      const masked = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
      return method.apply(this, masked as Parameters<typeof method>);
    },
  },
  // Secrets by name (passwords, TOTP secrets, recovery codes) are also hidden at any depth by `redactRecord`.
  redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', 'totp_secret', '*.totp_secret'], censor: '[redacted]' },
});

export const createLogger = (level: string): Logger => pino(loggerOptions(level));
