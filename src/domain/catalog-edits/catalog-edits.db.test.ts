import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { createClassifier, loadTrainingData, swappableClassifier } from '../../nlu/index.js';
import { createLogger } from '../../platform/logger.js';
import { fromRoot } from '../../platform/paths.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { findService } from '../catalog/index.js';
import { addTrainingPhrase, editServiceText, LiveCatalog, removeTrainingPhrase } from './index.js';

const PALMAS = fromRoot('city', 'palmas');
const ACTOR = 7;
const NOW = 1_800_000_000_000;
const SEMAPHORE = 'o semaforo da avenida esta desligado';

/** One server instance: its own profile object and classifier, on a shared database. */
const instance = async (db: Db, repos: Repositories) => {
  const city = loadCityProfile(PALMAS);
  const training = await loadTrainingData(`${PALMAS}/nlu`);
  const classifier = swappableClassifier(await createClassifier(training));
  const live = new LiveCatalog({ db, repos, city, training, classifier, train: (data) => createClassifier(data), logger: createLogger('silent') });
  await live.reload();
  return { city, classifier, live };
};

describe.each(dialects)('catalog edits on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('rewords a menu row within WhatsApp limits, audited, seen by another instance, and goes back to the profile text', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const one = await instance(db, repos);
    const other = await instance(db, repos);
    const edit = (field: string, value: string | string[] | null) => editServiceText(db, repos, one.live, { serviceCode: 'tapa-buraco', field, value, actorUserId: ACTOR }, NOW);

    expect(await edit('menuTitle', 'Buracos na rua e asfalto quebrado')).toMatchObject({ ok: false, error: { code: 'invalid_text', message: 'Título no menu: no máximo 24 caracteres (tem 33).' } });
    expect(await edit('guidance', ['Ligue 156'])).toMatchObject({ ok: false, error: { code: 'invalid_text' } });
    expect(await repos.catalogEdits.textEdits(db)).toEqual([]);

    expect(await edit('menuTitle', '  Buraco   na rua ')).toMatchObject({ ok: true, value: { menuTitle: 'Buraco na rua' } });
    expect(findService(one.city.catalog, 'tapa-buraco')?.menuTitle).toBe('Buraco na rua');
    expect(findService(other.city.catalog, 'tapa-buraco')?.menuTitle).toBe('Tapa-buraco');
    expect(await other.live.refreshIfChanged()).toBe(true);
    expect(findService(other.city.catalog, 'tapa-buraco')?.menuTitle).toBe('Buraco na rua');
    expect(await other.live.refreshIfChanged()).toBe(false);

    const audit = await repos.audit.list(db, { limit: 5 });
    expect(audit.map((row) => [row.action, row.subject_id, JSON.parse(row.details)])).toContainEqual(['catalog.text_changed', 'tapa-buraco', { field: 'menuTitle', default: false }]);

    expect(await edit('menuTitle', null)).toMatchObject({ ok: true, value: { menuTitle: 'Tapa-buraco' } });
    expect(await repos.catalogEdits.textEdits(db)).toEqual([]);
  });

  it('rewords a question a request service asks and the guidance of an information service', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const { city, live } = await instance(db, repos);
    const prompt = await editServiceText(db, repos, live, { serviceCode: 'tapa-buraco', field: 'prompt:description', value: 'Conte como é o buraco.\n\n\n\nÉ grande?', actorUserId: ACTOR }, NOW);
    expect(prompt.ok).toBe(true);
    expect(findService(city.catalog, 'tapa-buraco')?.fields.find((f) => f.code === 'description')?.prompt).toBe('Conte como é o buraco.\n\nÉ grande?');
    const guidance = await editServiceText(db, repos, live, { serviceCode: 'saude-orientacao', field: 'guidance', value: ['Vacinas: procure a UBS mais perto.', '  '], actorUserId: ACTOR }, NOW);
    expect(guidance).toMatchObject({ ok: true, value: { guidance: ['Vacinas: procure a UBS mais perto.'] } });
    expect(await editServiceText(db, repos, live, { serviceCode: 'nao-existe', field: 'name', value: 'X', actorUserId: ACTOR }, NOW)).toMatchObject({ ok: false, error: { code: 'service_not_found' } });
  });

  it('teaches a phrase and the classifier answers differently at once, on this instance and after a refresh on another', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const one = await instance(db, repos);
    const other = await instance(db, repos);
    expect((await one.classifier.classify(SEMAPHORE)).serviceCode).not.toBe('informacoes-gerais');

    const added = await addTrainingPhrase(db, repos, one.live, { intent: 'informacoes-gerais', phrase: 'semáforo desligado no cruzamento', actorUserId: ACTOR }, NOW);
    expect(added).toMatchObject({ ok: true, value: expect.arrayContaining(['semáforo desligado no cruzamento']) });
    expect((await one.classifier.classify(SEMAPHORE)).serviceCode).toBe('informacoes-gerais');
    await other.live.refreshIfChanged();
    expect((await other.classifier.classify(SEMAPHORE)).serviceCode).toBe('informacoes-gerais');

    const again = await addTrainingPhrase(db, repos, one.live, { intent: 'informacoes-gerais', phrase: 'Semaforo  desligado no cruzamento!', actorUserId: ACTOR }, NOW);
    expect(again).toMatchObject({ ok: false, error: { code: 'phrase_exists' } });
    const elsewhere = await addTrainingPhrase(db, repos, one.live, { intent: 'tapa-buraco', phrase: 'semáforo desligado no cruzamento', actorUserId: ACTOR }, NOW);
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'phrase_elsewhere', details: { intent: 'informacoes-gerais' } } });

    const removed = await removeTrainingPhrase(db, repos, one.live, { intent: 'informacoes-gerais', phrase: 'semáforo desligado no cruzamento', actorUserId: ACTOR }, NOW);
    expect(removed.ok).toBe(true);
    expect(await repos.catalogEdits.phraseEdits(db)).toEqual([]);
    expect((await one.classifier.classify(SEMAPHORE)).serviceCode).not.toBe('informacoes-gerais');
  });

  it("removes one of the profile's phrases, puts it back, and never leaves an intent without phrases", async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const { live } = await instance(db, repos);
    const [first, ...rest] = live.trainingData.intents.find((i) => i.intent === 'thanks')?.phrases ?? [];
    if (!first) throw new Error('the profile teaches "thanks"');

    expect(await removeTrainingPhrase(db, repos, live, { intent: 'thanks', phrase: first, actorUserId: ACTOR }, NOW)).toMatchObject({ ok: true, value: rest });
    expect(await repos.catalogEdits.phraseEdits(db)).toMatchObject([{ intent: 'thanks', phrase: first, change: 'removed' }]);
    expect(await addTrainingPhrase(db, repos, live, { intent: 'thanks', phrase: first, actorUserId: ACTOR }, NOW)).toMatchObject({ ok: true });
    expect(await repos.catalogEdits.phraseEdits(db)).toEqual([]);

    for (const phrase of rest) await removeTrainingPhrase(db, repos, live, { intent: 'thanks', phrase, actorUserId: ACTOR }, NOW);
    expect(await removeTrainingPhrase(db, repos, live, { intent: 'thanks', phrase: first, actorUserId: ACTOR }, NOW)).toMatchObject({ ok: false, error: { code: 'last_phrase' } });
    expect(await addTrainingPhrase(db, repos, live, { intent: 'thanks', phrase: '!!!', actorUserId: ACTOR }, NOW)).toMatchObject({ ok: false, error: { code: 'invalid_phrase' } });
    expect(await addTrainingPhrase(db, repos, live, { intent: 'nada', phrase: 'oi', actorUserId: ACTOR }, NOW)).toMatchObject({ ok: false, error: { code: 'intent_not_found' } });
  });
});
