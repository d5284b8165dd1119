import { describe, expect, it } from 'vitest';
import { fixture, fixtureNames, readFixture } from '../../../test/support/fixtures.js';
import { notificationSchema } from './notification.schema.js';
import { parseNotification } from './parse-notification.js';

const parse = (prefix: string) => parseNotification(notificationSchema.parse(fixture(prefix)));

describe('parseNotification on recorded payloads', () => {
  it.each(fixtureNames())('accepts %s and accounts for every item', (name) => {
    const parsed = parseNotification(notificationSchema.parse(JSON.parse(readFixture(name))));
    expect(parsed.messages.length + parsed.statuses.length + parsed.kept.length).toBeGreaterThan(0);
    expect(parsed.kept.filter((k) => k.field.endsWith('unreadable'))).toEqual([]);
  });

  it('reads a text message with its sender', () => {
    const [message] = parse('36').messages;
    expect(message).toMatchObject({ citizenKey: '16505551234', waId: '16505551234', profileName: 'Sheena Nelson', type: 'text' });
    expect(message?.content).toEqual({ type: 'text', body: 'Does it come in another color?' });
    expect(message?.sentAt).toBe(1749416383000);
  });

  it('reads media with its id and mime type', () => {
    expect(parse('03').messages[0]?.content).toMatchObject({ type: 'media', kind: 'image', mediaId: '65463453', mimeType: 'image/jpeg' });
    expect(parse('07').messages[0]?.content).toMatchObject({ type: 'media', kind: 'audio', voice: true });
    expect(parse('05').messages[0]?.content).toMatchObject({ type: 'media', kind: 'document' });
  });

  it('reads button, list and template replies', () => {
    expect(parse('20').messages[0]?.content).toEqual({ type: 'reply', source: 'button', id: 'callback_data', title: 'title' });
    expect(parse('23').messages[0]?.content).toMatchObject({ type: 'reply', source: 'list' });
    expect(parse('21').messages[0]?.content).toEqual({ type: 'reply', source: 'template', id: 'callback_data', title: 'title' });
  });

  it('reads locations, contacts, reactions and removed reactions', () => {
    expect(parse('13').messages[0]?.content).toMatchObject({ type: 'location', name: expect.any(String) });
    expect(parse('14').messages[0]?.content).toEqual({ type: 'contacts', names: ['Chandler Bing', 'Monica', 'Rachel Green'] });
    expect(parse('10').messages[0]?.content).toMatchObject({ type: 'reaction', emoji: expect.any(String) });
    expect(parse('11').messages[0]?.content).toMatchObject({ type: 'reaction', emoji: null });
  });

  it('turns unsupported, revoked and system messages into content the engine can ignore or answer', () => {
    expect(parse('16').messages[0]?.content).toEqual({ type: 'unsupported', originalType: 'pool', errorCode: 131051 });
    expect(parse('35').messages[0]?.content).toEqual({ type: 'unsupported', originalType: 'revoke' });
    expect(parse('30').messages[0]?.content).toMatchObject({ type: 'system', kind: 'user_changed_number', newWaId: '972912345678' });
  });

  it('keys a citizen by the business-scoped id when wa_id is empty', () => {
    const parsed = parseNotification(
      notificationSchema.parse({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: {
          metadata: { phone_number_id: '1' },
          contacts: [{ wa_id: '', user_id: 'user.abc', profile: { name: 'Ana' } }],
          messages: [{ from: '', from_user_id: 'user.abc', id: 'wamid.B1', timestamp: '1', type: 'text', text: { body: 'oi' } }],
        } }] }],
      }),
    );
    expect(parsed.messages[0]).toMatchObject({ citizenKey: 'user.abc', waId: '', userId: 'user.abc', profileName: 'Ana' });
  });

  it('stores whole milliseconds whatever the timestamp, since PostgreSQL refuses fractions in a bigint', () => {
    const at = (timestamp: string | number) =>
      parseNotification(notificationSchema.parse({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: {
          metadata: { phone_number_id: '1' },
          contacts: [{ wa_id: '5563999990000' }],
          messages: [{ from: '5563999990000', id: 'wamid.T1', timestamp, type: 'text', text: { body: 'oi' } }],
        } }] }],
      })).messages[0]?.sentAt;
    expect(at('1764331200')).toBe(1_764_331_200_000);
    expect(at(1.0005)).toBe(1001);
    for (const odd of [-5e-324, -1, 1e300, 'amanhã']) expect(Number.isSafeInteger(at(odd)) && (at(odd) ?? 0) > 1_700_000_000_000).toBe(true);
  });

  it('reads statuses in both pricing shapes, with errors and callback data', () => {
    expect(parse('28').statuses[0]).toMatchObject({ status: 'failed', errorCode: 130472 });
    expect(parse('29').statuses[0]?.callbackData).toEqual(expect.any(String));
    expect(parse('38').statuses[0]).toMatchObject({ status: 'delivered', recipient: expect.stringMatching(/^user\./) });
  });

  it('keeps fields it does not act on, raw', () => {
    expect(parse('33').kept[0]?.field).toBe('message_template_status_update');
    expect(parse('32').kept[0]?.field).toBe('user_preferences');
  });

  it('reads every entry and change of a batch', () => {
    const one = fixture('36') as { entry: Array<{ changes: unknown[] }> };
    const change = one.entry[0]?.changes[0];
    const batch = { object: 'whatsapp_business_account', entry: [{ changes: [change, change] }, { changes: [change] }] };
    expect(parseNotification(notificationSchema.parse(batch)).messages).toHaveLength(3);
  });

  it('keeps an unreadable message instead of failing the notification', () => {
    const parsed = parseNotification(
      notificationSchema.parse({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: [{ type: 'text' }] } }] }] }),
    );
    expect(parsed.messages).toEqual([]);
    expect(parsed.kept).toEqual([{ field: 'messages.unreadable', payload: { type: 'text' } }]);
  });
});
