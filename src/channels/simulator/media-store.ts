import { createHash } from 'node:crypto';
import { newMediaId } from './ids.js';

export interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  filename?: string;
  createdAt: number;
}

/** Uploaded and citizen-sent media, in memory; the oldest are dropped beyond `maxBytes` in total. */
export class MediaStore {
  private readonly items = new Map<string, StoredMedia>();
  private totalBytes = 0;

  constructor(private readonly maxBytes: number = 256 * 1024 * 1024) {}

  save(bytes: Buffer, mimeType: string, filename?: string): StoredMedia {
    const media: StoredMedia = {
      id: newMediaId(),
      bytes,
      mimeType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: Date.now(),
      ...(filename ? { filename } : {}),
    };
    this.items.set(media.id, media);
    this.totalBytes += bytes.length;
    for (const [id, old] of this.items) {
      if (this.totalBytes <= this.maxBytes || id === media.id) break;
      this.delete(old.id);
    }
    return media;
  }

  get(id: string): StoredMedia | undefined {
    return this.items.get(id);
  }

  delete(id: string): boolean {
    const media = this.items.get(id);
    if (!media) return false;
    this.items.delete(id);
    this.totalBytes -= media.bytes.length;
    return true;
  }
}
