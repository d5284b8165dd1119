/** What a citizen sent, independent of Meta's envelope; the conversation engine reads only this. */
export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

export type InboundContent =
  | { type: 'text'; body: string }
  | { type: 'reply'; id: string; title: string; source: 'button' | 'list' | 'template' }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | {
      type: 'media';
      kind: MediaKind;
      mediaId: string;
      mimeType: string;
      sha256?: string;
      caption?: string;
      filename?: string;
      url?: string;
      voice?: boolean;
    }
  | { type: 'contacts'; names: string[] }
  | { type: 'reaction'; messageId: string; emoji: string | null }
  | { type: 'system'; kind: string; body: string; newWaId?: string }
  | { type: 'unsupported'; originalType: string; errorCode?: number };
