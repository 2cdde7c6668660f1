import type { Queryable, Tx } from './database.js';
import { AppError } from '../platform/errors.js';
import { sha256 } from '../platform/ids.js';

export interface Replayable<T> {
  status: number;
  body: T;
}

/**
 * How long a first answer is replayed. A client retries within minutes or hours; after a week the
 * replayed body (a dossier view, with personal data) is deleted and the key is free again.
 */
export const REPLAY_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Runs a state change once per (user, Idempotency-Key): a repeat with the same body replays the
 * first answer without a second effect; the same key with another body is refused. The record
 * commits in the transaction of the change itself.
 */
export async function once<T>(
  tx: Tx,
  input: { userId: string; key: string | undefined; route: string; request: unknown; now: Date },
  run: () => Promise<Replayable<T>>,
): Promise<Replayable<T>> {
  if (!input.key) return run();
  const requestHash = sha256(JSON.stringify({ route: input.route, request: input.request }));
  const previous = await tx
    .selectFrom('idempotency_record')
    .select(['request_hash', 'status', 'body'])
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .where('created_at', '>', new Date(input.now.getTime() - REPLAY_WINDOW_MS))
    .executeTakeFirst();
  if (previous) {
    if (previous.request_hash !== requestHash) throw new AppError('idempotency_key_reused');
    return { status: previous.status, body: previous.body as T };
  }
  const result = await run();
  await tx
    .insertInto('idempotency_record')
    .values({
      user_id: input.userId,
      key: input.key,
      route: input.route,
      request_hash: requestHash,
      status: result.status,
      body: JSON.stringify(result.body),
      created_at: input.now,
    })
    // A record past the window (not yet purged) gives way to the new answer.
    .onConflict((oc) =>
      oc.columns(['user_id', 'key']).doUpdateSet({
        route: input.route,
        request_hash: requestHash,
        status: result.status,
        body: JSON.stringify(result.body),
        created_at: input.now,
      }),
    )
    .execute();
  return result;
}

/** Deletes the answers no longer replayed; the server runs it with the outbox dispatcher. */
export async function forgetExpiredReplays(db: Queryable, now: Date): Promise<number> {
  const deleted = await db
    .deleteFrom('idempotency_record')
    .where('created_at', '<=', new Date(now.getTime() - REPLAY_WINDOW_MS))
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
