import { cartaEntryFieldsSchema, type Carta, type CartaEntry } from '../../config/city/carta.schema.js';
import type { Logger } from '../../platform/logger.js';
import type { Db, Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { markRevision, RevisionedLoader } from '../live-edits/index.js';
import { CartaSearch } from './search-index.js';

/** Changes whenever an entry is edited or added, so every instance knows to reload. */
const REVISION_KEY = 'carta.revision';

export interface EntryEditInfo {
  origin: 'edited' | 'added';
  updatedAt: number;
  updatedBy: number | null;
}

export interface LiveCartaOptions {
  db: Db;
  repos: Repositories;
  /** The city profile every part of the server reads `carta` from; its carta is replaced on each reload. */
  city: { carta: Carta; departments: ReadonlyArray<{ id: string }> };
  logger: Logger;
}

/**
 * The Carta de Serviços as the profile's file defines it plus coordinators' edits from the database, and its search
 * index. A reload builds the new Carta and index aside and swaps each in one assignment, as LiveCatalog does.
 */
export class LiveCarta {
  readonly defaults: Carta;
  private index: CartaSearch;
  private edits = new Map<string, EntryEditInfo>();
  private readonly loader: RevisionedLoader;

  constructor(private readonly options: LiveCartaOptions) {
    this.defaults = structuredClone(options.city.carta);
    this.index = new CartaSearch(this.defaults.entries, this.defaults.synonyms);
    this.loader = new RevisionedLoader({ db: options.db, repos: options.repos, key: REVISION_KEY, load: () => this.load() });
  }

  get carta(): Carta {
    return this.options.city.carta;
  }

  get search(): CartaSearch {
    return this.index;
  }

  get departmentIds(): ReadonlySet<string> {
    return new Set(this.options.city.departments.map((d) => d.id));
  }

  entry(id: string): CartaEntry | undefined {
    return this.carta.entries.find((e) => e.id === id);
  }

  defaultEntry(id: string): CartaEntry | undefined {
    return this.defaults.entries.find((e) => e.id === id);
  }

  editOf(id: string): EntryEditInfo | undefined {
    return this.edits.get(id);
  }

  /** Reads every edit and swaps Carta and index; reloads run one at a time, in the order asked. */
  reload(): Promise<void> {
    return this.loader.reload();
  }

  refreshIfChanged(): Promise<boolean> {
    return this.loader.refreshIfChanged();
  }

  /** An edit that no longer fits the profile (a category since removed) is ignored rather than shown to citizens. */
  private parse(row: { entry_id: string; value: string }): CartaEntry | undefined {
    const parsed = cartaEntryFieldsSchema.safeParse(JSON.parse(row.value));
    if (!parsed.success) return undefined;
    const entry = { id: row.entry_id, ...parsed.data };
    return this.defaults.categories.some((c) => c.id === entry.category) ? entry : undefined;
  }

  private async load(): Promise<void> {
    const { db, repos, city, logger } = this.options;
    const rows = await repos.carta.entryEdits(db);
    const edited = new Map<string, CartaEntry>();
    const edits = new Map<string, EntryEditInfo>();
    for (const row of rows) {
      const entry = this.parse(row);
      if (!entry) {
        logger.warn({ entry: row.entry_id }, 'carta edit ignored: it no longer fits the profile');
        continue;
      }
      edited.set(entry.id, entry);
      edits.set(entry.id, { origin: row.origin, updatedAt: Number(row.updated_at), updatedBy: row.updated_by === null ? null : Number(row.updated_by) });
    }
    const shipped = new Set(this.defaults.entries.map((e) => e.id));
    const entries = [
      ...this.defaults.entries.map((e) => edited.get(e.id) ?? e),
      ...[...edited.values()].filter((e) => !shipped.has(e.id)),
    ];
    const carta: Carta = { ...this.defaults, entries };
    const index = new CartaSearch(entries, carta.synonyms);
    city.carta = carta;
    this.index = index;
    this.edits = edits;
    logger.info({ entryEdits: edits.size }, 'carta edits applied');
  }
}

/** Called in the transaction of every edit: other instances see a new revision and reload. */
export const markCartaChanged = (db: Executor, repos: Repositories, now: number): Promise<void> => markRevision(db, repos, REVISION_KEY, now);
