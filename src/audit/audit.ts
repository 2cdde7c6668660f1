import type { Selectable } from 'kysely';
import type { AuditTrail } from '../db/schema.generated.js';
import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import { sha256 } from '../platform/ids.js';

export const AUDIT_KINDS = [
  'dossier_action',
  'login',
  'login_failed',
  'logout',
  'authorisation_refused',
  'organisation_switched',
  'token_issued',
  'token_revoked',
  'mandate_granted',
  'mandate_revoked',
  'designation_proposed',
  'designation_validated',
  'designation_ended',
  'dossier_claimed',
  'account_changed',
  'delivery_acknowledged',
  'webhook_subscribed',
  'webhook_removed',
  'dossier_assigned',
  'dossier_released',
  'dossier_search',
  'policy_setting_recorded',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  at: Date;
  kind: AuditKind;
  actorUserId?: string | null | undefined;
  actorOrganisationId?: string | null | undefined;
  dossierId?: string | null | undefined;
  /** Identifiers and codes only: the trail outlives dossiers and must hold no personal data. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

/** Who acts, as the trail records it: a user for one organisation (an `Actor` fits). */
export interface AuditedActor {
  userId: string;
  organisation: { id: string };
}

/** The entry of an act by a signed-in person, at a time, with what it concerned. */
export const actedBy = (
  actor: AuditedActor,
  at: Date,
  kind: AuditKind,
  about: Pick<AuditEntry, 'dossierId' | 'details'> = {},
): AuditEntry => ({
  at,
  kind,
  actorUserId: actor.userId,
  actorOrganisationId: actor.organisation.id,
  ...about,
});

export const GENESIS_HASH = '0'.repeat(64);

/** A row of the trail as it is chained: every column but the hash it gets. */
type ChainRow = Omit<Selectable<AuditTrail>, 'hash' | 'details'> & { details: unknown };

/** Canonical JSON: keys sorted at every depth, so the same row always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashOf(row: ChainRow): string {
  return sha256(
    canonical({
      seq: row.seq,
      at: row.at.toISOString(),
      kind: row.kind,
      actor_user_id: row.actor_user_id,
      actor_organisation_id: row.actor_organisation_id,
      dossier_id: row.dossier_id,
      details: row.details,
      prev_hash: row.prev_hash,
    }),
  );
}

// One lock for the whole chain: appends are serialised so each row links to the one before it.
const CHAIN_LOCK = 731_245_017;

/** Appends one entry in the caller's transaction; it commits or rolls back with what it records. */
export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((tx) => appendAudit(tx, entry));
    return;
  }
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(db);
  const head = await db
    .selectFrom('audit_trail')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row: ChainRow = {
    seq: (head?.seq ?? 0) + 1,
    at: entry.at,
    kind: entry.kind,
    actor_user_id: entry.actorUserId ?? null,
    actor_organisation_id: entry.actorOrganisationId ?? null,
    dossier_id: entry.dossierId ?? null,
    details: entry.details ?? {},
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  await db
    .insertInto('audit_trail')
    .values({ ...row, details: JSON.stringify(row.details), hash: hashOf(row) })
    .execute();
}

export type Verification =
  | { ok: true; entries: number; head: { seq: number; hash: string } | null }
  | {
      ok: false;
      entries: number;
      brokenAt: number;
      reason: 'hash_mismatch' | 'broken_link' | 'gap_in_sequence';
    };

/** Walks the whole chain in order and names the first link that does not hold. */
export async function verifyAuditTrail(db: Queryable, batchSize = 1000): Promise<Verification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let head: { seq: number; hash: string } | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_trail')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, entries, brokenAt: expectedSeq, reason: 'gap_in_sequence' };
      if (row.prev_hash !== prevHash) return { ok: false, entries, brokenAt: row.seq, reason: 'broken_link' };
      if (hashOf(row) !== row.hash) return { ok: false, entries, brokenAt: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      head = { seq: row.seq, hash: row.hash };
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < batchSize) return { ok: true, entries, head };
  }
}

/** The newest link, to be anchored outside the database (a signed e-mail, a notary, a ledger). */
export async function auditHead(db: Queryable): Promise<{ seq: number; hash: string; at: string } | null> {
  const row = await db
    .selectFrom('audit_trail')
    .select(['seq', 'hash', 'at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: row.seq, hash: row.hash, at: row.at.toISOString() } : null;
}
