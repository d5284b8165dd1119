import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';

/**
 * The number's causal window (see CausalWindow) kept in Redis, so that every instance sending for one number
 * counts against one limit. A sorted set holds one member per send that still counts, scored by when it stops
 * counting: a send being made counts until its lease ends (in case its instance dies), a finished one until
 * `windowMs` after its answer. Times come from Redis's clock, so instances with skewed clocks agree.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local hold = tonumber(redis.call('GET', KEYS[2]) or '0')
if hold > now then return {0, hold - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local limit, wanted, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local granted = math.min(wanted, limit - redis.call('ZCARD', KEYS[1]))
if granted <= 0 then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(1, tonumber(oldest[2]) - now)}
end
local first = redis.call('INCRBY', KEYS[3], granted) - granted + 1
for i = 0, granted - 1 do redis.call('ZADD', KEYS[1], now + lease, first + i) end
redis.call('PEXPIRE', KEYS[1], lease + 60000)
return {granted, first}
`;

/** Members finished: they count for `windowMs` more from Redis's now. */
const FINISH = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #ARGV - 1 do redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[#ARGV]), ARGV[i]) end
return #ARGV - 1
`;

/** Nobody may start a send until `holdMs` from Redis's now (Meta said the number went too fast). */
const HOLD = `
local t = redis.call('TIME')
local until_ = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
if until_ > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], until_, 'PX', ARGV[1]) end
return until_
`;

interface WindowCommands {
  sendingReserve(window: string, hold: string, sequence: string, limit: number, wanted: number, leaseMs: number): Promise<[number, number]>;
  sendingFinish(window: string, ...membersThenWindowMs: Array<string | number>): Promise<number>;
  sendingHold(hold: string, holdMs: number): Promise<number>;
}

export interface SharedSendingWindowOptions {
  redis: Redis;
  /** Whose limit this is: the sending number's id. */
  numberId: string;
  limit: number;
  windowMs?: number;
  /** How long a send counts if its instance never reports its end (it died). */
  leaseMs?: number;
  logger: Logger;
}

/** Permits granted, or none and how long until one may be: the answer to `reserve`. */
export type Reservation = { granted: string[]; waitMs: 0 } | { granted: []; waitMs: number };

export class SharedSendingWindow {
  private readonly redis: Redis & WindowCommands;
  private readonly keys: { window: string; hold: string; sequence: string };
  private lastProblemLog = 0;

  constructor(private readonly o: SharedSendingWindowOptions) {
    o.redis.defineCommand('sendingReserve', { numberOfKeys: 3, lua: RESERVE });
    o.redis.defineCommand('sendingFinish', { numberOfKeys: 1, lua: FINISH });
    o.redis.defineCommand('sendingHold', { numberOfKeys: 1, lua: HOLD });
    this.redis = o.redis as Redis & WindowCommands;
    const prefix = `whats-palmas:sending:${o.numberId}`;
    this.keys = { window: `${prefix}:window`, hold: `${prefix}:hold`, sequence: `${prefix}:sequence` };
  }

  /** Asks for up to `wanted` sends; `undefined` when Redis did not answer (the caller decides how to go on). */
  async reserve(wanted: number): Promise<Reservation | undefined> {
    try {
      const [granted, firstOrWait] = await this.redis.sendingReserve(this.keys.window, this.keys.hold, this.keys.sequence, this.o.limit, wanted, this.o.leaseMs ?? 60_000);
      if (granted === 0) return { granted: [], waitMs: firstOrWait };
      return { granted: Array.from({ length: granted }, (_, i) => String(firstOrWait + i)), waitMs: 0 };
    } catch (error) {
      this.problem(error, 'could not reserve sends in the shared sending window');
      return undefined;
    }
  }

  /** The sends of these permits got their answers (or were never made: pass `windowMs` 0 to free them at once). */
  async finish(members: readonly string[], windowMs = this.o.windowMs ?? 1000): Promise<void> {
    if (members.length === 0) return;
    try {
      await this.redis.sendingFinish(this.keys.window, ...members, windowMs);
    } catch (error) {
      this.problem(error, 'could not report finished sends to the shared sending window');
    }
  }

  async hold(holdMs: number): Promise<void> {
    try {
      await this.redis.sendingHold(this.keys.hold, holdMs);
    } catch (error) {
      this.problem(error, 'could not hold sending in the shared sending window');
    }
  }

  /** Redis trouble is logged at most once a minute: it can last, and every send would say it. */
  private problem(error: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastProblemLog < 60_000) return;
    this.lastProblemLog = now;
    this.o.logger.warn({ err: error instanceof Error ? error.message : String(error) }, message);
  }
}
