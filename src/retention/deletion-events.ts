import type { AppDeps } from '../deps.js';
import { backoffMs, MAX_ATTEMPTS, postSignedEvent } from '../exchange/dispatcher.js';

/*
 * The `dossier_deleted` webhook event (lifecycle.md §1): each system that received deliveries of a
 * deleted dossier is told to delete its copy. Signed and retried like every push (docs/deliveries.md);
 * the body carries the dossier's id the receiver knows, and nothing else of it: there is nothing left.
 */

export interface DeletionPushBody {
  id: string;
  type: 'dossier_deleted';
  event: 'dossier_deleted';
  dossierId: string;
  deletedAt: string;
  timestamp: number;
}

const LEASE_MS = 5 * 60_000;

/** Sends the deletion events due at `now`; the server runs it with the dispatcher. */
export async function pushDeletionEvents(deps: Pick<AppDeps, 'db'>, now: Date, batch = 50) {
  const counts = { delivered: 0, failed: 0 };
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('deletion_push as p')
        .innerJoin('webhook_subscription as s', 's.id', 'p.subscription_id')
        .select(['p.id', 'p.attempts', 'p.deleted_dossier_id', 'p.deleted_at', 's.url', 's.secret'])
        .where('p.delivered_at', 'is', null)
        .where('p.gave_up_at', 'is', null)
        .where('p.next_attempt_at', '<=', now)
        .where('s.removed_at', 'is', null)
        .orderBy('p.next_attempt_at')
        .limit(batch)
        .forUpdate('p')
        .skipLocked()
        .execute();
      if (rows.length > 0)
        await tx
          .updateTable('deletion_push')
          .set((eb) => ({
            attempts: eb('attempts', '+', 1),
            last_attempt_at: now,
            next_attempt_at: new Date(now.getTime() + LEASE_MS),
          }))
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      return rows;
    });
    for (const push of claimed) {
      const timestamp = Math.floor(now.getTime() / 1000);
      const raw = JSON.stringify({
        id: push.id,
        type: 'dossier_deleted',
        event: 'dossier_deleted',
        dossierId: push.deleted_dossier_id,
        deletedAt: push.deleted_at.toISOString(),
        timestamp,
      } satisfies DeletionPushBody);
      const { status, error } = await postSignedEvent(push.url, push.secret, push.id, timestamp, raw);
      const attempts = push.attempts + 1;
      await deps.db
        .updateTable('deletion_push')
        .set(
          error === null
            ? { delivered_at: now, last_status: status, last_error: null }
            : {
                last_status: status,
                last_error: error,
                next_attempt_at: new Date(now.getTime() + backoffMs(attempts)),
                ...(attempts >= MAX_ATTEMPTS && { gave_up_at: now }),
              },
        )
        .where('id', '=', push.id)
        .execute();
      if (error === null) counts.delivered += 1;
      else counts.failed += 1;
    }
    if (claimed.length < batch) return counts;
  }
}
