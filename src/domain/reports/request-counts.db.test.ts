import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { template } from '../../channels/whatsapp-cloud/message-builders.js';
import { renderReply } from '../../channels/whatsapp-cloud/render-reply.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { createTranslator } from '../../platform/i18n.js';
import { fromRoot } from '../../platform/paths.js';
import { businessMinutesBetween } from '../calendar/index.js';
import { requestNotifier } from '../messaging/request-notifier.js';
import { openServiceRequest, rateRequest, recordVerdict, updateRequestStatus, type OpenServiceRequestInput } from '../requests/index.js';
import { reportSummary, spanOf } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const engine = { city, t: createTranslator(city.texts), alwaysOpen: false };
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Monday 16 March 2026, 14:00 in Palmas. */
const MONDAY = Date.parse('2026-03-16T14:00:00-03:00');
const RANGE = { from: '2026-03-01', to: '2026-04-30' };

const report = (over: Partial<OpenServiceRequestInput>): OpenServiceRequestInput => ({
  serviceCode: 'tapa-buraco',
  citizenKey: 'ana',
  channel: 'whatsapp',
  location: { text: 'Quadra 106 Sul, Alameda 3' },
  description: 'Buraco grande no meio da pista',
  mediaIds: [],
  ...over,
});

describe.each(dialects)('request counts on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('equal what the requests table says after opening, closing, a reopening, concluding again and a changed rating', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const deps = { db, repos, city, notifier: requestNotifier({ repos, engine, templates: city.whatsapp.templates, render: renderReply, template }) };
    const open = async (input: OpenServiceRequestInput, at: number) => {
      const opened = await openServiceRequest(db, repos, city, input, at);
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.value.protocol;
    };
    const move = async (protocol: string, to: 'em_analise' | 'concluido' | 'indeferido', at: number) => {
      const moved = await updateRequestStatus(deps, { protocol, to, actor: 'attendant:1' }, at);
      if (!moved.ok) throw new Error(moved.error.message);
    };
    const hole = await open(report({}), MONDAY);
    const light = await open(report({ serviceCode: 'iluminacao-publica', citizenKey: 'bia', location: { text: 'Quadra 104 Sul' } }), MONDAY + DAY);
    const refused = await open(report({ serviceCode: 'lote-baldio', citizenKey: 'caio', location: { text: 'ARSE 12' } }), MONDAY + 2 * DAY);
    await move(hole, 'concluido', MONDAY + 2 * HOUR);
    await move(refused, 'indeferido', MONDAY + 3 * DAY);
    await move(light, 'concluido', MONDAY + 30 * DAY);
    // The citizen says it was not solved (reopened), then it is concluded again and rated twice.
    expect((await recordVerdict(db, repos, { protocol: hole, citizenKey: 'ana', solved: false }, MONDAY + 5 * DAY, city.calendar)).ok).toBe(true);
    await move(hole, 'concluido', MONDAY + 6 * DAY);
    await rateRequest(db, repos, { protocol: hole, citizenKey: 'ana', rating: 2 }, MONDAY + 6 * DAY + HOUR, city.calendar);
    await rateRequest(db, repos, { protocol: hole, citizenKey: 'ana', rating: 5 }, MONDAY + 7 * DAY, city.calendar);

    const summary = await reportSummary(db, repos, city, RANGE);
    const span = spanOf(RANGE, city.timezone);
    const rows = await db.selectFrom('service_requests').selectAll().execute();
    const closed = rows.filter((r) => r.closed_at !== null && Number(r.closed_at) >= span.from && Number(r.closed_at) < span.to);
    const withDeadline = closed.filter((r) => r.expected_at !== null);
    const rated = rows.filter((r) => r.rating !== null);
    const minutes = closed.reduce((sum, r) => sum + businessMinutesBetween(Number(r.created_at), Number(r.closed_at), city.calendar), 0);

    expect(summary.requests.opened).toBe(rows.length);
    expect(summary.requests.byService).toEqual({ 'tapa-buraco': 1, 'iluminacao-publica': 1, 'lote-baldio': 1 });
    expect(summary.requests.closed).toBe(closed.length);
    expect(summary.requests.closedByStatus).toEqual({ concluido: 2, indeferido: 1 });
    expect(summary.requests.onTimeRate).toBe(withDeadline.filter((r) => Number(r.closed_at) <= Number(r.expected_at)).length / withDeadline.length);
    expect(summary.requests.resolution).toEqual({ count: closed.length, averageMinutes: Math.round(minutes / closed.length) });
    expect(summary.requests.ratings).toEqual({ count: rated.length, average: 5 });
    expect(summary.requests.backlog).toBe(0);
    // No count was left negative or stray by the reopening and the second rating.
    // (A count is the sum of its shards; a shard may hold a subtraction alone.)
    const negative = await db.selectFrom('daily_counts').select(['day', 'metric', 'key']).groupBy(['day', 'metric', 'key']).having(sql`sum(n)`, '<', 0).execute();
    expect(negative).toEqual([]);
  });
});
