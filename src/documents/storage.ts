import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../platform/ids.js';

/**
 * Where document files live, as opaque bytes: what is put is already sealed with its dossier's
 * key (dossier-keys.ts), so neither the folder nor an object store nor their backups hold a
 * readable file. The local folder serves one machine; production puts an S3-compatible object
 * store behind the same three operations.
 */
export interface DocumentStorage {
  put(content: Buffer): Promise<{ key: string }>;
  /** Whole, not streamed: a sealed file may be released only once its tag has been verified. */
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
  /**
   * Every stored key with the time it was written, for the clean-up of files no document row
   * names (a process killed between writing a file and committing its row). Keys of files still
   * being written end in `.part`.
   */
  list(): AsyncIterable<{ key: string; writtenAt: Date }>;
}

export function localStorage(root: string): DocumentStorage {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);
  return {
    async put(content) {
      const key = newId();
      const path = pathOf(key);
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      // Written beside and renamed so a crash never leaves half a file under a valid key.
      await writeFile(`${path}.part`, content);
      await rename(`${path}.part`, path);
      return { key };
    },
    read: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
    async *list() {
      const folders = await readdir(root, { withFileTypes: true }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      });
      for (const folder of folders) {
        if (!folder.isDirectory() || folder.name.length !== 2) continue;
        for (const entry of await readdir(join(root, folder.name), { withFileTypes: true })) {
          // Only what `put` writes: a key filed under the folder of its first two characters.
          if (!entry.isFile() || !entry.name.startsWith(folder.name)) continue;
          const info = await stat(join(root, folder.name, entry.name)).catch(() => undefined);
          if (info) yield { key: entry.name, writtenAt: info.mtime };
        }
      }
    },
  };
}

/** The media type of a file judged by its first bytes, never by its name. */
export function sniffMediaType(head: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return undefined;
}
