/**
 * Runs `work` until it succeeds or about `forMs` have passed, waiting 50 ms, 100 ms, … (at most 1 s) between tries,
 * and throws the last error. For the writes that record what already happened (a send Meta accepted, a job that
 * failed), which must outlast a database restarting rather than be dropped at the first refused connection.
 */
export const retryFor = async <T>(forMs: number, work: () => Promise<T>, onRetry?: (error: unknown) => void): Promise<T> => {
  const giveUpAt = performance.now() + forMs;
  for (let delayMs = 50; ; delayMs = Math.min(delayMs * 2, 1_000)) {
    try {
      return await work();
    } catch (error) {
      if (performance.now() + delayMs > giveUpAt) throw error;
      onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
};
