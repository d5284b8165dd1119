import { deflateSync } from 'node:zlib';

/** A tiny valid PNG, so the photo path runs with real bytes. */
export const tinyPng = (): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    return out;
  };
