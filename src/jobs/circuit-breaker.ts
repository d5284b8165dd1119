export interface CircuitBreakerOptions {
  /** Failures in a row, with no success between them, that open the circuit. */
  threshold: number;
  /** How long the first opening lasts; each failed probe doubles it, up to `maxOpenMs`. */
  firstOpenMs: number;
  maxOpenMs: number;
}

/**
 * Stops sending while the Graph API is down (timeouts, 5xx), so that a Meta outage costs one probe every few seconds
 * instead of every queued message's attempts: closed (sending), open (waiting), then one probe send; its success
 * closes the circuit, its failure opens it again for twice as long.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private openUntil = 0;
  private openMs: number;
  private probing = false;

  constructor(private readonly o: CircuitBreakerOptions) {
    this.openMs = o.firstOpenMs;
  }

  /** When the circuit opened, while it is open. */
  get openSince(): number | undefined {
    return this.openedAt;
  }

  /** How many sends may start now: all, one (the probe), or none. */
  allowed(now: number): 'all' | 'one' | 'none' {
    if (this.openedAt === undefined) return 'all';
    return now < this.openUntil || this.probing ? 'none' : 'one';
  }

  /** Ms until a send may start (0: now). */
  waitTime(now: number): number {
    if (this.openedAt === undefined) return 0;
    return this.probing ? 250 : Math.max(0, this.openUntil - now);
  }

  started(now: number): void {
    if (this.allowed(now) === 'one') this.probing = true;
  }

  /** Returns 'closed' when this success ended an outage. */
  succeeded(): 'closed' | undefined {
    const wasOpen = this.openedAt !== undefined;
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
    this.openMs = this.o.firstOpenMs;
    return wasOpen ? 'closed' : undefined;
  }

  /** Returns 'opened' when this failure started an outage. */
  failed(now: number): 'opened' | undefined {
    if (this.openedAt !== undefined) {
      if (this.probing) {
        this.probing = false;
        this.openMs = Math.min(this.openMs * 2, this.o.maxOpenMs);
        this.openUntil = now + this.openMs;
      }
      return undefined;
    }
    this.failures += 1;
    if (this.failures < this.o.threshold) return undefined;
    this.openedAt = now;
    this.openUntil = now + this.openMs;
    return 'opened';
  }
}
