import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRequest } from '../../src/domain/requests/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { dialects } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, json, parseXml, type Answer } from './support.js';

/*
 * What FixMyStreet's perllib/Open311.pm and SeeClickFix's open311-validator put on the wire, as seen when both were
 * run against this server (docs/open311.md, "Checked against real clients"). Bodies are written out byte for byte
 * rather than built with URLSearchParams, which encodes differently.
 */

const KEY = 'interop-key';
/** Monday 16 March 2026, 10:00 in Palmas (13:00 UTC). */
const NOW = '2026-03-16T10:00:00-03:00';
const V2 = '/open311/v2';

/** HTTP::Request::Common (FixMyStreet) and HTTParty (the validator) send no charset. */
const postRaw = async (app: TestApp, path: string, body: string): Promise<Answer> => {
  const response = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
};

/**
 * send_service_request as FixMyStreet makes it (no extended UK description): "title\n\ndetail\n\nurl\n", with
 * every \n sent as %0D%0A (HTTP::Request::Common turns line breaks into CRLF, as HTML forms do), UTF-8 values,
 * first/last name split from one name, lat/long with six decimals, attribute[...] from the service definition,
 * attribute[uprn], media_url, jurisdiction_id and api_key.
 */
const FIXMYSTREET_POST = [
  'description=Buraco+na+via%0D%0A%0D%0ABuraco+fundo+em+frente+%C3%A0+escola+%E2%80%94+cuidado%0D%0A%0D%0Ahttps%3A%2F%2Ffms.example.org%2Freport%2F1%0D%0A',
  'service_code=tapa-buraco',
  'first_name=Jo%C3%A3o',
  'last_name=da+Silva',
  'email=joao%40example.org',
  'phone=63+99999-0001',
  'lat=-10.184',
  'long=-48.333',
  'media_url=https%3A%2F%2Ffms.example.org%2Fphoto%2F1.jpeg',
  'attribute%5Breference%5D=em+frente+%C3%A0+padaria%0D%0Aao+lado+do+posto',
  'attribute%5Buprn%5D=12345',
  'jurisdiction_id=palmas.to.gov.br',
  `api_key=${KEY}`,
].join('&');

const DESCRIPTION = 'Buraco na via\n\nBuraco fundo em frente à escola — cuidado\n\nhttps://fms.example.org/report/1';

describe.each(dialects)('Open311 as real clients use it, on $name', ({ create }) => {
  let app: TestApp;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    app = await startTestApp({ clock, database: await create(), env: { OPEN311_API_KEYS: KEY } });
  });
  afterAll(async () => {
    await app.close();
  });

  const postFromFixMyStreet = async (): Promise<string> => {
    const answer = await postRaw(app, `${V2}/requests.xml`, FIXMYSTREET_POST);
    expect(answer.status, answer.text).toBe(200);
    const created = parseXml(answer.text) as { service_requests: { request: Array<{ service_request_id: string }> } };
    return created.service_requests.request[0]?.service_request_id ?? '';
  };

  describe('FixMyStreet (perllib/Open311.pm)', () => {
    it('keeps its CRLF line breaks as plain line breaks, so JSON and XML clients read the same text', async () => {
      const protocol = await postFromFixMyStreet();
      const stored = await findRequest(app.app.storage.db, app.app.repos, protocol);
      expect(stored?.description).toBe(DESCRIPTION);
      expect(stored?.location.reference).toBe('em frente à padaria\nao lado do posto');
      expect(stored?.contact).toMatchObject({ name: 'João da Silva' });

      const shown = json(await get(app, `${V2}/requests/${protocol}.json`)) as Array<{ description: string }>;
      expect(shown[0]?.description).toBe(DESCRIPTION);
      // An XML parser turns a raw CR LF into LF, so a stored CR would make the two formats disagree.
      const xml = await get(app, `${V2}/requests/${protocol}.xml`);
      expect(xml.text).not.toContain('\r');
      expect((parseXml(xml.text) as { service_requests: { request: Array<{ description: string }> } }).service_requests.request[0]?.description).toBe(DESCRIPTION);
    });

    it('finds the new request in the last-hour window it asks for in UTC, with what its importer needs', async () => {
      const protocol = await postFromFixMyStreet();
      const answer = await get(app, `${V2}/requests.xml?jurisdiction_id=palmas.to.gov.br&start_date=2026-03-16T12:00:00Z&end_date=2026-03-16T13:00:00Z`);
      expect(answer.status, answer.text).toBe(200);
      const requests = (parseXml(answer.text) as { service_requests: { request: Array<Record<string, string>> } }).service_requests.request;
      const found = requests.find((r) => r.service_request_id === protocol);
      expect(found).toMatchObject({ status: 'open', lat: '-10.184', long: '-48.333', updated_datetime: '2026-03-16T10:00:00-03:00' });
    });
  });

  describe('SeeClickFix open311-validator', () => {
    it('creates with what create_resource_once means to send (first service, address_string, email, description)', async () => {
      const body = `api_key=${KEY}&jurisdiction_id=palmas.to.gov.br&service_code=iluminacao-publica&address_string=Quadra+104+Norte&email=foo%40bar.com&description=I+know`;
      const answer = await postRaw(app, `${V2}/requests.json`, body);
      expect(answer.status, answer.text).toBe(200);
      expect((json(answer) as Array<{ service_request_id: string }>)[0]?.service_request_id).toMatch(/^2026-\d{6}$/);
    });
  });
});
