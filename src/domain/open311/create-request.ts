import type { CatalogService } from '../catalog/index.js';
import type { DomainError, OpenRequestErrorCode, OpenServiceRequestInput, RequestLocation } from '../requests/index.js';
import { openServiceRequest } from '../requests/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { citizenKeyForPhone } from './contact.js';
import { refuse, type Open311Result } from './errors.js';
import { param, plainLineBreaks, type Open311Params } from './params.js';
import { serviceNotice, type PresentCity } from './present-request.js';
import { attributeCodes, findOpen311Service } from './services.js';

/** POST requests answer. `account_id` stays null: requests from Open311 belong to no account of ours. */
export interface Open311Created {
  service_request_id: string;
  service_notice: string | null;
  account_id: null;
}

/** Any parameter longer than this is refused before anything else (the description has its catalog limit). */
const MAX_PARAM_LENGTH = 4000;
const MAX_PARAMS = 100;
const ATTRIBUTE = /^attribute\[([^\]]{1,100})\](?:\[\])?$/;

const oversized = (params: Open311Params): string | undefined => {
  const names = Object.keys(params);
  if (names.length > MAX_PARAMS) return `são aceitos no máximo ${MAX_PARAMS} parâmetros.`;
  const tooLong = (v: unknown): boolean => (Array.isArray(v) ? v.some(tooLong) || v.length > MAX_PARAMS : typeof v === 'string' && v.length > MAX_PARAM_LENGTH);
  const name = names.find((n) => n !== 'description' && (n.length > 200 || tooLong(params[n])));
  return name === undefined ? undefined : `${name.slice(0, 200)}: no máximo ${MAX_PARAM_LENGTH} caracteres.`;
};

/** attribute[code]=value (and attribute[code][]=value) for the codes this service defines; others are ignored. */
const attributesOf = (params: Open311Params, service: CatalogService): Map<string, string> => {
  const known = new Set(attributeCodes(service));
  const values = new Map<string, string>();
  for (const name of Object.keys(params)) {
    const code = ATTRIBUTE.exec(name)?.[1];
    const value = code !== undefined && known.has(code) ? param(params, name) : undefined;
    if (code !== undefined && value !== undefined) values.set(code, value);
  }
  return values;
};

const coordinate = (text: string | undefined): number | undefined | null => {
  if (text === undefined) return undefined;
  return /^[+-]?\d{1,3}(\.\d+)?$/.test(text) ? Number(text) : null;
};

const locationOf = (params: Open311Params, city: PresentCity): Open311Result<RequestLocation> => {
  const lat = coordinate(param(params, 'lat'));
  const long = coordinate(param(params, 'long'));
  if (lat === null || long === null) return refuse(400, 'lat/long: use graus decimais WGS84, p.ex. lat=-10.184 e long=-48.333.');
  if ((lat === undefined) !== (long === undefined)) return refuse(400, 'lat/long: envie os dois juntos.');
  const addressId = param(params, 'address_id');
  if (addressId !== undefined && !city.places.places.some((p) => p.id === addressId))
    return refuse(400, 'address_id: desconhecido; use o id de uma quadra ou bairro do perfil da cidade, ou envie address_string.');
  const text = param(params, 'address_string');
  if (lat === undefined && addressId === undefined && text === undefined)
    return refuse(400, 'Informe a localização: lat e long, address_string ou address_id.');
  return { ok: true, value: { latitude: lat, longitude: long, placeId: addressId, text } };
};

const FIELD_PARAM: Record<string, string> = { address: 'address_string', placeId: 'address_id', reference: 'attribute[reference]', location: 'lat/long, address_string ou address_id' };

const fromDomainError = (error: DomainError<OpenRequestErrorCode>) => {
  const field = typeof error.details?.field === 'string' ? error.details.field : '';
  const name = FIELD_PARAM[field] ?? field;
  switch (error.code) {
    case 'unknown_service':
    case 'not_a_request_service':
      return refuse(404, 'service_code: serviço não encontrado; veja services.xml.');
    case 'missing_field':
      return refuse(400, field === 'description' ? 'description: obrigatória; descreva o problema.' : `${name}: obrigatório para este serviço.`);
    case 'field_too_long':
      return refuse(400, field === 'photos' ? 'media_url: fotos demais.' : `${name}: no máximo ${String(error.details?.max)} caracteres.`);
    case 'invalid_location':
      return refuse(400, 'lat/long: coordenadas inválidas.');
    case 'location_outside_city':
      return refuse(400, 'lat/long: o local fica fora do município.');
    case 'no_department':
    case 'unknown_media':
      return refuse(400, 'Não foi possível registrar a solicitação agora; tente novamente mais tarde.');
  }
};

const contactName = (params: Open311Params): string | undefined =>
  [param(params, 'first_name'), param(params, 'last_name')].filter(Boolean).join(' ') || undefined;

/**
 * POST requests: reads the Open311 parameters, opens the request through the requests domain (channel
 * 'open311', actor 'system') and answers with the protocol. The phone number, when it belongs to a citizen known
 * on WhatsApp, attaches the request to them (they can follow it in the chat); name and phone are kept as the
 * request's contact for the team (never shown by the Open311 API), e-mail is not stored.
 * A media_url is not fetched or kept: fetching URLs given by clients would let them make the server call anywhere.
 */
export const createOpen311Request = async (
  db: Executor,
  repos: Repositories,
  city: PresentCity,
  params: Open311Params,
  now: number,
): Promise<Open311Result<Open311Created>> => {
  const tooBig = oversized(params);
  if (tooBig) return refuse(400, tooBig);
  const code = param(params, 'service_code');
  if (code === undefined) return refuse(400, 'service_code: obrigatório.');
  const service = findOpen311Service(city.catalog, code);
  if (!service) return refuse(404, 'service_code: serviço não encontrado; veja services.xml.');
  const location = locationOf(params, city);
  if (!location.ok) return location;
  const attributes = attributesOf(params, service);
  const input: OpenServiceRequestInput = {
    serviceCode: service.code,
    citizenKey: await citizenKeyForPhone(db, repos, param(params, 'phone')),
    channel: 'open311',
    location: location.value,
    description: typeof params.description === 'string' ? plainLineBreaks(params.description) : param(params, 'description'),
    reference: attributes.get('reference'),
    actor: 'system',
    contact: { name: contactName(params), phone: param(params, 'phone') },
  };
  const opened = await openServiceRequest(db, repos, city, input, now);
  if (!opened.ok) return fromDomainError(opened.error);
  return { ok: true, value: { service_request_id: opened.value.protocol, service_notice: serviceNotice(service), account_id: null } };
};
