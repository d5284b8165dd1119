import { formatLocalDate, localDateOf } from '../calendar/index.js';
import type { Catalog } from '../catalog/index.js';

/** The public page of an entry (or of the whole Carta): absolute with PUBLIC_URL, else a path on this server. */
export const cartaPageUrl = (publicUrl: string | undefined, id?: string): string =>
  `${(publicUrl ?? '').replace(/\/+$/, '')}/carta-de-servicos${id ? `/${encodeURIComponent(id)}` : ''}`;

/** The catalog's request services: a message the classifier is sure asks for one of them opens a request. */
export const requestServiceCodes = (catalog: Catalog): Set<string> => new Set(catalog.services.filter((s) => s.kind === 'request').map((s) => s.code));

/** "YYYY-MM-DD" in the city's timezone: "última revisão" is a date there. */
export const todayIn = (now: number, timezone: string): string => formatLocalDate(localDateOf(new Date(now), timezone));
