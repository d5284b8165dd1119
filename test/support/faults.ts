/**
 * Makes `target[method]` fail as a dropped database connection does, `times` times, then behave again.
 * Returns how many failures are still to come, read as `remaining()`.
 */
export const failFirstCalls = <T extends object, K extends keyof T>(target: T, method: K, times: number): { remaining: () => number } => {
  const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
  let left = times;
  target[method] = (async (...args: unknown[]) => {
    if (left > 0) {
      left -= 1;
      throw new Error('Connection terminated unexpectedly');
    }
    return original(...args);
  }) as T[K];
  return { remaining: () => left };
};

/** Waits until `check` holds, polling every 25 ms; fails after `timeoutMs`. */
export const eventually = async (check: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
