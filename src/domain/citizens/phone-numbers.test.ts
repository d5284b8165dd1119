import { describe, expect, it } from 'vitest';
import { whatsAppIdsOf } from './phone-numbers.js';

describe('WhatsApp ids of a phone number a caller gives', () => {
  it('reads the usual ways of writing a Palmas mobile, with and without the ninth digit', () => {
    for (const written of ['(63) 99999-0101', '63999990101', '+55 63 99999-0101', '063 99999 0101'])
      expect(whatsAppIdsOf(written)).toEqual(['5563999990101', '556399990101']);
    expect(whatsAppIdsOf('556399990101')).toEqual(['556399990101', '5563999990101']);
  });

  it('keeps landlines as they are and refuses what is not a Brazilian number', () => {
    expect(whatsAppIdsOf('(63) 3212-7500')).toEqual(['556332127500']);
    expect(whatsAppIdsOf('+55 63 9999-0101')).toEqual(['556399990101', '5563999990101']);
    expect(whatsAppIdsOf('12345')).toEqual([]);
    expect(whatsAppIdsOf('<script>')).toEqual([]);
    expect(whatsAppIdsOf('+1 415 555 0100')).toEqual([]);
    expect(whatsAppIdsOf('')).toEqual([]);
  });
});
