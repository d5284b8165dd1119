import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../src/domain/audit/index.js';
import { callApi } from '../support/api.js';
import { cityProfileAt, optedInCitizens, seedCitizens } from '../support/broadcasts.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

// Simulator mode, on a city clock at midday whatever time the test runs.
const current = useTestApp({ env: { CITY_CONFIG: cityProfileAt(12) } });
const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(current().url, method, path, cookie, body);

const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Connects to the console's live events; the promise it gives resolves on the first event of `type`. */
const listenForLiveEvent = async (testApp: TestApp, cookie: string, type: string): Promise<{ heard: Promise<void> }> => {
  const response = await fetch(`${testApp.url}/api/events`, { headers: { cookie } });
  const reader = response.body!.getReader();
  const heard = (async () => {
    let text = '';
    while (!text.includes(`event: ${type}`)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  })();
  return { heard };
};

describe('the broadcasts API', () => {
  it('lets coordinators count, send and follow a broadcast, records each failure by reason, and never retries them', async () => {
    const { app } = current();
    const simulator = app.simulator!;
    const coordinator = await signInAs(current(), 'coordinator');
    const attendant = await signInAs(current(), 'attendant');
    const template = { name: 'aviso_bairro', language: 'pt_BR', category: 'MARKETING', body: 'Aviso da Prefeitura: {{1}}' };
    expect((await call('POST', '/api/templates', coordinator, template)).status).toBe(201);

    const citizens = optedInCitizens(6).map((c) => ({ ...c, topics: ['saude'] }));
    await seedCitizens(app.storage.db, [...citizens, { key: '5563988887777', topics: ['eventos'] }, { key: '5563988886666', optIn: 'left', topics: ['saude'] }]);
    const [unknown, capped, stopped, ...reachable] = citizens.map((c) => c.key);
    for (const phone of [capped!, stopped!, ...reachable]) simulator.addCitizen(phone);
    simulator.injectFailure(capped!, { code: 131049, mode: 'async' });
    await simulator.sendUserPreference(stopped!, 'stop');

    const audience = { topics: ['saude'] };
    expect((await call('POST', '/api/broadcasts/dry-run', attendant, { audience })).status).toBe(403);
    expect((await call('POST', '/api/broadcasts/dry-run', coordinator, { audience })).body).toEqual({ count: 6 });
    const body = { title: 'Vacinação no sábado', template: { name: 'aviso_bairro', language: 'pt_BR', parameters: ['vacinação no sábado, 8h às 17h'] }, audience };
    expect((await call('POST', '/api/broadcasts', attendant, body)).status).toBe(403);
    const live = await listenForLiveEvent(current(), attendant, 'broadcasts');
    const created = await call('POST', '/api/broadcasts', coordinator, body);
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    await live.heard;

    const detail = await eventually(
      async () => (await call('GET', `/api/broadcasts/${id}`, attendant)).body,
      (b) => b.status === 'done' && b.delivered === 3 && b.failed === 3,
    );
    expect(detail).toMatchObject({
      id, title: 'Vacinação no sábado', total: 6, sent: 6, delivered: 3, failed: 3, eta_seconds: null, created_by_name: 'coordinator',
      template: body.template, audience: { topics: ['saude'], neighborhoods: [], regions: [] },
      failed_by_reason: { 131026: 1, 131049: 1, 131050: 1 },
    });
    const failures = (await call('GET', `/api/broadcasts/${id}/failures?limit=10`, attendant)).body;
    expect(failures.next_before).toBeNull();
    const unreachable = (failures.failures as Array<Record<string, unknown>>).find((f) => f.code === 131026);
    expect(unreachable).toMatchObject({ citizen_key: unknown, number_masked: '5563*******00', reason: expect.stringContaining('sem WhatsApp') });
    // One message per citizen, each sent once: permanent errors are not retried.
    const sends = await app.storage.db.selectFrom('outbox').select(['recipient', 'attempts', 'state', 'delivery']).where('cause', '=', `broadcast:${id}`).execute();
    expect(sends.map((r) => r.recipient).sort()).toEqual(citizens.map((c) => c.key).sort());
    expect(sends.every((r) => r.attempts === 1 && r.state === 'accepted')).toBe(true);
    expect(sends.filter((r) => r.delivery === 'failed').map((r) => r.recipient).sort()).toEqual([unknown, capped, stopped].sort());
    for (const phone of reachable) expect(simulator.conversation(phone)!.messages.filter((m) => m.direction === 'out')).toHaveLength(1);

    // Published once on the public page, with the words citizens received.
    const page = await (await fetch(`${current().url}/avisos?tema=saude`)).text();
    expect(page).toContain('Vacinação no sábado');
    expect(page).toContain('Aviso da Prefeitura: vacinação no sábado, 8h às 17h');
    expect(await app.storage.db.selectFrom('notices').select('id').where('broadcast_id', '=', id).execute()).toHaveLength(1);

    const list = (await call('GET', '/api/broadcasts', attendant)).body.broadcasts as Array<Record<string, unknown>>;
    expect(list[0]).toMatchObject({ id, status: 'done', total: 6, sent: 6, opted_out: 0 });
    expect((await call('POST', `/api/broadcasts/${id}/pause`, coordinator)).status).toBe(409);
    expect((await call('POST', `/api/broadcasts/${id}/cancel`, attendant)).status).toBe(403);
    const [audit] = await auditEntries(app.storage.db, app.repos, { subjectType: 'broadcast', limit: 5 });
    expect(audit).toMatchObject({ action: 'broadcast.created', subject: { id: String(id) } });
  });

  it('lets coordinators pause, resume and cancel, answering with the broadcast', async () => {
    const { app } = current();
    const coordinator = await signInAs(current(), 'coordinator', 'coord.control@palmas.to.gov.br');
    await call('POST', '/api/templates', coordinator, { name: 'aviso_obras', language: 'pt_BR', category: 'UTILITY', body: 'Obras: {{1}}' });
    await seedCitizens(app.storage.db, optedInCitizens(3, 500).map((c) => ({ ...c, placeId: '203-norte' })));
    // Tomorrow morning, so it is still scheduled while we act on it.
    const sendAt = new Date(Date.now() + 22 * 3_600_000).toISOString();
    const created = await call('POST', '/api/broadcasts', coordinator, { title: 'Obras', template: { name: 'aviso_obras', language: 'pt_BR', parameters: ['asfalto'] }, audience: { neighborhoods: ['203-norte'] }, send_at: sendAt });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await call('GET', `/api/broadcasts/${id}`, coordinator)).body).toMatchObject({ status: 'scheduled', send_at: sendAt, total: 0 });
    expect((await call('POST', `/api/broadcasts/${id}/pause`, coordinator)).status).toBe(409);
    // While one is paused (or sending), Prometheus sees its figures.
    await app.storage.db.updateTable('broadcasts').set({ status: 'paused', total: 3 }).where('id', '=', id).execute();
    expect(await (await fetch(`${current().url}/metrics`)).text()).toContain(`broadcast_messages{broadcast="${id}",figure="total"} 3`);
    await app.storage.db.updateTable('broadcasts').set({ status: 'scheduled', total: 0 }).where('id', '=', id).execute();
    const cancelled = await call('POST', `/api/broadcasts/${id}/cancel`, coordinator);
    expect(cancelled).toMatchObject({ status: 200, body: { id, status: 'cancelled' } });
    expect((await call('POST', `/api/broadcasts/${id}/resume`, coordinator)).status).toBe(409);
    expect((await call('GET', '/api/broadcasts/999999', coordinator)).status).toBe(404);
    const options = (await call('GET', '/api/broadcasts/audience-options', coordinator)).body;
    expect(options.topics).toContainEqual(expect.objectContaining({ id: 'saude' }));
    expect(options.regions).toContain('Plano Diretor Sul');
  });

  it('needs the CSRF header to create one', async () => {
    const coordinator = await signInAs(current(), 'coordinator', 'coord.csrf@palmas.to.gov.br');
    const response = await fetch(`${current().url}/api/broadcasts`, { method: 'POST', headers: { cookie: coordinator, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(403);
  });
});

describe('a broadcast asked for in the quiet hours', () => {
  const night = useTestApp({ env: { CITY_CONFIG: cityProfileAt(23) } });

  it('is refused with the time sending may start, and can be scheduled for the morning', async () => {
    const coordinator = await signInAs(night(), 'coordinator');
    await callApi(night().url, 'POST', '/api/templates', coordinator, { name: 'aviso_noite', language: 'pt_BR', category: 'UTILITY', body: 'Aviso: {{1}}' });
    const body = { title: 'Alerta', template: { name: 'aviso_noite', language: 'pt_BR', parameters: ['chuva forte'] }, audience: {} };
    const now = await callApi(night().url, 'POST', '/api/broadcasts', coordinator, body);
    expect(now.status).toBe(400);
    expect((now.body.error as { message: string }).message).toMatch(/entre 21h e 8h.*às 08:00/);
    const morning = await callApi(night().url, 'POST', '/api/broadcasts', coordinator, { ...body, send_at: new Date(Date.now() + 10 * 3_600_000).toISOString() });
    expect(morning.status).toBe(201);
  });
});
