import type { FastifyReply } from 'fastify';
import type { Open311Error } from '../../domain/open311/index.js';
import { errorsXml } from './documents.js';
import { toXmlDocument, type XmlNode } from './xml.js';

export type Format = 'json' | 'xml';

/** The spec's content types; discovery drops the charset (see DISCOVERY_CONTENT_TYPES). */
const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/**
 * SeeClickFix's validator compares discovery's content types to exactly "text/xml" and "application/json". The
 * discovery document is ASCII only, so leaving the charset out there changes nothing for any client.
 */
export const DISCOVERY_CONTENT_TYPES: Record<Format, string> = { json: 'application/json', xml: 'text/xml' };

/** ".json" or ".xml" at the end of a path segment; a missing suffix means XML, the format the spec requires. */
export const splitFormat = (segment: string): { name: string; format: Format | undefined } => {
  const m = /^(.*)\.(json|xml)$/i.exec(segment);
  if (!m) return { name: segment, format: undefined };
  return { name: m[1] ?? '', format: (m[2] ?? '').toLowerCase() as Format };
};

/** The format a URL asks for, for errors raised before a route could tell (bad body, rate limit, 404). */
export const formatOfUrl = (url: string): Format => (/\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml');

export const sendDocument = (
  reply: FastifyReply,
  format: Format,
  body: { json: unknown; xml: XmlNode },
  options: { status?: number; contentTypes?: Record<Format, string> } = {},
): FastifyReply =>
  reply
    .status(options.status ?? 200)
    .header('content-type', (options.contentTypes ?? CONTENT_TYPES)[format])
    // A Buffer, because Fastify appends "; charset=utf-8" to a JSON string's content type.
    .send(Buffer.from(format === 'json' ? JSON.stringify(body.json) : toXmlDocument(body.xml), 'utf8'));

export const sendError = (reply: FastifyReply, format: Format, error: Open311Error): FastifyReply =>
  sendDocument(reply, format, { json: error.errors, xml: errorsXml(error) }, { status: error.status });
