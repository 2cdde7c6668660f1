import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { newId, sha256 } from '../platform/ids.js';

/**
 * Guessing is slowed down, never stopped for good: past a number of failures each further attempt
 * must wait twice as long as the one before (1 s, 2 s, 4 s … up to a cap), counted from the last
 * failure, and a success clears the account's failures. A correct password after the wait always
 * works, and nobody can lock another person out by failing on purpose: the failures of an address
 * weigh on the accounts it failed against, and on every other account only past a high count and
 * with a short cap. Counts live in the database, so every process of the platform sees the same.
 */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;

/** After `after` failures, the next attempt waits `baseSeconds · 2^(failures − after)`, at most `capSeconds`. */
export interface BackOffRule {
  after: number;
  baseSeconds: number;
  capSeconds: number;
}

export const BACK_OFF = {
  /** One account guessed from one address: the guesser's own pace. */
  accountFromAddress: { after: 5, baseSeconds: 1, capSeconds: 15 * 60 },
  /** One account guessed from many addresses: short cap, so its owner waits a minute at most. */
  account: { after: 10, baseSeconds: 1, capSeconds: 60 },
  /** An address trying many accounts, for the accounts it already failed against. */
  address: { after: 20, baseSeconds: 1, capSeconds: 15 * 60 },
  /** The sane cap: an address failing this often slows down everyone signing in from it, briefly. */
  addressForAnyone: { after: 100, baseSeconds: 1, capSeconds: 60 },
} as const satisfies Record<string, BackOffRule>;

/** How long after the last counted event the next may come, in seconds; 0 below the threshold. */
export function backOffSeconds(count: number, rule: BackOffRule): number {
  if (count < rule.after) return 0;
  return Math.min(rule.capSeconds, rule.baseSeconds * 2 ** Math.min(count - rule.after, 30));
}

