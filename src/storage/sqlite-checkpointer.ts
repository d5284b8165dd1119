import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * In WAL mode a checkpoint copies the log back into the database and fsyncs it. Run on the serving connection
 * (SQLite's default, every 1,000 pages) that fsync stalls every request behind it. Here a worker thread with its
 * own connection checkpoints passively (never blocking writers), so the event loop never waits on the disk.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); } };
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => { if (message === 'stop') { clearInterval(timer); tick(); db.close(); process.exit(0); } });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export const startCheckpointer = (path: string, onError: (message: string) => void, intervalMs = 1_000): Checkpointer => {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs } });
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (error) => onError(String(error)));
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // Unreferenced, the worker would not keep the process alive while it finishes, and a CLI closing storage
        // right before reporting an error would exit silently (code 0) before the report.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
};
