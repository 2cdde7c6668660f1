import type { Selectable } from 'kysely';
import type { AuditTrail } from '../db/schema.generated.js';
import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEMO_AUDIT_KEY } from '../config.js';
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
  'rights_request_received',
  'rights_request_extended',
  'rights_request_answered',
  'rights_request_reminded',
  'rights_export',
  'dossier_deleted',
  'committee_designation',
  'committee_record',
  'cost_recorded',
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

/**
 * How a row is chained. `sha256` rows were written before the keyed chain (migration 0017) and
 * anyone can recompute them; `hmac-sha256` rows need AUDIT_KEY, which never enters the database.
 */
export const AUDIT_ALGORITHMS = ['sha256', 'hmac-sha256'] as const;
export type AuditAlgorithm = (typeof AUDIT_ALGORITHMS)[number];

/** A row of the trail as it is chained: every column but the hash it gets. */
type ChainRow = Omit<Selectable<AuditTrail>, 'hash' | 'details' | 'algorithm'> & { details: unknown };

/** Canonical JSON: keys sorted at every depth, so the same row always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The plain SHA-256 of the rows written before the keyed chain. Frozen as it was: changing a
 * byte here would make every old row fail verification.
 */
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

/**
 * Canonical JSON of the keyed chain: keys sorted by UTF-16 code unit (not by the locale, which
 * could differ on the machine that verifies), values as JSON would carry them.
 */
function canonicalKeyed(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKeyed).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalKeyed(v)}`).join(',')}}`;
  }
  // As JSON writes undefined inside an array (the stored jsonb holds null there).
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

// Domain labels: a MAC made for one purpose (a row, a published head) never verifies as the other.
const ROW_LABEL = 'single-window audit row v1\n';
const HEAD_LABEL = 'single-window audit head v1\n';

const hmac = (key: Buffer, label: string, text: string): string =>
  createHmac('sha256', key).update(label).update(text).digest('hex');

/** The HMAC-SHA-256 of a keyed row under the audit key. */
export function keyedHashOf(row: ChainRow, key: Buffer): string {
  return hmac(
    key,
    ROW_LABEL,
    canonicalKeyed({
      seq: row.seq,
      at: row.at.toISOString(),
      kind: row.kind,
      actor_user_id: row.actor_user_id,
      actor_organisation_id: row.actor_organisation_id,
      dossier_id: row.dossier_id,
      details: row.details,
      prev_hash: row.prev_hash,
      algorithm: 'hmac-sha256',
    }),
  );
}

/** The hash a stored row must carry, by the algorithm it was written with. */
function expectedHash(row: ChainRow & { algorithm: string }, key: Buffer): string | null {
  if (row.algorithm === 'sha256') return hashOf(row);
  if (row.algorithm === 'hmac-sha256') return keyedHashOf(row, key);
  return null;
}

// The key of the running platform, set once at start (buildApp, the command-line tool). The many
// callers of appendAudit pass a database, not the configuration; the key must stay out of it.
let configuredKey: Buffer | undefined;

/** Sets the key the chain is written and verified with (config.auditKey). */
export function useAuditKey(key: Buffer): void {
  configuredKey = key;
}

// Outside a configured process (a unit test, a script) the public demo key applies; a production
// server always configures its own, and a row keyed by the demo key fails verification there.
const currentKey = (): Buffer => configuredKey ?? DEMO_AUDIT_KEY;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID as the database returns it: lower case. Anything else would be refused by the column. */
function canonicalUuid(value: string | null | undefined, column: string): string | null {
  if (value === null || value === undefined) return null;
  const lower = value.toLowerCase();
  if (!UUID.test(lower)) throw new Error(`audit entry: ${column} is not a UUID`);
  return lower;
}

/**
 * The entry as the database will return it, so the hash computed now is the hash recomputed on
 * reading (issue 12, fault 1: an upper-case UUID was hashed as typed and stored in lower case).
 * UUIDs in lower case; the time at the database's precision (microseconds, finer than a Date's
 * milliseconds, so a Date is kept as it is); details as JSON carries them (undefined dropped,
 * non-finite numbers null, dates as text), which is what jsonb gives back.
 */
