import { AppError } from '../platform/errors.js';
import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { appendAudit } from '../audit/audit.js';
import { newId } from '../platform/ids.js';
import type { Procedure } from '../contract/procedures.js';
import { foldLifecycle, type ActionRecord } from './lifecycle.js';
import type { Relation } from '../contract/states.js';
import type { ActionName } from '../contract/actions.js';

/**
 * Writes to the dossier tables. Reads go through the gate; this module only appends actions and
 * keeps the state column (a projection used to filter lists) equal to the fold of the log.
 */
export async function appendAction(
  tx: Tx,
  input: {
    dossierId: string;
    procedure: Procedure;
    history: readonly ActionRecord[];
    action: ActionName;
    actor: Actor;
    relation: Relation;
    at: Date;
    legalBasis: string;
    idempotencyKey: string;
    payload: Record<string, unknown>;
  },
): Promise<ActionRecord> {
  const record: ActionRecord = {
    id: newId(),
    seq: (input.history.at(-1)?.seq ?? 0) + 1,
    action: input.action,
    actorOrganisationId: input.actor.organisation.id,
    relation: input.relation,
    at: input.at,
    legalBasis: input.legalBasis,
    payload: input.payload,
  };
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
  await appendAudit(tx, {
    at: input.at,
    kind: 'dossier_action',
    actorUserId: input.actor.userId,
    actorOrganisationId: input.actor.organisation.id,
    dossierId: input.dossierId,
    details: { action: record.action, seq: record.seq, relation: record.relation },
  });
  const lifecycle = foldLifecycle(input.procedure, [...input.history, record]);
  await tx
    .updateTable('dossier')
    .set({ state: lifecycle.state, filed_at: lifecycle.filedAt ?? null, updated_at: input.at })
    .where('id', '=', input.dossierId)
    .execute();
  return record;
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
