import { ACTOR_COLUMNS, actorOfRow } from './actor.js';
import type { Queryable } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { newId, newSecret, sha256 } from '../platform/ids.js';
import type { Actor } from './actor.js';

/**
 * API tokens let an organisation's own systems call the API (api.md, Authentication). A token is
 * shown once at issue; the platform keeps only its SHA-256, so a copy of the database does not
 * hand out working tokens.
 */
export const TOKEN_SCOPES = ['dossiers:read', 'dossiers:write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

// The prefix lets secret scanners (and people) recognise a leaked token for what it is.
const TOKEN_PREFIX = 'sw_';

export interface IssuedToken {
  id: string;
  secret: string;
}

export async function issueToken(
  db: Queryable,
  clock: Clock,
  input: {
    organisationId: string;
    userId: string;
    name: string;
    scopes: TokenScope[];
    expiresAt: Date | null;
  },
): Promise<IssuedToken> {
  const id = newId();
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  await db
    .insertInto('api_token')
    .values({
      id,
      organisation_id: input.organisationId,
      issued_by_user_id: input.userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      secret_hash: sha256(secret),
      created_at: clock.now(),
      expires_at: input.expiresAt,
    })
    .execute();
  return { id, secret };
}

export interface TokenActor {
  actor: Actor;
  scopes: readonly string[];
}

/**
 * The caller behind a bearer token, or undefined when it is unknown, revoked or expired. The
 * token acts in the name of the person who issued it (so access logs name someone accountable)
 * and lives no longer than that person's membership and account. It carries no personal roles
 * (such as DPO): a system acts for the organisation, not as an officer of it.
 */
export async function findTokenActor(
  db: Queryable,
  clock: Clock,
  secret: string,
): Promise<TokenActor | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const now = clock.now();
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.issued_by_user_id')
    .innerJoin('membership as m', (join) =>
      join
        .onRef('m.user_id', '=', 't.issued_by_user_id')
        .onRef('m.organisation_id', '=', 't.organisation_id'),
    )
    .innerJoin('organisation as o', 'o.id', 't.organisation_id')
    .select(['t.id as tokenId', 't.scopes', 't.expires_at', ...ACTOR_COLUMNS])
    .where('t.secret_hash', '=', sha256(secret))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || (row.expires_at && row.expires_at <= now)) return undefined;
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.tokenId).execute();
  return {
    scopes: row.scopes,
    actor: actorOfRow(row, { roles: [], csrfToken: undefined, via: 'token' }),
  };
}

export async function listTokens(db: Queryable, organisationId: string) {
  const rows = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.issued_by_user_id')
    .select([
      't.id',
      't.name',
      't.scopes',
      't.created_at',
      't.expires_at',
      't.revoked_at',
      't.last_used_at',
      'u.id as userId',
      'u.display_name',
    ])
    .where('t.organisation_id', '=', organisationId)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: r.scopes as TokenScope[],
    issuedBy: { id: r.userId, name: r.display_name },
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

/**
 * Revokes a token of the organisation. Returns 'revoked', 'already' (nothing to do) or
 * 'unknown' when no such token belongs to the organisation.
 */
export async function revokeToken(
  db: Queryable,
  clock: Clock,
  organisationId: string,
  tokenId: string,
): Promise<'revoked' | 'already' | 'unknown'> {
  // One conditional update decides it, so two revocations at once audit one revocation.
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: clock.now() })
    .where('id', '=', tokenId)
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return 'revoked';
  const exists = await db
    .selectFrom('api_token')
    .select('id')
    .where('id', '=', tokenId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return exists ? 'already' : 'unknown';
}
