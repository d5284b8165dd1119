import { describe, expect, it } from 'vitest';
import { approvedTemplate, seedCitizens } from '../../../test/support/broadcasts.js';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { templateWithHeaderMedia } from '../../channels/whatsapp-cloud/message-builders.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import type { StaffViewer } from '../attendants/staff.js';
import { auditEntries } from '../audit/index.js';
import { advanceBroadcast, countAudience, createBroadcast, startDueBroadcasts, type NewBroadcastInput } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
/** Palmas wall-clock time (UTC−3 all year) as Unix ms. */
const at = (local: string): number => new Date(`${local}-03:00`).getTime();
const MORNING = at('2026-12-01T10:00');
const coordinator: StaffViewer = { id: 1, name: 'Coordenação', role: 'coordinator', departmentId: null };
const buildMessage = (m: { name: string; language: string; parameters: string[]; headerMedia: null | { format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; link: string } }) =>
  templateWithHeaderMedia(m.name, m.language, m.parameters, m.headerMedia);

const broadcast = (overrides: Partial<NewBroadcastInput> = {}): NewBroadcastInput => ({
  title: 'Vacinação no sábado',
  template: { name: 'aviso_geral', language: 'pt_BR', parameters: ['Vacinação contra a gripe no sábado'] },
  audience: {},
  ...overrides,
});

