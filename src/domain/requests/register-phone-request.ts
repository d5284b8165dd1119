import { whatsAppIdsOf } from '../citizens/index.js';
import type { ExtraClosure } from '../calendar/index.js';
import { inTransaction } from './in-transaction.js';
import type { RequestNotifier } from './notices.js';
import { openServiceRequest, type OpenRequestErrorCode } from './open-service-request.js';
import { ok, type Result } from './result.js';
import { attendantActor } from './statuses.js';
import type { OpenedServiceRequest, RequestCity, RequestLocation } from './types.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

export interface PhoneRequestInput {
  serviceCode: string;
  location?: RequestLocation | undefined;
  description?: string | undefined;
  reference?: string | undefined;
  caller: { name?: string | undefined; phone?: string | undefined };
  /** 'phone' (the call centre) or 'counter' (a service desk, balcão). */
  channel: 'phone' | 'counter';
}

export interface PhoneRequestDeps {
  db: Executor;
  repos: Repositories;
  city: RequestCity;
  notifier: RequestNotifier;
}

export interface RegisteredPhoneRequest extends OpenedServiceRequest {
  /** The caller is a citizen known on WhatsApp: the protocol was also queued to them there. */
  sentOnWhatsApp: boolean;
}

/**
 * A request the phone team (or a service desk) registers for a caller, into the same queue as WhatsApp's. When the
 * caller's number belongs to a citizen known on WhatsApp, the request is theirs (they can look it up and hear of
 * its progress there) and the protocol is sent to them; otherwise the caller's name and number stay on the request
 * for the team to call back.
 */
export const registerPhoneRequest = async (
  deps: PhoneRequestDeps,
  input: PhoneRequestInput,
  user: { id: number },
  now: number,
  closures: readonly ExtraClosure[] = [],
): Promise<Result<RegisteredPhoneRequest, OpenRequestErrorCode>> =>
  inTransaction(deps.db, async (tx): Promise<Result<RegisteredPhoneRequest, OpenRequestErrorCode>> => {
    const citizen = input.caller.phone ? await deps.repos.citizens.byWaIds(tx, whatsAppIdsOf(input.caller.phone)) : undefined;
    const opened = await openServiceRequest(
      tx,
      deps.repos,
      deps.city,
      {
        serviceCode: input.serviceCode,
        citizenKey: citizen?.key ?? null,
        channel: input.channel,
        location: input.location,
        description: input.description,
        reference: input.reference,
        actor: attendantActor(user.id),
        contact: input.caller,
      },
      now,
      { closures },
    );
    if (!opened.ok) return opened;
    const request = opened.value;
    if (citizen) {
      const notice = { kind: 'opened', protocol: request.protocol, serviceName: request.serviceName, departmentName: request.departmentName, deadlineBusinessDays: request.deadlineBusinessDays } as const;
      await deps.notifier.notify(tx, citizen.key, notice, `opened:${request.protocol}`, now);
    }
    return ok({ ...request, sentOnWhatsApp: citizen !== undefined });
  });
