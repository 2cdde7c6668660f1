import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { newId, sha256 } from '../platform/ids.js';

/**
 * Guessing passwords is slowed down by counting attempts in the database (so every process of
 * the platform sees the same count): 5 per username or 20 per client address in 15 minutes.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ATTEMPTS_PER_USERNAME = 5;
export const MAX_ATTEMPTS_PER_CLIENT = 20;

export interface Attempt {
  id: string;
  usernameKey: string;
}

// Hashes only: what people type as a username may be anything, and addresses are personal data.
const usernameKey = (username: string): string =>
  sha256(`username:${username.normalize('NFC').toLowerCase()}`);
const clientKey = (ip: string): string => sha256(`client:${ip}`);

/**
 * Records an attempt before the password is checked, then counts the others in the window.
 * Recording first means parallel guesses see one another: at the edge both may be refused,
 * never both let through. Returns undefined, with nothing recorded, when the caller is throttled.
 */
export async function beginAttempt(
  db: Db,
  clock: Clock,
  username: string,
  ip: string,
): Promise<Attempt | undefined> {
  const now = clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const attempt = { id: newId(), usernameKey: usernameKey(username) };
  const client = clientKey(ip);
  await db.deleteFrom('login_attempt').where('at', '<=', since).execute();
  await db
    .insertInto('login_attempt')
    .values({ id: attempt.id, at: now, username_key: attempt.usernameKey, client_key: client })
    .execute();
  const counts = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where username_key = ${attempt.usernameKey})::int`.as('forUsername'),
      sql<number>`count(*) filter (where client_key = ${client})::int`.as('forClient'),
    ])
    .where('at', '>', since)
    .where('id', '!=', attempt.id)
    .where((eb) => eb.or([eb('username_key', '=', attempt.usernameKey), eb('client_key', '=', client)]))
    .executeTakeFirstOrThrow();
  if (counts.forUsername >= MAX_ATTEMPTS_PER_USERNAME || counts.forClient >= MAX_ATTEMPTS_PER_CLIENT) {
    await forget(db, attempt);
    return undefined;
  }
  return attempt;
}

/** The attempt did not fail (the code was merely not given yet): it does not count. */
export async function forget(db: Db, attempt: Attempt): Promise<void> {
  await db.deleteFrom('login_attempt').where('id', '=', attempt.id).execute();
}

/** A successful sign-in clears the failures against that username, not those of the address. */
export async function succeeded(db: Db, attempt: Attempt): Promise<void> {
  await db.deleteFrom('login_attempt').where('username_key', '=', attempt.usernameKey).execute();
}
