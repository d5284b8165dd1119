import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** Where citizens' photos and files are kept; a directory by default, content-addressed by sha256. */
export interface MediaStore {
  put(bytes: Buffer, extension: string): Promise<{ path: string; sha256: string }>;
  get(path: string): Promise<Buffer>;
  /** Deletes a stored file (gone already: nothing to do). */
  remove(path: string): Promise<void>;
}

export class DirectoryMediaStore implements MediaStore {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer, extension: string): Promise<{ path: string; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(sha256.slice(0, 2), `${sha256}${extension}`);
    const target = join(this.root, path);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    // Write then rename, so a crash never leaves a half file under the final name.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
    return { path, sha256 };
  }

  async get(path: string): Promise<Buffer> {
    return readFile(this.inside(path));
  }

  async remove(path: string): Promise<void> {
    await rm(this.inside(path), { force: true });
  }

  private inside(path: string): string {
    const target = resolve(this.root, path);
    if (relative(this.root, target).startsWith('..')) throw new Error('media path outside the store');
    return target;
  }
}
