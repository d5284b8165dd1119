import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { graphError, type GraphResult } from './graph-error.js';
import { parseMultipart } from './multipart.js';
import type { Simulator } from './simulator.js';

const UPLOAD_BODY_LIMIT = 110 * 1024 * 1024;

const versionPattern = /^v\d+(\.\d+)?$/;

/** JSON alternative to multipart for uploads: `{messaging_product, type: <mime>, file: <base64>, filename?}`. */
const jsonUploadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  type: z.string().min(3),
  file: z.string().min(1),
  filename: z.string().optional(),
});

const answer = (reply: FastifyReply, result: GraphResult): FastifyReply => reply.code(result.status).send(result.body);

type UploadFile = { bytes: Buffer; mimeType: string; filename?: string };

/** The uploaded file from Meta's multipart form (`file`, `type`, `messaging_product`) or the JSON variant. */
const readUpload = (request: FastifyRequest): UploadFile | string => {
  const contentType = request.headers['content-type'] ?? '';
  if (Buffer.isBuffer(request.body) && contentType.toLowerCase().startsWith('multipart/form-data')) {
    const parts = parseMultipart(request.body, contentType);
    if (!parts) return 'multipart body is malformed';
    const file = parts.find((p) => p.name === 'file');
    const product = parts.find((p) => p.name === 'messaging_product')?.data.toString('utf8');
    const mimeType = parts.find((p) => p.name === 'type')?.data.toString('utf8') ?? file?.contentType;
    if (product !== 'whatsapp') return "Parameter 'messaging_product' is required and must be 'whatsapp'";
    if (!file) return "Parameter 'file' is required";
    if (!mimeType) return "Parameter 'type' is required";
    return { bytes: Buffer.from(file.data), mimeType, ...(file.filename ? { filename: file.filename } : {}) };
  }
  const parsed = jsonUploadSchema.safeParse(request.body);
  if (!parsed.success) return 'expected multipart/form-data with file, type and messaging_product (or the JSON variant with base64 file)';
  const { file, type, filename } = parsed.data;
  return { bytes: Buffer.from(file, 'base64'), mimeType: type, ...(filename ? { filename } : {}) };
};

/** The business account's templates, a page at a time, with `paging.next` as the full URL of the next page. */
const templatePage = (request: FastifyRequest<{ Params: { accountId: string }; Querystring: { limit?: string; after?: string } }>, simulator: Simulator): GraphResult => {
  if (request.params.accountId !== simulator.businessAccountId) {
    return graphError(100, `Unsupported get request. Object with ID '${request.params.accountId}' does not exist`);
  }
  const limit = Math.min(Math.max(Number(request.query.limit) || 25, 1), 100);
  const page = simulator.templatePage(request.query.after, limit);
  const next = new URL(request.url, `${request.protocol}://${request.host}`);
  if (page.after) next.searchParams.set('after', page.after);
  return { status: 200, body: { data: page.data, paging: { cursors: { after: page.after ?? '' }, ...(page.after ? { next: next.toString() } : {}) } } };
};

/** The fake Graph API, registered under GRAPH_PREFIX (WHATSAPP.md §3, §7). Every call needs the bearer token. */
export const registerGraphRoutes = (scope: FastifyInstance, simulator: Simulator): void => {
  if (!scope.hasContentTypeParser('multipart/form-data')) {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));
  }

  scope.addHook('onRequest', async (request, reply) => {
    const query = request.query as { access_token?: unknown } | undefined;
    const token = typeof query?.access_token === 'string' ? query.access_token : undefined;
    if (!simulator.graph.authorized(request.headers.authorization, token)) return answer(reply, graphError(190));
    const version = (request.params as { version?: string } | undefined)?.version;
    if (version !== undefined && !versionPattern.test(version)) return answer(reply, graphError(100, `Unknown path components: /${version}`));
    return undefined;
  });

  scope.post<{ Params: { version: string; phoneNumberId: string } }>('/:version/:phoneNumberId/messages', async (request, reply) =>
    answer(reply, simulator.graph.messages(request.params.phoneNumberId, request.body)),
  );

  scope.post<{ Params: { version: string; phoneNumberId: string } }>(
    '/:version/:phoneNumberId/media',
    { bodyLimit: UPLOAD_BODY_LIMIT },
    async (request, reply) => answer(reply, simulator.graph.upload(request.params.phoneNumberId, readUpload(request))),
  );

  scope.get<{ Params: { version: string; accountId: string }; Querystring: { limit?: string; after?: string } }>(
    '/:version/:accountId/message_templates',
    async (request, reply) => answer(reply, templatePage(request, simulator)),
  );

  scope.get<{ Params: { version: string; mediaId: string } }>('/:version/:mediaId', async (request, reply) =>
    answer(reply, simulator.graph.node(request.params.mediaId)),
  );

  scope.delete<{ Params: { version: string; mediaId: string } }>('/:version/:mediaId', async (request, reply) =>
    answer(reply, simulator.graph.deleteMedia(request.params.mediaId)),
  );

  /** Stands in for the lookaside.fbsbx.com URL: bytes, with the same bearer token. */
  scope.get<{ Params: { mediaId: string } }>('/media-download/:mediaId', async (request, reply) => {
    const media = simulator.mediaById(request.params.mediaId);
    if (!media) return reply.code(404).send({ error: { message: 'media not found', code: 100 } });
    return reply.header('content-type', media.mimeType).header('content-length', media.bytes.length).send(media.bytes);
  });
};
