import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { SimulatorInputError } from './citizen-actions.js';
import { streamChatEvents } from './event-stream.js';
import {
  citizenSchema,
  eventsQuerySchema,
  phoneSchema,
  scenarioSchema,
  sendMessageInputSchema,
  type ScenarioInput,
  type SendMessageInput,
} from './page-api.schema.js';
import type { Simulator } from './simulator.js';
import type { InboundHandle } from './types.js';

const MESSAGE_BODY_LIMIT = 12 * 1024 * 1024;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const portuguese = z.locales.pt().localeError;

/** Parses with Portuguese messages; on failure answers 400 `{error, field}` and returns undefined. */
const parseOr400 = <T>(schema: z.ZodType<T>, input: unknown, reply: FastifyReply): T | undefined => {
  const parsed = schema.safeParse(input ?? {}, { error: portuguese });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  void reply.code(400).send({ error: issue?.message ?? 'Dados inválidos.', field: issue?.path.map(String).join('.') ?? '' });
  return undefined;
};

const sendAs = (simulator: Simulator, input: SendMessageInput): InboundHandle => {
  const { phone, name } = input;
  switch (input.type) {
    case 'text':
      return simulator.sendText(phone, name, input.text);
    case 'reply':
      return simulator.sendReply(phone, name, input.id, input.contextId);
    case 'location':
      return simulator.sendLocation(phone, name, {
        latitude: input.latitude,
        longitude: input.longitude,
        ...(input.placeName ? { name: input.placeName } : {}),
        ...(input.address ? { address: input.address } : {}),
      });
    case 'image': {
      const bytes = Buffer.from(input.data, 'base64');
      if (bytes.length > MAX_PHOTO_BYTES) throw new SimulatorInputError('photo over 5 MB', 'A foto pode ter no máximo 5 MB (limite do WhatsApp).');
      return simulator.sendImage(phone, name, { bytes, mimeType: input.mimeType, ...(input.caption ? { caption: input.caption } : {}) });
    }
    case 'audio':
      return simulator.sendAudio(phone, name, input.voice === undefined ? {} : { voice: input.voice });
    case 'sticker':
      return simulator.sendSticker(phone, name);
    case 'reaction':
      return simulator.sendReaction(phone, name, input.messageId, input.emoji);
    case 'contacts':
      return simulator.sendContacts(phone, name, input.contacts);
    case 'unsupported':
      return simulator.sendUnsupported(phone, name, input.unsupportedType);
  }
};

const applyScenario = (simulator: Simulator, input: ScenarioInput): void => {
  switch (input.kind) {
    case 'fail-next':
      return simulator.injectFailure(input.phone, { code: input.code, mode: input.mode, count: input.count, ...(input.details ? { details: input.details } : {}) });
    case 'duplicate-webhooks':
      return simulator.duplicateNextWebhooks(input.count);
    case 'user-preferences':
      // Acknowledgement is not awaited: with the app down, Meta-like retries could take minutes.
      void simulator.sendUserPreference(input.phone, input.value).catch(() => undefined);
      return;
    case 'template': {
      const { kind: _kind, ...template } = input;
      return simulator.upsertTemplate(template);
    }
  }
};

/** The JSON API behind the chat page, also handy for scripted tests (`/simulador/api/*`). */
export const registerPageApiRoutes = (scope: FastifyInstance, simulator: Simulator): void => {
  scope.get('/simulador/api/info', async () => ({
    businessName: simulator.options.businessName ?? 'Prefeitura',
    displayPhoneNumber: simulator.options.displayPhoneNumber,
    phoneNumberId: simulator.options.phoneNumberId,
    templates: simulator.listTemplates(),
  }));

  scope.post('/simulador/api/citizens', async (request, reply) => {
    const input = parseOr400(citizenSchema, request.body, reply);
    if (!input) return reply;
    return simulator.addCitizen(input.phone, input.name, input.usernameMode === undefined ? {} : { usernameMode: input.usernameMode });
  });

  scope.get<{ Params: { phone: string } }>('/simulador/api/conversations/:phone', async (request, reply) => {
    const phone = parseOr400(phoneSchema, request.params.phone, reply);
    if (!phone) return reply;
    const conversation = simulator.conversation(phone);
    return conversation ?? reply.code(404).send({ error: 'Nenhuma conversa com este número ainda.' });
  });

  scope.post('/simulador/api/messages', { bodyLimit: MESSAGE_BODY_LIMIT }, async (request, reply) => {
    const input = parseOr400(sendMessageInputSchema, request.body, reply);
    if (!input) return reply;
    try {
      const { wamid } = sendAs(simulator, input);
      return reply.code(202).send({ wamid });
    } catch (error) {
      if (error instanceof SimulatorInputError) return reply.code(400).send({ error: error.userMessage });
      throw error;
    }
  });

  scope.post('/simulador/api/scenarios', async (request, reply) => {
    const input = parseOr400(scenarioSchema, request.body, reply);
    if (!input) return reply;
    applyScenario(simulator, input);
    return { ok: true };
  });

  scope.get('/simulador/api/events', async (request, reply) => {
    const query = parseOr400(eventsQuerySchema, request.query, reply);
    if (!query) return reply;
    streamChatEvents(simulator, request, reply, query.phone, query.name);
    return reply;
  });

  /** Media of the simulator only (photos citizens sent, files the app uploaded), for the page to show. */
  scope.get<{ Params: { mediaId: string } }>('/simulador/api/media/:mediaId', async (request, reply) => {
    const media = simulator.mediaById(request.params.mediaId);
    if (!media) return reply.code(404).send({ error: 'Mídia não encontrada.' });
    return reply.header('content-type', media.mimeType).header('cache-control', 'private, max-age=3600').send(media.bytes);
  });
};
