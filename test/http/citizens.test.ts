import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { tinyPng } from '../support/images.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signIn, signInAs, TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const session = {} as Record<'admin' | 'coordinator' | 'seihab' | 'semus' | 'operator', string>;
const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(testApp().url, method, path, cookie, body);

const member = async (email: string, departmentId: string): Promise<string> => {
  const { app } = testApp();
  await createUser(app.storage.db, app.repos, { email, name: email, password: TEST_PASSWORD, role: 'attendant', departmentId }, clock.now().getTime(), app.config.city.departments);
  return signIn(testApp(), email, TEST_PASSWORD);
};

const CIDA = '5563999991001';
const LU = '5563999991002';

beforeAll(async () => {
  session.admin = await signInAs(testApp(), 'admin');
  session.coordinator = await signInAs(testApp(), 'coordinator');
  session.operator = await signInAs(testApp(), 'operator');
  session.seihab = await member('seihab@palmas.to.gov.br', 'seihab');
  session.semus = await member('semus@palmas.to.gov.br', 'semus');
  // Cida registers, asks for a person about a street light (Seihab) and sends a photo.
  const cida = scriptedCitizen(testApp(), CIDA, 'Cida Souza');
  await cida.asksForPersonAboutStreetLight();
  const simulator = testApp().app.simulator;
  if (!simulator) throw new Error('simulator mode expected');
  await simulator.sendImage(CIDA, 'Cida Souza', { bytes: tinyPng(), mimeType: 'image/png', caption: 'o poste' }).acknowledged;
});

const keysOf = (answer: { body: Record<string, unknown> }) => (answer.body.citizens as Array<{ key: string }>).map((c) => c.key);

