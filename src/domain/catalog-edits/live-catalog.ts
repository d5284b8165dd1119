import { applyPhraseEdits, type Classifier, type PhraseEdit, type SwappableClassifier, type TrainingData } from '../../nlu/index.js';
import type { Logger } from '../../platform/logger.js';
import type { Db, Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { markRevision, RevisionedLoader } from '../live-edits/index.js';
import { applyServiceTextEdits, type Catalog, type ServiceTextEdit, type ServiceTextField } from '../catalog/index.js';

/** Changes whenever a catalog text or a training phrase changes, so every instance knows to reload. */
const REVISION_KEY = 'catalog.revision';

export interface LiveCatalogOptions {
  db: Db;
  repos: Repositories;
  /** The city profile every part of the server reads `catalog` from; its catalog is replaced on each reload. */
  city: { catalog: Catalog; texts: Record<string, string> };
  /** The profile's phrases, as read from its files. */
  training: TrainingData;
  /** The classifier the bot and the console use; its model is replaced on each reload. */
  classifier: SwappableClassifier;
  train: (data: TrainingData) => Promise<Classifier>;
  logger: Logger;
}

/**
 * The catalog and classifier as the profile's files define them plus coordinators' edits from the database.
 * Readers keep reading `city.catalog` and `classifier` as before: a reload builds the new catalog and trains the new
 * model aside, then swaps each in one assignment, so a conversation never sees half an update.
 */
export class LiveCatalog {
  readonly defaults: { catalog: Catalog; training: TrainingData };
  private training: TrainingData;
  private phraseEditsInForce: PhraseEdit[] = [];
  private readonly loader: RevisionedLoader;

  constructor(private readonly options: LiveCatalogOptions) {
    this.defaults = { catalog: structuredClone(options.city.catalog), training: options.training };
    this.training = options.training;
    this.loader = new RevisionedLoader({ db: options.db, repos: options.repos, key: REVISION_KEY, load: () => this.load() });
  }

  get catalog(): Catalog {
    return this.options.city.catalog;
  }

  get trainingData(): TrainingData {
    return this.training;
  }

  /** When the last edit was made (any instance), or undefined when the profile's files are all there is. */
  get changedAt(): number | undefined {
    const revision = this.loader.revision;
    const at = revision ? Number.parseInt(revision, 10) : Number.NaN;
    return Number.isFinite(at) ? at : undefined;
  }

  get phraseEdits(): readonly PhraseEdit[] {
    return this.phraseEditsInForce;
  }

  /** What people call an intent: its service's name, or the city's words for the others ("Agradecimentos"). */
  intentLabel(intent: string): string {
    const serviceCode = this.training.intents.find((i) => i.intent === intent)?.serviceCode;
    const service = serviceCode ? this.catalog.services.find((s) => s.code === serviceCode) : undefined;
    return service?.name ?? this.options.city.texts[`intent.${intent}`] ?? intent;
  }

  /** The same normalisation the classifier applies, to compare phrases as the model sees them. */
  normalize(text: string): string {
    return this.options.classifier.normalize(text);
  }

  /** Reads every edit and swaps catalog and model; reloads run one at a time, in the order asked. */
  reload(): Promise<void> {
    return this.loader.reload();
  }

  /** Reloads only when another instance (or this one) changed something since the last load. */
  refreshIfChanged(): Promise<boolean> {
    return this.loader.refreshIfChanged();
  }

  private async load(): Promise<void> {
    const { db, repos, city, classifier, train, logger } = this.options;
    const [textRows, phraseRows] = await Promise.all([repos.catalogEdits.textEdits(db), repos.catalogEdits.phraseEdits(db)]);
    const textEdits: ServiceTextEdit[] = textRows.map((row) => ({
      serviceCode: row.service_code,
      field: row.field as ServiceTextField,
      value: JSON.parse(row.value) as string | string[],
    }));
    const phraseEdits: PhraseEdit[] = phraseRows.map((row) => ({ intent: row.intent, phrase: row.phrase, change: row.change }));
    const training = applyPhraseEdits(this.defaults.training, phraseEdits);
    // Training takes tens of milliseconds; a change of wording alone needs none.
    const phrasesChanged = JSON.stringify(phraseEdits) !== JSON.stringify(this.phraseEditsInForce);
    const model = phrasesChanged ? await train(training) : undefined;
    city.catalog = applyServiceTextEdits(this.defaults.catalog, textEdits);
    if (model) classifier.replace(model);
    this.training = training;
    this.phraseEditsInForce = phraseEdits;
    logger.info({ textEdits: textEdits.length, phraseEdits: phraseEdits.length, trainingMs: model?.trainingMs }, 'catalog edits applied');
  }
}

/** Called in the transaction of every edit: other instances see a new revision and reload. */
export const markCatalogChanged = (db: Executor, repos: Repositories, now: number): Promise<void> => markRevision(db, repos, REVISION_KEY, now);
