import type { HistoryEntry } from './inbox-api';

/** What a citizen's message holds, in the forms the conversation shows. */
export type CitizenContent =
  | { kind: 'text'; text: string }
  | { kind: 'photo'; mediaId: string; caption: string | null }
  | { kind: 'file'; label: string; caption: string | null }
  | { kind: 'location'; latitude: number; longitude: number; label: string | null };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

const MEDIA_LABELS: Record<string, string> = {
  audio: '🎤 Áudio',
  video: '🎬 Vídeo',
  document: '📄 Documento',
  sticker: 'Figurinha',
  image: '🖼️ Foto',
};

/** Reads the `content` of an inbound entry; anything unexpected shows as the text the server gave. */
export const citizenContent = (entry: HistoryEntry): CitizenContent => {
  const content = entry.content ?? {};
  switch (content.type) {
    case 'media': {
      const caption = text(content.caption);
      const mediaId = text(content.mediaId);
      if (content.kind === 'image' && mediaId) return { kind: 'photo', mediaId, caption };
      const label = MEDIA_LABELS[String(content.kind)] ?? '📎 Arquivo';
      return { kind: 'file', label: text(content.filename) ? `${label}: ${String(content.filename)}` : label, caption };
    }
    case 'location': {
      const latitude = number(content.latitude);
      const longitude = number(content.longitude);
      if (latitude === null || longitude === null) break;
      return { kind: 'location', latitude, longitude, label: text(content.name) ?? text(content.address) };
    }
    case 'reply':
      return { kind: 'text', text: text(content.title) ?? entry.text };
    case 'contacts':
      return { kind: 'text', text: `👤 Contato: ${Array.isArray(content.names) ? content.names.join(', ') : ''}` };
    case 'reaction':
      return { kind: 'text', text: `Reagiu com ${text(content.emoji) ?? '—'}` };
    case 'unsupported':
      return { kind: 'text', text: 'Mensagem de um tipo que o canal não mostra.' };
    default:
      break;
  }
  return { kind: 'text', text: text(entry.text) ?? text(content.body) ?? '' };
};

export const openStreetMapUrl = (latitude: number, longitude: number): string =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;

/** "-10,18400, -48,33360": coordinates as Brazilians write them. */
export const coordinates = (latitude: number, longitude: number): string => {
  const format = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return `${format.format(latitude)}, ${format.format(longitude)}`;
};

/** An attendant's reply goes out as "*Ana, Prefeitura de Palmas:*\ntext": the signature becomes the label. */
export const splitSignature = (body: string): { signer: string | null; text: string } => {
  const match = /^\*([^*\n,]+),[^*\n]*:\*\n([\s\S]*)$/.exec(body);
  return match ? { signer: match[1]?.trim() ?? null, text: match[2] ?? '' } : { signer: null, text: body };
};

const DELIVERY_LABELS: Record<string, string> = {
  pending: 'Enviando…',
  sending: 'Enviando…',
  accepted: 'Enviada',
  sent: 'Enviada',
  delivered: 'Entregue',
  read: 'Lida',
  failed: 'Não enviada',
  rejected: 'Não enviada',
};

export const deliveryLabel = (delivery: string | null): string | null => (delivery ? (DELIVERY_LABELS[delivery] ?? null) : null);