describe('citizens in the console', () => {
  it('finds a citizen by any form of their number, by name, and only in the departments they dealt with', async () => {
    expect(keysOf(await call('GET', '/api/citizens?q=(63) 99999-1001', session.coordinator))).toEqual([CIDA]);
    expect(keysOf(await call('GET', '/api/citizens?q=6399991001', session.coordinator))).toEqual([CIDA]);
    expect(keysOf(await call('GET', '/api/citizens?q=cida', session.operator))).toEqual([CIDA]);
    expect(keysOf(await call('GET', '/api/citizens?q=cida', session.seihab))).toEqual([CIDA]);
    expect(keysOf(await call('GET', '/api/citizens?q=cida', session.semus))).toEqual([]);
    expect((await call('GET', `/api/citizens/${CIDA}`, session.semus)).status).toBe(404);
    expect((await call('GET', '/api/citizens?q=cida', undefined)).status).toBe(401);
  });

  it('opens a record to users without a department and to the departments the citizen dealt with; LGPD routes to admins only', async () => {
    for (const who of ['admin', 'coordinator', 'operator', 'seihab'] as const) expect({ who, status: (await call('GET', `/api/citizens/${CIDA}`, session[who])).status }).toEqual({ who, status: 200 });
    expect((await call('GET', `/api/citizens/${CIDA}`, undefined)).status).toBe(401);
    for (const who of ['coordinator', 'operator', 'seihab', 'semus'] as const) {
      expect({ who, status: (await call('GET', `/api/citizens/${CIDA}/export`, session[who])).status }).toEqual({ who, status: 403 });
      expect({ who, status: (await call('POST', `/api/citizens/${CIDA}/anonymise`, session[who], { confirm: '1001' })).status }).toEqual({ who, status: 403 });
    }
    expect((await call('GET', `/api/citizens/${CIDA}/export`, undefined)).status).toBe(401);
    expect((await call('POST', `/api/citizens/${CIDA}/anonymise`, undefined, { confirm: '1001' })).status).toBe(401);
    expect((await call('GET', '/api/citizens/5563999990000', session.admin)).status).toBe(404);
  });

  it('shows the record: consent, conversations, and no anonymous request', async () => {
    const record = await call('GET', `/api/citizens/${CIDA}`, session.seihab);
    expect(record.status).toBe(200);
    const citizen = record.body.citizen as { phone: string; profile_name: string; consent: { status: string }; conversations: Array<{ department_id: string; attendant: string | null }> };
    expect(citizen).toMatchObject({ phone: CIDA, profile_name: 'Cida Souza', consent: { status: 'declined' } });
    expect(citizen.conversations[0]?.attendant).toBeNull();
    expect(citizen.conversations.map((c) => c.department_id)).toEqual(['seihab']);
    const id = (record.body.citizen as { conversations: Array<{ id: number }> }).conversations[0]?.id ?? 0;
    expect((await call('POST', `/api/inbox/${id}/take`, session.seihab)).status).toBe(204);
    const taken = (await call('GET', `/api/citizens/${CIDA}`, session.seihab)).body.citizen as { conversations: Array<{ status: string; attendant: string | null }> };
    expect(taken.conversations).toMatchObject([{ status: 'taken', attendant: 'seihab@palmas.to.gov.br' }]);
  });

  it('forgets a citizen who confirmed "apagar meus dados" on WhatsApp: the console no longer finds them', async () => {
    const { app } = testApp();
    const lu = scriptedCitizen(testApp(), LU, 'Lu');
    await lu.declinesRegistration();
    expect((await call('GET', `/api/citizens/${LU}`, session.operator)).status).toBe(200);
    await lu.says('apagar meus dados', 'Confirma?');
    await lu.taps('delete:yes', 'Em alguns minutos');
    // The erasure waits for the confirmation to reach Meta; its retries run on the app's clock, stopped here.
    const started = clock.now();
    await expect.poll(async () => {
      clock.advance(5_000);
      app.jobs.wake.notify();
      return (await call('GET', `/api/citizens/${LU}`, session.operator)).body.citizen;
    }, { timeout: 15_000 }).toBeNull();
    expect((await call('GET', `/api/citizens/${LU}`, session.seihab)).status).toBe(404);
    clock.set(started);
  });

  it('records who opened a citizen\'s record, under a pseudonym, never the number', async () => {
    const { db } = testApp().app.storage;
    const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'citizen.viewed').execute();
    expect((await call('GET', `/api/citizens/${CIDA}`, session.operator)).status).toBe(200);
    expect((await call('GET', '/api/citizens/5563999990000', session.operator)).status).toBe(404);
    const after = await db.selectFrom('audit_log').selectAll().where('action', '=', 'citizen.viewed').execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.actor_user_id).toEqual(expect.any(Number));
    expect(JSON.stringify(after)).not.toContain(CIDA.slice(-8));
  });

  it('exports everything to admins only, audited without the number', async () => {
    expect((await call('GET', `/api/citizens/${CIDA}/export`, session.coordinator)).status).toBe(403);
    const response = await fetch(`${testApp().url}/api/citizens/${CIDA}/export`, { headers: { cookie: session.admin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="dados-cidadao-2026-11-30\.json"$/);
    const exported = (await response.json()) as { records: Record<string, unknown[]> };
    expect(exported.records.messages_received?.length).toBeGreaterThan(3);
    expect(exported.records.attendances).toHaveLength(1);
    const { app } = testApp();
    const audit = await app.storage.db.selectFrom('audit_log').selectAll().where('action', '=', 'citizen.exported').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('99999');
  });

  it('anonymises for admins who confirm the last digits: personal data gone, requests kept without them', async () => {
    const { app } = testApp();
    const registered = await call('POST', '/api/requests', session.coordinator, {
      service_code: 'tapa-buraco',
      location: { address: 'Quadra 106 Sul' },
      description: 'Buraco grande',
      caller: { name: 'Cida', phone: '(63) 99999-1001' },
    });
    const protocol = registered.body.protocol as string;
    expect((await call('POST', `/api/citizens/${CIDA}/anonymise`, session.coordinator, { confirm: '1001' })).status).toBe(403);
    expect((await call('POST', `/api/citizens/${CIDA}/anonymise`, session.admin, { confirm: '9999' })).status).toBe(400);
    const done = await call('POST', `/api/citizens/${CIDA}/anonymise`, session.admin, { confirm: '1001' });
    expect(done).toMatchObject({ status: 200, body: { requests_kept: 1 } });

    const { db } = app.storage;
    for (const table of ['citizens', 'citizen_profiles', 'inbound_messages', 'handoffs', 'media', 'conversations'] as const) {
      const rows = await db.selectFrom(table).selectAll().execute();
      expect({ table, rows: JSON.stringify(rows).includes(CIDA) }).toEqual({ table, rows: false });
    }
    expect(JSON.stringify(await db.selectFrom('outbox').selectAll().execute())).not.toContain(CIDA);
    const kept = await db.selectFrom('service_requests').selectAll().where('protocol', '=', protocol).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ citizen_key: null, contact_name: null, contact_phone: null, description: 'Buraco grande' });
    expect(await call('GET', `/api/citizens/${CIDA}`, session.admin)).toMatchObject({ status: 200, body: { citizen: null, anonymised_at: '2026-11-30T17:00:00.000Z' } });
    expect((await call('GET', `/api/citizens/${CIDA}`, session.seihab)).status).toBe(404);
    const again = await call('POST', `/api/citizens/${CIDA}/anonymise`, session.admin, { confirm: '1001' });
    expect(again).toMatchObject({ status: 200, body: { requests_kept: 0, media_deleted: 0, anonymised_at: '2026-11-30T17:00:00.000Z' } });
    expect((await call('POST', `/api/citizens/${CIDA}/anonymise`, session.admin, { confirm: '0000' })).status).toBe(400);
    expect((await call('POST', '/api/citizens/5563999990000/anonymise', session.admin, { confirm: '0000' })).status).toBe(404);
    expect((await db.selectFrom('audit_log').select('action').where('action', '=', 'citizen.anonymised').where('actor_user_id', 'is not', null).execute())).toHaveLength(1);
  });
});
