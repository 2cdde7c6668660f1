import type { AppDeps } from '../deps.js';

/** Older than this, a file without its row is no upload still in its transaction. */
export const ORPHAN_MIN_AGE_MS = 15 * 60_000;

/**
 * Removes the files in document storage that no `document` row names: what a process killed
 * between writing a file and committing its row (or while writing it, `.part`) leaves behind.
 * Only files older than `minAgeMs` by the wall clock of the files themselves (not the platform's
 * clock, which a demo may move), so an upload whose transaction is still open keeps its file.
 * Run at every start and daily; returns how many files it removed.
 */
export async function removeOrphanFiles(
  deps: Pick<AppDeps, 'db' | 'storage'>,
  options: { minAgeMs?: number; wallNow?: number } = {},
): Promise<number> {
  const cutoff = (options.wallNow ?? Date.now()) - (options.minAgeMs ?? ORPHAN_MIN_AGE_MS);
  const candidates: string[] = [];
  for await (const file of deps.storage.list()) {
    if (file.writtenAt.getTime() < cutoff) candidates.push(file.key);
  }
  let removed = 0;
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const named = new Set(
      (
        await deps.db
          .selectFrom('document')
          .select('storage_key')
          .where('storage_key', 'in', batch.filter((k) => !k.endsWith('.part')).concat(['']))
          .execute()
      ).map((row) => row.storage_key),
    );
    for (const key of batch) {
      if (named.has(key)) continue;
      await deps.storage.remove(key);
      removed += 1;
    }
  }
  return removed;
}
