import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import type { Role } from '../attendants/users.js';
import {
  addRequestNote,
  assignRequest,
  findRequest,
  linkDuplicate,
  listVisibleRequests,
  openServiceRequest,
  setRequestPriority,
  unlinkDuplicate,
  viewRequest,
  type OpenServiceRequestInput,
  type RequestViewer,
} from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
/** Monday 16 March 2026, 10:00 in Palmas. */
const MONDAY = Date.parse('2026-03-16T10:00:00-03:00');
const HOUR = 60 * 60 * 1000;

const report = (over: Partial<OpenServiceRequestInput> = {}): OpenServiceRequestInput => ({
  serviceCode: 'tapa-buraco',
  citizenKey: 'ana',
  channel: 'whatsapp',
  location: { text: 'Quadra 106 Sul, Alameda 3' },
  description: 'Buraco grande no meio da pista',
  ...over,
});

/** A fresh database for each test, and a way to open requests in it. */
const useRequests = (create: Parameters<typeof useMigratedStorage>[0]) => {
  const current = useMigratedStorage(create);
  const db = () => current.storage.db;
  const open = async (input: OpenServiceRequestInput, at = MONDAY) => {
    const opened = await openServiceRequest(db(), current.repos, city, input, at);
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  };
  return { current, db, open };
};

