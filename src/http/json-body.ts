import { mayHoldNul, withoutNul } from './nul-characters.js';

/** What a request whose body is not JSON is told, by Fastify's parser and by the direct routes alike. */
export const INVALID_JSON = { code: 'invalid_json', message: 'O corpo da requisição não é um JSON válido.' };

/** A request body's JSON with NUL characters dropped; `undefined` when the body is empty. Throws on invalid JSON. */
export const parseJsonBody = (body: Buffer): unknown => {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  const parsed: unknown = JSON.parse(text);
  return mayHoldNul(text) ? withoutNul(parsed) : parsed;
};
