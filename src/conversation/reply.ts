/** What the bot says, independent of WhatsApp's message formats; the channel renders it within Meta's limits. */
export interface Option {
  id: string;
  title: string;
  description?: string;
}

export type Reply =
  | { kind: 'text'; body: string }
  | { kind: 'buttons'; body: string; options: Option[]; footer?: string }
  | { kind: 'list'; body: string; button: string; options: Option[]; footer?: string }
  | { kind: 'location_request'; body: string };

/** Side effects the engine asks for; the application carries them out in the same transaction. */
export type Effect =
  | { kind: 'store_media'; mediaId: string; mimeType: string }
  | { kind: 'record_consent'; accepted: boolean }
  | { kind: 'save_registration'; name?: string; place?: { placeId?: string; text: string; latitude?: number; longitude?: number } }
  /** Join or leave the broadcast list; `wording`: what the citizen was shown when answering (the consent record). */
  | { kind: 'set_opt_in'; optedIn: boolean; wording: string }
  | { kind: 'set_topics'; subscribe: string[]; unsubscribe: string[]; wording: string }
  | { kind: 'open_request'; serviceCode: string; location: { placeId?: string; text: string; latitude?: number; longitude?: number }; description: string; reference?: string; mediaIds: string[] }
  | { kind: 'lookup_protocol'; protocol: string }
  /** Queue the citizen for a person: of the department of `serviceCode` when the talk was about a service. */
  | { kind: 'handoff'; message: string | undefined; urgent: boolean; attendanceOpen: boolean; serviceCode: string | undefined }
  | { kind: 'request_verdict'; protocol: string; solved: boolean }
  | { kind: 'rate_request'; protocol: string; rating: number }
  /** A free-text question answered from the Carta de Serviços (entryId) or not (null): kept for coordinators. */
  | { kind: 'record_carta_question'; text: string; entryId: string | null }
  /** "Não era isso": the last Carta answer did not help. */
  | { kind: 'carta_not_helpful' }
  | { kind: 'describe_data' }
  | { kind: 'request_deletion' };

export const text = (body: string): Reply => ({ kind: 'text', body });
