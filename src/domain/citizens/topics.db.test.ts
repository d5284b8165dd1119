import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { changeTopics, setBroadcastsConsent } from './index.js';

const KNOWN = ['saude', 'eventos', 'defesa-civil'];
const WHATSAPP = { wording: 'Quer receber avisos?', channel: 'whatsapp' as const };

describe.each(dialects)('broadcast topics and consent on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('joins topics (and the list), ignores unknown ones, leaves one, and SAIR leaves all, each recorded once', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    await repos.citizens.recordContact(db, { key: 'ana', waId: '5563999990001', userId: undefined, profileName: 'Ana', at: 1 });
    expect(await changeTopics(db, repos, 'ana', { subscribe: ['saude', 'eventos', 'loteria'], unsubscribe: [] }, KNOWN, WHATSAPP, 10)).toEqual(['eventos', 'saude']);
    expect(await repos.citizens.profileByKey(db, 'ana')).toMatchObject({ broadcast_opted_in_at: 10, broadcast_opted_out_at: null });
    // Asking again for one already received changes and records nothing.
    expect(await changeTopics(db, repos, 'ana', { subscribe: ['saude'], unsubscribe: ['defesa-civil'] }, KNOWN, WHATSAPP, 20)).toEqual(['eventos', 'saude']);
    expect(await changeTopics(db, repos, 'ana', { subscribe: [], unsubscribe: ['eventos'] }, KNOWN, { wording: 'Por telefone', channel: 'console' }, 30)).toEqual(['saude']);
    await setBroadcastsConsent(db, repos, 'ana', false, { wording: 'Confirma?', channel: 'whatsapp' }, 40);
    expect(await repos.consent.topicsOf(db, 'ana')).toEqual([]);
    expect(await repos.citizens.profileByKey(db, 'ana')).toMatchObject({ broadcast_opted_out_at: 40 });

    const history = (await repos.consent.history(db, 'ana')).reverse();
    expect(history.map((e) => [e.subject, e.topic_id, Number(e.granted), e.channel, e.wording, Number(e.at)])).toEqual([
      ['broadcasts', null, 1, 'whatsapp', 'Quer receber avisos?', 10],
      ['topic', 'saude', 1, 'whatsapp', 'Quer receber avisos?', 10],
      ['topic', 'eventos', 1, 'whatsapp', 'Quer receber avisos?', 10],
      ['topic', 'eventos', 0, 'console', 'Por telefone', 30],
      ['broadcasts', null, 0, 'whatsapp', 'Confirma?', 40],
    ]);
    await repos.consent.forget(db, 'ana');
    expect(await repos.consent.history(db, 'ana')).toEqual([]);
  });
});
