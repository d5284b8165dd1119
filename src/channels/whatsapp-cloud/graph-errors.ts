/** How the sender reacts to a Graph error; decided by Meta's error code, never by its title. */
export type ErrorClass =
  | { action: 'retry'; minDelayMs: number }
  | { action: 'pause_sending' }
  | { action: 'needs_template' }
  | { action: 'give_up' };

const RETRY_SOON = new Set([131000, 131016, 130429]);
const RETRY_LATER = new Set([4, 80007, 131057, 133016]);
const AUTH = new Set([0, 190]);
export const PAIR_RATE_LIMIT = 131056;
export const REENGAGEMENT_REQUIRED = 131047;

export class GraphError extends Error {
  constructor(
    readonly code: number,
    readonly httpStatus: number,
    readonly detail: string,
  ) {
    super(`Graph API error ${code} (HTTP ${httpStatus}): ${detail}`);
    this.name = 'GraphError';
  }
}

/**
 * A transport failure (timeout, refused connection) or a success answer we cannot read: Meta may or may not have
 * accepted the message.
 */
export class GraphUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(`Graph API unreachable: ${reason}`);
    this.name = 'GraphUnreachableError';
  }
}

/** Meta failing as a whole (5xx, "service unavailable", "something went wrong"), not refusing one message. */
export const isGraphOutage = (code: number, httpStatus: number): boolean => httpStatus >= 500 || code === 131000 || code === 131016;

export const classifyGraphError = (code: number, httpStatus: number): ErrorClass => {
  if (AUTH.has(code)) return { action: 'pause_sending' };
  if (code === REENGAGEMENT_REQUIRED) return { action: 'needs_template' };
  if (code === PAIR_RATE_LIMIT) return { action: 'retry', minDelayMs: 6_000 };
  if (RETRY_SOON.has(code)) return { action: 'retry', minDelayMs: 1_000 };
  if (RETRY_LATER.has(code)) return { action: 'retry', minDelayMs: 60_000 };
  if (httpStatus >= 500) return { action: 'retry', minDelayMs: 1_000 };
  return { action: 'give_up' };
};

/** Exponential backoff with full jitter, never below the error's own minimum. */
export const backoffDelay = (attempt: number, minDelayMs: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(15 * 60_000, minDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(minDelayMs + random() * (ceiling - minDelayMs));
};
