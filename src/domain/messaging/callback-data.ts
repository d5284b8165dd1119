/**
 * Every message we send carries `biz_opaque_callback_data` naming its outbox row, so a status webhook settles a
 * message even when our process died before it recorded Meta's answer.
 */
const PREFIX = 'outbox:';

export const callbackDataFor = (outboxId: number): string => `${PREFIX}${outboxId}`;

export const outboxIdFromCallback = (data: string | undefined): number | null => {
  if (!data?.startsWith(PREFIX)) return null;
  const id = Number(data.slice(PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};
