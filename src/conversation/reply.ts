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
export type Effect = { kind: 'store_media'; mediaId: string; mimeType: string };
