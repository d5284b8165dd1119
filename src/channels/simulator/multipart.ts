export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const boundaryOf = (contentType: string): string | undefined => {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
};

const parseHeaders = (block: string): Map<string, string> => {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
};

const dispositionParam = (disposition: string, param: string): string | undefined =>
  new RegExp(`(?:^|;)\\s*${param}="([^"]*)"`, 'i').exec(disposition)?.[1] ??
  new RegExp(`(?:^|;)\\s*${param}=([^;]+)`, 'i').exec(disposition)?.[1]?.trim();

/**
 * A minimal `multipart/form-data` reader (RFC 7578), enough for Graph's media upload
 * (`file`, `type`, `messaging_product`). Returns undefined when the body is not well-formed.
 */
export const parseMultipart = (body: Buffer, contentType: string): MultipartPart[] | undefined => {
  const boundary = boundaryOf(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) return undefined;
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    const headerStart = cursor + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0) return undefined;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    const headers = parseHeaders(body.subarray(headerStart, headerEnd).toString('utf8'));
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name !== undefined) {
      const filename = dispositionParam(disposition, 'filename');
      const partType = headers.get('content-type');
      parts.push({
        name,
        data: body.subarray(headerEnd + 4, next),
        ...(filename !== undefined ? { filename } : {}),
        ...(partType !== undefined ? { contentType: partType } : {}),
      });
    }
    cursor = next + 2;
  }
};
