import type { AppDeps } from '../deps.js';
import type { Tx } from '../db/database.js';
import { isLanguage } from '../contract/language.js';
import { pauseForTest } from '../job-claims.js';
import { deliveredOf } from './deliveries.js';
import { isEboxAddress, Undeliverable } from './messaging.js';
import { recordNotified } from './notified.js';
import {
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signatureOf,
  type PushBody,
} from './webhooks.js';

/*
 * Sends what the outboxes hold: webhook pushes and notifications. Items are claimed in a short
 * transaction (`FOR UPDATE SKIP LOCKED`, so several processes on PostgreSQL never take the same
 * item; PGlite has one connection and takes them in turn) by moving their next attempt a lease
 * ahead; the sending happens outside any transaction; the result is written afterwards. A
 * process that dies mid-send leaves the item to be retried when the lease runs out: delivery is
 * at least once, which the event id lets receivers turn into exactly once.
 *
 * A batch is sent within half its lease (by the wall clock): what a slow receiver leaves unsent
 * by then is handed back, never sent after the lease ended, when another process may hold it.
 */

type DispatchDeps = Pick<AppDeps, 'db' | 'messaging'>;

const LEASE_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;
/** About four days of attempts; the delivery itself stays in the inbox after the last one. */
export const MAX_ATTEMPTS = 20;
const PUSH_TIMEOUT_MS = 10_000;

/** Exponential backoff: 30 s after the first failure, doubling, at most 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export interface DispatchReport {
  pushes: { delivered: number; failed: number };
  notifications: { sent: number; failed: number };
}

/** Processes every item due at `now`, in batches; tests call it directly, the server on a timer. */
export async function dispatchDue(deps: DispatchDeps, now: Date, batch = 50): Promise<DispatchReport> {
  const pushes = await drain(
    () => claimPushes(deps, now, batch),
    (push) => sendPush(deps, push, now),
    (unsent) => handBack(deps, 'webhook_push', unsent, now),
    batch,
  );
  const notifications = await drain(
    () => claimNotifications(deps, now, batch),
    (n) => sendNotification(deps, n, now),
    (unsent) => handBack(deps, 'notification', unsent, now),
    batch,
  );
  return {
    pushes: { delivered: pushes.done, failed: pushes.failed },
    notifications: { sent: notifications.done, failed: notifications.failed },
  };
}

/** Claims and sends batch after batch until a claim comes back short: nothing more is due. */
async function drain<T>(
  claim: () => Promise<T[]>,
  send: (item: T) => Promise<boolean>,
  handBackUnsent: (items: T[]) => Promise<void>,
  batch: number,
): Promise<{ done: number; failed: number }> {
  const counts = { done: 0, failed: 0 };
  for (;;) {
    const items = await claim();
    const sendBy = Date.now() + LEASE_MS / 2;
    if (items.length > 0) await pauseForTest('dispatch.claimed');
    for (const [i, item] of items.entries()) {
      if (Date.now() > sendBy) {
        await handBackUnsent(items.slice(i));
        return counts;
      }
      if (await send(item)) counts.done += 1;
      else counts.failed += 1;
    }
    if (items.length < batch) return counts;
  }
}

/** Items claimed and not tried: due again at once, their attempt not counted. */
async function handBack(
  deps: DispatchDeps,
  table: 'webhook_push' | 'notification',
  items: { id: string }[],
  now: Date,
) {
  await deps.db
    .updateTable(table)
    .set((eb) => ({ attempts: eb('attempts', '-', 1), next_attempt_at: now }))
    .where(
      'id',
      'in',
      items.map((r) => r.id),
    )
    .execute();
}

interface ClaimedPush {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  body: Omit<PushBody, 'timestamp'>;
}

/**
 * Takes claimed items for one try: the attempt is counted now and the item hidden from other
 * runs for the lease, so a crash mid-send retries it later instead of losing or doubling it.
 */
async function lease(tx: Tx, table: 'webhook_push' | 'notification', rows: { id: string }[], now: Date) {
  await tx
    .updateTable(table)
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
}

