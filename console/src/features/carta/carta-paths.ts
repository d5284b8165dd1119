/** Where the Carta lives in the console (the public page is /carta-de-servicos, served by the server). */
export const CARTA_ROOT = '/carta';
export const QUESTIONS_PATH = `${CARTA_ROOT}/perguntas`;
export const NEW_ENTRY_PATH = `${CARTA_ROOT}/nova`;
export const entryPagePath = (id: string): string => `${CARTA_ROOT}/${encodeURIComponent(id)}`;