/** Seconds to wait (at least 1) while `last + delay` is still ahead; 0 when the caller may go on. */
export function waitSeconds(now: Date, last: Date | null, delaySeconds: number): number {
  if (!last || delaySeconds <= 0) return 0;
  const left = last.getTime() + delaySeconds * 1000 - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export interface Attempt {
  id: string;
  usernameKey: string;
}

export type Admission<T> = { admitted: true; attempt: T } | { admitted: false; retryAfterSeconds: number };

// Hashes only: what people type as a username may be anything, and addresses are personal data.
const usernameKey = (username: string): string =>
  sha256(`username:${username.normalize('NFC').toLowerCase()}`);
const clientKey = (ip: string): string => sha256(`client:${ip}`);

/**
 * Records an attempt before the password is checked, then weighs the others in the window.
 * Recording first means parallel guesses see one another: at the edge both may be held back,
 * never both let through. An attempt held back is not recorded: waiting, not retrying, is what
 * lets the next one through.
 */
export async function beginAttempt(
  db: Db,
  clock: Clock,
  username: string,
  ip: string,
): Promise<Admission<Attempt>> {
  const now = clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const attempt = { id: newId(), usernameKey: usernameKey(username) };
  const client = clientKey(ip);
  await db.deleteFrom('login_attempt').where('at', '<=', since).execute();
  await db
    .insertInto('login_attempt')
    .values({ id: attempt.id, at: now, username_key: attempt.usernameKey, client_key: client })
    .execute();
  const forAccount = sql`username_key = ${attempt.usernameKey}`;
  const forPair = sql`username_key = ${attempt.usernameKey} and client_key = ${client}`;
  const forClient = sql`client_key = ${client}`;
  const seen = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where ${forAccount})::int`.as('account'),
      sql<Date | null>`max(at) filter (where ${forAccount})`.as('accountLast'),
      sql<number>`count(*) filter (where ${forPair})::int`.as('pair'),
      sql<Date | null>`max(at) filter (where ${forPair})`.as('pairLast'),
      sql<number>`count(*) filter (where ${forClient})::int`.as('client'),
      sql<Date | null>`max(at) filter (where ${forClient})`.as('clientLast'),
    ])
    .where('at', '>', since)
    .where('id', '!=', attempt.id)
    .where((eb) => eb.or([eb('username_key', '=', attempt.usernameKey), eb('client_key', '=', client)]))
    .executeTakeFirstOrThrow();
  const at = (value: Date | string | null) => (value === null ? null : new Date(value));
  const retryAfterSeconds = Math.max(
    waitSeconds(now, at(seen.pairLast), backOffSeconds(seen.pair, BACK_OFF.accountFromAddress)),
    waitSeconds(now, at(seen.accountLast), backOffSeconds(seen.account, BACK_OFF.account)),
    // The address's own count holds back only the accounts it has failed against…
    seen.pair > 0 ? waitSeconds(now, at(seen.clientLast), backOffSeconds(seen.client, BACK_OFF.address)) : 0,
    // …and everyone else from it only past the high count, briefly.
    waitSeconds(now, at(seen.clientLast), backOffSeconds(seen.client, BACK_OFF.addressForAnyone)),
  );
  if (retryAfterSeconds > 0) {
    await forget(db, attempt);
    return { admitted: false, retryAfterSeconds };
  }
  return { admitted: true, attempt };
}

/** The attempt did not fail (the code was merely not given yet): it does not count. */
export async function forget(db: Db, attempt: Attempt): Promise<void> {
  await db.deleteFrom('login_attempt').where('id', '=', attempt.id).execute();
}

/** A successful sign-in clears the failures against that username, not those of the address. */
export async function succeeded(db: Db, attempt: Attempt): Promise<void> {
  await db.deleteFrom('login_attempt').where('username_key', '=', attempt.usernameKey).execute();
}

/** One count of a request other than sign-in (a claim): what is counted, by whom, and its rule. */
export interface Counted {
  scope: string;
  subject: string;
  rule: BackOffRule;
}

/**
 * Admits a request counted under several keys (a claim: its dossier reference, the address, the
 * user) when none of them is in its back-off, and records it under each. Recorded first and
 * withdrawn when held back, as for sign-in, so parallel requests see one another.
 */
export async function admitCounted(
  db: Db,
  clock: Clock,
  counts: readonly Counted[],
): Promise<Admission<null>> {
  const now = clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  await db.deleteFrom('throttle_event').where('at', '<=', since).execute();
  const rows = counts.map((c) => ({
    id: newId(),
    at: now,
    scope: c.scope,
    key: sha256(`${c.scope}:${c.subject}`),
  }));
  await db.insertInto('throttle_event').values(rows).execute();
  const ids = rows.map((r) => r.id);
  let retryAfterSeconds = 0;
  for (const [i, count] of counts.entries()) {
    const row = rows[i];
    if (!row) continue;
    const seen = await db
      .selectFrom('throttle_event')
      .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`max(at)`.as('last')])
      .where('scope', '=', row.scope)
      .where('key', '=', row.key)
      .where('at', '>', since)
      .where('id', 'not in', ids)
      .executeTakeFirstOrThrow();
    const last = seen.last === null ? null : new Date(seen.last);
    retryAfterSeconds = Math.max(
      retryAfterSeconds,
      waitSeconds(now, last, backOffSeconds(seen.count, count.rule)),
    );
  }
  if (retryAfterSeconds > 0) {
    await db.deleteFrom('throttle_event').where('id', 'in', ids).execute();
    return { admitted: false, retryAfterSeconds };
  }
  return { admitted: true, attempt: null };
}

/** A success clears a count (a confirmed claim, the user's claims): as a sign-in clears its username's. */
export async function clearCounted(db: Db, scope: string, subject: string): Promise<void> {
  await db
    .deleteFrom('throttle_event')
    .where('scope', '=', scope)
    .where('key', '=', sha256(`${scope}:${subject}`))
    .execute();
}
