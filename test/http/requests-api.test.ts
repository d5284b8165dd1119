import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, type Role } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { fromRoot } from '../../src/platform/paths.js';
import { signIn, signInAs } from '../support/sign-in.js';
import { callApi } from '../support/api.js';
import { useTestApp } from '../support/test-app.js';

// Monday 2026-11-30, 13:45 in Palmas.
const clock = new ManualClock('2026-11-30T16:45:00Z');
const testApp = useTestApp({ clock });
const PASSWORD = 'senha-de-teste-123';

interface Session {
  cookie: string;
  id: number;
}
const users = {} as Record<'admin' | 'coordinator' | 'zeladoria' | 'zeladoriaLead' | 'seihab' | 'fiscal', Session>;

const member = async (name: string, role: Role, departmentId?: string): Promise<Session> => {
  const { app } = testApp();
  const email = `${name}@palmas.to.gov.br`;
  const user = await createUser(app.storage.db, app.repos, { email, password: PASSWORD, name, role, departmentId }, clock.now().getTime(), app.config.city.departments);
  return { cookie: await signIn(testApp(), email, PASSWORD), id: user.id };
};

const me = async (cookie: string) => {
  const response = await fetch(`${testApp().url}/api/auth/me`, { headers: { cookie } });
  return ((await response.json()) as { user: { id: number; department_id: string | null } }).user;
};

const everywhere = async (role: Role): Promise<Session> => {
  const cookie = await signInAs(testApp(), role);
  return { cookie, id: (await me(cookie)).id };
};

beforeAll(async () => {
  users.admin = await everywhere('admin');
  users.coordinator = await everywhere('coordinator');
  users.zeladoria = await member('Bia', 'attendant', 'zeladoria-urbana');
  users.zeladoriaLead = await member('Dora', 'coordinator', 'zeladoria-urbana');
  users.seihab = await member('Edu', 'attendant', 'seihab');
  users.fiscal = await member('Fabi', 'coordinator', 'planejamento-desenvolvimento-urbano');
});

type Body = Record<string, unknown>;
const call = (method: string, path: string, who: Session | undefined, body?: unknown) => callApi(testApp().url, method, path, who?.cookie, body);

const intake = (over: Body = {}) => ({
  service_code: 'tapa-buraco',
  location: { address: 'Quadra 106 Sul, Alameda 3' },
  description: 'Buraco grande na pista',
  caller: { name: 'Zé do Caixa', phone: '63 3218-0000' },
  ...over,
});

/** Registers a request through the API (as the central coordinator unless told) and returns its protocol. */
const register = async (over: Body = {}, who = users.coordinator): Promise<string> => {
  const created = await call('POST', '/api/requests', who, intake(over));
  expect(created.status).toBe(201);
  return created.body.protocol as string;
};

const protocolsOf = (listed: { body: Body }) => (listed.body.requests as Array<{ protocol: string }>).map((r) => r.protocol);
const historyOf = async (protocol: string) => ((await call('GET', `/api/requests/${protocol}`, users.admin)).body.request as { history: Body[] }).history;