function canonicalEntry(entry: AuditEntry) {
  const time = entry.at.getTime();
  if (!Number.isFinite(time)) throw new Error('audit entry: invalid time');
  return {
    at: new Date(time),
    kind: entry.kind,
    actor_user_id: canonicalUuid(entry.actorUserId, 'actor_user_id'),
    actor_organisation_id: canonicalUuid(entry.actorOrganisationId, 'actor_organisation_id'),
    dossier_id: canonicalUuid(entry.dossierId, 'dossier_id'),
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
  };
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
  const key = currentKey();
  const row: ChainRow = {
    seq: (head?.seq ?? 0) + 1,
    ...canonicalEntry(entry),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = keyedHashOf(row, key);
  const stored = await db
    .insertInto('audit_trail')
    .values({ ...row, details: JSON.stringify(row.details), hash, algorithm: 'hmac-sha256' })
    .returningAll()
    .executeTakeFirstOrThrow();
  // A row that would not verify as stored must never commit: it would break the chain for good.
  if (keyedHashOf(stored, key) !== hash) {
    throw new Error('audit entry: the stored row does not hash as written; nothing recorded');
  }
}

/** A head of the chain published outside the database, signed with the audit key. */
export interface PublishedHead {
  seq: number;
  hash: string;
  /** When the head row was recorded. */
  at: string;
  publishedAt: string;
  /** HMAC-SHA-256 of the other fields under the audit key (hex). */
  mac: string;
}

/** Signs a head for publication. */
export function signHead(head: Omit<PublishedHead, 'mac'>, key: Buffer): PublishedHead {
  const fields = { seq: head.seq, hash: head.hash, at: head.at, publishedAt: head.publishedAt };
  return { ...fields, mac: hmac(key, HEAD_LABEL, canonicalKeyed(fields)) };
}

/** Whether a published head carries its own valid signature (timing-safe comparison). */
export function headSignatureHolds(head: PublishedHead, key: Buffer): boolean {
  if (typeof head.mac !== 'string' || !/^[0-9a-f]{64}$/.test(head.mac)) return false;
  const expected = signHead(head, key).mac;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(head.mac, 'hex'));
}

export type VerificationFailure =
  | 'hash_mismatch'
  | 'broken_link'
  | 'gap_in_sequence'
  /** A plain row after the first keyed one: someone wrote without the key. */
  | 'algorithm_downgrade'
  /** A published head's signature does not hold: it was not written with the key. */
  | 'head_forged'
  /** The row at a published head's seq is not the one published: the chain was rewritten. */
  | 'head_mismatch'
  /** A published head lies beyond the chain's end: its tail was cut. */
  | 'tail_missing';

export type Verification =
  | {
      ok: true;
      entries: number;
      head: { seq: number; hash: string } | null;
      /** How many published heads the chain was checked against. */
      headsChecked: number;
    }
  | { ok: false; entries: number; brokenAt: number; reason: VerificationFailure };

export interface VerifyOptions {
  /** The audit key; by default the configured one. */
  key?: Buffer;
  /** The published heads to check the chain against (readPublishedHeads). */
  heads?: readonly PublishedHead[];
  batchSize?: number;
}

/**
 * Walks the whole chain in order and names the first link that does not hold: each row by its
 * own algorithm, no plain row after a keyed one, and every published head found in the chain.
 */
export async function verifyAuditTrail(
  db: Queryable,
  options: VerifyOptions | number = {},
): Promise<Verification> {
  const {
    key = currentKey(),
    heads = [],
    batchSize = 1000,
  } = typeof options === 'number' ? { batchSize: options } : options;
  const published = new Map<number, string[]>();
  for (const head of heads) {
    if (!headSignatureHolds(head, key))
      return { ok: false, entries: 0, brokenAt: head.seq, reason: 'head_forged' };
    published.set(head.seq, [...(published.get(head.seq) ?? []), head.hash]);
  }
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let keyed = false;
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
      const fail = (reason: VerificationFailure, at = row.seq) =>
        ({ ok: false, entries, brokenAt: at, reason }) as const;
      if (row.seq !== expectedSeq) return fail('gap_in_sequence', expectedSeq);
      if (row.prev_hash !== prevHash) return fail('broken_link');
      if (row.algorithm === 'hmac-sha256') keyed = true;
      else if (keyed) return fail('algorithm_downgrade');
      if (expectedHash(row, key) !== row.hash) return fail('hash_mismatch');
      if (published.get(row.seq)?.some((h) => h !== row.hash)) return fail('head_mismatch');
      prevHash = row.hash;
      head = { seq: row.seq, hash: row.hash };
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < batchSize) break;
  }
  const beyond = [...published.keys()].filter((seq) => seq >= expectedSeq);
  if (beyond.length > 0) return { ok: false, entries, brokenAt: expectedSeq, reason: 'tail_missing' };
  return { ok: true, entries, head, headsChecked: heads.length };
}

/** The newest link, to be anchored outside the database (published heads, a notary, a ledger). */
export async function auditHead(db: Queryable): Promise<{ seq: number; hash: string; at: string } | null> {
  const row = await db
    .selectFrom('audit_trail')
    .select(['seq', 'hash', 'at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: row.seq, hash: row.hash, at: row.at.toISOString() } : null;
}
