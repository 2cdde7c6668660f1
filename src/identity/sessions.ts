import { ACTOR_COLUMNS, actorOfRow } from './actor.js';
import type { Queryable } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { newSecret, sha256 } from '../platform/ids.js';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'sw_session';
/** Idle and absolute limits of a browser session (GDPR Art. 32: unattended sessions end). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export async function openSession(
  db: Queryable,
  clock: Clock,
  userId: string,
  organisationId: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = clock.now();
  await db
    .insertInto('session')
    .values({
      id: sha256(token),
      user_id: userId,
      organisation_id: organisationId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    })
    .execute();
  return { token, csrfToken };
}

/** The actor behind a session cookie, or undefined when it ended, idled out or expired. */
export async function findSessionActor(
  db: Queryable,
  clock: Clock,
  token: string,
): Promise<Actor | undefined> {
  const now = clock.now();
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('membership as m', (join) =>
      join.onRef('m.user_id', '=', 's.user_id').onRef('m.organisation_id', '=', 's.organisation_id'),
    )
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select([
      's.id as sessionId',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'm.roles',
      ...ACTOR_COLUMNS,
    ])
    .where('s.id', '=', sha256(token))
    .where('s.ended_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) return undefined;
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  return actorOfRow(row, { roles: row.roles, csrfToken: row.csrf_token, via: 'session' });
}

/**
 * Moves a live session to another organisation of the same user. The cookie and CSRF token are
 * replaced, as on any change of privilege, but the absolute limit still counts from the login.
 */
export async function switchSessionOrganisation(
  db: Queryable,
  clock: Clock,
  token: string,
  organisationId: string,
): Promise<{ token: string; csrfToken: string } | undefined> {
  const next = { token: newSecret(), csrfToken: newSecret() };
  const result = await db
    .updateTable('session')
    .set({
      id: sha256(next.token),
      csrf_token: next.csrfToken,
      organisation_id: organisationId,
      last_seen_at: clock.now(),
    })
    .where('id', '=', sha256(token))
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n ? next : undefined;
}

export async function endSession(db: Queryable, clock: Clock, token: string): Promise<void> {
  await db.updateTable('session').set({ ended_at: clock.now() }).where('id', '=', sha256(token)).execute();
}
