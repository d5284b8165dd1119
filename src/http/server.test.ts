import { describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import { createHttpServer } from './server.js';

/** The address the app believes a request came from, given who connected and what X-Forwarded-For said. */
const seenAddress = async (trustProxy: string | false | undefined, remoteAddress: string): Promise<string> => {
  const app = await createHttpServer(createLogger('silent'), ...(trustProxy === undefined ? [] : [trustProxy]));
  app.get('/ip', (request) => ({ ip: request.ip }));
  const response = await app.inject({ method: 'GET', url: '/ip', remoteAddress, headers: { 'x-forwarded-for': '6.6.6.6' } });
  await app.close();
  return (response.json() as { ip: string }).ip;
};

describe('whose X-Forwarded-For the server believes (TRUST_PROXY)', () => {
  it('by default, only a proxy on the same machine', async () => {
    expect(await seenAddress(undefined, '127.0.0.1')).toBe('6.6.6.6');
    // Anyone reaching the app directly cannot pick their address (and so their rate limits).
    expect(await seenAddress(undefined, '200.10.20.30')).toBe('200.10.20.30');
  });

  it('a named network, or nobody', async () => {
    expect(await seenAddress('10.0.0.0/8', '10.1.2.3')).toBe('6.6.6.6');
    expect(await seenAddress('10.0.0.0/8', '127.0.0.1')).toBe('127.0.0.1');
    expect(await seenAddress(false, '127.0.0.1')).toBe('127.0.0.1');
  });
});
