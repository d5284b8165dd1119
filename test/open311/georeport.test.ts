import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRequestStatus, findRequest } from '../../src/domain/requests/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { dialects } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createdSchema, definitionSchema, discoverySchema, errorsSchema, requestsSchema, servicesSchema, violations } from './schemas.js';
import { get, json, parseXml, postForm, type Answer } from './support.js';

const KEY = 'chave-de-teste-fixmystreet';
/** Monday 16 March 2026, 10:00 in Palmas. */
const NOW = '2026-03-16T10:00:00-03:00';
const PIN = { lat: '-10.184', long: '-48.333' };
const V2 = '/open311/v2';

const lamp = (over: Record<string, string> = {}): Record<string, string> => ({
  api_key: KEY,
  service_code: 'iluminacao-publica',
  ...PIN,
  description: 'Poste apagado há uma semana',
  ...over,
});

const errorsOf = (answer: Answer): unknown => (answer.contentType.startsWith('application/json') ? json(answer) : parseXml(answer.text).errors);

describe.each(dialects)('Open311 GeoReport v2 on $name', ({ create }) => {
  let app: TestApp;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    app = await startTestApp({ clock, database: await create(), env: { OPEN311_API_KEYS: `outra-chave, ${KEY}` } });
  });
  afterAll(async () => {
    await app.close();
  });

  const open = async (fields: Record<string, string>): Promise<string> => {
    const answer = await postForm(app, `${V2}/requests.json`, fields);
    expect(answer.status, answer.text).toBe(200);
    return (json(answer) as Array<{ service_request_id: string }>)[0]?.service_request_id ?? '';
  };

  describe('discovery', () => {
    it('is served as XML and JSON with the same fields, at /discovery.* with and without the version', async () => {
      for (const base of [V2, '/open311']) {
        const [xml, asJson] = [await get(app, `${base}/discovery.xml`), await get(app, `${base}/discovery.json`)];
        expect([xml.status, asJson.status]).toEqual([200, 200]);
        // Exactly these: SeeClickFix's validator compares them as whole strings.
        expect([xml.contentType, asJson.contentType]).toEqual(['text/xml', 'application/json']);
        expect(xml.text + asJson.text).toMatch(/^[\x20-\x7e\n]*$/);
        const document = json(asJson) as { endpoints: Array<{ url: string; type: string }> };
        expect(violations(discoverySchema, document)).toEqual([]);
        expect(document.endpoints[0]?.url).toBe(`${app.url}/open311/v2`);
        expect(document.endpoints[0]?.type).toBe('test');
        const parsed = parseXml(xml.text) as { discovery: { contact: string; endpoints: { endpoint: Array<{ formats: { format: string[] }; specification: string }> } } };
        expect(parsed.discovery.contact).toBe((document as unknown as { contact: string }).contact);
        expect(parsed.discovery.endpoints.endpoint[0]?.formats.format).toEqual(['text/xml', 'application/json']);
        expect(Number.isNaN(Date.parse((document as unknown as { changeset: string }).changeset))).toBe(false);
      }
    });
  });

  describe('services and definitions', () => {
    it('lists every service that takes requests, and no information-only service', async () => {
      const answer = await get(app, `${V2}/services.json`);
      expect(answer.contentType).toBe('application/json; charset=utf-8');
      const services = json(answer) as Array<{ service_code: string; metadata: boolean; group: string }>;
      expect(violations(servicesSchema, services)).toEqual([]);
      expect(services.map((s) => s.service_code)).toContain('tapa-buraco');
      expect(services.map((s) => s.service_code)).not.toContain('saude-orientacao');
      expect(services.map((s) => s.service_code)).not.toContain('informacoes-gerais');
      expect(services).toHaveLength(11);
      expect(services[0]).toMatchObject({ service_code: 'iluminacao-publica', metadata: true, group: 'Serviços urbanos' });
    });

    it('gives the same list in XML, element by element as the spec names them', async () => {
      const answer = await get(app, `${V2}/services.xml`);
      expect(answer.contentType).toBe('text/xml; charset=utf-8');
      expect(answer.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      const service = (parseXml(answer.text) as { services: { service: Array<Record<string, string>> } }).services.service;
      expect(service).toHaveLength(11);
      expect(Object.keys(service[0] ?? {})).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
      expect(service[0]).toMatchObject({ service_code: 'iluminacao-publica', service_name: 'Troca de lâmpada / iluminação pública', metadata: 'true', type: 'realtime' });
    });

    it('defines the catalog fields that are not Open311 parameters as attributes', async () => {
      const definition = json(await get(app, `${V2}/services/tapa-buraco.json`));
      expect(violations(definitionSchema, definition)).toEqual([]);
      expect(definition).toEqual({
        service_code: 'tapa-buraco',
        attributes: [
          {
            variable: true,
            code: 'reference',
            datatype: 'string',
            required: false,
            datatype_description: 'Texto de até 200 caracteres.',
            order: 1,
            description: 'Tem algum ponto de referência perto? (ex.: escola, praça, comércio)',
          },
        ],
      });
      const xml = parseXml((await get(app, `${V2}/services/tapa-buraco.xml`)).text) as {
        service_definition: { service_code: string; attributes: { attribute: Array<Record<string, string>> } };
      };
      expect(xml.service_definition.service_code).toBe('tapa-buraco');
      expect(xml.service_definition.attributes.attribute[0]).toMatchObject({ variable: 'true', code: 'reference', required: 'false', order: '1' });
    });

    it('answers 404 with an error list for an unknown or information-only service, in the format asked', async () => {
      for (const path of ['services/nao-existe.json', 'services/saude-orientacao.json', 'services/nao-existe.xml']) {
        const answer = await get(app, `${V2}/${path}`);
        expect(answer.status).toBe(404);
        const errors = errorsOf(answer);
        if (path.endsWith('.json')) expect(violations(errorsSchema, errors)).toEqual([]);
        else expect((errors as { error: Array<{ code: string }> }).error[0]?.code).toBe('404');
      }
    });
  });

  describe('creating requests', () => {
    it('takes a FixMyStreet-style form post to requests.xml and answers with the protocol', async () => {
      const answer = await postForm(app, `${V2}/requests.xml`, [
        ['api_key', KEY],
        ['jurisdiction_id', 'palmas.to.gov.br'],
        ['service_code', 'tapa-buraco'],
        ['lat', '-10.18401'],
        ['long', '-48.33302'],
        ['description', 'Buraco fundo\n\nna pista'],
        ['first_name', 'Maria'],
        ['last_name', 'Souza'],
        ['email', 'maria@example.org'],
        ['phone', '63999998888'],
        ['attribute[reference]', 'perto da escola'],
        ['attribute[uprn]', '123'],
        ['media_url', 'https://example.org/foto.jpg'],
      ]);
      expect(answer.status, answer.text).toBe(200);
      const request = (parseXml(answer.text) as { service_requests: { request: Array<Record<string, string>> } }).service_requests.request[0];
      expect(request?.service_request_id).toMatch(/^2026-\d{6}$/);
      expect(request?.service_notice).toContain('15 dias úteis');
      const stored = await findRequest(app.app.storage.db, app.app.repos, request?.service_request_id ?? '');
      expect(stored).toMatchObject({
        channel: 'open311',
        citizenKey: null,
        description: 'Buraco fundo\n\nna pista',
        location: { reference: 'perto da escola', latitude: -10.18401 },
        contact: { name: 'Maria Souza', phone: '63999998888' },
      });
      expect(stored?.history[0]?.actor).toBe('system');

      const shown = await get(app, `${V2}/requests/${request?.service_request_id ?? ''}.json`);
      expect(violations(requestsSchema, json(shown))).toEqual([]);
      for (const secret of ['Maria', 'Souza', 'maria@example.org', '99998888']) expect(shown.text).not.toContain(secret);
    });

    it('answers requests.json in JSON and accepts an address instead of a pin', async () => {
      const answer = await postForm(app, `${V2}/requests.json`, { api_key: KEY, service_code: 'retirada-entulho', address_string: 'Quadra 106 Sul, Alameda 3, Lote 10', description: 'Entulho na calçada' });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json; charset=utf-8');
      expect(violations(createdSchema, json(answer))).toEqual([]);
    });

    it('takes a description longer than a WhatsApp answer, as long as the spec allows (FixMyStreet adds its title and link)', async () => {
      const long = `Buraco grande\n\n${'detalhe '.repeat(400)}\n\nVer https://fixmystreet.example/report/1`;
      const answer = await postForm(app, `${V2}/requests.json`, { api_key: KEY, service_code: 'tapa-buraco', lat: '-10.18401', long: '-48.33302', description: long });
      expect(answer.status, answer.text).toBe(200);
      const protocol = (json(answer) as Array<{ service_request_id: string }>)[0]?.service_request_id ?? '';
      expect((await findRequest(app.app.storage.db, app.app.repos, protocol))?.description).toBe(long);
    });

    it('attaches the request to the WhatsApp citizen with that phone number', async () => {
      await app.app.repos.citizens.recordContact(app.app.storage.db, { key: '5563999990101', waId: '5563999990101', userId: undefined, profileName: 'Ana', at: Date.parse(NOW) });
      const protocol = await open(lamp({ phone: '(63) 99999-0101' }));
      expect((await findRequest(app.app.storage.db, app.app.repos, protocol))?.citizenKey).toBe('5563999990101');
    });

    it('refuses a missing, wrong or too long api_key with 403 and an error list', async () => {
      for (const key of [undefined, '', 'errada', KEY.slice(0, -1), 'x'.repeat(5000)]) {
        const fields = lamp();
        if (key === undefined) delete fields.api_key;
        else fields.api_key = key;
        const answer = await postForm(app, `${V2}/requests.json`, fields);
        expect(answer.status).toBe(403);
        expect(violations(errorsSchema, json(answer))).toEqual([]);
      }
      const xml = await postForm(app, `${V2}/requests.xml`, lamp({ api_key: 'errada' }));
      expect(xml.status).toBe(403);
      expect(parseXml(xml.text)).toMatchObject({ errors: { error: [{ code: '403' }] } });
    });

    it.each([
      ['no location', { lat: '', long: '' }, 400, 'lat e long, address_string ou address_id'],
      ['lat without long', { long: '' }, 400, 'lat/long'],
      ['coordinates that are not numbers', { lat: 'abc' }, 400, 'lat/long'],
      ['a pin outside the city', { lat: '-23.55', long: '-46.63' }, 400, 'fora do município'],
      ['an unknown address_id', { lat: '', long: '', address_id: 'nao-existe' }, 400, 'address_id'],
      ['no service_code', { service_code: '' }, 400, 'service_code'],
      ['an unknown service', { service_code: 'nao-existe' }, 404, 'service_code'],
      ['an information-only service', { service_code: 'saude-orientacao' }, 404, 'service_code'],
      ['no description', { description: '   ' }, 400, 'description'],
      ['a 100 KB description', { description: 'a'.repeat(100 * 1024) }, 400, 'description: no máximo 4000 caracteres'],
      ['a 5 KB name', { first_name: 'b'.repeat(5000) }, 400, 'first_name'],
      ['another jurisdiction', { jurisdiction_id: 'sfgov.org' }, 404, 'jurisdiction_id'],
    ])('refuses %s with a clear error', async (_case, over, status, words) => {
      const answer = await postForm(app, `${V2}/requests.json`, lamp(over));
      expect(answer.status).toBe(status);
      const errors = json(answer) as Array<{ code: number; description: string }>;
      expect(violations(errorsSchema, errors)).toEqual([]);
      expect(errors[0]?.description).toContain(words);
    });

    it('answers a body it cannot read with an Open311 error, not a crash', async () => {
      const multipart = await fetch(`${app.url}${V2}/requests.json`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
      expect(multipart.status).toBe(400);
      expect(violations(errorsSchema, await multipart.json())).toEqual([]);
      const huge = await postForm(app, `${V2}/requests.xml`, lamp({ description: 'a'.repeat(300 * 1024) }));
      expect(huge.status).toBe(400);
      expect(parseXml(huge.text)).toMatchObject({ errors: { error: [{ code: '400' }] } });
    });

    it('keeps HTML and SQL in every field as plain text and escapes it in XML', async () => {
      const nasty = `<script>alert('x')</script> & "q" '; DROP TABLE service_requests; -- \u0001`;
      const protocol = await open(lamp({ description: nasty, address_string: nasty.slice(0, 200), 'attribute[reference]': nasty.slice(0, 100), first_name: nasty, last_name: nasty, email: nasty, phone: nasty, device_id: nasty, account_id: nasty, media_url: nasty }));
      const xml = await get(app, `${V2}/requests/${protocol}.xml`);
      expect(xml.text).not.toContain('<script>');
      expect(xml.text).toContain('&lt;script&gt;');
      const request = (parseXml(xml.text) as { service_requests: { request: Array<Record<string, string>> } }).service_requests.request[0];
      // XML 1.0 cannot carry U+0001; it never reaches the XML.
      expect(request?.description).toBe(nasty.trim().replace('\u0001', ''));
      expect(request?.address).toBe(nasty.trim().replace('\u0001', ''));
      const asJson = json(await get(app, `${V2}/requests/${protocol}.json`)) as Array<{ description: string }>;
      expect(asJson[0]?.description?.replace('\u0001', '')).toBe(nasty.trim().replace('\u0001', ''));
      expect((await get(app, `${V2}/requests.json`)).status).toBe(200);
    });
  });

  describe('querying requests', () => {
    it('shows a request with open|closed, the status note, the department and dates with the city offset', async () => {
      const protocol = await open(lamp({ address_string: 'Quadra 106 Sul' }));
      await changeRequestStatus(app.app.storage.db, app.app.repos, { protocol, to: 'concluido', note: 'Lâmpada trocada', actor: 'system' }, Date.parse('2026-03-17T15:30:00-03:00'), app.app.config.city.calendar);
      const [request] = json(await get(app, `${V2}/requests/${protocol}.json`)) as Array<Record<string, unknown>>;
      expect(request).toMatchObject({
        service_request_id: protocol,
        status: 'closed',
        status_notes: 'Lâmpada trocada',
        service_code: 'iluminacao-publica',
        service_name: 'Troca de lâmpada / iluminação pública',
        agency_responsible: 'Secretaria Municipal de Infraestrutura e Habitação (Seihab)',
        requested_datetime: '2026-03-16T10:00:00-03:00',
        updated_datetime: '2026-03-17T15:30:00-03:00',
        expected_datetime: '2026-03-24T10:00:00-03:00',
        address: 'Quadra 106 Sul',
        lat: -10.184,
        long: -48.333,
        media_url: null,
      });
      const listed = json(await get(app, `${V2}/requests.json?status=closed&service_code=iluminacao-publica`)) as Array<{ service_request_id: string }>;
      expect(listed.map((r) => r.service_request_id)).toContain(protocol);
      const open311Open = json(await get(app, `${V2}/requests.json?status=open`)) as Array<{ status: string }>;
      expect(open311Open.every((r) => r.status === 'open')).toBe(true);
      expect(open311Open.length).toBeGreaterThan(0);
    });

    it('gives XML request lists with the spec elements, and finds requests by id lists', async () => {
      const [a, b] = [await open(lamp()), await open(lamp())];
      const xml = parseXml((await get(app, `${V2}/requests.xml?service_request_id=${a},${b},2026-999999,lixo`)).text) as { service_requests: { request: Array<Record<string, string>> } };
      expect(xml.service_requests.request.map((r) => r.service_request_id).sort()).toEqual([a, b].sort());
      expect(Object.keys(xml.service_requests.request[0] ?? {})).toEqual([
        'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
        'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
      ]);
      expect(violations(requestsSchema, json(await get(app, `${V2}/requests.json`)))).toEqual([]);
    });

    it('pages with page and page_size and filters by dates', async () => {
      const all = json(await get(app, `${V2}/requests.json`)) as Array<{ service_request_id: string }>;
      expect(all.length).toBeGreaterThan(3);
      const page1 = json(await get(app, `${V2}/requests.json?page_size=2`)) as Array<{ service_request_id: string }>;
      const page2 = json(await get(app, `${V2}/requests.json?page_size=2&page=2`)) as Array<{ service_request_id: string }>;
      expect([...page1, ...page2].map((r) => r.service_request_id)).toEqual(all.slice(0, 4).map((r) => r.service_request_id));
      expect(json(await get(app, `${V2}/requests.json?start_date=2026-03-17T00:00:00-03:00&end_date=2026-04-01T00:00:00Z`))).toEqual([]);
      expect((json(await get(app, `${V2}/requests.json?start_date=2026-03-16&end_date=2026-03-16`)) as unknown[]).length).toBe(all.length);
      expect(json(await get(app, `${V2}/requests.json?start_date=&status=&service_code=`))).toEqual(all);
    });

    it.each([
      ['a date that is not W3C', 'start_date=16/03/2026', 'start_date'],
      ['a date without timezone', 'end_date=2026-03-16T10:00:00', 'end_date'],
      ['a day that does not exist', 'start_date=2026-02-30T00:00:00Z', 'start_date'],
      ['a span over 90 days', 'start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z', '90 dias'],
      ['an end before the start', 'start_date=2026-03-10T00:00:00Z&end_date=2026-03-01T00:00:00Z', 'anterior'],
      ['an unknown status', 'status=aberto', 'status'],
      ['a page size over 1000', 'page_size=1001', 'page_size'],
      ['a page of zero', 'page=0', 'page'],
    ])('refuses %s with 400', async (_case, query, words) => {
      const answer = await get(app, `${V2}/requests.json?${query}`);
      expect(answer.status).toBe(400);
      expect((json(answer) as Array<{ description: string }>)[0]?.description).toContain(words);
    });

    it('answers 404 for a request that does not exist', async () => {
      for (const id of ['2026-999999', 'abc', "1' or '1'='1"]) {
        const answer = await get(app, `${V2}/requests/${encodeURIComponent(id)}.json`);
        expect(answer.status).toBe(404);
        expect(violations(errorsSchema, json(answer))).toEqual([]);
      }
    });

    it('never shows who reported a fiscalização complaint', async () => {
      const protocol = await open({ api_key: KEY, service_code: 'perturbacao-sossego', lat: '-10.18456', long: '-48.33321', address_string: 'minha casa, Quadra 106 Sul Alameda 3 Lote 5', description: 'Sou a vizinha do lote 5, som alto toda noite', phone: '63999990101' });
      await changeRequestStatus(app.app.storage.db, app.app.repos, { protocol, to: 'em_analise', note: 'A denunciante do lote 5 será ouvida', actor: 'system' }, Date.parse(NOW) + 1000, app.app.config.city.calendar);
      for (const path of [`requests/${protocol}.json`, `requests/${protocol}.xml`, `requests.json?service_code=perturbacao-sossego`]) {
        const answer = await get(app, `${V2}/${path}`);
        for (const secret of ['lote 5', 'Lote 5', 'vizinha', 'minha casa', '99990101', '-10.18456', '-48.33321']) expect(answer.text).not.toContain(secret);
      }
      const [request] = json(await get(app, `${V2}/requests/${protocol}.json`)) as Array<Record<string, unknown>>;
      expect(request).toMatchObject({ description: null, address: null, status_notes: null, lat: -10.18, long: -48.33, status: 'open' });
    });
  });

  it('answers unknown Open311 paths with an error list', async () => {
    const answer = await get(app, `${V2}/tokens/123.xml`);
    expect(answer.status).toBe(404);
    expect(parseXml(answer.text)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });
});