describe('the console\'s request list', () => {
  it('knows each user\'s department', async () => {
    expect(await me(users.zeladoria.cookie)).toMatchObject({ id: users.zeladoria.id, department_id: 'zeladoria-urbana' });
    expect(await me(users.admin.cookie)).toMatchObject({ department_id: null });
  });

  it('creates users of a department from the command line', async () => {
    const userAdd = (...extra: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', fromRoot('src', 'main.ts'), 'user', 'add', '--password', 'outra-senha-1', '--role', 'coordinator', ...extra], {
        cwd: fromRoot(),
        env: { ...process.env, DATABASE_URL: testApp().app.config.databaseUrl, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(userAdd('--email', 'semus@palmas.to.gov.br', '--department', 'semus')).toContain('Created coordinator semus@palmas.to.gov.br');
    expect(await me(await signIn(testApp(), 'semus@palmas.to.gov.br', 'outra-senha-1'))).toMatchObject({ department_id: 'semus' });
  });

  it('filters by status, service, assignee, priority, dates, text, overdue and duplicates, newest first, paged by cursor', async () => {
    clock.set('2026-11-27T14:00:00Z');
    const friday = await register({ description: 'lista-1 buraco antigo' });
    clock.set('2026-11-30T16:45:00Z');
    const lamp = await register({ service_code: 'iluminacao-publica', description: 'lista-1 poste apagado' });
    const pothole = await register({ description: 'lista-1 cratera' });
    const repeat = await register({ description: 'lista-1 cratera de novo' });
    await call('PATCH', `/api/requests/${lamp}`, users.coordinator, { status: 'em_analise' });
    await call('PATCH', `/api/requests/${pothole}`, users.zeladoria, { assignee_id: users.zeladoria.id });
    await call('PATCH', `/api/requests/${friday}`, users.coordinator, { priority: 'urgente' });
    await call('POST', `/api/requests/${repeat}/duplicate-of`, users.coordinator, { primary: pothole });
    const { app } = testApp();
    await app.storage.db.updateTable('service_requests').set({ expected_at: Date.parse('2026-11-29T12:00:00Z') }).where('protocol', '=', friday).execute();

    const list = (query: string, who = users.coordinator) => call('GET', `/api/requests?q=lista-1${query}`, who);
    expect(protocolsOf(await list(''))).toEqual([repeat, pothole, lamp, friday]);
    expect(protocolsOf(await list('&status=aberto,em_analise&service_code=iluminacao-publica'))).toEqual([lamp]);
    expect(protocolsOf(await list('&status=aberto&status=concluido'))).toEqual([repeat, pothole, friday]);
    expect(protocolsOf(await list('&assignee=me', users.zeladoria))).toEqual([pothole]);
    expect(protocolsOf(await list(`&assignee=${users.zeladoria.id}`))).toEqual([pothole]);
    expect(protocolsOf(await list('&assignee=none&service_code=tapa-buraco'))).toEqual([repeat, friday]);
    expect(protocolsOf(await list('&priority=urgente'))).toEqual([friday]);
    expect(protocolsOf(await list('&overdue=true'))).toEqual([friday]);
    expect(protocolsOf(await list('&include_duplicates=false'))).toEqual([pothole, lamp, friday]);
    expect(protocolsOf(await list('&created_to=2026-11-27'))).toEqual([friday]);
    expect(protocolsOf(await list('&created_from=2026-11-28&created_to=2026-11-30T23:59:59-03:00'))).toEqual([repeat, pothole, lamp]);
    expect(protocolsOf(await list('&department=seihab'))).toEqual([lamp]);

    const first = await list('&limit=3');
    expect(protocolsOf(first)).toEqual([repeat, pothole, lamp]);
    expect(protocolsOf(await list(`&limit=3&before=${String(first.body.next_before)}`))).toEqual([friday]);
    expect((await list(`&limit=3&before=${String(first.body.next_before)}`)).body.next_before).toBeNull();

    const items = (await list('')).body.requests as Body[];
    expect(items[0]).toMatchObject({ protocol: repeat, duplicate_of: pothole, channel: 'phone', has_photos: false, place: 'Quadra 106 Sul, Alameda 3', overdue: false });
    expect(items[1]).toMatchObject({ protocol: pothole, assignee: { id: users.zeladoria.id, name: 'Bia' }, department: { id: 'zeladoria-urbana' }, service: { code: 'tapa-buraco', name: 'Tapa-buraco' } });
    expect(items[3]).toMatchObject({ protocol: friday, priority: 'urgente', overdue: true, due_at: '2026-11-29T12:00:00.000Z' });
    expect(JSON.stringify(items)).not.toMatch(/Zé do Caixa|3218/);
  });

  it('shows users of a department only its requests, and refuses bad filters in Portuguese', async () => {
    const pothole = await register({ description: 'lista-2 buraco' });
    const lamp = await register({ service_code: 'iluminacao-publica', description: 'lista-2 poste' });
    expect(protocolsOf(await call('GET', '/api/requests?q=lista-2', users.zeladoria))).toEqual([pothole]);
    expect(protocolsOf(await call('GET', '/api/requests?q=lista-2', users.seihab))).toEqual([lamp]);
    expect(protocolsOf(await call('GET', '/api/requests?q=lista-2', users.admin))).toEqual([lamp, pothole]);
    expect(await call('GET', '/api/requests?department=seihab', users.zeladoria)).toMatchObject({ status: 404, body: { error: { code: 'department_not_found', message: 'Secretaria não encontrada.' } } });
    expect((await call('GET', '/api/requests?status=resolvido', users.admin)).status).toBe(400);
    expect(await call('GET', '/api/requests?created_from=ontem', users.admin)).toMatchObject({ status: 400, body: { error: { code: 'invalid_date' } } });
    expect((await call('GET', '/api/requests', undefined)).status).toBe(401);
  });
});

describe('a request\'s page and the changes staff make', () => {
  it('never tells another department a request exists, and gives the whole history with names', async () => {
    const pothole = await register({ description: 'pagina buraco' });
    expect(await call('GET', `/api/requests/${pothole}`, users.seihab)).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Pedido não encontrado.' } } });
    expect((await call('GET', '/api/requests/2026-999999', users.seihab)).status).toBe(404);
    for (const [method, path, body] of [
      ['PATCH', `/api/requests/${pothole}`, { status: 'em_analise' }],
      ['POST', `/api/requests/${pothole}/notes`, { note: 'olá' }],
      ['DELETE', `/api/requests/${pothole}/duplicate-of`, undefined],
    ] as const) expect((await call(method, path, users.seihab, body)).status).toBe(404);

    const noted = await call('POST', `/api/requests/${pothole}/notes`, users.zeladoria, { note: 'Equipe avisada por rádio' });
    expect(noted.status).toBe(200);
    const page = (await call('GET', `/api/requests/${pothole}`, users.zeladoriaLead)).body.request as Body;
    expect(page).toMatchObject({ protocol: pothole, status: 'aberto', followers: 0, duplicates: [], feedback: { solved: null, rating: null }, reporter: { citizen: null, caller: { name: 'Zé do Caixa', phone: '63 3218-0000' } } });
    expect(page.history).toEqual([
      expect.objectContaining({ kind: 'status', from: null, to: 'aberto', actor: `attendant:${users.coordinator.id}`, actor_name: 'coordinator' }),
      expect.objectContaining({ kind: 'note', from: 'aberto', to: 'aberto', note: 'Equipe avisada por rádio', actor: `attendant:${users.zeladoria.id}`, actor_name: 'Bia' }),
    ]);
    expect(await call('POST', `/api/requests/${pothole}/notes`, users.zeladoria, { note: '  ' })).toMatchObject({ status: 400, body: { error: { code: 'note_empty', message: 'Escreva a observação.' } } });
  });

  it('lets attendants change status and take a request, keeps priority and assigning others for coordinators, all or nothing', async () => {
    const pothole = await register({ description: 'papeis buraco' });
    expect(await call('PATCH', `/api/requests/${pothole}`, users.zeladoria, { priority: 'alta' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'Seu perfil não permite esta ação.' } } });
    expect((await call('PATCH', `/api/requests/${pothole}`, users.zeladoria, { assignee_id: users.zeladoriaLead.id })).status).toBe(403);
    // The refused priority rolls the status change of the same call back.
    expect((await call('PATCH', `/api/requests/${pothole}`, users.zeladoria, { status: 'em_analise', priority: 'alta' })).status).toBe(403);
    expect(((await call('GET', `/api/requests/${pothole}`, users.admin)).body.request as Body).status).toBe('aberto');

    const taken = await call('PATCH', `/api/requests/${pothole}`, users.zeladoria, { status: 'em_analise', note: 'Vistoria marcada', assignee_id: users.zeladoria.id });
    expect(taken).toMatchObject({ status: 200, body: { request: { status: 'em_analise', assignee: { id: users.zeladoria.id, name: 'Bia' } } } });
    expect(await call('PATCH', `/api/requests/${pothole}`, users.zeladoriaLead, { assignee_id: users.seihab.id })).toMatchObject({ status: 400, body: { error: { code: 'invalid_assignee' } } });
    expect(await call('PATCH', `/api/requests/${pothole}`, users.zeladoriaLead, { priority: 'urgente', assignee_id: null })).toMatchObject({ status: 200, body: { request: { priority: 'urgente', assignee: null } } });
    expect(await call('PATCH', `/api/requests/${pothole}`, users.zeladoriaLead, { status: 'cancelado' })).toMatchObject({ status: 200 });
    expect(await call('PATCH', `/api/requests/${pothole}`, users.zeladoriaLead, { status: 'em_analise' })).toMatchObject({ status: 409, body: { error: { code: 'transition_forbidden' } } });
    expect(await call('PATCH', `/api/requests/${pothole}`, users.zeladoriaLead, {})).toMatchObject({ status: 400, body: { error: { code: 'nothing_to_change' } } });
    expect((await historyOf(pothole)).map((e) => [e.kind, e.to, e.note])).toEqual([
      ['status', 'aberto', null],
      ['status', 'em_analise', 'Vistoria marcada'],
      ['assignment', 'em_analise', 'Atribuído a Bia'],
      ['priority', 'em_analise', 'Prioridade: normal → urgente'],
      ['assignment', 'em_analise', 'Atribuição removida'],
      ['status', 'cancelado', null],
    ]);
  });

  it('tells the citizen on WhatsApp when the status changes (CONTRACT: {status, note?})', async () => {
    const { app } = testApp();
    await app.repos.citizens.recordContact(app.storage.db, { key: 'cidada-rita', waId: '5563999990401', userId: undefined, profileName: 'Rita', at: clock.now().getTime() });
    const created = await call('POST', '/api/requests', users.zeladoria, intake({ description: 'aviso buraco', caller: { name: 'Rita', phone: '(63) 99999-0401' } }));
    expect(created).toMatchObject({ status: 201, body: { sent_on_whatsapp: true, department: { id: 'zeladoria-urbana' } } });
    const protocol = created.body.protocol as string;
    const before = (await app.repos.outbox.forRecipient(app.storage.db, 'cidada-rita')).length;
    expect((await call('PATCH', `/api/requests/${protocol}`, users.zeladoria, { status: 'em_execucao', note: 'Equipe a caminho' })).status).toBe(200);
    const notices = (await app.repos.outbox.forRecipient(app.storage.db, 'cidada-rita')).slice(before);
    expect(notices.map((row) => row.payload).join('\n')).toMatch(new RegExp(`${protocol}[\\s\\S]*Equipe a caminho`));
    expect(((await call('GET', `/api/requests/${protocol}`, users.zeladoria)).body.request as Body).reporter).toEqual({ citizen: { name: 'Rita', phone: '5563999990401' }, caller: { name: 'Rita', phone: '(63) 99999-0401' } });
  });

  it('links a repeated report to its primary and back, moving its citizen among the primary\'s followers', async () => {
    const { app } = testApp();
    await app.repos.citizens.recordContact(app.storage.db, { key: 'cidadao-caio', waId: '5563999990402', userId: undefined, profileName: 'Caio', at: clock.now().getTime() });
    const primary = await register({ description: 'ligar buraco' });
    const repeat = await register({ description: 'ligar buraco de novo', caller: { phone: '63 99999-0402' } });
    const lamp = await register({ service_code: 'iluminacao-publica', description: 'ligar poste' });
    const link = (protocol: string, to: string, who = users.zeladoriaLead) => call('POST', `/api/requests/${protocol}/duplicate-of`, who, { primary: to });

    expect((await link(repeat, primary, users.zeladoria)).status).toBe(403);
    expect(await link(repeat, repeat)).toMatchObject({ status: 400, body: { error: { code: 'self_link' } } });
    expect(await link(repeat, lamp, users.coordinator)).toMatchObject({ status: 409, body: { error: { code: 'different_service', message: 'Só é possível ligar pedidos do mesmo serviço.' } } });
    expect(await link(repeat, lamp)).toMatchObject({ status: 404, body: { error: { code: 'primary_not_found' } } });
    expect(await link(repeat, primary)).toMatchObject({ status: 200, body: { request: { duplicate_of: primary } } });
    expect(await link(primary, repeat)).toMatchObject({ status: 409, body: { error: { code: 'primary_is_duplicate' } } });
    expect(await call('GET', `/api/requests/${primary}`, users.zeladoria)).toMatchObject({ body: { request: { followers: 1, duplicates: [repeat] } } });
    expect(await app.repos.followers.of(app.storage.db, Number((await app.repos.requests.byProtocol(app.storage.db, primary))?.id))).toEqual(['cidadao-caio']);

    expect(await call('DELETE', `/api/requests/${repeat}/duplicate-of`, users.zeladoriaLead)).toMatchObject({ status: 200, body: { request: { duplicate_of: null } } });
    expect(await call('GET', `/api/requests/${primary}`, users.zeladoria)).toMatchObject({ body: { request: { followers: 0, duplicates: [] } } });
    expect((await historyOf(primary)).filter((e) => e.kind === 'link').map((e) => e.note)).toEqual([`Novo relato ligado a este pedido: ${repeat}`, `Relato ${repeat} desligado deste pedido`]);
    expect(await call('DELETE', `/api/requests/${repeat}/duplicate-of`, users.zeladoriaLead)).toMatchObject({ status: 409, body: { error: { code: 'not_a_duplicate' } } });
  });
});

describe('phone and service-desk intake', () => {
  it('registers a request for a caller, keeping HTML and SQL as plain text', async () => {
    const text = `<script>alert(1)</script>'; DROP TABLE service_requests; --`;
    const created = await call('POST', '/api/requests', users.zeladoria, intake({ description: text, reference: '<b>em frente</b>', channel: 'counter', caller: { name: text } }));
    expect(created).toMatchObject({ status: 201, body: { service: { code: 'tapa-buraco' }, department: { id: 'zeladoria-urbana' }, sent_on_whatsapp: false, duplicate_of: null } });
    expect(created.body.protocol).toMatch(/^2026-\d{6}$/);
    const page = (await call('GET', `/api/requests/${created.body.protocol as string}`, users.zeladoria)).body.request as Body;
    expect(page).toMatchObject({ description: text, channel: 'counter', location: { reference: '<b>em frente</b>' }, reporter: { caller: { name: text } } });
    const { app } = testApp();
    expect(await app.repos.requests.byProtocol(app.storage.db, created.body.protocol as string)).toMatchObject({ description: text, reference: '<b>em frente</b>', contact_name: text });
  });

  it('refuses a missing location, an unknown service, a 100 KB description, and another department\'s service', async () => {
    const refused = async (body: Body, who = users.coordinator) => call('POST', '/api/requests', who, body);
    const { location: _location, ...withoutLocation } = intake();
    expect((await refused(withoutLocation)).status).toBe(400);
    expect(await refused(intake({ location: {} }))).toMatchObject({ status: 400, body: { error: { code: 'missing_field', message: 'Falta informar o local.' } } });
    expect(await refused(intake({ service_code: 'conserto-de-disco-voador' }))).toMatchObject({ status: 400, body: { error: { code: 'unknown_service', message: 'Serviço não encontrado no catálogo.' } } });
    expect(await refused(intake({ description: 'x'.repeat(100 * 1024) }))).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(await refused(intake({ description: 'x'.repeat(3000) }))).toMatchObject({ status: 400, body: { error: { code: 'field_too_long' } } });
    expect(await refused(intake({ service_code: 'iluminacao-publica' }), users.zeladoria)).toMatchObject({ status: 403, body: { error: { code: 'outside_department' } } });
    expect((await call('POST', '/api/requests', undefined, intake())).status).toBe(401);
  });

  it('never shows who reported an anonymous request, to anyone', async () => {
    const { app } = testApp();
    await app.repos.citizens.recordContact(app.storage.db, { key: 'cidada-lia', waId: '5563999990403', userId: undefined, profileName: 'Lia Reclamante', at: clock.now().getTime() });
    const protocol = await register({ service_code: 'perturbacao-sossego', description: 'anonimo som alto', caller: { name: 'Lia Reclamante', phone: '63 99999-0403' } });
    for (const who of [users.admin, users.coordinator, users.fiscal]) {
      const page = await call('GET', `/api/requests/${protocol}`, who);
      expect(page).toMatchObject({ status: 200, body: { request: { anonymous: true, reporter: null } } });
      const listed = await call('GET', '/api/requests?q=anonimo', who);
      expect(protocolsOf(listed)).toEqual([protocol]);
      expect(page.text + listed.text).not.toMatch(/Lia|99999-0403|5563999990403|cidada-lia/);
    }
    const changed = await call('PATCH', `/api/requests/${protocol}`, users.fiscal, { status: 'em_analise', note: 'Fiscal designado' });
    expect(changed.status).toBe(200);
    expect(changed.text).not.toMatch(/Lia|99999-0403|5563999990403|cidada-lia/);
  });
});

describe('what the board and its map need', () => {
  it('filters by place and region, and gives each request its pinned point', async () => {
    const pinned = await register({ description: 'mapa-1 buraco', location: { latitude: -10.2101, longitude: -48.3303, place: '106-sul' } });
    const north = await register({ description: 'mapa-1 outro', location: { address: '403 Norte', place: '403-norte' } });
    const list = (query: string) => call('GET', `/api/requests?q=mapa-1${query}`, users.coordinator);
    expect(protocolsOf(await list('&place=106-sul'))).toEqual([pinned]);
    expect(protocolsOf(await list('&place=106-sul,403-norte'))).toEqual([north, pinned]);
    expect(protocolsOf(await list('&region=Plano%20Diretor%20Sul'))).toEqual([pinned]);
    expect(protocolsOf(await list('&region=Plano%20Diretor%20Sul&place=403-norte'))).toEqual([]);
    const items = (await list('')).body.requests as Array<{ protocol: string; point: unknown }>;
    expect(items.find((r) => r.protocol === pinned)?.point).toEqual({ latitude: -10.2101, longitude: -48.3303 });
    expect(items.find((r) => r.protocol === north)?.point).toBeNull();
  });

  it('offers coordinators everyone who may work on a request, attendants only themselves, the phone team nobody', async () => {
    const protocol = await register();
    const names = async (who: Session) => ((await call('GET', `/api/requests/${protocol}/assignees`, who)).body.people as Array<{ name: string }>).map((p) => p.name);
    const forLead = await names(users.zeladoriaLead);
    expect(forLead).toEqual(expect.arrayContaining(['Bia', 'Dora', 'admin', 'coordinator']));
    expect(forLead).not.toContain('Edu');
    expect(await names(users.zeladoria)).toEqual(['Bia']);
    expect((await call('GET', `/api/requests/${protocol}/assignees`, users.seihab)).status).toBe(404);
  });

  it('resolves a typed address to a place of the city, says when it is outside or unknown, and checks points', async () => {
    const lookup = async (query: string) => (await call('GET', `/api/places/lookup?${query}`, users.zeladoria)).body;
    expect(await lookup(`address=${encodeURIComponent('Quadra 403 Norte, lote 5')}`)).toMatchObject({ place: { status: 'inside', best: { id: '403-norte' } } });
    expect(await lookup('address=Luzimangues')).toMatchObject({ place: { status: 'outside' } });
    expect(await lookup('address=xyzzy%20qwerty')).toEqual({ place: { status: 'none', best: null, alternatives: [], ambiguous: false }, point_inside_city: null });
    expect((await lookup('latitude=-16.68&longitude=-49.25')).point_inside_city).toBe(false);
    expect((await call('GET', '/api/places/lookup?latitude=-10.2', users.zeladoria)).status).toBe(400);
    expect((await call('GET', '/api/places/lookup', users.zeladoria)).status).toBe(400);
    expect((await call('GET', '/api/places/lookup?address=106%20sul', undefined)).status).toBe(401);
  });

  it('tells the console the places, the city outline and where each status may go', async () => {
    const config = (await call('GET', '/api/config', undefined)).body as { places: Array<{ id: string; region: string | null }>; boundary: unknown[]; statuses: Array<{ code: string; next: string[] }> };
    expect(config.places).toContainEqual({ id: '106-sul', name: expect.stringContaining('106 Sul'), region: 'Plano Diretor Sul' });
    expect(config.places.some((p) => p.id === 'luzimangues')).toBe(false);
    expect(config.boundary.length).toBeGreaterThan(3);
    expect(config.statuses.find((s) => s.code === 'cancelado')?.next).toEqual([]);
    expect(config.statuses.find((s) => s.code === 'concluido')?.next).toEqual(['em_analise']);
  });
});

describe('the OpenAPI description', () => {
  it('lists every request route', async () => {
    const spec = (await call('GET', '/api/docs/json', undefined)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/requests', '/api/requests/{protocol}', '/api/requests/{protocol}/notes', '/api/requests/{protocol}/duplicate-of', '/api/requests/{protocol}/assignees', '/api/places/lookup']));
    expect(Object.keys(spec.paths['/api/requests'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(spec.paths['/api/requests/{protocol}'] ?? {})).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(spec.paths['/api/requests/{protocol}/duplicate-of'] ?? {})).toEqual(expect.arrayContaining(['post', 'delete']));
  });
});
