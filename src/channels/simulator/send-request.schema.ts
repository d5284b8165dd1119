import { z } from 'zod';

/*
 * The shape of Graph `POST /{phone-number-id}/messages` bodies (WHATSAPP.md §3). A body that does not fit is
 * malformed (code 100); Meta's value limits are checked separately (code 131009, check-limits.ts).
 */

const textObject = z.object({ text: z.string() });
const textHeader = z.object({ type: z.literal('text'), text: z.string() });
const mediaObject = z.object({
  id: z.string().min(1).optional(),
  link: z.string().min(1).optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});
const mediaHeader = z.object({
  type: z.enum(['image', 'video', 'document']),
  image: mediaObject.optional(),
  video: mediaObject.optional(),
  document: mediaObject.optional(),
});

const buttonInteractive = z.object({
  type: z.literal('button'),
  header: z.union([textHeader, mediaHeader]).optional(),
  body: textObject,
  footer: textObject.optional(),
  action: z.object({
    buttons: z.array(z.object({ type: z.literal('reply'), reply: z.object({ id: z.string(), title: z.string() }) })),
  }),
});

const listInteractive = z.object({
  type: z.literal('list'),
  header: textHeader.optional(),
  body: textObject,
  footer: textObject.optional(),
  action: z.object({
    button: z.string(),
    sections: z.array(
      z.object({
        title: z.string().optional(),
        rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
      }),
    ),
  }),
});

const locationRequestInteractive = z.object({
  type: z.literal('location_request_message'),
  body: textObject,
  action: z.object({ name: z.literal('send_location') }),
});

const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

const templateObject = z.object({
  name: z.string().min(1),
  language: z.object({ code: z.string().min(1), policy: z.string().optional() }),
  components: z
    .array(
      z.looseObject({
        type: z.string(),
        sub_type: z.string().optional(),
        index: z.union([z.string(), z.number()]).optional(),
        parameters: z.array(z.record(z.string(), z.unknown())).optional(),
      }),
    )
    .optional(),
});

const envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().min(1),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().optional(),
};

const media = <T extends 'image' | 'audio' | 'video' | 'document' | 'sticker'>(type: T) =>
  z.looseObject({ ...envelope, type: z.literal(type), ...({ [type]: mediaObject } as Record<T, typeof mediaObject>) });

export const sendMessageSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...envelope, type: z.literal('text'), text: z.object({ body: z.string(), preview_url: z.boolean().optional() }) }),
  z.looseObject({
    ...envelope,
    type: z.literal('interactive'),
    interactive: z.discriminatedUnion('type', [buttonInteractive, listInteractive, locationRequestInteractive]),
  }),
  z.looseObject({ ...envelope, type: z.literal('template'), template: templateObject }),
  media('image'),
  media('audio'),
  media('video'),
  media('document'),
  media('sticker'),
  z.looseObject({
    ...envelope,
    type: z.literal('location'),
    location: z.object({ latitude: coordinate, longitude: coordinate, name: z.string().optional(), address: z.string().optional() }),
  }),
  z.looseObject({ ...envelope, type: z.literal('reaction'), reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }) }),
]);
export type SendMessageRequest = z.infer<typeof sendMessageSchema>;

export const markReadSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

/** Meta treats a body without `type` as a text message. */
export const withDefaultType = (body: unknown): unknown =>
  body && typeof body === 'object' && !Array.isArray(body) && !('type' in body) && !('status' in body)
    ? { ...body, type: 'text' }
    : body;

export const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'Invalid parameter';
  const path = issue.path.map(String).join('.');
  return path ? `Parameter '${path}' is invalid: ${issue.message}` : issue.message;
};
