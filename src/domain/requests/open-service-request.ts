import { addBusinessDays, formatLocalDate, localDateOf } from '../calendar/index.js';
import { departmentLabel, findService, resolveDepartment } from '../catalog/index.js';
import type { Executor, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { inTransaction } from './in-transaction.js';
import { recountRequest } from '../reports/count-requests.js';
import { findDuplicate } from './duplicates.js';
import { linkToPrimary } from './manage-request.js';
import { formatProtocol } from './protocol.js';
import { fail, ok, type Result } from './result.js';
import type { OpenedServiceRequest, OpenServiceRequestInput, OpenServiceRequestOptions, RequestCity } from './types.js';
import { validateRequestFields, type RequestInputErrorCode } from './validate-request.js';

export type OpenRequestErrorCode = RequestInputErrorCode | 'unknown_media' | 'no_department';

/**
 * Opens a service request: checks it against the catalog, resolves the department of the day, computes the
 * deadline in business days, takes the next protocol number of the year (city's timezone) and stores the request
 * with its first event, all in one transaction (the caller's, if `db` is one). Nothing is written on error.
 * A pin near an open request of the same service links the new report to it (see findDuplicate).
 */
export const openServiceRequest = async (
  db: Executor,
  repos: Repositories,
  city: RequestCity,
  input: OpenServiceRequestInput,
  now: number,
  options: OpenServiceRequestOptions = {},
): Promise<Result<OpenedServiceRequest, OpenRequestErrorCode>> => {
  const service = findService(city.catalog, input.serviceCode);
  if (!service) return fail('unknown_service', 'invalid_input', `no service ${input.serviceCode}`);
  if (service.kind !== 'request') return fail('not_a_request_service', 'invalid_input', `${service.code} gives information, it takes no requests`);
  const valid = validateRequestFields(service, city.places, input);
  if (!valid.ok) return valid;
  const fields = valid.value;

  const at = new Date(now);
  const today = localDateOf(at, city.calendar.timezone);
  const department = resolveDepartment(city.departments, service.departmentId, formatLocalDate(today));
  if (!department) return fail('no_department', 'unavailable', `no department handles ${service.code} on ${formatLocalDate(today)}`);
  const businessDays = service.deadline?.businessDays ?? null;
  const expectedAt = businessDays === null ? null : addBusinessDays(at, businessDays, city.calendar, options.closures ?? []).getTime();

  return inTransaction(db, async (tx): Promise<Result<OpenedServiceRequest, OpenRequestErrorCode>> => {
    const media = await checkMedia(tx, repos, fields.mediaIds, input.citizenKey);
    if ('unknown' in media) return fail('unknown_media', 'invalid_input', `media ${media.unknown} is not a photo this citizen sent`, { mediaId: media.unknown });
    const protocol = formatProtocol(today.year, await repos.requests.nextSequence(tx, today.year));
    const point = fields.latitude !== null && fields.longitude !== null ? { latitude: fields.latitude, longitude: fields.longitude } : undefined;
    const primary = point ? await findDuplicate(tx, repos, service, point) : undefined;
    const row = await repos.requests.insert(tx, {
      protocol,
      service_code: service.code,
      department_id: department.id,
      citizen_key: input.citizenKey,
      channel: input.channel,
      status: 'aberto',
      latitude: fields.latitude,
      longitude: fields.longitude,
      place_id: fields.placeId,
      address: fields.address,
      reference: fields.reference,
      description: fields.description,
      media_ids: JSON.stringify(media.kept),
      expected_at: expectedAt,
      created_at: now,
      updated_at: now,
      anonymous: service.anonymousReports ? 1 : 0,
      contact_name: cleanContact(input.contact?.name),
      contact_phone: cleanContact(input.contact?.phone),
      duplicate_of: primary ? Number(primary.id) : null,
    });
    await recountRequest(tx, repos, undefined, row, city.calendar);
    await repos.requests.addEvent(tx, {
      request_id: row.id,
      from_status: null,
      status: 'aberto',
      note: null,
      actor: input.actor ?? (input.citizenKey ? 'citizen' : 'system'),
      at: now,
    });
    if (primary) await linkToPrimary(tx, repos, primary, { protocol, citizenKey: input.citizenKey }, 'system', now);
    return ok({
      id: Number(row.id),
      protocol,
      serviceCode: service.code,
      serviceName: service.name,
      departmentId: department.id,
      departmentName: departmentLabel(department),
      expectedAt,
      deadlineBusinessDays: businessDays,
      createdAt: now,
      duplicateOf: primary ? { id: Number(primary.id), protocol: primary.protocol } : null,
    });
  });
};

const MAX_CONTACT = 120;
const cleanContact = (text: string | undefined): string | null => text?.replace(/\s+/g, ' ').trim().slice(0, MAX_CONTACT) || null;

/**
 * Photos must be media this citizen sent (registered when the message came in, stored or still pending). Ones the
 * media job rejected (too large, wrong type) are left out rather than failing the request; an id that is not the
 * citizen's is refused.
 */
const checkMedia = async (
  tx: Tx,
  repos: Repositories,
  mediaIds: readonly string[],
  citizenKey: string | null,
): Promise<{ kept: string[] } | { unknown: string }> => {
  const kept: string[] = [];
  for (const mediaId of mediaIds) {
    const media = await repos.media.byMediaId(tx, mediaId);
    if (!media || media.citizen_key !== citizenKey) return { unknown: mediaId };
    if (media.status !== 'rejected') kept.push(mediaId);
  }
  return { kept };
};
