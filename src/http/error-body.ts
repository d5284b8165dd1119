/** The body of every error answer: `{ error: { code, message, fields? } }`, under Fastify and on the direct routes. */
export const errorBody = (code: string, message: string, fields?: string[]) => ({ error: { code, message, ...(fields ? { fields } : {}) } });

/** What an unexpected failure is answered, whichever HTTP stack caught it. */
export const INTERNAL_ERROR = errorBody('internal', 'Erro interno. Tente novamente em instantes.');
