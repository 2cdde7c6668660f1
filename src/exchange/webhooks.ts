import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { DeliveryEvent } from './deliveries.js';
import type { SubscriptionView } from './exchange.schemas.js';

/*
 * Webhooks: a recipient's own system receives each new delivery as a signed JSON POST. The body
 * is the delivery (ids and the kind of event, never content); the receiver reads the dossier
 * through the API as its relation allows. `X-Signature: sha256=<hex>` is the HMAC-SHA256 of the
 * raw body with the subscription's secret; the body carries `timestamp`, repeated in
 * `X-Timestamp`, so a replayed body is recognised as old; `id` (also `X-Event-Id`) is the same
 * on every retry, so the receiver de-duplicates by it. See docs/deliveries.md.
 */

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';
export const EVENT_ID_HEADER = 'x-event-id';
/** A receiver should refuse a body whose timestamp is further than this from its own clock. */
export const REPLAY_WINDOW_SECONDS = 300;

export function signatureOf(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** What a receiver does (and what the tests do): constant-time comparison of the signature. */
export function verifySignature(secret: string, rawBody: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureOf(secret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface PushBody {
  id: string;
  type: 'delivery';
  event: DeliveryEvent;
  dossierId: string;
  reference: string;
  procedure: string;
  decisionId: string;
  deliveredAt: string;
  /** Seconds since the epoch at sending; equal to X-Timestamp and covered by the signature. */
  timestamp: number;
}

export type { SubscriptionView } from './exchange.schemas.js';

const MAX_SUBSCRIPTIONS = 5;

/**
 * The URL is checked here: plain http only outside production (a receiver on the same machine in
 * tests and the demo). The secret is kept to sign with and is never shown again.
 */
export async function subscribe(
  deps: AppDeps,
  actor: Actor,
  input: { url: string; secret: string },
): Promise<SubscriptionView> {
  const url = new URL(input.url);
  const allowed = url.protocol === 'https:' || (!deps.config.production && url.protocol === 'http:');
  if (!allowed || url.username || url.password) {
    throw new AppError('validation_failed', { errors: [{ field: 'url', code: 'invalid_format' }] });
  }
  return deps.db.transaction().execute(async (tx) => {
    const active = await tx
      .selectFrom('webhook_subscription')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', actor.organisation.id)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (active.n >= MAX_SUBSCRIPTIONS) {
      throw new AppError('validation_failed', { errors: [{ field: 'url', code: 'out_of_range' }] });
    }
    const now = deps.clock.now();
    const id = newId();
    await tx
      .insertInto('webhook_subscription')
      .values({
        id,
        organisation_id: actor.organisation.id,
        url: url.toString(),
        secret: input.secret,
        created_by_user_id: actor.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(tx, actedBy(actor, now, 'webhook_subscribed', { details: { subscription: id } }));
    return { id, url: url.toString(), createdAt: now.toISOString() };
  });
}

export async function listSubscriptions(db: Queryable, actor: Actor): Promise<SubscriptionView[]> {
  const rows = await db
    .selectFrom('webhook_subscription')
    .select(['id', 'url', 'created_at'])
    .where('organisation_id', '=', actor.organisation.id)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, url: r.url, createdAt: r.created_at.toISOString() }));
}

/** Stops pushing to a system: its pending pushes end; the deliveries stay in the inbox. */
export async function unsubscribe(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const removed = await tx
      .updateTable('webhook_subscription')
      .set({ removed_at: now, removed_by_user_id: actor.userId })
      .where('id', '=', id)
      .where('organisation_id', '=', actor.organisation.id)
      .where('removed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!removed) throw new AppError('not_found');
    await tx
      .updateTable('webhook_push')
      .set({ gave_up_at: now, last_error: 'subscription_removed' })
      .where('subscription_id', '=', id)
      .where('delivered_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .execute();
    await appendAudit(tx, actedBy(actor, now, 'webhook_removed', { details: { subscription: id } }));
  });
}
