import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { cartaTestProfile } from '../../../test/support/carta-profile.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { createLogger } from '../../platform/logger.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { anonymiseCitizen } from '../citizen-records/index.js';
import { redactOldMessages } from '../retention/index.js';
import { citizenRefOf, editCartaEntry, listCartaQuestions, LiveCarta, markNotHelpful, recordCartaQuestion } from './index.js';

const PROFILE = cartaTestProfile();
const ACTOR = 7;
const NOW = Date.parse('2026-11-30T16:00:00Z');
const TODAY = '2026-11-30';

/** One server instance: its own profile object and Carta, on a shared database. */
const instance = async (db: Db, repos: Repositories) => {
  const city = loadCityProfile(PROFILE);
  const live = new LiveCarta({ db, repos, city, logger: createLogger('silent') });
  await live.reload();
  return { city, live };
};

describe.each(dialects)('Carta de Serviços on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('an edit reaches the search at once, another instance after a refresh, and saving the original removes it', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const one = await instance(db, repos);
    const other = await instance(db, repos);
    const original = one.live.entry('ouvidoria');
    if (!original) throw new Error('the fixture has ouvidoria');
    const { id, ...fields } = original;
    expect(one.live.search.search('quero registrar um xingamento')[0]?.id).not.toBe('ouvidoria');
    const edited = await editCartaEntry(db, repos, one.live, { id, fields: { ...fields, questions: [...fields.questions, 'registrar um xingamento'] }, actorUserId: ACTOR }, NOW, TODAY);
    expect(edited.ok).toBe(true);
    expect(one.live.search.search('quero registrar um xingamento')[0]?.id).toBe('ouvidoria');
    expect(one.city.carta.entries.find((e) => e.id === 'ouvidoria')?.questions).toContain('registrar um xingamento');
    expect(other.live.entry('ouvidoria')?.questions).not.toContain('registrar um xingamento');
    expect(await other.live.refreshIfChanged()).toBe(true);
    expect(other.live.entry('ouvidoria')?.questions).toContain('registrar um xingamento');
    expect(other.live.editOf('ouvidoria')).toMatchObject({ origin: 'edited', updatedBy: ACTOR });
    expect(await other.live.refreshIfChanged()).toBe(false);

    const invalid = await editCartaEntry(db, repos, one.live, { id, fields: { ...fields, departmentId: 'nao-existe' }, actorUserId: ACTOR }, NOW, TODAY);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_entry', details: { fields: ['departmentId'] } } });

    expect((await editCartaEntry(db, repos, one.live, { id, fields, actorUserId: ACTOR }, NOW, TODAY)).ok).toBe(true);
    expect(await repos.carta.entryEdits(db)).toEqual([]);
    const audit = await repos.audit.list(db, { limit: 10 });
    expect(audit.filter((a) => a.action === 'carta.entry_edited').map((a) => a.subject_id)).toEqual(['ouvidoria', 'ouvidoria']);
  });

  it('records questions masked under a pseudonym, marks "não era isso", and forgets them with the citizen and after the retention period', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const { live } = await instance(db, repos);
    const key = '5563999990001';
    await repos.citizens.recordContact(db, { key, waId: key, userId: undefined, profileName: undefined, at: NOW });
    await recordCartaQuestion(db, repos, { citizenKey: key, text: 'meu número é 63 99999-0001, como tiro iptu', entryId: 'iptu-segunda-via' }, NOW);
    await recordCartaQuestion(db, repos, { citizenKey: key, text: 'onde pago a taxa do lixo', entryId: null }, NOW + 1);
    expect(await markNotHelpful(db, repos, key, NOW + 2)).toBe(true);
    expect(await markNotHelpful(db, repos, 'outro', NOW + 2)).toBe(false);

    const all = await listCartaQuestions(db, repos, live, { kind: 'all' });
    expect(all.map((q) => [q.text, q.outcome])).toEqual([
      ['onde pago a taxa do lixo', 'unanswered'],
      [expect.not.stringContaining('99999-0001'), 'not_helpful'],
    ]);
    const rows = await repos.carta.ofCitizen(db, citizenRefOf(key));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.citizen_ref !== key)).toBe(true);
    expect((await repos.carta.answerCounts(db, NOW - 1)).get('iptu-segunda-via')).toBe(1);

    const media = { remove: async () => {} } as unknown as Parameters<typeof anonymiseCitizen>[0]['media'];
    const anonymised = await anonymiseCitizen({ db, repos, media }, ACTOR, key, '0001', NOW + 3);
    expect(anonymised.ok).toBe(true);
    expect(await repos.carta.ofCitizen(db, citizenRefOf(key))).toEqual([]);

    await recordCartaQuestion(db, repos, { citizenKey: 'velho', text: 'pergunta antiga', entryId: null }, NOW - 400 * 24 * 3600 * 1000);
    await recordCartaQuestion(db, repos, { citizenKey: 'novo', text: 'pergunta recente', entryId: null }, NOW);
    await redactOldMessages(db, repos, { months: 12, batch: 100 }, NOW);
    expect((await listCartaQuestions(db, repos, live, { kind: 'all' })).map((q) => q.text)).toEqual(['pergunta recente']);
  });
});
