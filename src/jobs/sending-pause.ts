import { CHANNEL_SETTINGS, type PauseRecord } from '../domain/operations/index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';
import type { Db } from '../storage/database.js';
import type { SettingsRepository } from '../storage/repositories/settings.repository.js';

const KEY = CHANNEL_SETTINGS.sendingPaused;

/**
 * Sending stops for every instance when Meta rejects the access token (190): retrying would only burn
 * attempts. It resumes when an operator says so (`whats-palmas channel resume`), on restart with a new token, or
 * when a TokenProbe finds the token accepted again.
 */
export class SendingPause {
  private cached: { value: PauseRecord | undefined; at: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  async current(): Promise<PauseRecord | undefined> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < 1_000) return this.cached.value;
    const value = await this.settings.get<PauseRecord>(this.db, KEY);
    this.cached = { value, at: now };
    this.metrics.sendingPaused.set(value ? 1 : 0);
    return value;
  }

  async isPaused(): Promise<boolean> {
    return (await this.current()) !== undefined;
  }

  async pause(code: number, detail: string): Promise<void> {
    const record: PauseRecord = { code, detail, since: this.clock.now().getTime() };
    await this.settings.set(this.db, KEY, record, record.since);
    this.cached = { value: record, at: record.since };
    this.metrics.sendingPaused.set(1);
    this.logger.error({ code, detail }, 'WhatsApp sending paused: the access token was rejected');
  }

  async resume(): Promise<void> {
    const wasPaused = (await this.settings.get<PauseRecord>(this.db, KEY)) !== undefined;
    await this.settings.remove(this.db, KEY);
    this.cached = undefined;
    this.metrics.sendingPaused.set(0);
    if (wasPaused) this.logger.info('WhatsApp sending resumed');
  }
}

/**
 * While sending is paused, asks Meta now and then whether the token is accepted again, and resumes when it is: a
 * refusal can pass without a new token (a system user's access to the number restored in Business Manager, a
 * passing authentication fault at Meta). One cheap read per interval per instance; a refusal keeps the pause.
 */
export class TokenProbe {
  /** When the pause was first seen or Meta last asked; undefined while sending is not paused. */
  private lastAt: number | undefined;

  constructor(
    private readonly pause: SendingPause,
    private readonly checkToken: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly logger: Logger,
  ) {}

  /** Whether sending was resumed by this call. */
  async resumeIfAccepted(now: number): Promise<boolean> {
    if (this.lastAt === undefined || now - this.lastAt < this.everyMs) {
      this.lastAt ??= now;
      return false;
    }
    this.lastAt = now;
    try {
      await this.checkToken();
    } catch (error) {
      this.logger.warn({ err: error }, 'WhatsApp access token still refused; sending stays paused');
      return false;
    }
    this.logger.info('WhatsApp access token accepted again');
    this.lastAt = undefined;
    await this.pause.resume();
    return true;
  }
}
