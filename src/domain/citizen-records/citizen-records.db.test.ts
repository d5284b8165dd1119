import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { StaffViewer } from '../attendants/staff.js';
import { openServiceRequest, type OpenServiceRequestInput } from '../requests/index.js';
import { anonymiseCitizen, anonymisedAt, citizenRecord, exportCitizen, findCitizens } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const MONDAY = Date.parse('2026-03-16T10:00:00-03:00');
const BIA = '5563999992001';
const CENTRAL: StaffViewer = { id: 1, name: 'Carla', role: 'coordinator', departmentId: null };
const PLANNING: StaffViewer = { id: 2, name: 'Paulo', role: 'attendant', departmentId: 'planejamento-desenvolvimento-urbano' };
const SEIHAB: StaffViewer = { id: 3, name: 'Sara', role: 'attendant', departmentId: 'seihab' };

const noFiles: MediaStore = { put: () => Promise.reject(new Error('unused')), get: () => Promise.reject(new Error('unused')), remove: () => Promise.resolve() };

describe.each(dialects)('citizen records on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const open = async (over: Partial<OpenServiceRequestInput>): Promise<string> => {
    const input: OpenServiceRequestInput = { serviceCode: 'iluminacao-publica', citizenKey: BIA, channel: 'whatsapp', location: { text: 'Quadra 106 Sul' }, description: 'Poste apagado', ...over };
    const result = await openServiceRequest(current.storage.db, current.repos, city, input, MONDAY);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.protocol;
  };
  const seed = async () => {
    const { db } = current.storage;
    await current.repos.citizens.recordContact(db, { key: BIA, waId: BIA, userId: undefined, profileName: 'Bia WhatsApp', at: MONDAY - 1_000 });
    const lamp = await open({});
    const noise = await open({ serviceCode: 'perturbacao-sossego', description: 'Som alto' });
    return { lamp, noise };
  };

  it('finds a citizen only where they made a request that names them, never through an anonymous one', async () => {
    const { lamp, noise } = await seed();
    const { db } = current.storage;
    const keys = async (viewer: StaffViewer, text: string) => (await findCitizens(db, current.repos, viewer, text)).map((c) => c.key);
    expect(await keys(CENTRAL, '+55 (63) 9 9999-2001')).toEqual([BIA]);
    expect(await keys(CENTRAL, 'bia')).toEqual([BIA]);
    expect(await keys(CENTRAL, lamp)).toEqual([BIA]);
    expect(await keys(SEIHAB, '6399992001')).toEqual([BIA]);
    expect(await keys(PLANNING, 'bia')).toEqual([]);
    expect(await keys(PLANNING, noise)).toEqual([]);
    expect(await citizenRecord(db, current.repos, PLANNING, BIA)).toBeUndefined();
    const record = await citizenRecord(db, current.repos, CENTRAL, BIA);
    expect(record?.requests.map((r) => r.protocol)).toEqual([lamp]);
  });

  it('names who attended each conversation, and opens the record to the department of that conversation', async () => {
    await seed();
    const { db } = current.storage;
    const repos = current.repos;
    const sara = await repos.users.create(db, { email: 'sara@palmas.to.gov.br', name: 'Sara', passwordHash: 'x', role: 'attendant', departmentId: 'seihab' }, MONDAY);
    const handoff = await repos.handoffs.insertIfNoneOpen(db, { citizenKey: BIA, departmentId: 'seihab', message: 'atendente', attendanceOpen: true, urgent: false }, MONDAY);
    if (!handoff) throw new Error('handoff not created');
    await repos.handoffs.setStatus(db, Number(handoff.id), 'waiting', 'taken', MONDAY + 1_000, Number(sara.id));
    const record = await citizenRecord(db, repos, SEIHAB, BIA);
    expect(record?.conversations.map((c) => [c.department_id, c.takenByName])).toEqual([['seihab', 'Sara']]);
  });

  it('exports every request with its events, then anonymises once, keeping requests without the citizen', async () => {
    const { lamp, noise } = await seed();
    const { db } = current.storage;
    const exported = await exportCitizen(db, current.repos, 1, BIA, MONDAY + 2_000);
    if (!exported.ok) throw new Error(exported.error.message);
    expect((exported.value.records.requests as Array<{ protocol: string }>).map((r) => r.protocol)).toEqual([lamp, noise]);
    expect(exported.value.records.request_events?.length).toBeGreaterThanOrEqual(2);

    const deps = { db, repos: current.repos, media: noFiles };
    expect(await anonymiseCitizen(deps, 1, BIA, '2001', MONDAY + 3_000)).toEqual({ ok: true, value: { requestsKept: 2, mediaDeleted: 0, anonymisedAt: MONDAY + 3_000 } });
    expect(await anonymiseCitizen(deps, 1, BIA, '2001', MONDAY + 4_000)).toEqual({ ok: true, value: { requestsKept: 0, mediaDeleted: 0, anonymisedAt: MONDAY + 3_000 } });
    expect(await anonymisedAt(db, current.repos, BIA)).toBe(MONDAY + 3_000);
    expect(await current.repos.citizens.byKey(db, BIA)).toBeUndefined();
    const kept = await db.selectFrom('service_requests').select(['protocol', 'citizen_key']).orderBy('id').execute();
    expect(kept).toEqual([{ protocol: lamp, citizen_key: null }, { protocol: noise, citizen_key: null }]);
    const audit = await db.selectFrom('audit_log').select(['action', 'subject_id', 'details']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['citizen.exported', 'citizen.anonymised']);
    expect(JSON.stringify(audit)).not.toContain('2001');
  });
});
