import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { template } from '../../channels/whatsapp-cloud/message-builders.js';
import { renderReply } from '../../channels/whatsapp-cloud/render-reply.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { createTranslator } from '../../platform/i18n.js';
import { fromRoot } from '../../platform/paths.js';
import { requestNotifier } from '../messaging/request-notifier.js';
import { departmentDaySummary, findCitizenRequest, findRequest, isOverdue, openServiceRequest, rateRequest, recordVerdict, registerPhoneRequest, updateRequestStatus, type OpenServiceRequestInput } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const engine = { city, t: createTranslator(city.texts), alwaysOpen: false };
const HOUR = 60 * 60 * 1000;
/** Monday 16 March 2026, 10:00 in Palmas. */
const MONDAY = Date.parse('2026-03-16T10:00:00-03:00');
const PIN = { latitude: -10.184, longitude: -48.333 };
/** About 33 m north of PIN, and about 67 m. */
const NEAR = { latitude: -10.1837, longitude: -48.333 };
const FAR = { latitude: -10.1834, longitude: -48.333 };

const report = (over: Partial<OpenServiceRequestInput> = {}): OpenServiceRequestInput => ({
  serviceCode: 'tapa-buraco',
  citizenKey: 'ana',
  channel: 'whatsapp',
  location: { ...PIN, text: 'Quadra 106 Sul, Alameda 3' },
  description: 'Buraco grande no meio da pista',
  mediaIds: [],
  ...over,
});