describe.each(dialects)('managing requests in the console on $name', ({ create }) => {
  const { current, db, open } = useRequests(create);
  const user = async (name: string, role: Role, departmentId: string | null): Promise<RequestViewer> => {
    const row = await current.repos.users.create(db(), { email: `${name}@palmas.to.gov.br`, name, passwordHash: 'x', role, departmentId: departmentId ?? undefined }, MONDAY);
    return { id: Number(row.id), role, departmentId };
  };
  const historyOf = async (protocol: string) => (await findRequest(db(), current.repos, protocol))?.history ?? [];

  it('lets an attendant take a request for themselves but not give it to others; coordinators give it to their department', async () => {
    const request = await open(report());
    const attendant = await user('Bia', 'attendant', 'zeladoria-urbana');
    const colleague = await user('Caio', 'attendant', 'zeladoria-urbana');
    const coordinator = await user('Dora', 'coordinator', 'zeladoria-urbana');
    const otherDepartment = await user('Edu', 'attendant', 'seihab');
    const central = await user('Fia', 'attendant', null);

    expect(await assignRequest(db(), current.repos, attendant, { protocol: request.protocol, assigneeId: colleague.id }, MONDAY)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await assignRequest(db(), current.repos, attendant, { protocol: request.protocol, assigneeId: attendant.id }, MONDAY + HOUR)).toMatchObject({ ok: true, value: { assigneeId: attendant.id } });
    expect(await assignRequest(db(), current.repos, coordinator, { protocol: request.protocol, assigneeId: otherDepartment.id }, MONDAY)).toMatchObject({ ok: false, error: { code: 'invalid_assignee' } });
    expect(await assignRequest(db(), current.repos, coordinator, { protocol: request.protocol, assigneeId: 999 }, MONDAY)).toMatchObject({ ok: false, error: { code: 'invalid_assignee' } });
    expect(await assignRequest(db(), current.repos, coordinator, { protocol: request.protocol, assigneeId: central.id }, MONDAY + 2 * HOUR)).toMatchObject({ ok: true, value: { assigneeId: central.id } });
    await current.storage.db.updateTable('users').set({ disabled_at: MONDAY }).where('id', '=', colleague.id).execute();
    expect(await assignRequest(db(), current.repos, coordinator, { protocol: request.protocol, assigneeId: colleague.id }, MONDAY)).toMatchObject({ ok: false, error: { code: 'invalid_assignee' } });
    // Another department's request does not exist for its attendants, whatever they try.
    expect(await assignRequest(db(), current.repos, otherDepartment, { protocol: request.protocol, assigneeId: otherDepartment.id }, MONDAY)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const assignments = (await historyOf(request.protocol)).filter((event) => event.kind === 'assignment');
    expect(assignments).toEqual([
      { kind: 'assignment', fromStatus: 'aberto', status: 'aberto', note: 'Atribuído a Bia', actor: `attendant:${attendant.id}`, at: MONDAY + HOUR },
      { kind: 'assignment', fromStatus: 'aberto', status: 'aberto', note: 'Atribuído a Fia', actor: `attendant:${coordinator.id}`, at: MONDAY + 2 * HOUR },
    ]);
  });

  it('sets priorities only for coordinators and admins, and keeps notes of anyone who sees the request', async () => {
    const request = await open(report());
    const attendant = await user('Bia', 'attendant', 'zeladoria-urbana');
    const admin = await user('Gil', 'admin', 'seihab');
    expect(await setRequestPriority(db(), current.repos, attendant, { protocol: request.protocol, priority: 'alta' }, MONDAY)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await setRequestPriority(db(), current.repos, admin, { protocol: request.protocol, priority: 'urgente' }, MONDAY + HOUR)).toMatchObject({ ok: true, value: { priority: 'urgente' } });
    expect(await addRequestNote(db(), current.repos, attendant, { protocol: request.protocol, note: '   ' }, MONDAY)).toMatchObject({ ok: false, error: { code: 'note_empty' } });
    expect(await addRequestNote(db(), current.repos, attendant, { protocol: request.protocol, note: 'x'.repeat(2001) }, MONDAY)).toMatchObject({ ok: false, error: { code: 'note_too_long' } });
    const noted = await addRequestNote(db(), current.repos, attendant, { protocol: request.protocol, note: "  Equipe avisada; <b>'; drop table users; --  " }, MONDAY + 2 * HOUR);
    expect(noted).toMatchObject({ ok: true, value: { updatedAt: MONDAY + 2 * HOUR } });
    expect((await historyOf(request.protocol)).slice(1)).toEqual([
      { kind: 'priority', fromStatus: 'aberto', status: 'aberto', note: 'Prioridade: normal → urgente', actor: `attendant:${admin.id}`, at: MONDAY + HOUR },
      { kind: 'note', fromStatus: 'aberto', status: 'aberto', note: "Equipe avisada; <b>'; drop table users; --", actor: `attendant:${attendant.id}`, at: MONDAY + 2 * HOUR },
    ]);
  });

  it('links a report to an open primary of the same service, moving its citizen to the followers, and unlinks it back', async () => {
    const primary = await open(report());
    const repeat = await open(report({ citizenKey: 'bia', location: { text: 'Mesma alameda' } }));
    const other = await open(report({ serviceCode: 'iluminacao-publica', citizenKey: 'caio' }));
    const coordinator = await user('Dora', 'coordinator', null);
    const attendant = await user('Bia', 'attendant', null);
    const link = (protocol: string, to: string, viewer = coordinator) => linkDuplicate(db(), current.repos, viewer, { protocol, primary: to }, MONDAY + HOUR);

    expect(await link(repeat.protocol, primary.protocol, attendant)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await link(repeat.protocol, repeat.protocol)).toMatchObject({ ok: false, error: { code: 'self_link' } });
    expect(await link(repeat.protocol, other.protocol)).toMatchObject({ ok: false, error: { code: 'different_service' } });
    expect(await link(repeat.protocol, '2026-999999')).toMatchObject({ ok: false, error: { code: 'primary_not_found' } });
    expect(await link(repeat.protocol, primary.protocol)).toMatchObject({ ok: true, value: { duplicateOf: primary.id } });
    expect(await current.repos.followers.of(db(), primary.id)).toEqual(['bia']);
    expect(await link(repeat.protocol, primary.protocol)).toMatchObject({ ok: false, error: { code: 'already_linked' } });
    expect(await link(primary.protocol, repeat.protocol)).toMatchObject({ ok: false, error: { code: 'primary_is_duplicate' } });
    const third = await open(report({ citizenKey: 'davi' }));
    expect(await link(third.protocol, primary.protocol)).toMatchObject({ ok: true });
    expect(await link(primary.protocol, third.protocol)).toMatchObject({ ok: false, error: { code: 'primary_is_duplicate' } });
    expect((await historyOf(primary.protocol)).filter((e) => e.kind === 'link').map((e) => e.note)).toEqual([
      `Novo relato ligado a este pedido: ${repeat.protocol}`,
      `Novo relato ligado a este pedido: ${third.protocol}`,
    ]);

    const unlinked = await unlinkDuplicate(db(), current.repos, coordinator, { protocol: repeat.protocol }, MONDAY + 2 * HOUR);
    expect(unlinked).toMatchObject({ ok: true, value: { duplicateOf: null } });
    expect(await current.repos.followers.of(db(), primary.id)).toEqual(['davi']);
    expect((await historyOf(repeat.protocol)).map((e) => e.note)).toEqual([null, `Ligado ao pedido ${primary.protocol} como relato repetido`, `Desligado do pedido ${primary.protocol}`]);
    expect((await historyOf(primary.protocol)).at(-1)).toMatchObject({ kind: 'link', note: `Relato ${repeat.protocol} desligado deste pedido`, actor: `attendant:${coordinator.id}` });
    expect(await unlinkDuplicate(db(), current.repos, coordinator, { protocol: repeat.protocol }, MONDAY)).toMatchObject({ ok: false, error: { code: 'not_a_duplicate' } });
  });

  it('keeps a citizen following the primary while another of their reports is still linked to it', async () => {
    const primary = await open(report());
    const first = await open(report({ citizenKey: 'bia' }));
    const second = await open(report({ citizenKey: 'bia' }));
    const coordinator = await user('Dora', 'coordinator', 'zeladoria-urbana');
    for (const protocol of [first.protocol, second.protocol]) await linkDuplicate(db(), current.repos, coordinator, { protocol, primary: primary.protocol }, MONDAY);
    await unlinkDuplicate(db(), current.repos, coordinator, { protocol: first.protocol }, MONDAY);
    expect(await current.repos.followers.of(db(), primary.id)).toEqual(['bia']);
    await unlinkDuplicate(db(), current.repos, coordinator, { protocol: second.protocol }, MONDAY);
    expect(await current.repos.followers.of(db(), primary.id)).toEqual([]);
  });
});

describe.each(dialects)('what each console user sees on $name', ({ create }) => {
  const { current, db, open } = useRequests(create);
  const viewer = (role: Role, departmentId: string | null, id = 1): RequestViewer => ({ id, role, departmentId });

  it('hides other departments\' requests from their users, never shows who reported anonymously, and shows a named reporter to their department', async () => {
    await current.repos.citizens.recordContact(db(), { key: 'citizen-ana', waId: '5563999990001', userId: undefined, profileName: 'Ana Paula', at: MONDAY });
    const pothole = await open(report({ citizenKey: 'citizen-ana', contact: { name: 'Ana ao telefone', phone: '63 99999-0001' } }));
    const noise = await open(report({ serviceCode: 'perturbacao-sossego', citizenKey: 'citizen-ana', description: 'Som alto toda noite', contact: { name: 'Ana ao telefone', phone: '63 99999-0001' } }));
    const zeladoria = viewer('attendant', 'zeladoria-urbana');
    const fiscal = viewer('coordinator', 'planejamento-desenvolvimento-urbano');
    const adminOfSeihab = viewer('admin', 'seihab');

    expect(await viewRequest(db(), current.repos, zeladoria, noise.protocol)).toBeUndefined();
    expect(await viewRequest(db(), current.repos, zeladoria, pothole.protocol)).toMatchObject({
      reporter: { citizen: { name: 'Ana Paula', phone: '5563999990001' }, caller: { name: 'Ana ao telefone', phone: '63 99999-0001' } },
    });
    expect(await viewRequest(db(), current.repos, adminOfSeihab, pothole.protocol)).toMatchObject({ protocol: pothole.protocol, reporter: null });
    for (const who of [fiscal, viewer('admin', null), viewer('attendant', null)]) {
      const seen = await viewRequest(db(), current.repos, who, noise.protocol);
      expect(seen).toMatchObject({ anonymous: true, reporter: null });
      expect(JSON.stringify(seen)).not.toMatch(/citizen-ana|Ana|99999-0001|5563999990001/);
    }
    const listed = await listVisibleRequests(db(), current.repos, zeladoria, {});
    expect(listed.ok && listed.value.requests.map((r) => r.protocol)).toEqual([pothole.protocol]);
    expect(JSON.stringify(listed)).not.toMatch(/citizen-ana|Ana|99999-0001|5563999990001/);
    expect(await listVisibleRequests(db(), current.repos, zeladoria, { departmentId: 'seihab' })).toMatchObject({ ok: false, error: { code: 'department_not_found' } });
    const all = await listVisibleRequests(db(), current.repos, viewer('coordinator', null), {});
    expect(all.ok && all.value.requests.map((r) => r.protocol)).toEqual([noise.protocol, pothole.protocol]);
  });

  it('filters by assignee, priority, overdue and duplicates, and pages by cursor', async () => {
    const coordinator = viewer('coordinator', null, 7);
    await current.repos.users.create(db(), { email: 'dora@palmas.to.gov.br', name: 'Dora', passwordHash: 'x', role: 'coordinator' }, MONDAY);
    const [first, second, third] = [await open(report()), await open(report({ citizenKey: 'bia' }), MONDAY + HOUR), await open(report({ citizenKey: 'caio' }), MONDAY + 2 * HOUR)];
    if (!first || !second || !third) throw new Error('three requests expected');
    const dora = Number((await current.repos.users.byEmail(db(), 'dora@palmas.to.gov.br'))?.id);
    const owner = { ...coordinator, id: dora };
    await assignRequest(db(), current.repos, owner, { protocol: first.protocol, assigneeId: dora }, MONDAY);
    await setRequestPriority(db(), current.repos, owner, { protocol: second.protocol, priority: 'alta' }, MONDAY);
    await linkDuplicate(db(), current.repos, owner, { protocol: third.protocol, primary: second.protocol }, MONDAY);
    const protocols = async (filter: Parameters<typeof listVisibleRequests>[3]) => {
      const page = await listVisibleRequests(db(), current.repos, owner, filter);
      if (!page.ok) throw new Error(page.error.message);
      return page.value.requests.map((r) => r.protocol);
    };
    expect(await protocols({ assigneeId: dora })).toEqual([first.protocol]);
    expect(await protocols({ assigneeId: null })).toEqual([third.protocol, second.protocol]);
    expect(await protocols({ priorities: ['alta', 'urgente'] })).toEqual([second.protocol]);
    expect(await protocols({ primaryOnly: true })).toEqual([second.protocol, first.protocol]);
    const dueOf = (request: { expectedAt: number | null }) => request.expectedAt ?? Number.NaN;
    expect(await protocols({ overdueAt: dueOf(first) })).toEqual([]);
    expect(await protocols({ overdueAt: dueOf(second) + 1 })).toEqual([second.protocol, first.protocol]);
    expect(await protocols({ overdueAt: dueOf(second) + 1, statuses: ['concluido', 'aberto'] })).toEqual([second.protocol, first.protocol]);
    expect(await protocols({ overdueAt: dueOf(third) + 1, statuses: ['concluido'] })).toEqual([]);

    const page = await listVisibleRequests(db(), current.repos, owner, { limit: 2 });
    if (!page.ok) throw new Error('listing failed');
    expect(page.value.requests.map((r) => [r.protocol, r.duplicateOfProtocol, r.assigneeName])).toEqual([
      [third.protocol, second.protocol, null],
      [second.protocol, null, null],
    ]);
    expect(await protocols({ limit: 2, beforeId: page.value.nextBeforeId })).toEqual([first.protocol]);
  });
});
