import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { changeRequestStatus, findCitizenRequest, findRequest, listCitizenRequests, openServiceRequest, type OpenServiceRequestInput } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
/** Monday 16 March 2026, 10:00 in Palmas (UTC-3); Thursday 19 March is São José, a municipal holiday. */
const MONDAY = Date.parse('2026-03-16T10:00:00-03:00');
const PIN = { latitude: -10.184, longitude: -48.333 };

const lamp = (over: Partial<OpenServiceRequestInput> = {}): OpenServiceRequestInput => ({
  serviceCode: 'iluminacao-publica',
  citizenKey: 'ana',
  channel: 'whatsapp',
  location: { ...PIN, text: 'Quadra 106 Sul, Alameda 3' },
  description: 'Poste apagado há uma semana',
  reference: 'em frente à escola',
  mediaIds: [],
  ...over,
});

describe.each(dialects)('service requests on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const open = (input: OpenServiceRequestInput, at = MONDAY, repos: Repositories = current.repos) =>
    openServiceRequest(current.storage.db, repos, city, input, at);

  it('opens with a protocol, the department of the day and a deadline that skips the holiday', async () => {
    const result = await open(lamp());
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        protocol: '2026-000001',
        serviceCode: 'iluminacao-publica',
        departmentId: 'seihab',
        departmentName: 'Secretaria Municipal de Infraestrutura e Habitação (Seihab)',
        deadlineBusinessDays: 5,
        // 17, 18, (19 São José), 20, 23, 24 March.
        expectedAt: Date.parse('2026-03-24T10:00:00-03:00'),
      }),
    });
    const stored = await findRequest(current.storage.db, current.repos, '2026-000001');
    expect(stored).toMatchObject({
      status: 'aberto',
      channel: 'whatsapp',
      citizenKey: 'ana',
      location: { ...PIN, address: 'Quadra 106 Sul, Alameda 3', reference: 'em frente à escola', placeId: null },
      history: [{ fromStatus: null, status: 'aberto', actor: 'citizen', at: MONDAY, note: null }],
    });
  });

  it('has no deadline when the service has none', async () => {
    const result = await open(lamp({ serviceCode: 'foco-dengue' }));
    expect(result.ok && result.value.expectedAt).toBeNull();
  });

  it('numbers by year of opening in the city timezone, restarting each year', async () => {
    const lateOnNewYearsEve = Date.parse('2026-12-31T23:30:00-03:00'); // already 2027 in UTC
    const protocols: string[] = [];
    for (const at of [MONDAY, MONDAY, lateOnNewYearsEve, Date.parse('2027-01-01T00:30:00-03:00'), Date.parse('2027-01-02T09:00:00-03:00')]) {
      const result = await open(lamp(), at);
      if (result.ok) protocols.push(result.value.protocol);
    }
    expect(protocols).toEqual(['2026-000001', '2026-000002', '2026-000003', '2027-000001', '2027-000002']);
  });

  // On PostgreSQL the openings run on the pool's separate connections, as several instances would.
  it('hands out distinct, gapless numbers to 20 concurrent openings', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => open(lamp({ citizenKey: `c${i}` }))));
    const protocols = results.map((r) => (r.ok ? r.value.protocol : r.error.code)).sort();
    expect(protocols).toEqual(Array.from({ length: 20 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    const rows = await current.storage.db.selectFrom('service_requests').select('protocol').execute();
    expect(new Set(rows.map((r) => r.protocol)).size).toBe(20);
  });

  it('rolls the whole opening back when a step fails, number included', async () => {
    const failing = { ...current.repos, requests: Object.create(current.repos.requests) as Repositories['requests'] };
    failing.requests.addEvent = async () => {
      throw new Error('disk full');
    };
    await expect(open(lamp(), MONDAY, failing)).rejects.toThrow('disk full');
    expect(await current.storage.db.selectFrom('service_requests').selectAll().execute()).toEqual([]);
    expect(await current.storage.db.selectFrom('service_request_events').selectAll().execute()).toEqual([]);
    const next = await open(lamp());
    expect(next.ok && next.value.protocol).toBe('2026-000001');
  });

  it('refuses unknown and information services, missing fields and places outside the city, writing nothing', async () => {
    const codes = [];
    for (const input of [
      lamp({ serviceCode: 'nope' }),
      lamp({ serviceCode: 'saude-orientacao' }),
      lamp({ location: undefined }),
      lamp({ description: '   ' }),
      lamp({ description: 'x'.repeat(100_000) }),
      lamp({ location: { latitude: -23.55, longitude: -46.63 } }),
      lamp({ location: { placeId: 'luzimangues', text: 'Luzimangues' } }),
      lamp({ location: { latitude: -10.18 } }),
      lamp({ mediaIds: ['someone-elses'] }),
    ]) {
      const result = await open(input);
      codes.push(result.ok ? 'ok' : result.error.code);
    }
    expect(codes).toEqual([
      'unknown_service',
      'not_a_request_service',
      'missing_field',
      'missing_field',
      'field_too_long',
      'location_outside_city',
      'location_outside_city',
      'invalid_location',
      'unknown_media',
    ]);
    expect(await current.storage.db.selectFrom('service_requests').selectAll().execute()).toEqual([]);
    expect(await current.storage.db.selectFrom('protocol_counters').selectAll().execute()).toEqual([]);
  });

  it('keeps the citizen’s photos, leaving out ones the media job rejected', async () => {
    const db = current.storage.db;
    for (const mediaId of ['m1', 'm2']) await current.repos.media.register(db, { mediaId, inboundWamid: `w-${mediaId}`, citizenKey: 'ana', mimeType: 'image/jpeg' }, MONDAY);
    await current.repos.media.register(db, { mediaId: 'm3', inboundWamid: 'w-m3', citizenKey: 'bia', mimeType: 'image/jpeg' }, MONDAY);
    await current.repos.media.markRejected(db, 'm2', 'too large');
    const opened = await open(lamp({ mediaIds: ['m1', 'm2'] }));
    expect(opened.ok).toBe(true);
    expect((await findRequest(db, current.repos, '2026-000001'))?.mediaIds).toEqual(['m1']);
    const foreign = await open(lamp({ mediaIds: ['m3'] }));
    expect(!foreign.ok && foreign.error).toMatchObject({ code: 'unknown_media', details: { mediaId: 'm3' } });
  });

  it('shows a request only to the citizen who opened it, and lists theirs newest first', async () => {
    await open(lamp());
    await open(lamp({ citizenKey: 'bia' }));
    await open(lamp({ serviceCode: 'tapa-buraco' }));
    const db = current.storage.db;
    expect((await findCitizenRequest(db, current.repos, '2026-000001', 'ana'))?.protocol).toBe('2026-000001');
    expect(await findCitizenRequest(db, current.repos, '2026-000002', 'ana')).toBeUndefined();
    expect(await findCitizenRequest(db, current.repos, '2026-000099', 'ana')).toBeUndefined();
    const mine = await listCitizenRequests(db, current.repos, 'ana', 10);
    expect(mine.map((r) => [r.protocol, r.serviceCode])).toEqual([
      ['2026-000003', 'tapa-buraco'],
      ['2026-000001', 'iluminacao-publica'],
    ]);
    expect(await listCitizenRequests(db, current.repos, 'ana', 1)).toHaveLength(1);
  });

  it('changes status along the table, recording who and why, and refuses the rest', async () => {
    await open(lamp());
    const db = current.storage.db;
    const change = (to: Parameters<typeof changeRequestStatus>[2]['to'], actor: Parameters<typeof changeRequestStatus>[2]['actor'], extra = {}) =>
      changeRequestStatus(db, current.repos, { protocol: '2026-000001', to, actor, ...extra }, MONDAY + 60_000, city.calendar);
    const analysed = await change('em_analise', 'attendant:3', { note: '  equipe avisada ' });
    expect(analysed).toMatchObject({ ok: true, value: { from: 'aberto', request: { status: 'em_analise', updatedAt: MONDAY + 60_000 } } });
    const back = await change('aberto', 'attendant:3');
    expect(!back.ok && back.error).toMatchObject({ code: 'transition_forbidden', kind: 'conflict', details: { from: 'em_analise', to: 'aberto' } });
    expect(await change('cancelado', 'citizen', { citizenKey: 'bia' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await change('concluido', 'citizen', { citizenKey: 'ana' })).toMatchObject({ ok: false, error: { code: 'transition_forbidden' } });
    expect(await change('cancelado', 'citizen', { citizenKey: 'ana' })).toMatchObject({ ok: true });
    expect(await change('em_analise', 'system')).toMatchObject({ ok: false, error: { code: 'transition_forbidden' } });
    const history = (await findRequest(db, current.repos, '2026-000001'))?.history;
    expect(history?.map((e) => [e.fromStatus, e.status, e.actor, e.note])).toEqual([
      [null, 'aberto', 'citizen', null],
      ['aberto', 'em_analise', 'attendant:3', 'equipe avisada'],
      ['em_analise', 'cancelado', 'citizen', null],
    ]);
  });

  it('lets only one of two simultaneous changes win', async () => {
    await open(lamp());
    const results = await Promise.all(
      (['em_analise', 'encaminhado'] as const).map((to) =>
        changeRequestStatus(current.storage.db, current.repos, { protocol: '2026-000001', to, actor: 'system' }, MONDAY + 1, city.calendar),
      ),
    );
    // SQLite runs them one after the other (both may succeed); on PostgreSQL the second may find the status changed.
    expect(results.some((r) => r.ok)).toBe(true);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('status_changed');
    const history = (await findRequest(current.storage.db, current.repos, '2026-000001'))?.history ?? [];
    // Each recorded change starts from the status the one before it left.
    for (let i = 1; i < history.length; i += 1) expect(history[i]?.fromStatus).toBe(history[i - 1]?.status);
  });
});
