import type { CitizenView, EngineContext } from '../../conversation/engine.js';
import { protocolReplies, ratingReplies, requestOpenedReplies, storedDataReplies, verdictReplies } from '../../conversation/follow-ups.js';
import type { Effect, Reply } from '../../conversation/reply.js';
import { formatLocalDate, localDateOf } from '../calendar/index.js';
import { findService, resolveDepartment } from '../catalog/index.js';
import { closuresForCalendar } from '../closures/index.js';
import { changeTopics, describeStoredData, privacyNoticeVersion, profileOfCitizen, recordConsent, requestDataDeletion, setBroadcastsConsent, updateRegistration } from '../citizens/index.js';
import { markNotHelpful, recordCartaQuestion } from '../carta/index.js';
import { requestHandoff } from '../handoffs/index.js';
import { findCitizenRequest, openServiceRequest, rateRequest, recordVerdict } from '../requests/index.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Citizen } from '../../storage/schema.js';
import type { Tx } from '../../storage/database.js';
import type { Logger } from '../../platform/logger.js';
import type { CityProfile } from '../../config/city-profile.js';
import type { ConversationPorts } from './handle-inbound-message.js';
import { JOB, type EraseCitizenPayload, type StoreMediaPayload } from './job-kinds.js';
import { describeDataLines } from './stored-data-lines.js';

export interface ConversationPortsDeps {
  repos: Repositories;
  city: CityProfile;
  engine: EngineContext;
  logger: Logger;
}

/** Carries out what the conversation engine decided, through the citizens, requests and handoffs domains. */
export const conversationPorts = ({ repos, city, engine, logger }: ConversationPortsDeps): ConversationPorts => {
  const notice = privacyNoticeVersion(city);

  const citizenView = async (tx: Tx, citizen: Citizen): Promise<CitizenView> => {
    const profile = await profileOfCitizen(tx, repos, citizen);
    const consent = profile.consent.status;
    const handoff = (await repos.handoffs.pendingFor(tx, citizen.key))?.status;
    return {
      name: profile.name ?? undefined,
      consent: consent === 'accepted' || consent === 'declined' ? consent : undefined,
      optedIn: profile.broadcast.optedIn,
      topics: await repos.consent.topicsOf(tx, citizen.key),
      handoff: handoff === 'waiting' || handoff === 'taken' ? handoff : undefined,
    };
  };

  const closuresOf = (tx: Tx, now: number) => closuresForCalendar(tx, repos, city.calendar.timezone, now);

  /** The department of the day that handles a service; null (the general queue) when there is no service or none handles it. */
  const departmentOf = (serviceCode: string | undefined, now: number): string | null => {
    const service = serviceCode ? findService(city.catalog, serviceCode) : undefined;
    if (!service) return null;
    const today = formatLocalDate(localDateOf(new Date(now), city.calendar.timezone));
    return resolveDepartment(city.departments, service.departmentId, today)?.id ?? null;
  };

  const apply = async (tx: Tx, citizen: Citizen, effect: Effect, cause: string, now: number): Promise<Reply[]> => {
    const key = citizen.key;
    switch (effect.kind) {
      case 'store_media': {
        await repos.media.register(tx, { mediaId: effect.mediaId, inboundWamid: cause, citizenKey: key, mimeType: effect.mimeType }, now);
        const job: StoreMediaPayload = { mediaId: effect.mediaId, inboundWamid: cause };
        await repos.jobs.enqueue(tx, { kind: JOB.storeMedia, payload: job }, now);
        return [];
      }
      case 'record_consent':
        await recordConsent(tx, repos, key, { accepted: effect.accepted, notice }, now);
        await repos.consent.record(tx, { citizenKey: key, subject: 'privacy', topicId: null, granted: effect.accepted, wording: engine.t('consent.ask', { privacyUrl: city.privacyPolicyUrl }), channel: 'whatsapp' }, now);
        return [];
      case 'save_registration': {
        const saved = await updateRegistration(tx, repos, key, { ...(effect.name ? { name: effect.name } : {}), ...(effect.place ? { place: effect.place } : {}) }, now);
        if (!saved.ok) logger.warn({ code: saved.error.code }, 'registration answer not saved');
        return [];
      }
      case 'set_opt_in':
        await setBroadcastsConsent(tx, repos, key, effect.optedIn, { wording: effect.wording, channel: 'whatsapp' }, now);
        return [];
      case 'set_topics':
        await changeTopics(tx, repos, key, effect, city.broadcastTopics.map((t) => t.id), { wording: effect.wording, channel: 'whatsapp' }, now);
        return [];
      case 'open_request': {
        const { kind: _kind, ...request } = effect;
        const closures = await closuresOf(tx, now);
        const opened = await openServiceRequest(tx, repos, city, { ...request, citizenKey: key, channel: 'whatsapp' }, now, { closures });
        if (opened.ok) return requestOpenedReplies(engine, opened.value);
        logger.warn({ code: opened.error.code, service: effect.serviceCode }, 'service request not opened');
        return [{ kind: 'text', body: engine.t('request.failed') }];
      }
      case 'lookup_protocol': {
        const request = await findCitizenRequest(tx, repos, effect.protocol, key);
        const view = request && {
          protocol: request.protocol,
          serviceName: findService(city.catalog, request.serviceCode)?.menuTitle ?? request.serviceCode,
          status: request.status,
          updatedAt: request.updatedAt,
          history: request.history.map((event) => ({ status: event.status, at: event.at })),
        };
        return protocolReplies(engine, view);
      }
      case 'handoff': {
        const departmentId = departmentOf(effect.serviceCode, now);
        await requestHandoff(tx, repos, { citizenKey: key, departmentId, message: effect.message, attendanceOpen: effect.attendanceOpen, urgent: effect.urgent }, now);
        return [];
      }
      case 'request_verdict': {
        const verdict = await recordVerdict(tx, repos, { protocol: effect.protocol, citizenKey: key, solved: effect.solved }, now, city.calendar);
        return verdictReplies(engine, verdict.ok ? { ok: true, ...verdict.value } : { ok: false });
      }
      case 'rate_request':
        return ratingReplies(engine, (await rateRequest(tx, repos, { protocol: effect.protocol, citizenKey: key, rating: effect.rating }, now, city.calendar)).ok);
      case 'record_carta_question':
        await recordCartaQuestion(tx, repos, { citizenKey: key, text: effect.text, entryId: effect.entryId }, now);
        return [];
      case 'carta_not_helpful':
        await markNotHelpful(tx, repos, key, now);
        return [];
      case 'describe_data':
        return storedDataReplies(engine, describeDataLines(engine, await describeStoredData(tx, repos, key)));
      case 'request_deletion':
        await requestDataDeletion(tx, repos, key, now);
        await repos.jobs.enqueue(tx, { kind: JOB.eraseCitizen, payload: { citizenKey: key } satisfies EraseCitizenPayload }, now);
        return [];
    }
  };

  return { citizenView, closures: closuresOf, apply };
};
