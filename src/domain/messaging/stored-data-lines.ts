import type { EngineContext } from '../../conversation/engine.js';
import type { StoredDataSummary } from '../citizens/index.js';
import { topicNames } from '../../conversation/flows/topics.flow.js';

const day = (at: number | null, timezone: string): string =>
  at === null ? '—' : new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: timezone }).format(new Date(at));

/** "meus dados" in plain words, one line per thing kept. */
export const describeDataLines = (engine: EngineContext, data: StoredDataSummary): string[] => {
  const tz = engine.city.calendar.timezone;
  const { t } = engine;
  return [
    t('data.line.phone', { phone: data.contact.waId ?? '—', since: day(data.contact.firstSeenAt, tz) }),
    t('data.line.name', { name: data.registration.name ?? data.contact.profileName ?? '—' }),
    t('data.line.place', { place: data.registration.place?.text ?? '—' }),
    t(data.consent.status === 'accepted' ? 'data.line.consentAccepted' : data.consent.status === 'declined' ? 'data.line.consentDeclined' : 'data.line.consentNone', { at: day(data.consent.at, tz) }),
    t(data.broadcast.optedIn ? 'data.line.broadcastIn' : 'data.line.broadcastOut'),
    ...(data.topics.length > 0 ? [t('data.line.topics', { topics: topicNames(engine, data.topics) })] : []),
    t('data.line.counts', { received: data.counts.messagesReceived, sent: data.counts.messagesSent, requests: data.counts.requests, media: data.counts.media }),
  ];
};
