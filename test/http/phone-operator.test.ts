import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { signIn, signInAs, TEST_PASSWORD } from '../support/sign-in.js';
import { callApi } from '../support/api.js';
import { useTestApp } from '../support/test-app.js';

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

let operator = '';
let operatorId = 0;
let coordinator = '';

const call = (method: string, path: string, cookie: string, body?: unknown) => callApi(testApp().url, method, path, cookie, body);

const intake = {
  service_code: 'tapa-buraco',
  location: { address: 'Quadra 106 Sul, Alameda 3' },
  description: 'Buraco grande na pista',
  caller: { name: 'Zé do Caixa', phone: '63 3218-0000' },
};

beforeAll(async () => {
  const { app } = testApp();
  const user = await createUser(app.storage.db, app.repos, { email: 'fone@palmas.to.gov.br', password: TEST_PASSWORD, name: 'Fátima', role: 'operator' }, clock.now().getTime());
  operatorId = user.id;
  operator = await signIn(testApp(), 'fone@palmas.to.gov.br', TEST_PASSWORD);
  coordinator = await signInAs(testApp(), 'coordinator');
});

describe('the phone team (operator role)', () => {
  it('registers a caller\'s request, finds it in the list, reads it back and adds a note', async () => {
    const created = await call('POST', '/api/requests', operator, intake);
    expect(created.status).toBe(201);
    const protocol = created.body.protocol as string;
    expect(((await call('GET', '/api/requests?q=Buraco', operator)).body.requests as Array<{ protocol: string }>).map((r) => r.protocol)).toContain(protocol);
    expect((await call('GET', `/api/requests/${protocol}`, operator)).status).toBe(200);
    expect((await call('POST', `/api/requests/${protocol}/notes`, operator, { note: 'Cidadão ligou de novo cobrando.' })).status).toBe(200);
  });

  it('may not change a request: status, priority, assignment, duplicates', async () => {
    const protocol = (await call('POST', '/api/requests', coordinator, intake)).body.protocol as string;
    const other = (await call('POST', '/api/requests', coordinator, intake)).body.protocol as string;
    expect((await call('PATCH', `/api/requests/${protocol}`, operator, { status: 'em_analise' })).status).toBe(403);
    expect((await call('PATCH', `/api/requests/${protocol}`, operator, { priority: 'alta' })).status).toBe(403);
    expect((await call('PATCH', `/api/requests/${protocol}`, operator, { assignee_id: operatorId })).status).toBe(403);
    expect((await call('POST', `/api/requests/${other}/duplicate-of`, operator, { primary: protocol })).status).toBe(403);
    const request = (await call('GET', `/api/requests/${protocol}`, coordinator)).body.request as { status: string; assigneeId?: unknown; history: unknown[] };
    expect(request.status).toBe('aberto');
    expect(request.history).toHaveLength(1);
  });

  it('is offered nobody to assign, and is not among the people a coordinator may assign', async () => {
    const protocol = (await call('POST', '/api/requests', coordinator, intake)).body.protocol as string;
    const offered = await call('GET', `/api/requests/${protocol}/assignees`, operator);
    expect(offered.status).toBe(200);
    expect(offered.body.people).toEqual([]);
    const forCoordinator = (await call('GET', `/api/requests/${protocol}/assignees`, coordinator)).body.people as Array<{ id: number }>;
    expect(forCoordinator.length).toBeGreaterThan(0);
    expect(forCoordinator.map((p) => p.id)).not.toContain(operatorId);
  });

  it('looks up the place a caller names, and whether a clicked point is in the city', async () => {
    const found = await call('GET', `/api/places/lookup?address=${encodeURIComponent('qd 106 sul alameda 3')}`, operator);
    expect(found.status).toBe(200);
    expect(found.body.place).toMatchObject({ status: 'inside', best: { id: '106-sul', region: 'Plano Diretor Sul' } });
    expect(found.body.point_inside_city).toBeNull();
    const point = await call('GET', '/api/places/lookup?latitude=-10.2101&longitude=-48.3303', operator);
    expect(point.body).toEqual({ place: null, point_inside_city: true });
  });

  it('is never handed a request by a coordinator', async () => {
    const protocol = (await call('POST', '/api/requests', coordinator, intake)).body.protocol as string;
    const refused = await call('PATCH', `/api/requests/${protocol}`, coordinator, { assignee_id: operatorId });
    expect(refused.status).toBe(400);
  });

  it('does not attend WhatsApp conversations: the inbox and its ready answers are closed to them', async () => {
    for (const [method, path] of [['GET', '/api/inbox'], ['GET', '/api/canned-replies'], ['POST', '/api/inbox/1/take'], ['POST', '/api/inbox/1/reply']] as const) {
      const response = await call(method, path, operator, method === 'POST' ? { text: 'oi' } : undefined);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
    expect((await call('GET', '/api/inbox', coordinator)).status).toBe(200);
  });
});
