import { describe, expect, it } from 'vitest';
import { JOB } from '../../src/domain/messaging/job-kinds.js';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { enqueueRefused } from '../support/outbox.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

interface Failures {
  jobs: Array<{ id: number; kind: string; citizen: string; error: string }>;
  sends: Array<{ id: number; citizen: string; message_type: string; error_code: number | null }>;
}

describe('failures for IT: dead jobs and refused messages, retried by hand', () => {
  it('lists them with masked numbers, retries each once, records who did it, and keeps others out', async () => {
    const { app } = testApp();
    const { db } = app.storage;
    const now = clock.now().getTime();
    const admin = await signInAs(testApp(), 'admin', 'ti@palmas.to.gov.br');
    const coordinator = await signInAs(testApp(), 'coordinator');
    await db.insertInto('jobs').values({ kind: JOB.processInbound, group_key: '5563999991234', payload: JSON.stringify({ wamid: 'wamid.GONE' }), status: 'dead', attempts: 8, run_at: now, last_error: 'boom', created_at: now, updated_at: now }).execute();
    await enqueueRefused(app, [
      { idempotencyKey: 'x:0', recipient: '5563999995678', payload: { type: 'text', text: { body: 'Olá' } }, cause: 'x' },
      { idempotencyKey: 'broadcast:1:5563999990000', recipient: '5563999990000', payload: { type: 'template' }, cause: 'b' },
    ], now, { code: 131026, detail: 'Message undeliverable' });

    const listed = (await callApi(testApp().url, 'GET', '/api/operations/failures', admin)).body as unknown as Failures;
    expect(listed.jobs).toEqual([expect.objectContaining({ kind: JOB.processInbound, citizen: '…1234', error: 'boom' })]);
    expect(listed.sends).toEqual([expect.objectContaining({ citizen: '…5678', message_type: 'text', error_code: 131026 })]);
    expect(JSON.stringify(listed)).not.toContain('5563999995678');

    const [job] = listed.jobs;
    const [send] = listed.sends;
    expect((await callApi(testApp().url, 'POST', `/api/operations/jobs/${job?.id}/retry`, coordinator)).status).toBe(403);
    expect((await callApi(testApp().url, 'POST', `/api/operations/jobs/${job?.id}/retry`, admin)).status).toBe(204);
    expect((await callApi(testApp().url, 'POST', `/api/operations/jobs/${job?.id}/retry`, admin)).status).toBe(404);
    expect((await callApi(testApp().url, 'POST', `/api/operations/sends/${send?.id}/retry`, admin)).status).toBe(204);
    // A broadcast's refusal is final: it is reported with the broadcast and cannot be sent again from here.
    const broadcastSend = await db.selectFrom('outbox').select('id').where('idempotency_key', 'like', 'broadcast:%').executeTakeFirstOrThrow();
    expect((await callApi(testApp().url, 'POST', `/api/operations/sends/${broadcastSend.id}/retry`, admin)).status).toBe(404);

    // The workers take them at once: the job finds nothing left to do; the message goes to Meta (the simulator)
    // again, which now refuses it for the rule it really breaks: the citizen never wrote, so no 24-hour window.
    const settled = async () => {
      const jobState = await db.selectFrom('jobs').select('status').where('id', '=', job?.id ?? 0).executeTakeFirstOrThrow();
      const sendState = await db.selectFrom('outbox').select(['state', 'error_code']).where('id', '=', send?.id ?? 0).executeTakeFirstOrThrow();
      return jobState.status === 'done' && sendState.state === 'rejected' && Number(sendState.error_code) === 131047;
    };
    for (let tries = 0; tries < 100 && !(await settled()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await settled()).toBe(true);
    const audit = (await callApi(testApp().url, 'GET', '/api/audit', admin)).body.entries as Array<{ action: string }>;
    expect(audit.slice(0, 2).map((e) => e.action)).toEqual(['send.retried', 'job.retried']);
  });
});
