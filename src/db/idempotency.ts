import { sql } from 'kysely';
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
 * The class of the advisory locks taken per (user, key): the two-number form of
 * `pg_advisory_xact_lock` lives in a key space of its own, apart from the audit chain's lock.
 */
const IDEMPOTENCY_LOCK_CLASS = 0x1d3b;

/**
 * Runs a state change once per (user, Idempotency-Key): a repeat with the same body replays the
 * first answer without a second effect; the same key with another body is refused. The record
 * commits in the transaction of the change itself.
 *
 * Concurrent retries (a client that times out and sends again while the first is still running)
 * queue on a transaction-scoped advisory lock on (user, key), taken before the record is looked
 * up: the first runs, the others wait for its commit, then find its record and replay it. Without
 * the lock each would miss the record and run the change again, and all but one would collide
 * on the key in the action log.
 */
export async function once<T>(
  tx: Tx,
  input: { userId: string; key: string | undefined; route: string; request: unknown; now: Date },
  run: () => Promise<Replayable<T>>,
): Promise<Replayable<T>> {
  if (!input.key) return run();
  const requestHash = sha256(JSON.stringify({ route: input.route, request: input.request }));
  await sql`select pg_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}::int, hashtext(${`${input.userId}:${input.key}`}))`.execute(
    tx,
  );
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
  // The first answer as a replay will give it: byte for byte the same to every retry.
  return { status: result.status, body: inJsonbKeyOrder(result.body) as T };
}

/**
 * A value with its objects' keys in the order jsonb keeps them (shorter keys first, then by
 * bytes), so the answer sent now and the one replayed from the record serialise alike.
 */
export function inJsonbKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbKeyOrder);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => {
    const [x, y] = [Buffer.from(a), Buffer.from(b)];
    return x.length - y.length || Buffer.compare(x, y);
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, inJsonbKeyOrder(v)]));
}

/** Deletes the answers no longer replayed; the server runs it with the outbox dispatcher. */
export async function forgetExpiredReplays(db: Queryable, now: Date): Promise<number> {
  const deleted = await db
    .deleteFrom('idempotency_record')
    .where('created_at', '<=', new Date(now.getTime() - REPLAY_WINDOW_MS))
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
