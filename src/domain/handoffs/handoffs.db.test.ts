import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { appendHandoffMessage, pendingHandoffFor, requestHandoff } from './index.js';

describe.each(dialects)('handoffs on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('queues a citizen once; asking again adds the message to the pending handoff', async () => {
    const { db } = current.storage;
    expect(await pendingHandoffFor(db, current.repos, 'ana')).toBeUndefined();
    const first = await requestHandoff(db, current.repos, { citizenKey: 'ana', departmentId: 'seihab', message: ' O poste caiu ', attendanceOpen: false, urgent: true }, 10);
    expect(first).toMatchObject({
      created: true,
      handoff: { citizenKey: 'ana', departmentId: 'seihab', message: 'O poste caiu', attendanceOpen: false, urgent: true, status: 'waiting', messages: [] },
    });
    const again = await requestHandoff(db, current.repos, { citizenKey: 'ana', departmentId: null, message: 'alguém?', attendanceOpen: true }, 20);
    expect(again).toMatchObject({ created: false, handoff: { id: first.handoff.id, departmentId: 'seihab', messages: [{ body: 'alguém?', at: 20 }] } });
    expect(await current.storage.db.selectFrom('handoffs').selectAll().execute()).toHaveLength(1);
  });

  it('never queues twice under concurrent requests', async () => {
    const { db } = current.storage;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => requestHandoff(db, current.repos, { citizenKey: 'ana', departmentId: null, message: `m${i}`, attendanceOpen: true }, i)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const pending = await pendingHandoffFor(db, current.repos, 'ana');
    expect(pending?.messages).toHaveLength(4);
  });

  it('appends later messages while waiting, and only then; a closed handoff lets them queue anew', async () => {
    const { db } = current.storage;
    expect(await appendHandoffMessage(db, current.repos, 'ana', 'oi', 1)).toMatchObject({ ok: false, error: { code: 'no_pending_handoff' } });
    const { handoff } = await requestHandoff(db, current.repos, { citizenKey: 'ana', departmentId: null, attendanceOpen: true }, 2);
    expect(handoff.message).toBeNull();
    expect(await appendHandoffMessage(db, current.repos, 'ana', '   ', 3)).toMatchObject({ ok: false, error: { code: 'empty_message' } });
    expect(await appendHandoffMessage(db, current.repos, 'ana', 'rua 5', 4)).toEqual({ ok: true, value: { body: 'rua 5', at: 4 } });
    expect((await pendingHandoffFor(db, current.repos, 'ana'))?.messages).toEqual([{ body: 'rua 5', at: 4 }]);
    await current.repos.handoffs.setStatus(db, handoff.id, 'waiting', 'taken', 5, 7);
    expect(await pendingHandoffFor(db, current.repos, 'ana')).toMatchObject({ status: 'taken', takenBy: 7 });
    await current.repos.handoffs.setStatus(db, handoff.id, 'taken', 'closed', 6);
    expect(await pendingHandoffFor(db, current.repos, 'ana')).toBeUndefined();
    expect((await requestHandoff(db, current.repos, { citizenKey: 'ana', departmentId: null, attendanceOpen: true }, 7)).created).toBe(true);
  });
});
