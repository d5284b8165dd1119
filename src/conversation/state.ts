/** Where a conversation stands; stored as JSON per citizen, so every field is plain data. */
export interface RequestDraft {
  serviceCode: string;
  /** Index of the catalog field being asked. */
  fieldIndex: number;
  location?: { latitude?: number; longitude?: number; placeId?: string; text: string };
  description?: string;
  reference?: string;
  mediaIds: string[];
}

export type Step =
  | { name: 'start' }
  | { name: 'consent' }
  | { name: 'askName' }
  | { name: 'askPlace' }
  | { name: 'confirmPlace'; placeId: string }
  | { name: 'askOptIn' }
  | { name: 'menu'; groupId?: string }
  | { name: 'confirmService'; serviceCode: string }
  | { name: 'requestField'; draft: RequestDraft }
  | { name: 'requestConfirm'; draft: RequestDraft }
  /** Free text mid-request asked for another service: switch, or take `text` as the answer it interrupted. */
  | { name: 'confirmSwitch'; draft: RequestDraft; serviceCode: string; text: string }
  | { name: 'askProtocol' }
  | { name: 'handoff'; serviceCode?: string }
  | { name: 'confirmOptOut' }
  | { name: 'chooseTopics' }
  | { name: 'confirmDeletion' }
  | { name: 'resumeOffer'; previous: Step };

export interface ConversationState {
  version: 2;
  step: Step;
  /** The first message and what it seemed to ask, kept through consent and registration, answered right after. */
  pending?: { text: string; serviceCode: string | null; cartaEntryId?: string };
  lastActivityAt?: number;
}

export const initialState = (): ConversationState => ({ version: 2, step: { name: 'start' } });

/** Older stored states (version 1 greeted only) start over. */
export const readState = (stored: unknown): ConversationState =>
  stored && typeof stored === 'object' && (stored as { version?: unknown }).version === 2 ? (stored as ConversationState) : initialState();