describe.each(dialects)('broadcast audiences and scheduling on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const deps = () => ({ db: current.storage.db, repos: current.repos, city, buildMessage });

  const seedPalmas = () =>
    seedCitizens(current.storage.db, [
      { key: '5563900000001', placeId: '102-sul', topics: ['saude'] },
      { key: '5563900000002', placeId: 'quadra-sul:1105', topics: ['obras-transito'] },
      { key: '5563900000003' },
      { key: '5563900000004', optIn: false, placeId: '102-sul', topics: ['saude'] },
      { key: '5563900000005', optIn: 'left', placeId: '102-sul', topics: ['saude'] },
      { key: '5563900000006', placeId: '203-norte', topics: ['saude', 'eventos'] },
    ]);

  const count = async (audience: Parameters<typeof countAudience>[1]) => {
    const counted = await countAudience(deps(), audience);
    if (!counted.ok) throw new Error(counted.error.message);
    return counted.value;
  };

  it('counts only citizens opted in now, filtered by topics, neighbourhoods and regions', async () => {
    await seedPalmas();
    expect(await count({})).toBe(4);
    expect(await count({ topics: ['saude'] })).toBe(2);
    expect(await count({ topics: ['saude', 'obras-transito'] })).toBe(3);
    // A region takes in its listed places and the quadras recognised by pattern.
    expect(await count({ regions: ['Plano Diretor Sul'] })).toBe(2);
    expect(await count({ neighborhoods: ['102-sul'], topics: ['saude'] })).toBe(1);
    expect(await count({ neighborhoods: ['203-norte'], regions: ['Plano Diretor Sul'] })).toBe(3);
    expect(await count({ topics: ['defesa-civil'] })).toBe(0);
  });

  it('refuses topics, places and regions the city does not have', async () => {
    expect(await countAudience(deps(), { topics: ['futebol'] })).toMatchObject({ ok: false, error: { code: 'unknown_topic' } });
    expect(await countAudience(deps(), { neighborhoods: ['999-sul'] })).toMatchObject({ ok: false, error: { code: 'unknown_neighborhood' } });
    expect(await countAudience(deps(), { regions: ['Marte'] })).toMatchObject({ ok: false, error: { code: 'unknown_region' } });
  });

  it('freezes the audience when sending starts, and skips whoever opted out before their turn', async () => {
    await seedPalmas();
    await approvedTemplate(current.storage.db, current.repos, 'aviso_geral', 'Aviso da Prefeitura: {{1}}');
    const created = await createBroadcast(deps(), coordinator, broadcast({ audience: { topics: ['saude'] } }), MORNING);
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value;
    const ctx = { ...deps(), window: 10, snapshotChunk: 1, cancelGraceMs: 0 };
    expect(await startDueBroadcasts(ctx, MORNING)).toBe(1);
    // Chunks of one citizen: two steps copy the two, a third finds no more.
    for (let step = 0; step < 3; step += 1) await advanceBroadcast(ctx, id, MORNING + step);
    // Someone opting in after the start is not in this broadcast.
    await seedCitizens(current.storage.db, [{ key: '5563900000007', topics: ['saude'] }]);
    const frozen = await current.storage.db.selectFrom('broadcast_recipients').select(['citizen_key', 'state']).where('broadcast_id', '=', id).orderBy('citizen_key').execute();
    expect(frozen).toEqual([{ citizen_key: '5563900000001', state: 'queued' }, { citizen_key: '5563900000006', state: 'queued' }]);
    expect((await current.repos.broadcasts.byId(current.storage.db, id))?.total).toBe(2);

    await current.storage.db.updateTable('citizen_profiles').set({ broadcast_opted_out_at: MORNING }).where('citizen_key', '=', '5563900000006').execute();
    await advanceBroadcast(ctx, id, MORNING + 10);
    const outbox = await current.storage.db.selectFrom('outbox').select(['recipient', 'idempotency_key', 'priority', 'cause']).execute();
    expect(outbox).toEqual([{ recipient: '5563900000001', idempotency_key: `broadcast:${id}:5563900000001`, priority: 1, cause: `broadcast:${id}` }]);
    const states = await current.storage.db.selectFrom('broadcast_recipients').select(['citizen_key', 'state']).where('broadcast_id', '=', id).orderBy('citizen_key').execute();
    expect(states.map((s) => s.state)).toEqual(['fed', 'skipped']);
  });

  it('checks the template, its parameters, the audience and the time before scheduling, and audits what it schedules', async () => {
    const { db } = current.storage;
    const { repos } = current;
    await approvedTemplate(db, repos, 'aviso_geral', 'Aviso da Prefeitura: {{1}}');
    await approvedTemplate(db, repos, 'em_revisao', 'Texto {{1}}', { status: 'PENDING' });
    await approvedTemplate(db, repos, 'cartaz', 'Veja o cartaz: {{1}}', { header: { format: 'IMAGE', text: null } });
    const attempt = (input: Partial<NewBroadcastInput>, now = MORNING, viewer = coordinator) => createBroadcast(deps(), viewer, broadcast(input), now);
    const codeOf = async (input: Partial<NewBroadcastInput>, now?: number) => {
      const result = await attempt(input, now);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await codeOf({ template: { name: 'nao_existe', language: 'pt_BR', parameters: [] } })).toBe('template_not_found');
    expect(await codeOf({ template: { name: 'em_revisao', language: 'pt_BR', parameters: ['x'] } })).toBe('template_not_approved');
    expect(await codeOf({ template: { name: 'aviso_geral', language: 'pt_BR', parameters: [] } })).toBe('parameter_count');
    expect(await codeOf({ template: { name: 'cartaz', language: 'pt_BR', parameters: ['x'] } })).toBe('header_media_required');
    expect(await codeOf({ headerMediaUrl: 'https://palmas.to.gov.br/cartaz.jpg' })).toBe('header_media_unexpected');
    expect(await codeOf({ audience: { topics: ['futebol'] } })).toBe('unknown_topic');
    expect(await codeOf({ title: '  ' })).toBe('invalid_title');
    expect(await codeOf({ sendAt: MORNING - 3_600_000 })).toBe('send_at_past');
    expect((await attempt({}, MORNING, { ...coordinator, role: 'attendant' })).ok).toBe(false);

    const evening = await attempt({ sendAt: at('2026-12-01T22:15') });
    expect(evening).toMatchObject({ ok: false, error: { code: 'quiet_hours', message: expect.stringContaining('02/12/2026 às 08:00') } });
    const lateNight = await attempt({}, at('2026-12-01T23:30'));
    expect(lateNight).toMatchObject({ ok: false, error: { code: 'quiet_hours', message: expect.stringContaining('Agende o envio para 02/12/2026 às 08:00') } });
    const dawn = await attempt({}, at('2026-12-02T07:59'));
    expect(dawn.ok).toBe(false);

    const scheduled = await attempt({ sendAt: at('2026-12-01T20:30'), template: { name: 'cartaz', language: 'pt_BR', parameters: ['sábado'] }, headerMediaUrl: 'https://palmas.to.gov.br/cartaz.jpg' });
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const row = await repos.broadcasts.byId(db, scheduled.value.id);
    expect(row).toMatchObject({ status: 'scheduled', send_at: at('2026-12-01T20:30'), header_media_url: 'https://palmas.to.gov.br/cartaz.jpg' });
    expect(JSON.parse(row!.payload)).toMatchObject({ type: 'template', template: { name: 'cartaz', components: [{ type: 'header' }, { type: 'body' }] } });
    const [audit] = await auditEntries(db, repos, { subjectType: 'broadcast', limit: 10 });
    expect(audit).toMatchObject({ action: 'broadcast.created', actorUserId: 1, subject: { id: String(scheduled.value.id) }, details: { template: 'cartaz' } });
  });
});
