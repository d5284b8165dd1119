import { randomUUID } from 'node:crypto';
import type { Db, Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

/**
 * Coordinators' edits applied over the city profile (catalog texts, the Carta de Serviços): loads run one at a time,
 * in the order asked, and remember the revision (a settings row) they saw, so an instance reloads only when any
 * instance changed something since.
 */
export class RevisionedLoader {
  private seen: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { db: Db; repos: Repositories; key: string; load: () => Promise<void> }) {}

  /** The revision of the last load: undefined while the profile's files are all there is. */
  get revision(): string | undefined {
    return this.seen;
  }

  reload(): Promise<void> {
    const next = this.queue.then(async () => {
      const revision = await this.read();
      await this.options.load();
      this.seen = revision;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async refreshIfChanged(): Promise<boolean> {
    if ((await this.read()) === this.seen) return false;
    await this.reload();
    return true;
  }

  private read(): Promise<string | undefined> {
    return this.options.repos.settings.get<string>(this.options.db, this.options.key);
  }
}

/** Called in the transaction of every edit: other instances see a new revision and reload. */
export const markRevision = (db: Executor, repos: Repositories, key: string, now: number): Promise<void> => repos.settings.set(db, key, `${now}-${randomUUID()}`, now);
