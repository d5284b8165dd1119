import { describe, expect, it } from 'vitest';
import { applyEvent, type MessageEvent } from './recipient-progress.js';
import type { RecipientState } from '../../storage/schema.js';

const run = (events: MessageEvent[], start: RecipientState = 'fed') => {
  let current = { state: start, accepted: false };
  const totals = { sent: 0, delivered: 0, read: 0, failed: 0, settled: 0 };
  for (const event of events) {
    const change = applyEvent(current, event);
    if (!change) continue;
    current = { state: change.state, accepted: change.accepted };
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += change.delta[key];
  }
  return { state: current.state, ...totals };
};

describe('a broadcast recipient’s progress', () => {
  it('counts a message sent, delivered and read once each, whatever order and repeats the statuses come in', () => {
    expect(run(['accepted', 'sent', 'delivered', 'read'])).toEqual({ state: 'read', sent: 1, delivered: 1, read: 1, failed: 0, settled: 1 });
    expect(run(['read', 'delivered', 'sent', 'accepted', 'read'])).toEqual({ state: 'read', sent: 1, delivered: 1, read: 1, failed: 0, settled: 1 });
  });

  it('counts a refusal as failed but not sent, and a failed status as both sent and failed', () => {
    expect(run(['rejected'])).toEqual({ state: 'failed', sent: 0, delivered: 0, read: 0, failed: 1, settled: 1 });
    expect(run(['accepted', 'failed'])).toEqual({ state: 'failed', sent: 1, delivered: 0, read: 0, failed: 1, settled: 1 });
  });

  it('takes a failure back when another device of the citizen reports the message delivered', () => {
    expect(run(['failed', 'delivered'])).toEqual({ state: 'delivered', sent: 1, delivered: 1, read: 0, failed: 0, settled: 1 });
  });

  it('ignores events for recipients skipped or cancelled', () => {
    expect(applyEvent({ state: 'skipped', accepted: false }, 'delivered')).toBeUndefined();
    expect(applyEvent({ state: 'cancelled', accepted: false }, 'accepted')).toBeUndefined();
  });
});
