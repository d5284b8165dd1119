import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import {
  describeStoredData,
  getCitizenProfile,
  privacyNoticeVersion,
  recordConsent,
  requestDataDeletion,
  setBroadcastOptIn,
  updateRegistration,
} from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const notice = privacyNoticeVersion(city);

describe.each(dialects)('citizens on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const seen = (key: string, at: number) =>
    current.repos.citizens.recordContact(current.storage.db, { key, waId: key, userId: undefined, profileName: 'Ana WhatsApp', at });

  it('knows nobody before the first message, then the WhatsApp contact with nothing answered', async () => {
    const { db } = current.storage;
    expect(await getCitizenProfile(db, current.repos, '5563999990001')).toBeUndefined();
    await seen('5563999990001', 1_000);
    expect(await getCitizenProfile(db, current.repos, '5563999990001')).toEqual({
      key: '5563999990001',
      waId: '5563999990001',
      profileName: 'Ana WhatsApp',
      firstSeenAt: 1_000,
      lastInboundAt: 1_000,
      name: null,
      place: null,
      consent: { status: 'unanswered', at: null, notice: null },
      broadcast: { optedIn: false, at: null, source: null },
    });
  });

  it('records consent with the notice version, and a later answer replaces it', async () => {
    const { db } = current.storage;
    await seen('ana', 1);
    expect(await recordConsent(db, current.repos, 'ana', { accepted: true, notice }, 10)).toEqual({ status: 'accepted', at: 10, notice });
    expect(await recordConsent(db, current.repos, 'ana', { accepted: false, notice }, 20)).toEqual({ status: 'declined', at: 20, notice });
    expect(await recordConsent(db, current.repos, 'ana', { accepted: true, notice: 'v2' }, 30)).toEqual({ status: 'accepted', at: 30, notice: 'v2' });
    const row = await current.repos.citizens.profileByKey(db, 'ana');
    expect(row).toMatchObject({ consent_accepted_at: 30, consent_declined_at: null, created_at: 10, updated_at: 30 });
    // recordContact keeps working beside the profile.
    await seen('ana', 40);
    expect((await getCitizenProfile(db, current.repos, 'ana'))?.lastInboundAt).toBe(40);
  });

  it('saves registration step by step: name, then a place or a pin; refuses names without letters', async () => {
    const { db } = current.storage;
    expect(await updateRegistration(db, current.repos, 'ana', { name: '  Ana   Maria ' }, 5)).toEqual({ ok: true, value: { name: 'Ana Maria', place: null } });
    expect(await updateRegistration(db, current.repos, 'ana', { name: '😀😀' }, 6)).toMatchObject({ ok: false, error: { code: 'invalid_name' } });
    const placed = await updateRegistration(db, current.repos, 'ana', { place: { placeId: '106-sul', text: '106 Sul (ARSE 12)' } }, 7);
    expect(placed).toEqual({ ok: true, value: { name: 'Ana Maria', place: { placeId: '106-sul', text: '106 Sul (ARSE 12)', latitude: null, longitude: null } } });
    const pinned = await updateRegistration(db, current.repos, 'ana', { place: { text: 'Localização', latitude: -10.18, longitude: -48.33 } }, 8);
    expect(pinned.ok && pinned.value.place).toEqual({ placeId: null, text: 'Localização', latitude: -10.18, longitude: -48.33 });
    expect(await updateRegistration(db, current.repos, 'ana', { place: { text: 'x', latitude: 200, longitude: 0 } }, 9)).toMatchObject({ ok: false });
    expect((await getCitizenProfile(db, current.repos, 'ana'))?.name).toBe('Ana Maria');
  });

  it('opts in and out of broadcasts, remembering the source', async () => {
    const { db } = current.storage;
    expect(await setBroadcastOptIn(db, current.repos, 'ana', true, 'whatsapp', 100)).toEqual({ optedIn: true, at: 100, source: 'whatsapp' });
    expect(await setBroadcastOptIn(db, current.repos, 'ana', false, 'meta', 200)).toEqual({ optedIn: false, at: 200, source: 'meta' });
    expect(await current.repos.citizens.profileByKey(db, 'ana')).toMatchObject({ broadcast_opted_in_at: 100, broadcast_opted_out_at: 200 });
    expect(await setBroadcastOptIn(db, current.repos, 'ana', true, 'whatsapp', 300)).toEqual({ optedIn: true, at: 300, source: 'whatsapp' });
  });

  it('describes what is kept and records one open deletion request, deleting nothing', async () => {
    const { db } = current.storage;
    await seen('ana', 1);
    await current.repos.inbound.insertManyIfNew(db, [{ wamid: 'w1', citizenKey: 'ana', phoneNumberId: '1', type: 'text', sentAt: 1, payload: {} }], 1);
    await updateRegistration(db, current.repos, 'ana', { name: 'Ana' }, 2);
    await recordConsent(db, current.repos, 'ana', { accepted: true, notice }, 2);
    const first = await requestDataDeletion(db, current.repos, 'ana', 3);
    expect(first).toEqual({ request: { id: expect.any(Number), kind: 'deletion', status: 'open', createdAt: 3 }, alreadyOpen: false });
    const again = await requestDataDeletion(db, current.repos, 'ana', 4);
    expect(again).toEqual({ request: first.request, alreadyOpen: true });
    const summary = await describeStoredData(db, current.repos, 'ana');
    expect(summary).toMatchObject({
      contact: { waId: 'ana', profileName: 'Ana WhatsApp', firstSeenAt: 1 },
      registration: { name: 'Ana', place: null },
      consent: { status: 'accepted', notice },
      broadcast: { optedIn: false },
      counts: { messagesReceived: 1, messagesSent: 0, media: 0, requests: 0, handoffs: 0 },
      dataRequests: [first.request],
    });
    expect(await current.repos.citizens.byKey(db, 'ana')).toBeDefined();
  });
});

describe('privacy notice version', () => {
  it('changes when the notice words or the policy link change', () => {
    expect(notice).toMatch(/^[0-9a-f]{12}$/);
    expect(privacyNoticeVersion({ ...city, privacyPolicyUrl: 'https://example.org' })).not.toBe(notice);
    expect(privacyNoticeVersion({ ...city, texts: { ...city.texts, 'consent.ask': 'outro texto' } })).not.toBe(notice);
  });
});