describe.each(dialects)('a request\'s life on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const notifier = () => requestNotifier({ repos: current.repos, engine, templates: city.whatsapp.templates, render: renderReply, template });
  const deps = () => ({ db: current.storage.db, repos: current.repos, city, notifier: notifier() });
  const seen = (key: string, at: number) => current.repos.citizens.recordContact(current.storage.db, { key, waId: key, userId: undefined, profileName: undefined, at });
  const open = async (input: OpenServiceRequestInput, at = MONDAY) => {
    const opened = await openServiceRequest(current.storage.db, current.repos, city, input, at);
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  };
  const outbox = (key: string) => current.repos.outbox.forRecipient(current.storage.db, key);

  it('links a report pinned near an open request of the same service, not one farther than the radius or of another service', async () => {
    const primary = await open(report());
    const near = await open(report({ citizenKey: 'bia', location: { ...NEAR, text: 'perto' } }));
    const far = await open(report({ citizenKey: 'caio', location: { ...FAR, text: 'longe' } }));
    const otherService = await open(report({ serviceCode: 'iluminacao-publica', citizenKey: 'davi', location: { ...NEAR, text: 'poste' } }));
    expect(near.duplicateOf).toEqual({ id: primary.id, protocol: primary.protocol });
    expect(far.duplicateOf).toBeNull();
    expect(otherService.duplicateOf).toBeNull();
    expect(await current.repos.followers.of(current.storage.db, primary.id)).toEqual(['bia']);
    // The linked citizen may look the primary up as if it were theirs.
    expect(await findCitizenRequest(current.storage.db, current.repos, primary.protocol, 'bia')).toBeDefined();
    expect(await findCitizenRequest(current.storage.db, current.repos, primary.protocol, 'caio')).toBeUndefined();
    expect((await findRequest(current.storage.db, current.repos, primary.protocol))?.history.at(-1)).toMatchObject({ kind: 'link', note: expect.stringContaining(near.protocol) });
  });

  it('tells the citizen and followers of each status change, free-form inside the window and by template outside it', async () => {
    await seen('ana', MONDAY - HOUR);
    await seen('bia', MONDAY - 30 * HOUR);
    const primary = await open(report());
    await open(report({ citizenKey: 'bia', location: { ...NEAR, text: 'perto' } }));
    const changed = await updateRequestStatus(deps(), { protocol: primary.protocol, to: 'em_execucao', note: 'Equipe a caminho', actor: 'attendant:1' }, MONDAY);
    expect(changed.ok).toBe(true);
    const [toAna] = await outbox('ana');
    expect(JSON.parse(toAna?.payload ?? '{}')).toMatchObject({ type: 'text', text: { body: expect.stringMatching(new RegExp(`${primary.protocol}[\\s\\S]*Em execução[\\s\\S]*Equipe a caminho`)) } });
    expect(JSON.parse(toAna?.fallback_payload ?? '{}')).toMatchObject({ type: 'template', template: { name: 'protocolo_atualizado' } });
    const [toBia] = await outbox('bia');
    expect(JSON.parse(toBia?.payload ?? '{}')).toMatchObject({
      type: 'template',
      template: { name: 'protocolo_atualizado', components: [{ type: 'body', parameters: [{ text: primary.protocol }, { text: expect.any(String) }, { text: 'Em execução' }] }] },
    });
  });

  it('on conclusion closes the linked reports too, asks whether it was solved, and reopens when it was not', async () => {
    await seen('ana', MONDAY);
    const primary = await open(report());
    const duplicate = await open(report({ citizenKey: 'bia', location: { ...NEAR, text: 'perto' } }));
    await updateRequestStatus(deps(), { protocol: primary.protocol, to: 'concluido', actor: 'attendant:1' }, MONDAY + HOUR);
    expect(await findRequest(current.storage.db, current.repos, duplicate.protocol)).toMatchObject({ status: 'concluido', closedAt: MONDAY + HOUR });
    const question = JSON.parse((await outbox('ana')).at(-1)?.payload ?? '{}') as { interactive?: { action?: { buttons?: Array<{ reply: { id: string } }> } } };
    expect(question.interactive?.action?.buttons?.map((b) => b.reply.id)).toEqual([`fb:yes:${primary.protocol}`, `fb:no:${primary.protocol}`]);
    // bia was never seen on WhatsApp (no citizen record): nothing is queued for her.
    expect(await outbox('bia')).toEqual([]);

    expect(await recordVerdict(current.storage.db, current.repos, { protocol: primary.protocol, citizenKey: 'caio', solved: false }, MONDAY + 2 * HOUR, city.calendar)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await recordVerdict(current.storage.db, current.repos, { protocol: primary.protocol, citizenKey: 'ana', solved: false }, MONDAY + 2 * HOUR, city.calendar)).toEqual({ ok: true, value: { protocol: primary.protocol, reopened: true } });
    expect(await findRequest(current.storage.db, current.repos, primary.protocol)).toMatchObject({ status: 'em_analise', closedAt: null, feedback: { solved: false } });
    expect(await rateRequest(current.storage.db, current.repos, { protocol: primary.protocol, citizenKey: 'ana', rating: 2 }, MONDAY + 3 * HOUR, city.calendar)).toMatchObject({ ok: false, error: { code: 'not_concluded' } });

    await updateRequestStatus(deps(), { protocol: primary.protocol, to: 'concluido', actor: 'attendant:1' }, MONDAY + 4 * HOUR);
    expect(await recordVerdict(current.storage.db, current.repos, { protocol: primary.protocol, citizenKey: 'bia', solved: true }, MONDAY + 5 * HOUR, city.calendar)).toMatchObject({ ok: true, value: { reopened: false } });
    expect(await rateRequest(current.storage.db, current.repos, { protocol: primary.protocol, citizenKey: 'bia', rating: 6 }, MONDAY + 5 * HOUR, city.calendar)).toMatchObject({ ok: false, error: { code: 'invalid_rating' } });
    expect(await rateRequest(current.storage.db, current.repos, { protocol: primary.protocol, citizenKey: 'bia', rating: 5 }, MONDAY + 5 * HOUR, city.calendar)).toMatchObject({ ok: true });
    expect(await findRequest(current.storage.db, current.repos, primary.protocol)).toMatchObject({ status: 'concluido', feedback: { solved: true, rating: 5 } });
  });

  it('phone intake: a caller known on WhatsApp gets the protocol there; an unknown one is kept as a contact to call back', async () => {
    await seen('556399990101', MONDAY - 48 * HOUR);
    const known = await registerPhoneRequest(deps(), { ...report({ citizenKey: null }), caller: { name: 'Ana', phone: '(63) 99999-0101' }, channel: 'phone' }, { id: 3 }, MONDAY);
    expect(known).toMatchObject({ ok: true, value: { sentOnWhatsApp: true } });
    if (!known.ok) throw new Error('unreachable');
    expect(await findRequest(current.storage.db, current.repos, known.value.protocol)).toMatchObject({ citizenKey: '556399990101', channel: 'phone', history: [{ actor: 'attendant:3' }] });
    const [notice] = await outbox('556399990101');
    expect(JSON.parse(notice?.payload ?? '{}')).toMatchObject({ type: 'template', template: { name: 'protocolo_registrado' } });

    const unknown = await registerPhoneRequest(
      deps(),
      { ...report({ citizenKey: null, location: { latitude: -10.25, longitude: -48.32, text: 'Taquaralto' } }), caller: { name: ' Zé  da Silva ', phone: '63 3212-0000' }, channel: 'counter' },
      { id: 3 },
      MONDAY,
    );
    if (!unknown.ok) throw new Error(unknown.error.message);
    expect(unknown.value.sentOnWhatsApp).toBe(false);
    expect(await findRequest(current.storage.db, current.repos, unknown.value.protocol)).toMatchObject({ citizenKey: null, channel: 'counter', contact: { name: 'Zé da Silva', phone: '63 3212-0000' } });
  });

  it('summarises a department\'s day: opened by service, closed by outcome, open and overdue now, ratings', async () => {
    const late = await open(report({ location: { latitude: -10.2, longitude: -48.3, text: 'A' } }), MONDAY - 60 * 24 * HOUR);
    const today = await open(report({ citizenKey: 'bia', location: { latitude: -10.21, longitude: -48.3, text: 'B' } }));
    await open(report({ serviceCode: 'retirada-entulho', citizenKey: 'caio', location: { latitude: -10.22, longitude: -48.3, text: 'C' } }));
    await open(report({ serviceCode: 'iluminacao-publica', citizenKey: 'davi' })); // another department
    await updateRequestStatus(deps(), { protocol: today.protocol, to: 'concluido', actor: 'attendant:1' }, MONDAY + HOUR);
    await rateRequest(current.storage.db, current.repos, { protocol: today.protocol, citizenKey: 'bia', rating: 4 }, MONDAY + 2 * HOUR, city.calendar);
    const summary = await departmentDaySummary(current.storage.db, current.repos, { departmentId: 'zeladoria-urbana', day: '2026-03-16', timezone: city.calendar.timezone }, MONDAY + 3 * HOUR);
    expect(summary).toMatchObject({
      day: '2026-03-16',
      openedByService: { 'tapa-buraco': 1, 'retirada-entulho': 1 },
      opened: 2,
      closedByStatus: { concluido: 1 },
      openNow: 2,
      overdueNow: 1,
      overdue: [{ protocol: late.protocol, serviceCode: 'tapa-buraco', status: 'aberto' }],
      ratings: { count: 1, average: 4 },
    });
    expect(summary.overdue[0]?.daysLate).toBeGreaterThan(5);
    expect(isOverdue({ status: 'concluido', expectedAt: MONDAY - HOUR }, MONDAY)).toBe(false);
    expect(isOverdue({ status: 'aberto', expectedAt: null }, MONDAY)).toBe(false);
  });
});
