import { z } from 'zod';

/* Inputs of the chat page's API (`/simulador/api/*`); every message a person may read is in Portuguese. */

export const phoneSchema = z
  .string({ error: 'Informe o número de telefone.' })
  .transform((value) => value.replace(/\D/g, ''))
  .pipe(z.string().regex(/^\d{10,15}$/, { error: 'Número de telefone inválido: use de 10 a 15 dígitos, com DDI e DDD (ex.: 5563991234567).' }));

const nameSchema = z
  .string({ error: 'Informe o nome.' })
  .trim()
  .min(1, { error: 'Informe o nome.' })
  .max(60, { error: 'O nome pode ter no máximo 60 caracteres.' });

const base64 = z
  .string({ error: 'Envie o arquivo em base64.' })
  .transform((value) => value.replace(/^data:[^,]*,/, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'O arquivo enviado não está em base64 válido.' }));

const who = { phone: phoneSchema, name: nameSchema };

export const citizenSchema = z.object({ ...who, usernameMode: z.boolean().optional() });

export const sendMessageInputSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...who, type: z.literal('text'), text: z.string().trim().min(1, { error: 'Escreva uma mensagem.' }).max(4096, { error: 'A mensagem pode ter no máximo 4096 caracteres.' }) }),
    z.object({ ...who, type: z.literal('reply'), id: z.string().min(1, { error: 'Escolha uma opção.' }), contextId: z.string().optional() }),
    z.object({
      ...who,
      type: z.literal('location'),
      latitude: z.number({ error: 'Latitude inválida.' }).min(-90, { error: 'A latitude vai de -90 a 90.' }).max(90, { error: 'A latitude vai de -90 a 90.' }),
      longitude: z.number({ error: 'Longitude inválida.' }).min(-180, { error: 'A longitude vai de -180 a 180.' }).max(180, { error: 'A longitude vai de -180 a 180.' }),
      placeName: z.string().max(200).optional(),
      address: z.string().max(300).optional(),
    }),
    z.object({
      ...who,
      type: z.literal('image'),
      data: base64,
      mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: 'Envie uma foto JPEG, PNG ou WebP.' }),
      caption: z.string().max(1024, { error: 'A legenda pode ter no máximo 1024 caracteres.' }).optional(),
    }),
    z.object({ ...who, type: z.literal('audio'), voice: z.boolean().optional() }),
    z.object({ ...who, type: z.literal('sticker') }),
    z.object({ ...who, type: z.literal('reaction'), messageId: z.string().min(1, { error: 'Escolha a mensagem.' }), emoji: z.string().max(16) }),
    z.object({
      ...who,
      type: z.literal('contacts'),
      contacts: z.array(z.object({ name: nameSchema, phone: z.string().min(3, { error: 'Telefone do contato inválido.' }) })).min(1).max(5),
    }),
    z.object({ ...who, type: z.literal('unsupported'), unsupportedType: z.string().max(40).optional() }),
  ],
  { error: 'Tipo de mensagem desconhecido: use text, reply, location, image, audio, sticker, reaction, contacts ou unsupported.' },
);
export type SendMessageInput = z.infer<typeof sendMessageInputSchema>;

export const scenarioSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('fail-next'),
      phone: phoneSchema,
      code: z.number({ error: 'Informe o código de erro da Meta.' }).int().positive(),
      mode: z.enum(['sync', 'async'], { error: 'O modo deve ser sync ou async.' }).default('sync'),
      count: z.number().int().min(1).max(1000).default(1),
      details: z.string().max(500).optional(),
    }),
    z.object({ kind: z.literal('duplicate-webhooks'), count: z.number().int().min(1).max(1000).default(1) }),
    z.object({ kind: z.literal('user-preferences'), phone: phoneSchema, value: z.enum(['stop', 'resume'], { error: 'Use stop ou resume.' }) }),
    z.object({
      kind: z.literal('template'),
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15),
      bodyParameters: z.number().int().min(0).max(100),
      status: z.enum(['APPROVED', 'PENDING', 'REJECTED']).optional(),
      category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']).optional(),
      body: z.string().max(1024).optional(),
      quickReplies: z.array(z.string().max(25)).max(3).optional(),
    }),
  ],
  { error: 'Cenário desconhecido: use fail-next, duplicate-webhooks, user-preferences ou template.' },
);
export type ScenarioInput = z.infer<typeof scenarioSchema>;

export const eventsQuerySchema = z.object({ phone: phoneSchema, name: z.string().max(60).optional() });
