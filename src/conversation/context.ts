import type { CityProfile } from '../config/city-profile.js';
import type { ExtraClosure } from '../domain/calendar/index.js';
import type { CartaDecision } from '../domain/carta/decide.js';
import type { Translate } from '../platform/i18n.js';
import type { InboundContent } from './input.js';
import type { Effect, Reply } from './reply.js';
import type { ConversationState } from './state.js';

/** What the engine knows about the citizen (read by the application before the turn). */
export interface CitizenView {
  name: string | undefined;
  consent: 'accepted' | 'declined' | undefined;
  optedIn: boolean;
  /** Broadcast topics they receive (ids of the city's topics). */
  topics: string[];
  /** Waiting for a person, or a person is attending them (the bot then stays quiet); undefined when neither. */
  handoff?: 'waiting' | 'taken' | undefined;
}

/** What free text seems to ask for, worked out (asynchronously) by the classifier before the turn. */
export interface Understanding {
  serviceCode: string | null;
  intent: string | null;
  /** The classifier's score of its best guess (0..1); a guess that changes the subject mid-request needs more. */
  confidence: number;
  /** What the Carta de Serviços search and the classifier decided together (see decideCarta). */
  carta?: CartaDecision | undefined;
}

export interface Turn {
  content: InboundContent;
  /** When the citizen sent it (Unix ms). */
  at: number;
  profileName: string | undefined;
  citizen: CitizenView;
  understanding: Understanding | undefined;
  /** Closures a coordinator added to the calendar, read before the turn. */
  closures: readonly ExtraClosure[];
}

/** The city and its words; everything the engine needs that is not in the state or the turn. */
export interface EngineContext {
  city: Pick<CityProfile, 'catalog' | 'places' | 'calendar' | 'contacts' | 'privacyPolicyUrl' | 'departments' | 'broadcastTopics' | 'carta'>;
  /** PUBLIC_URL: where the public pages are (links to the Carta's entries); without it no link is sent. */
  publicUrl?: string | undefined;
  t: Translate;
  alwaysOpen: boolean;
}

export interface Outcome {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}
