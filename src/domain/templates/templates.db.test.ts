import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import type { StaffViewer } from '../attendants/staff.js';
import { addManualTemplate, applyTemplateEvents, listTemplates, removeManualTemplate, syncTemplates, type TemplateDraft } from './index.js';

const draft = (name: string, overrides: Partial<TemplateDraft> = {}): TemplateDraft => ({
  name,
  language: 'pt_BR',
  category: 'UTILITY',
  status: 'APPROVED',
  metaId: `meta-${name}`,
  components: { header: null, body: 'Protocolo {{1}}: {{2}}.', footer: null, buttons: [] },
  ...overrides,
});
const coordinator: StaffViewer = { id: 7, name: 'Clara', role: 'coordinator', departmentId: null };
const attendant: StaffViewer = { id: 8, name: 'Beto', role: 'attendant', departmentId: 'saude' };

describe.each(dialects)('template registry on $name', ({ create }) => {
  const current = useMigratedStorage(create);
  const sync = (drafts: TemplateDraft[], now: number) => syncTemplates(current.storage.db, current.repos, async () => drafts, { actorUserId: null, now: () => now });

  it('upserts by name and language, keeps what Meta stopped listing as missing, and clears the mark when it returns', async () => {
    const { db } = current.storage;
    expect(await sync([draft('a'), draft('b'), draft('b', { language: 'en_US', metaId: 'meta-b-en' })], 1_000)).toEqual({ total: 3, created: 3, updated: 0, missing: 0 });
    expect(await sync([draft('a', { status: 'PAUSED' }), draft('b')], 2_000)).toEqual({ total: 2, created: 0, updated: 2, missing: 1 });
    const afterSecond = await listTemplates(db, current.repos);
    expect(afterSecond.map((t) => [t.name, t.language, t.status, t.missingSince])).toEqual([
      ['a', 'pt_BR', 'PAUSED', null],
      ['b', 'en_US', 'APPROVED', 2_000],
      ['b', 'pt_BR', 'APPROVED', null],
    ]);
    expect(afterSecond[0]?.parameterNames).toEqual(['1', '2']);
    await sync([draft('a'), draft('b'), draft('b', { language: 'en_US' })], 3_000);
    expect((await listTemplates(db, current.repos, { status: 'APPROVED' })).map((t) => t.missingSince)).toEqual([null, null, null]);
  });

  it('changes nothing when reading from Meta fails', async () => {
    await sync([draft('a')], 1_000);
    const failing = syncTemplates(current.storage.db, current.repos, () => Promise.reject(new Error('network down')), { actorUserId: null, now: () => 2_000 });
    await expect(failing).rejects.toThrow('network down');
    expect((await listTemplates(current.storage.db, current.repos)).map((t) => [t.name, t.updatedAt])).toEqual([['a', 1_000]]);
  });

  it('adds and removes manual templates for coordinators only, and never removes one read from Meta', async () => {
    const { db } = current.storage;
    const manual = draft('aviso', { metaId: null });
    expect(await addManualTemplate(db, current.repos, attendant, manual, 1_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const added = await addManualTemplate(db, current.repos, coordinator, manual, 1_000);
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value).toMatchObject({ source: 'manual', parameterNames: ['1', '2'] });
    expect(await addManualTemplate(db, current.repos, coordinator, manual, 1_000)).toMatchObject({ ok: false, error: { code: 'template_exists' } });

    await sync([draft('de_meta')], 2_000);
    const fromMeta = (await listTemplates(db, current.repos)).find((t) => t.name === 'de_meta');
    expect(await removeManualTemplate(db, current.repos, coordinator, fromMeta?.id ?? 0, 3_000)).toMatchObject({ ok: false, error: { code: 'template_from_meta' } });
    expect(await removeManualTemplate(db, current.repos, attendant, added.value.id, 3_000)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await removeManualTemplate(db, current.repos, coordinator, added.value.id, 3_000)).toMatchObject({ ok: true });
    expect((await listTemplates(db, current.repos)).map((t) => t.name)).toEqual(['de_meta']);
  });

  it("applies Meta's status and category events by id or by name, and flags the ones that stop sending", async () => {
    await sync([draft('a'), draft('b')], 1_000);
    const changes = await current.storage.db.transaction().execute((tx) =>
      applyTemplateEvents(tx, current.repos, [
        { field: 'message_template_status_update', payload: { event: 'DISABLED', message_template_id: 'meta-a', reason: 'LOW_QUALITY' } },
        { field: 'template_category_update', payload: { message_template_name: 'b', message_template_language: 'pt_BR', correct_category: 'MARKETING' } },
        { field: 'template_category_update', payload: { message_template_name: 'b', message_template_language: 'pt_BR', new_category: 'MARKETING' } },
        { field: 'message_template_status_update', payload: { event: 'APPROVED', message_template_name: 'unknown', message_template_language: 'pt_BR' } },
        { field: 'user_preferences', payload: {} },
      ], 2_000),
    );
    expect(changes).toEqual([
      { name: 'a', language: 'pt_BR', status: 'DISABLED', category: 'UTILITY', reason: 'LOW_QUALITY', blocked: true },
      { name: 'b', language: 'pt_BR', status: 'APPROVED', category: 'MARKETING', reason: null, blocked: false },
    ]);
    expect((await listTemplates(current.storage.db, current.repos)).map((t) => [t.name, t.status, t.category, t.statusReason])).toEqual([
      ['a', 'DISABLED', 'UTILITY', 'LOW_QUALITY'],
      ['b', 'APPROVED', 'MARKETING', null],
    ]);
  });
});
