/** Where a citizen lives: a place of the city profile, the text they typed, and/or a pin. */
export interface CitizenPlace {
  placeId: string | null;
  text: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ConsentState {
  status: 'accepted' | 'declined' | 'unanswered';
  /** When the current answer was given. */
  at: number | null;
  /** Version id of the privacy notice answered. */
  notice: string | null;
}

export type BroadcastSource = 'whatsapp' | 'console' | 'meta';

export interface BroadcastState {
  optedIn: boolean;
  /** When the current choice was made. */
  at: number | null;
  source: string | null;
}

export interface CitizenProfile {
  key: string;
  waId: string | null;
  /** The name on their WhatsApp profile, as Meta sends it. */
  profileName: string | null;
  firstSeenAt: number | null;
  lastInboundAt: number | null;
  /** The name they chose to be called. */
  name: string | null;
  place: CitizenPlace | null;
  consent: ConsentState;
  broadcast: BroadcastState;
}

export interface DataRequest {
  id: number;
  kind: 'deletion';
  status: 'open' | 'done' | 'rejected';
  createdAt: number;
}

/** "meus dados": everything kept about a citizen, as plain data; the conversation words it. */
export interface StoredDataSummary {
  contact: { waId: string | null; profileName: string | null; firstSeenAt: number | null; lastInboundAt: number | null };
  registration: { name: string | null; place: CitizenPlace | null };
  consent: ConsentState;
  broadcast: BroadcastState;
  /** Broadcast topics received (empty when not on the list). */
  topics: string[];
  counts: { messagesReceived: number; messagesSent: number; media: number; requests: number; handoffs: number };
  dataRequests: DataRequest[];
}
