import { describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { createUser, type Role } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { tinyPng } from '../support/images.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signIn, signInAs, TEST_PASSWORD } from '../support/sign-in.js';
import { callApi } from '../support/api.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

// Monday 2026-11-30, 14:00 in Palmas: attendance is open.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const call = (method: string, path: string, cookie: string, body?: unknown) => callApi(testApp().url, method, path, cookie, body);

const setDepartment = (email: string, department: string) =>
  testApp().app.storage.db.updateTable('users').set({ department_id: department }).where('email', '=', email).execute();

interface Item {
  id: number;
  citizen_name: string | null;
  status: string;
  department_id: string | null;
  window_open: boolean;
  taken_by: number | null;
}
interface Entry {
  direction: string;
  author: string | null;
  text: string;
}

describe('the attendants\' inbox', () => {
  it('takes a waiting citizen, answers on WhatsApp, keeps notes, transfers and closes back to the bot', async () => {
    const ana = scriptedCitizen(testApp(), '5563999990701', 'Ana');
    await ana.asksForPersonAboutStreetLight();

    const seihab = await signInAs(testApp(), 'attendant', 'maria.seihab@palmas.to.gov.br');
    await setDepartment('maria.seihab@palmas.to.gov.br', 'seihab');
    const other = await signInAs(testApp(), 'attendant', 'joao.zeladoria@palmas.to.gov.br');
    await setDepartment('joao.zeladoria@palmas.to.gov.br', 'zeladoria-urbana');

    const queue = (await call('GET', '/api/inbox', seihab)).body?.items as Item[];
    const item = queue.find((i) => i.citizen_name === 'Ana');
    expect(item).toMatchObject({ status: 'waiting', department_id: 'seihab', window_open: true });
    const id = item?.id ?? 0;
    // Another department's attendant neither sees nor touches it.
    expect(((await call('GET', '/api/inbox', other)).body?.items as Item[]).some((i) => i.id === id)).toBe(false);
    expect((await call('POST', `/api/inbox/${id}/take`, other)).status).toBe(404);

    expect((await call('POST', `/api/inbox/${id}/reply`, seihab, { text: 'Olá!' })).status).toBe(409);
    expect((await call('POST', `/api/inbox/${id}/take`, seihab)).status).toBe(204);
    // Colleagues see who attends the citizen.
    expect(((await call('GET', '/api/inbox', seihab)).body?.items as Item[]).find((i) => i.id === id)).toMatchObject({ status: 'taken', taken_by_name: 'attendant' });
    expect((await call('POST', `/api/inbox/${id}/reply`, seihab, { text: 'Olá, Ana! Em que rua fica o poste?' })).status).toBe(204);
    const sim = testApp().app.simulator;
    if (!sim) throw new Error('simulator mode expected');
    const answer = await sim.waitForOutbound(ana.phone, (m) => outboundText(m).includes('Em que rua'));
    expect(outboundText(answer)).toContain('*attendant, Prefeitura de Palmas:*');

    // While a person attends, the bot stays quiet and the message reaches the thread.
    await sim.sendText(ana.phone, 'Ana', 'Rua 7 da 106 Sul').acknowledged;
    await expect(sim.waitForOutbound(ana.phone, () => true, 700)).rejects.toThrow();
    expect((await call('POST', `/api/inbox/${id}/notes`, seihab, { text: 'Cidadã já ligou ontem' })).status).toBe(204);
    const history = (await call('GET', `/api/inbox/${id}/history`, seihab)).body?.entries as Entry[];
    expect(history.map((e) => [e.direction, e.text])).toEqual(
      expect.arrayContaining([
        ['in', 'Rua 7 da 106 Sul'],
        ['note', 'Cidadã já ligou ontem'],
        ['event', 'attendant assumiu o atendimento'],
      ]),
    );
    expect(history.find((e) => e.direction === 'out' && e.text.includes('Em que rua'))?.author).toMatch(/^attendant:\d+$/);

    expect((await call('POST', `/api/inbox/${id}/transfer`, seihab, { department: 'zeladoria-urbana' })).status).toBe(204);
    await sim.waitForOutbound(ana.phone, (m) => outboundText(m).includes('encaminhada para a equipe'));
    expect(((await call('GET', '/api/inbox', other)).body?.items as Item[]).find((i) => i.id === id)).toMatchObject({ status: 'waiting', department_id: 'zeladoria-urbana' });
    expect((await call('POST', `/api/inbox/${id}/take`, other)).status).toBe(204);
    expect((await call('POST', `/api/inbox/${id}/close`, other)).status).toBe(204);
    await sim.waitForOutbound(ana.phone, (m) => outboundText(m).includes('Atendimento encerrado'));
    // Back to the bot.
    await ana.says('oi', 'Como posso ajudar');
    expect((await call('POST', `/api/inbox/${id}/reply`, other, { text: 'mais alguma coisa?' })).status).toBe(409);
  });

  it('refuses free text after 24 hours of silence: only templates may go', async () => {
    const bia = scriptedCitizen(testApp(), '5563999990702', 'Bia');
    await bia.declinesRegistration();
    await bia.says('atendente', 'equipe de atendimento');
    let central = await signInAs(testApp(), 'attendant', 'central@palmas.to.gov.br');
    const id = ((await call('GET', '/api/inbox', central)).body?.items as Item[]).find((i) => i.citizen_name === 'Bia')?.id ?? 0;
    await call('POST', `/api/inbox/${id}/take`, central);
    clock.advance(25 * 60 * 60 * 1000);
    // A day later the session has expired too: sign in again.
    central = await signIn(testApp(), 'central@palmas.to.gov.br', TEST_PASSWORD);
    expect(((await call('GET', '/api/inbox', central)).body?.items as Item[]).find((i) => i.id === id)?.window_open).toBe(false);
    const refused = await call('POST', `/api/inbox/${id}/reply`, central, { text: 'Ainda precisa de ajuda?' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'window_closed' } } });
    expect((await call('POST', `/api/inbox/${id}/resume`, central)).status).toBe(204);
    const sim = testApp().app.simulator;
    if (!sim) throw new Error('simulator mode expected');
    const template = await sim.waitForOutbound('5563999990702', (m) => m.type === 'template');
    expect(template.status).not.toBe('failed');
    expect(outboundText(template)).toContain('retomar_atendimento');
    // Once Bia answers, the window is open again and free text goes.
    await sim.sendText(bia.phone, 'Bia', 'oi, ainda preciso').acknowledged;
    const deadline = Date.now() + 5_000;
    while (!((await call('GET', '/api/inbox', central)).body?.items as Item[]).find((i) => i.id === id)?.window_open && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await call('POST', `/api/inbox/${id}/resume`, central)).status).toBe(409);
    expect((await call('POST', `/api/inbox/${id}/reply`, central, { text: 'Que bom! Como posso ajudar?' })).status).toBe(204);
  });

  it('streams a live event to open consoles when a citizen reaches the queue', async () => {
    const coordinator = await signInAs(testApp(), 'coordinator');
    const controller = new AbortController();
    const response = await fetch(`${testApp().url}/api/events`, { headers: { cookie: coordinator }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    const received = (async () => {
      let text = '';
      while (!text.includes('event: inbox')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    const caio = scriptedCitizen(testApp(), '5563999990703', 'Caio');
    await caio.declinesRegistration();
    await caio.says('atendente', 'equipe de atendimento');
    expect(await received).toContain('event: inbox');
    controller.abort();
    expect((await fetch(`${testApp().url}/api/events`)).status).toBe(401);
  });
});

describe('handing a conversation to a colleague', () => {
  it('lists only enabled people who attend its queue, to coordinators, and hands it over', async () => {
    const gil = scriptedCitizen(testApp(), '5563999990705', 'Gil');
    await gil.asksForPersonAboutStreetLight();
    const lead = await signInAs(testApp(), 'coordinator', 'lead@palmas.to.gov.br');
    const nina = await signInAs(testApp(), 'attendant', 'nina.seihab@palmas.to.gov.br');
    await setDepartment('nina.seihab@palmas.to.gov.br', 'seihab');
    const { app } = testApp();
    const add = (email: string, role: Role, departmentId?: string) =>
      createUser(app.storage.db, app.repos, { email, name: email, password: TEST_PASSWORD, role, departmentId }, clock.now().getTime(), app.config.city.departments);
    await add('otto.semus@palmas.to.gov.br', 'attendant', 'semus');
    await add('fone@palmas.to.gov.br', 'operator');
    await add('ex.seihab@palmas.to.gov.br', 'attendant', 'seihab');
    await app.storage.db.updateTable('users').set({ disabled_at: clock.now().getTime() }).where('email', '=', 'ex.seihab@palmas.to.gov.br').execute();

    const id = ((await call('GET', '/api/inbox', lead)).body?.items as Item[]).find((i) => i.citizen_name === 'Gil')?.id ?? 0;
    const listed = await call('GET', `/api/inbox/${id}/assignees`, lead);
    const emails = (await testApp().app.storage.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [Number(u.id), u.email] as const);
    const emailOf = new Map(emails);
    const people = (listed.body?.people as Array<{ id: number }>).map((p) => emailOf.get(p.id));
    expect(people).toContain('nina.seihab@palmas.to.gov.br');
    expect(people).toContain('lead@palmas.to.gov.br');
    expect(people).not.toContain('otto.semus@palmas.to.gov.br');
    expect(people).not.toContain('fone@palmas.to.gov.br');
    expect(people).not.toContain('ex.seihab@palmas.to.gov.br');
    expect((await call('GET', `/api/inbox/${id}/assignees`, nina)).status).toBe(403);

    const ninaId = (listed.body?.people as Array<{ id: number; name: string }>).find((p) => emailOf.get(p.id) === 'nina.seihab@palmas.to.gov.br')?.id;
    expect((await call('POST', `/api/inbox/${id}/assign`, lead, { user_id: ninaId })).status).toBe(204);
    expect(((await call('GET', '/api/inbox', nina)).body?.items as Item[]).find((i) => i.id === id)).toMatchObject({ status: 'taken', taken_by: ninaId });
  });
});

describe('photos in the conversation', () => {
  it('refuses a file whose content is not the type it claims, and keeps nothing of it', async () => {
    const eva = scriptedCitizen(testApp(), '5563999990708', 'Eva');
    await eva.declinesRegistration();
    const sim = testApp().app.simulator;
    if (!sim) throw new Error('simulator mode expected');
    const sent = sim.sendImage(eva.phone, 'Eva', { bytes: Buffer.from('<!doctype html><script>alert(1)</script>'), mimeType: 'image/jpeg', caption: 'foto' });
    await sent.acknowledged;
    const { app } = testApp();
    await expect.poll(async () => (await app.repos.media.forInbound(app.storage.db, sent.wamid))[0]?.status, { timeout: 5_000 }).toBe('rejected');
    const [media] = await app.repos.media.forInbound(app.storage.db, sent.wamid);
    expect(media?.path ?? null).toBeNull();
  });

  it('shows a stored photo to the department attending the citizen, and to nobody else', async () => {
    const dani = scriptedCitizen(testApp(), '5563999990704', 'Dani');
    await dani.asksForPersonAboutStreetLight();
    const sim = testApp().app.simulator;
    if (!sim) throw new Error('simulator mode expected');
    const bytes = tinyPng();
    const sent = sim.sendImage(dani.phone, 'Dani', { bytes, mimeType: 'image/png', caption: 'o poste' });
    await sent.acknowledged;
    const { app } = testApp();
    const deadline = Date.now() + 5_000;
    let media = await app.repos.media.forInbound(app.storage.db, sent.wamid);
    while (media[0]?.status !== 'stored' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      media = await app.repos.media.forInbound(app.storage.db, sent.wamid);
    }
    const mediaId = media[0]?.media_id ?? '';
    const seihab = await signInAs(testApp(), 'attendant', 'rita.seihab@palmas.to.gov.br');
    await setDepartment('rita.seihab@palmas.to.gov.br', 'seihab');
    const other = await signInAs(testApp(), 'attendant', 'lia.semus@palmas.to.gov.br');
    await setDepartment('lia.semus@palmas.to.gov.br', 'semus');
    const photo = await fetch(`${testApp().url}/api/media/${mediaId}`, { headers: { cookie: seihab } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${testApp().url}/api/media/${mediaId}`, { headers: { cookie: other } })).status).toBe(404);
    expect((await fetch(`${testApp().url}/api/media/${mediaId}`)).status).toBe(401);
    expect((await fetch(`${testApp().url}/api/media/nao-existe`, { headers: { cookie: seihab } })).status).toBe(404);
  });
});

describe('ready answers', () => {
  it('gives the city profile\'s and the department\'s; only coordinators add and remove them', async () => {
    const coordinator = await signInAs(testApp(), 'coordinator', 'coord.respostas@palmas.to.gov.br');
    const attendant = await signInAs(testApp(), 'attendant', 'ze.semus@palmas.to.gov.br');
    await setDepartment('ze.semus@palmas.to.gov.br', 'semus');
    const forSemus = await call('POST', '/api/canned-replies', coordinator, { title: 'Vacinação', body: 'Vacinas na USF mais próxima.', department_id: 'semus' });
    expect(forSemus.status).toBe(201);
    await call('POST', '/api/canned-replies', coordinator, { title: 'Só para Seihab', body: 'Troca de lâmpadas em até 5 dias úteis.', department_id: 'seihab' });
    const titles = ((await call('GET', '/api/canned-replies', attendant)).body?.replies as Array<{ title: string; fixed: boolean }>).map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['Saudação', 'Vacinação']));
    expect(titles).not.toContain('Só para Seihab');
    expect((await call('POST', '/api/canned-replies', attendant, { title: 'x', body: 'y' })).status).toBe(403);
    expect((await call('POST', '/api/canned-replies', coordinator, { title: '  ', body: 'y' })).status).toBe(400);
    expect((await call('POST', '/api/canned-replies', coordinator, { title: 'x', body: 'y', department_id: 'nao-existe' })).status).toBe(400);
    const id = (forSemus.body?.reply as { id: string }).id;
    expect((await call('DELETE', `/api/canned-replies/${id}`, attendant)).status).toBe(403);
    expect((await call('DELETE', `/api/canned-replies/${id}`, coordinator)).status).toBe(204);
    expect((await call('DELETE', `/api/canned-replies/${id}`, coordinator)).status).toBe(404);
  });
});

describe('a console left open', () => {
  it('does not keep the server from shutting down', async () => {
    const own = await startTestApp();
    const cookie = await signInAs(own, 'coordinator');
    const response = await fetch(`${own.url}/api/events`, { headers: { cookie } });
    expect(response.status).toBe(200);
    await own.close();
    const reader = response.body?.getReader();
    let done = false;
    while (reader && !done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
