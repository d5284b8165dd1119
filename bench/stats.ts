import { loadavg } from 'node:os';

/** The value at percentile `p` of an ascending array (nearest rank); NaN when empty. */
export const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The 1-minute load average, to say how busy the shared machine was around a measurement. */
export const load1 = (): number => loadavg()[0] ?? NaN;

/** A progress line on stderr, so stdout keeps only the results. */
export const progress = (text: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${load1().toFixed(2)}] ${text}\n`);
};
