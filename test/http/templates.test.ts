import { describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { auditEntries } from '../../src/domain/audit/index.js';
import { callApi } from '../support/api.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

// Simulator mode: the simulator plays Meta, its business account lists the city's templates.
const current = useTestApp();

interface TemplateBody {
  id: number;
  name: string;
  language: string;
  status: string;
  category: string;
  status_reason: string | null;
  source: string;
  meta_id: string | null;
  missing_since: string | null;
  parameter_count: number;
  preview: string;
}

const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(current().url, method, path, cookie, body);
const simulator = () => {
  const sim = current().app.simulator;
  if (!sim) throw new Error('the test app should run in simulator mode');
  return sim;
};
const templatesOf = async (cookie: string, query = ''): Promise<TemplateBody[]> => (await call('GET', `/api/templates${query}`, cookie)).body.templates as TemplateBody[];

const manual = {
  name: 'aviso_vacinacao',
  language: 'pt_BR',
  category: 'UTILITY',
  header: { format: 'TEXT', text: 'Saúde Palmas' },
  body: 'Olá, {{1}}! A vacinação contra {{2}} está aberta na sua UBS até {{3}}.',
  footer: 'Prefeitura de Palmas',
  buttons: [{ type: 'QUICK_REPLY', text: 'Quero lembrete' }, { type: 'QUICK_REPLY', text: 'Não tenho interesse' }],
};

const postWebhook = (field: string, value: Record<string, unknown>) => {
  const body = serializeLikeMeta({ object: 'whatsapp_business_account', entry: [{ id: simulator().businessAccountId, time: 1764331200, changes: [{ value, field }] }] });
  return current().app.http.inject({
    method: 'POST',
    url: '/webhooks/whatsapp',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(current().app.config.whatsapp.appSecret ?? '', body) },
    payload: body,
  });
};

