import { describe, expect, it } from 'vitest';
import { mayHoldNul, withoutNul } from './nul-characters.js';

describe('NUL characters in bodies', () => {
  it('are found only where JSON text escapes one, and removed from every string and key', () => {
    const text = '{"a\\u0000":["x\\u0000y",{"b":"\\u0000"}],"n":1}';
    expect(mayHoldNul(text)).toBe(true);
    expect(mayHoldNul('{"a":"\\\\u0000 is only a backslash and letters here"}')).toBe(true);
    expect(mayHoldNul('{"a":"ok"}')).toBe(false);
    expect(withoutNul(JSON.parse(text))).toEqual({ a: ['xy', { b: '' }], n: 1 });
  });
});
