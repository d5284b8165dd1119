import { describe, expect, it } from 'vitest';
import { openServiceRequest } from '../../src/domain/requests/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signIn, signInAs, TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

// Monday 2026-11-30, 15:00 in Palmas.
const clock = new ManualClock('2026-11-30T18:00:00Z');
const testApp = useTestApp({ clock });

const get = async (path: string, cookie?: string) => {
  const response = await fetch(`${testApp().url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('departments and their daily summary through the console API', () => {
  it('lists today\'s departments and summarises one day for a coordinator', async () => {
    const { app } = testApp();
    const coordinator = await signInAs(testApp(), 'coordinator');
    const departments = (await get('/api/departments', coordinator)).body.departments as Array<{ id: string }>;
    expect(departments.map((d) => d.id)).toEqual(expect.arrayContaining(['seihab', 'zeladoria-urbana']));

    const now = clock.now().getTime();
    const pothole = { serviceCode: 'tapa-buraco', citizenKey: null, channel: 'phone' as const, location: { latitude: -10.2, longitude: -48.3, text: 'Quadra 104 Sul' }, description: 'Buraco na pista' };
    await openServiceRequest(app.storage.db, app.repos, app.config.city, pothole, now - 40 * 24 * 60 * 60 * 1000);
    await openServiceRequest(app.storage.db, app.repos, app.config.city, { ...pothole, location: { latitude: -10.25, longitude: -48.3, text: 'Taquaralto' } }, now);
    const summary = await get('/api/departments/zeladoria-urbana/summary', coordinator);
    expect(summary).toMatchObject({ status: 200, body: { day: '2026-11-30', opened: 1, opened_by_service: { 'tapa-buraco': 1 }, open_now: 2, overdue_now: 1 } });
    expect((await get('/api/departments/zeladoria-urbana/summary?day=2026-10-21', coordinator)).body).toMatchObject({ opened: 1 });
    expect((await get('/api/departments/zeladoria-urbana/summary?day=21/10/2026', coordinator)).status).toBe(400);
  });

  it('shows a user of one department only that department, and refuses anonymous callers', async () => {
    const { app } = testApp();
    const attendant = await signInAs(testApp(), 'attendant', 'atendente.seihab@palmas.to.gov.br');
    await app.storage.db.updateTable('users').set({ department_id: 'seihab' }).where('email', '=', 'atendente.seihab@palmas.to.gov.br').execute();
    expect((await get('/api/departments/seihab/summary', attendant)).status).toBe(200);
    expect((await get('/api/departments/zeladoria-urbana/summary', attendant)).status).toBe(404);
    expect((await get('/api/departments/nao-existe/summary', attendant)).status).toBe(404);
    expect((await get('/api/departments/seihab/summary')).status).toBe(401);
  });
});

interface Card {
  id: string;
  name: string;
  replaced: Array<{ id: string }>;
  services: Array<{ code: string; phone_line: string | null }>;
  people: Array<{ name: string; role: string }>;
  open_now: number;
  overdue_now: number;
  waiting_now: number;
}

describe('the departments overview', () => {
  it('gives each department its services, people and load now, and the former structures with their successors', async () => {
    const { app } = testApp();
    const coordinator = await signInAs(testApp(), 'coordinator', 'coord.overview@palmas.to.gov.br');
    await signInAs(testApp(), 'attendant', 'gil.seihab@palmas.to.gov.br');
    await app.storage.db.updateTable('users').set({ department_id: 'seihab', name: 'Gil Souza' }).where('email', '=', 'gil.seihab@palmas.to.gov.br').execute();
    const now = clock.now().getTime();
    await openServiceRequest(app.storage.db, app.repos, app.config.city, { serviceCode: 'iluminacao-publica', citizenKey: null, channel: 'phone', location: { text: 'Quadra 104 Sul' }, description: 'Poste apagado' }, now);
    await scriptedCitizen(testApp(), '5563999990801', 'Rui').asksForPersonAboutStreetLight();

    const { status, body } = await get('/api/departments/overview', coordinator);
    expect(status).toBe(200);
    const cards = body.departments as Card[];
    const seihab = cards.find((c) => c.id === 'seihab');
    expect(seihab).toMatchObject({ open_now: 1, overdue_now: 0, waiting_now: 1, replaced: [{ id: 'infraestrutura-obras-publicas' }] });
    expect(seihab?.services.map((s) => s.code)).toEqual(['iluminacao-publica', 'retirada-galhada', 'drenagem-bueiro']);
    expect(seihab?.people).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Gil Souza', role: 'attendant', disabled: false })]));
    expect(cards.map((c) => c.id)).not.toContain('seisp');
    expect(body.former).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'infraestrutura-obras-publicas', valid_to: '2025-09-30', successor: { id: 'seihab', name: expect.stringContaining('Infraestrutura e Habitação') } })]));

    const attendant = await signIn(testApp(), 'gil.seihab@palmas.to.gov.br', TEST_PASSWORD);
    const scoped = (await get('/api/departments/overview', attendant)).body;
    expect((scoped.departments as Card[]).map((c) => c.id)).toEqual(['seihab']);
    expect(scoped.former).toEqual([]);
    expect((await get('/api/departments/overview')).status).toBe(401);
  });
});
