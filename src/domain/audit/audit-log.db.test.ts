import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { auditEntries, recordAudit } from './index.js';

describe.each(dialects)('audit log on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('keeps entries newest first, per subject, with their details, and pages backwards', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const citizen = { type: 'citizen', id: '55639' };
    await recordAudit(db, repos, { actorUserId: 1, action: 'citizen.exported', subject: citizen, details: { requests: 2 } }, 1_000);
    await recordAudit(db, repos, { actorUserId: null, action: 'user.created', subject: { type: 'user', id: '9' } }, 2_000);
    const last = await recordAudit(db, repos, { actorUserId: 1, action: 'citizen.anonymised', subject: citizen }, 3_000);

    const ofCitizen = await auditEntries(db, repos, { subjectType: citizen.type, subjectId: citizen.id, limit: 10 });
    expect(ofCitizen.map((e) => [e.action, e.at, e.details])).toEqual([
      ['citizen.anonymised', 3_000, {}],
      ['citizen.exported', 1_000, { requests: 2 }],
    ]);
    expect((await auditEntries(db, repos, { limit: 10 })).map((e) => e.actorUserId)).toEqual([1, null, 1]);
    expect((await auditEntries(db, repos, { beforeId: last.id, limit: 1 })).map((e) => e.action)).toEqual(['user.created']);
  });
});
