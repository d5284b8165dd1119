import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * NUL characters: no person types them, SQLite keeps them and PostgreSQL refuses them in text (a 500 where the
 * caller sent nonsense). In a JSON body they are dropped, so a citizen's message that somehow carries one is still
 * stored and answered; in an address (path or query) the request is refused with 400.
 */
const NUL = '\u0000';

/** The value with every NUL removed from its strings and keys. */
export const withoutNul = (value: unknown): unknown => {
  if (typeof value === 'string') return value.replaceAll(NUL, '');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key.replaceAll(NUL, ''), withoutNul(child)]));
};

/** JSON text that may hold a NUL: only then is the parsed value walked, so ordinary bodies cost one scan. */
export const mayHoldNul = (jsonText: string): boolean => jsonText.includes('\\u0000');

export const refuseNulInAddress = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
  if (!/%00/.test(request.url)) return;
  await reply.status(400).send({ error: { code: 'invalid_input', message: 'O endereço contém um caractere inválido.' } });
};