async function claimPushes(deps: DispatchDeps, now: Date, batch: number): Promise<ClaimedPush[]> {
  return deps.db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('webhook_push as p')
      .innerJoin('webhook_subscription as s', 's.id', 'p.subscription_id')
      .innerJoin('delivery as d', 'd.id', 'p.delivery_id')
      .innerJoin('dossier as x', 'x.id', 'd.dossier_id')
      .select([
        'p.id',
        'p.attempts',
        's.url',
        's.secret',
        'd.id as delivery_id',
        'd.event',
        'd.dossier_id',
        'd.action_id',
        'd.created_at',
        'x.reference',
        'x.procedure',
      ])
      .where('p.delivered_at', 'is', null)
      .where('p.gave_up_at', 'is', null)
      .where('p.next_attempt_at', '<=', now)
      .where('s.removed_at', 'is', null)
      .orderBy('p.next_attempt_at')
      .limit(batch)
      .forUpdate('p')
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await lease(tx, 'webhook_push', rows, now);
    return rows.map((r) => ({
      id: r.id,
      attempts: r.attempts + 1,
      url: r.url,
      secret: r.secret,
      body: { ...deliveredOf({ ...r, id: r.delivery_id }), type: 'delivery' },
    }));
  });
}

/**
 * One signed POST of an event to a receiver; only 2xx counts as received. Redirects are not
 * followed: a receiver answers itself. The error is a code only: a message could quote the URL.
 */
export async function postSignedEvent(
  url: string,
  secret: string,
  eventId: string,
  timestamp: number,
  raw: string,
): Promise<{ status: number | null; error: string | null }> {
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [EVENT_ID_HEADER]: eventId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signatureOf(secret, raw),
        'user-agent': 'single-window-webhooks/1',
      },
      body: raw,
      redirect: 'manual',
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
    if (!res.ok) error = `http_${res.status}`;
  } catch (e) {
    error = e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network';
  }
  return { status, error };
}

/** One push of a delivery, and its outcome recorded for the retries. */
async function sendPush(deps: DispatchDeps, push: ClaimedPush, now: Date): Promise<boolean> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const raw = JSON.stringify({ ...push.body, timestamp } satisfies PushBody);
  const { status, error } = await postSignedEvent(push.url, push.secret, push.body.id, timestamp, raw);
  const ok = error === null;
  await deps.db
    .updateTable('webhook_push')
    .set(
      ok
        ? { delivered_at: now, last_status: status, last_error: null }
        : {
            last_status: status,
            last_error: error,
            next_attempt_at: new Date(now.getTime() + backoffMs(push.attempts)),
            ...(push.attempts >= MAX_ATTEMPTS && { gave_up_at: now }),
          },
    )
    .where('id', '=', push.id)
    .execute();
  return ok;
}

interface ClaimedNotification {
  id: string;
  attempts: number;
  address: string;
  language: string;
  subject: string;
  body: string;
}

async function claimNotifications(
  deps: DispatchDeps,
  now: Date,
  batch: number,
): Promise<ClaimedNotification[]> {
  return deps.db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('notification')
      .select(['id', 'attempts', 'address', 'language', 'subject', 'body'])
      .where('sent_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('written_seq')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await lease(tx, 'notification', rows, now);
    return rows.map((r) => ({
      id: r.id,
      attempts: r.attempts + 1,
      address: r.address ?? '',
      language: r.language,
      subject: r.subject ?? '',
      body: r.body ?? '',
    }));
  });
}

/** Once sent, the copy of the address and text is erased: the dossier keeps the original. */
async function sendNotification(deps: DispatchDeps, n: ClaimedNotification, now: Date): Promise<boolean> {
  let ok = true;
  let undeliverable = false;
  try {
    await deps.messaging.send({
      id: n.id,
      to: n.address,
      language: isLanguage(n.language) ? n.language : 'en',
      subject: n.subject,
      body: n.body,
    });
  } catch (e) {
    ok = false;
    // No channel for the address (an e-Box while none is configured): retrying cannot help.
    undeliverable = e instanceof Undeliverable;
  }
  await deps.db.transaction().execute(async (tx) => {
    const sent = await tx
      .updateTable('notification')
      .set(
        ok
          ? { sent_at: now, last_error: null, address: null, subject: null, body: null }
          : {
              last_error: undeliverable ? 'no_channel' : 'send_failed',
              next_attempt_at: new Date(now.getTime() + backoffMs(n.attempts)),
              ...((undeliverable || n.attempts >= MAX_ATTEMPTS) && { gave_up_at: now }),
            },
      )
      .where('id', '=', n.id)
      .returning(['dossier_id', 'action_id', 'about_decision'])
      .executeTakeFirst();
    if (ok && sent?.about_decision)
      await recordNotified(tx, {
        decisionId: sent.action_id,
        dossierId: sent.dossier_id,
        at: now,
        channel: isEboxAddress(n.address) ? 'ebox' : 'email',
      });
  });
  return ok;
}
