import { fail, ok, type Result } from '../requests/result.js';
import { bodyParameterNames, type WhatsAppTemplate } from '../templates/index.js';
import { describeLocalTime, isQuietTime, nextSendingTime } from './quiet-hours.js';
import type { BroadcastMessageSpec } from './types.js';

export type ScheduleErrorCode = 'send_at_past' | 'quiet_hours';
export type HeaderErrorCode = 'header_media_required' | 'header_media_unexpected' | 'header_unsupported';

/** A send time a few seconds behind the server's clock still means "now" (the browser's clock may lag). */
const PAST_TOLERANCE_MS = 60_000;

/** When a broadcast starts: `sendAt`, or now without one; never in the past, never in the quiet hours. */
export const scheduleFor = (sendAt: number | undefined, now: number, timezone: string): Result<number, ScheduleErrorCode> => {
  const at = sendAt ?? now;
  if (at < now - PAST_TOLERANCE_MS) return fail('send_at_past', 'invalid_input', 'A data de envio já passou. Escolha um horário futuro, ou envie agora.');
  const start = Math.max(at, now);
  if (!isQuietTime(new Date(start), timezone)) return ok(start);
  const next = nextSendingTime(new Date(start), timezone);
  const advice = sendAt === undefined ? 'Agende o envio para' : 'Escolha um horário a partir de';
  return fail('quiet_hours', 'invalid_input', `Avisos não são enviados entre 21h e 8h. ${advice} ${describeLocalTime(next, timezone)}.`, { next_allowed_at: next.toISOString() });
};

const MEDIA_LABELS = { IMAGE: 'imagem', VIDEO: 'vídeo', DOCUMENT: 'documento' } as const;
const isMediaFormat = (format: string): format is keyof typeof MEDIA_LABELS => format in MEDIA_LABELS;

/** The media header a send needs: a link exactly when the template has an image, video or document header. */
export const headerMediaFor = (template: WhatsAppTemplate, url: string | undefined): Result<BroadcastMessageSpec['headerMedia'], HeaderErrorCode> => {
  const header = template.components.header;
  const link = url?.trim() || undefined;
  if (header && isMediaFormat(header.format)) {
    if (!link) return fail('header_media_required', 'invalid_input', `O modelo ${template.name} tem cabeçalho de ${MEDIA_LABELS[header.format]}: informe o endereço da mídia.`);
    return ok({ format: header.format, link });
  }
  if (link) return fail('header_media_unexpected', 'invalid_input', `O modelo ${template.name} não tem cabeçalho de mídia: deixe o endereço da mídia em branco.`);
  if (header?.format === 'LOCATION' || (header?.format === 'TEXT' && bodyParameterNames(header.text ?? '').length > 0)) {
    return fail('header_unsupported', 'invalid_input', 'Modelos com localização ou com parâmetros no cabeçalho ainda não podem ser usados em avisos.');
  }
  return ok(null);
};
