import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { changeRequestStatus, latestStatusNotes, listRequests, openServiceRequest, type OpenServiceRequestInput } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const MONDAY = Date.parse('2026-03-16T10:00:00-03:00');
const DAY = 24 * 60 * 60 * 1000;

const input = (over: Partial<OpenServiceRequestInput>): OpenServiceRequestInput => ({
  serviceCode: 'iluminacao-publica',
  citizenKey: null,
  channel: 'open311',
  location: { latitude: -10.184, longitude: -48.333, text: 'Quadra 106 Sul, Alameda 3' },
  description: 'Poste apagado',
  ...over,
});

describe.each(dialects)('listing requests on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const open = async (over: Partial<OpenServiceRequestInput>, at: number): Promise<string> => {
    const result = await openServiceRequest(current.storage.db, current.repos, city, input(over), at);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.protocol;
  };
  const list = (filter: Parameters<typeof listRequests>[2]) => listRequests(current.storage.db, current.repos, filter);
  const protocolsOf = async (filter: Parameters<typeof listRequests>[2]) => (await list(filter)).requests.map((r) => r.protocol);

  const seed = async () => {
    await open({}, MONDAY); // 000001 lamp, seihab
    await open({ serviceCode: 'tapa-buraco', description: 'Buraco enorme 50%_off' }, MONDAY + DAY); // 000002 zeladoria
    await open({ serviceCode: 'tapa-buraco', location: { text: 'Avenida JK, em frente ao <b>Banco</b>' }, description: 'Cratera na pista' }, MONDAY + 2 * DAY); // 000003
    await changeRequestStatus(current.storage.db, current.repos, { protocol: '2026-000002', to: 'concluido', note: 'Buraco tapado', actor: 'system' }, MONDAY + 3 * DAY, city.calendar);
  };

  it('lists newest first, and filters by service, status, department and dates together', async () => {
    await seed();
    expect(await protocolsOf({})).toEqual(['2026-000003', '2026-000002', '2026-000001']);
    expect(await protocolsOf({ serviceCodes: ['tapa-buraco'] })).toEqual(['2026-000003', '2026-000002']);
    expect(await protocolsOf({ statuses: ['concluido', 'indeferido'] })).toEqual(['2026-000002']);
    expect(await protocolsOf({ departmentId: 'seihab' })).toEqual(['2026-000001']);
    expect(await protocolsOf({ createdFrom: MONDAY + DAY, createdTo: MONDAY + DAY })).toEqual(['2026-000002']);
    expect(await protocolsOf({ serviceCodes: ['tapa-buraco'], statuses: ['aberto'] })).toEqual(['2026-000003']);
    expect(await protocolsOf({ protocols: ['2026-000001', '2026-000003', '2026-999999'] })).toEqual(['2026-000003', '2026-000001']);
  });

  it('matches nothing for an empty list and everything for a missing one', async () => {
    await seed();
    expect(await protocolsOf({ serviceCodes: [] })).toEqual([]);
    expect(await protocolsOf({ statuses: [] })).toEqual([]);
    expect(await protocolsOf({ protocols: [] })).toEqual([]);
  });

  it('filters by the place ids of a bairro or region, and an empty list matches nothing', async () => {
    await open({ location: { text: 'Quadra 106 Sul', placeId: '106-sul' } }, MONDAY);
    await open({ location: { text: 'Quadra 403 Norte', placeId: '403-norte' } }, MONDAY + 1);
    await open({ location: { text: 'sem quadra' } }, MONDAY + 2);
    expect(await protocolsOf({ placeIds: ['106-sul'] })).toEqual(['2026-000001']);
    expect(await protocolsOf({ placeIds: ['106-sul', '403-norte'], statuses: ['aberto'] })).toEqual(['2026-000002', '2026-000001']);
    expect(await protocolsOf({ placeIds: [] })).toEqual([]);
    expect(await protocolsOf({})).toHaveLength(3);
  });

  it('searches protocol, description and address as text, LIKE wildcards and SQL included', async () => {
    await seed();
    expect(await protocolsOf({ search: 'JK' })).toEqual(['2026-000003']);
    expect(await protocolsOf({ search: 'poste' })).toEqual(['2026-000001']);
    expect(await protocolsOf({ search: '000002' })).toEqual(['2026-000002']);
    expect(await protocolsOf({ search: '50%_' })).toEqual(['2026-000002']);
    expect(await protocolsOf({ search: 'a%o' })).toEqual([]); // a wildcard would match every description
    expect(await protocolsOf({ search: '%' })).toEqual(['2026-000002']);
    expect(await protocolsOf({ search: "' or 1=1 --" })).toEqual([]);
    expect(await protocolsOf({ search: '<b>' })).toEqual(['2026-000003']);
    expect(await protocolsOf({ search: '   ' })).toEqual(['2026-000003', '2026-000002', '2026-000001']);
  });

  it('pages by keyset and by offset without losing or repeating a request', async () => {
    for (let i = 0; i < 5; i += 1) await open({}, MONDAY + i * 1000);
    const first = await list({ limit: 2 });
    expect(first.requests.map((r) => r.protocol)).toEqual(['2026-000005', '2026-000004']);
    const second = await list({ limit: 2, beforeId: first.nextBeforeId });
    const third = await list({ limit: 2, beforeId: second.nextBeforeId });
    expect([...second.requests, ...third.requests].map((r) => r.protocol)).toEqual(['2026-000003', '2026-000002', '2026-000001']);
    expect(third.nextBeforeId).toBeUndefined();
    expect((await list({ limit: 2, offset: 4 })).requests.map((r) => r.protocol)).toEqual(['2026-000001']);
    expect((await list({ limit: 0 })).requests).toHaveLength(1);
  });

  it('gives the newest note of each request', async () => {
    await seed();
    const { requests } = await list({});
    const notes = await latestStatusNotes(current.storage.db, current.repos, requests);
    expect([...notes.entries()].map(([id, note]) => [requests.find((r) => r.id === id)?.protocol, note])).toEqual([['2026-000002', 'Buraco tapado']]);
  });
});