describe('the WhatsApp template registry', () => {
  it("holds the city's templates after start, with their preview and parameter count, for anyone signed in", async () => {
    const operator = await signInAs(current(), 'operator');
    const answer = await call('GET', '/api/templates', operator);
    expect(answer.status).toBe(200);
    expect(answer.body.sync_available).toBe(true);
    const opened = (answer.body.templates as TemplateBody[]).find((t) => t.name === 'protocolo_registrado');
    expect(opened).toMatchObject({ language: 'pt_BR', status: 'APPROVED', category: 'UTILITY', source: 'graph', parameter_count: 3, missing_since: null });
    expect(opened?.meta_id).toMatch(/^\d+$/);
    expect(opened?.preview).toContain('registramos o seu pedido de {{1}}');
    const one = await call('GET', `/api/templates/${opened?.id}`, operator);
    expect(one.body.template).toMatchObject({ name: 'protocolo_registrado', parameter_names: ['1', '2', '3'] });
    expect((await call('GET', '/api/templates/999999', operator)).status).toBe(404);
  });

  it('syncs more templates than one page of Meta, and marks those Meta no longer lists without deleting them', async () => {
    const coordinator = await signInAs(current(), 'coordinator', 'coord-sync@palmas.to.gov.br');
    const before = (await templatesOf(coordinator)).length;
    for (let i = 0; i < 130; i += 1) {
      simulator().upsertTemplate({ name: `campanha_${String(i).padStart(3, '0')}`, language: 'pt_BR', bodyParameters: 1, category: 'MARKETING', body: `Campanha ${i}: {{1}}` });
    }
    const synced = await call('POST', '/api/templates/sync', coordinator);
    expect(synced).toMatchObject({ status: 200, body: { total: before + 130, created: 130, updated: before, missing: 0 } });
    const marketing = await templatesOf(coordinator, '?category=MARKETING');
    expect(marketing).toHaveLength(130);
    expect(marketing[129]).toMatchObject({ name: 'campanha_129', parameter_count: 1, preview: 'Campanha 129: {{1}}' });

    simulator().removeTemplate('campanha_000', 'pt_BR');
    const again = await call('POST', '/api/templates/sync', coordinator);
    expect(again.body).toMatchObject({ total: before + 129, created: 0, missing: 1 });
    const gone = (await templatesOf(coordinator)).find((t) => t.name === 'campanha_000');
    expect(gone?.missing_since).not.toBeNull();
    const entries = await auditEntries(current().app.storage.db, current().app.repos, { subjectType: 'whatsapp_template', subjectId: 'all', limit: 10 });
    expect(entries[0]).toMatchObject({ action: 'template.synced', details: { missing: 1 } });
  });

  it('lets a coordinator enter a template by hand, which the simulator then approves, and remove it again', async () => {
    const coordinator = await signInAs(current(), 'coordinator', 'coord-manual@palmas.to.gov.br');
    const added = await call('POST', '/api/templates', coordinator, manual);
    expect(added.status).toBe(201);
    const template = added.body.template as TemplateBody;
    expect(template).toMatchObject({ name: 'aviso_vacinacao', status: 'APPROVED', source: 'manual', parameter_count: 3, meta_id: null });
    expect(template.preview).toBe('Saúde Palmas\n\nOlá, {{1}}! A vacinação contra {{2}} está aberta na sua UBS até {{3}}.\n\nPrefeitura de Palmas\n\n[Quero lembrete] [Não tenho interesse]');
    expect(simulator().listTemplates().find((t) => t.name === 'aviso_vacinacao')).toMatchObject({ status: 'APPROVED', bodyParameters: 3 });

    expect(await call('POST', '/api/templates', coordinator, manual)).toMatchObject({ status: 409, body: { error: { code: 'template_exists' } } });
    // A sync keeps it as entered by hand (the simulator lists it now), so it stays removable.
    await call('POST', '/api/templates/sync', coordinator);
    expect((await templatesOf(coordinator)).find((t) => t.name === 'aviso_vacinacao')?.source).toBe('manual');

    expect((await call('DELETE', `/api/templates/${template.id}`, coordinator)).status).toBe(204);
    expect(simulator().listTemplates().some((t) => t.name === 'aviso_vacinacao')).toBe(false);
    expect((await call('DELETE', `/api/templates/${template.id}`, coordinator)).status).toBe(404);
    const audit = await auditEntries(current().app.storage.db, current().app.repos, { subjectType: 'whatsapp_template', subjectId: String(template.id), limit: 5 });
    expect(audit.map((e) => e.action)).toEqual(['template.removed', 'template.added']);
  });

  it("explains in Portuguese which of Meta's rules a hand-entered template breaks", async () => {
    const admin = await signInAs(current(), 'admin');
    const refused = async (change: Record<string, unknown>) => (await call('POST', '/api/templates', admin, { ...manual, name: 'outro_aviso', ...change })).body;
    expect(await refused({ name: 'Aviso Vacinação' })).toMatchObject({ error: { code: 'invalid_template', message: expect.stringContaining('letras minúsculas') } });
    expect(await refused({ language: 'portugues' })).toMatchObject({ error: { message: expect.stringContaining('pt_BR') } });
    expect(await refused({ body: 'x'.repeat(1025) })).toMatchObject({ error: { message: 'O texto do modelo passa de 1024 caracteres.' } });
    expect(await refused({ body: 'Olá {{1}}, veja {{3}}' })).toMatchObject({ error: { message: expect.stringContaining('sem pular números') } });
    expect(await refused({ header: { format: 'TEXT', text: 'c'.repeat(61) } })).toMatchObject({ error: { message: 'O cabeçalho passa de 60 caracteres.' } });
    const four = ['Sim', 'Não', 'Talvez', 'Depois'].map((text) => ({ type: 'QUICK_REPLY', text }));
    expect(await refused({ buttons: four })).toMatchObject({ error: { message: 'Um modelo tem no máximo 3 botões de resposta rápida.' } });
    const byAdmin = await call('POST', '/api/templates', admin, { ...manual, name: 'aviso_admin' });
    expect(byAdmin.status).toBe(201);
    expect((await call('POST', '/api/templates/sync', admin)).status).toBe(200);
    expect((await call('DELETE', `/api/templates/${(byAdmin.body.template as TemplateBody).id}`, admin)).status).toBe(204);
  });

  it("refuses a template from Meta to be removed here", async () => {
    const coordinator = await signInAs(current(), 'coordinator', 'coord-remove@palmas.to.gov.br');
    const fromMeta = (await templatesOf(coordinator)).find((t) => t.name === 'protocolo_registrado');
    expect(await call('DELETE', `/api/templates/${fromMeta?.id}`, coordinator)).toMatchObject({ status: 409, body: { error: { code: 'template_from_meta' } } });
  });

  it("applies Meta's status and category webhooks, sent through the signed webhook route", async () => {
    const attendant = await signInAs(current(), 'attendant');
    const target = (await templatesOf(attendant)).find((t) => t.name === 'protocolo_registrado');
    const paused = await postWebhook('message_template_status_update', {
      event: 'PAUSED',
      message_template_id: Number(target?.meta_id),
      message_template_name: 'protocolo_registrado',
      message_template_language: 'pt_BR',
      reason: 'LOW_QUALITY',
      message_template_category: 'UTILITY',
    });
    expect(paused.statusCode).toBe(200);
    expect(await templatesOf(attendant, '?status=PAUSED')).toMatchObject([{ name: 'protocolo_registrado', status: 'PAUSED', status_reason: 'LOW_QUALITY' }]);

    const recategorised = await postWebhook('template_category_update', {
      message_template_id: Number(target?.meta_id),
      message_template_name: 'protocolo_registrado',
      message_template_language: 'pt_BR',
      previous_category: 'UTILITY',
      new_category: 'MARKETING',
    });
    expect(recategorised.statusCode).toBe(200);
    const reinstated = await postWebhook('message_template_status_update', { event: 'REINSTATED', message_template_name: 'protocolo_registrado', message_template_language: 'pt_BR', reason: 'NONE' });
    expect(reinstated.statusCode).toBe(200);
    const one = await call('GET', `/api/templates/${target?.id}`, attendant);
    expect(one.body.template).toMatchObject({ status: 'APPROVED', category: 'MARKETING', status_reason: null });
  });

  it('keeps template changes to coordinators and admins, and everything to signed-in users', async () => {
    const attendant = await signInAs(current(), 'attendant', 'att-roles@palmas.to.gov.br');
    const operator = await signInAs(current(), 'operator', 'op-roles@palmas.to.gov.br');
    const coordinator = await signInAs(current(), 'coordinator', 'coord-roles@palmas.to.gov.br');
    const any = (await templatesOf(coordinator))[0];
    for (const cookie of [attendant, operator]) {
      expect((await call('POST', '/api/templates', cookie, { ...manual, name: 'nao_pode' })).status).toBe(403);
      expect((await call('POST', '/api/templates/sync', cookie)).status).toBe(403);
      expect((await call('DELETE', `/api/templates/${any?.id}`, cookie)).status).toBe(403);
      expect((await call('GET', '/api/templates', cookie)).status).toBe(200);
    }
    expect((await call('GET', '/api/templates', undefined)).status).toBe(401);
    expect((await call('GET', `/api/templates/${any?.id}`, undefined)).status).toBe(401);
    expect((await call('POST', '/api/templates/sync', undefined)).status).toBe(401);
    expect((await call('POST', '/api/templates', undefined, manual)).status).toBe(401);
    expect((await call('DELETE', `/api/templates/${any?.id}`, undefined)).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await call('GET', '/api/docs/json', undefined)).body as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/templates', '/api/templates/{id}', '/api/templates/sync']));
  });
});
