import { AppError } from '../platform/errors.js';
import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import { newId } from '../platform/ids.js';
import type { ActionRecord, Lifecycle } from './model/lifecycle.js';
import type { Retention } from './model/retention.js';

/**
 * Writes to the dossier tables. Reads go through the gate; this module only appends actions and
 * keeps the state column (a projection used to filter lists) equal to the fold of the log.
 */
/** The next entry of a dossier's log, numbered after its history. */
export function nextAction(
  history: readonly ActionRecord[],
  entry: Omit<ActionRecord, 'id' | 'seq'>,
): ActionRecord {
  return { id: newId(), seq: (history.at(-1)?.seq ?? 0) + 1, ...entry };
}

export async function appendAction(
  tx: Tx,
  input: {
    dossierId: string;
    action: ActionRecord;
    actor: Actor;
    idempotencyKey: string;
    /** The fold of the log with this action, whose state the dossier row projects. */
    lifecycle: Lifecycle;
    /** The retention the log gives now, which the dossier row projects for the deletion sweep. */
    retention: Retention;
  },
): Promise<void> {
  const { action: record, lifecycle } = input;
  try {
    await tx
      .insertInto('dossier_action')
      .values({
        id: record.id,
        dossier_id: input.dossierId,
        seq: record.seq,
        action: record.action,
        actor_user_id: input.actor.userId,
        actor_organisation_id: record.actorOrganisationId,
        relation: record.relation,
        at: record.at,
        legal_basis: record.legalBasis,
        idempotency_key: input.idempotencyKey,
        payload: JSON.stringify(record.payload),
      })
      .execute();
  } catch (error) {
    // Keys are single-use in the action log for ever; their answer is replayed for a week only.
    if (violates(error, 'idempotency_key')) throw new AppError('idempotency_key_expired');
    throw error;
  }
  await appendAudit(
    tx,
    actedBy(input.actor, record.at, 'dossier_action', {
      dossierId: input.dossierId,
      details: { action: record.action, seq: record.seq, relation: record.relation },
    }),
  );
  await tx
    .updateTable('dossier')
    .set({
      state: lifecycle.state,
      filed_at: lifecycle.filedAt ?? null,
      updated_at: record.at,
      ...retentionColumns(input.retention),
    })
    .where('id', '=', input.dossierId)
    .execute();
}

export async function nextReference(tx: Tx, year: number): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('dossier_reference_seq')::int as n`.execute(tx);
  return `SW-${year}-${String(rows[0]?.n ?? 0).padStart(6, '0')}`;
}

/** A unique violation of the named column, as PostgreSQL and PGlite both report it. */
function violates(error: unknown, column: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  return (
    e.code === '23505' && [e.constraint, e.detail].some((v) => typeof v === 'string' && v.includes(column))
  );
}

/** The dossier row's projection of its retention: the date it is due, null while it is kept. */
export const retentionColumns = (retention: Retention) => ({
  retention_until: retention.until,
  retention_rule: retention.rule ?? 'pending',
});
