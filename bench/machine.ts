import { cpus, totalmem } from 'node:os';

export const describeMachine = (): string => {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
};

const procStatusMiB = async (pid: number | undefined, field: 'VmHWM' | 'VmRSS'): Promise<number | undefined> => {
  if (!pid) return undefined;
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
};

/** Peak resident memory of a process, from /proc (Linux); undefined elsewhere. */
export const peakRssMiB = (pid: number | undefined): Promise<number | undefined> => procStatusMiB(pid, 'VmHWM');

/** Resident memory of a process now, from /proc (Linux); undefined elsewhere. */
export const currentRssMiB = (pid: number | undefined): Promise<number | undefined> => procStatusMiB(pid, 'VmRSS');
