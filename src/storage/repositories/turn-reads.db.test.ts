import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';

const NOW = 1_795_961_459_082;

describe.each(dialects)('a turn\'s reads on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('reads the same as the conversation, profile, handoff, topics and closures repositories do one by one', async () => {
    const { db } = current.storage;
    const { conversations, citizens, handoffs, consent, closures, turnReads } = current.repos;
    await conversations.save(db, 'ana', { step: 'menu', pending: { say: 'Olá, "Ana" \\ çãé 🌳' } }, NOW);
    await citizens.updateProfile(db, 'ana', {
      name: 'Ana "Nina" Souza', place_id: 'arse-72', place_text: 'Quadra 712 Sul, perto da escola', place_latitude: -10.184567891234567,
      place_longitude: -48.35561234567891, consent_accepted_at: NOW - 1, consent_notice: 'a1b2c3', broadcast_opted_in_at: NOW - 2, broadcast_source: 'whatsapp',
    }, NOW);
    const closed = await handoffs.insertIfNoneOpen(db, { citizenKey: 'ana', departmentId: null, message: 'antes', attendanceOpen: false, urgent: false }, NOW - 10);
    await db.updateTable('handoffs').set({ status: 'closed', closed_at: NOW - 5 }).where('id', '=', closed!.id).execute();
    await handoffs.insertIfNoneOpen(db, { citizenKey: 'ana', departmentId: 'semus', message: 'preciso de ajuda', attendanceOpen: true, urgent: true }, NOW);
    await consent.addTopics(db, 'ana', ['saude', 'eventos', 'obras'], NOW);
    await consent.addTopics(db, 'bia', ['eventos'], NOW);
    await closures.insert(db, { firstDay: '2025-11-20', lastDay: '2025-11-21', reason: 'ended before the window', createdBy: 1 }, NOW);
    await closures.insert(db, { firstDay: '2026-12-24', lastDay: '2026-12-26', reason: 'Natal', createdBy: 1 }, NOW);
    await closures.insert(db, { firstDay: '2026-02-16', lastDay: '2026-02-18', reason: 'Carnaval', createdBy: 1 }, NOW);
    const removed = await closures.insert(db, { firstDay: '2026-03-01', lastDay: '2026-03-01', reason: 'cancelado', createdBy: 1 }, NOW);
    await closures.remove(db, removed.id, 1, NOW);

    const reads = await turnReads.read(db, 'ana', '2025-11-29');

    expect(reads).toEqual({
      conversation: await conversations.load(db, 'ana'),
      profile: await citizens.profileByKey(db, 'ana'),
      openHandoff: await handoffs.pendingFor(db, 'ana'),
      topics: await consent.topicsOf(db, 'ana'),
      closures: await closures.inForce(db, '2025-11-29'),
    });
    // Not vacuous: each part holds what was written.
    expect(reads.topics).toEqual(['eventos', 'obras', 'saude']);
    expect(reads.closures.map((c) => c.reason)).toEqual(['Carnaval', 'Natal']);
    expect(reads.openHandoff).toMatchObject({ status: 'waiting', department_id: 'semus', urgent: 1 });
    expect(reads.profile).toMatchObject({ name: 'Ana "Nina" Souza', place_latitude: -10.184567891234567, consent_declined_at: null });
    expect(reads.conversation?.state).toEqual({ step: 'menu', pending: { say: 'Olá, "Ana" \\ çãé 🌳' } });
  });

  it('reads nothing of a citizen it has never seen, and still the calendar', async () => {
    const { db } = current.storage;
    const { closures, turnReads } = current.repos;
    await closures.insert(db, { firstDay: '2026-12-24', lastDay: '2026-12-26', reason: 'Natal', createdBy: 1 }, NOW);
    expect(await turnReads.read(db, 'nova', '2026-11-29')).toEqual({
      conversation: undefined, profile: undefined, openHandoff: undefined, topics: [], closures: [expect.objectContaining({ reason: 'Natal' })],
    });
  });
});
