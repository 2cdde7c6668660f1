import type { AppDeps } from '../deps.js';
import { relationsTo } from '../access/gate.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from './actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { MandateView } from '../contract/access.js';

export type { MandateView } from '../contract/access.js';

/** An employer lets a mandatary file and follow all its dossiers, or one (domain.md §1). */
export async function grantMandate(
  deps: AppDeps,
  actor: Actor,
  input: {
    mandataryOrganisationId: string;
    dossierId?: string | undefined;
    validFrom: string;
    validUntil?: string | undefined;
  },
) {
  return deps.db.transaction().execute(async (tx) => {
    const mandatary = await tx
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', input.mandataryOrganisationId)
      .where('kind', '=', 'mandatary')
      .executeTakeFirst();
    if (!mandatary) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'mandataryOrganisationId', code: 'unknown_organisation' }],
      });
    }
    if (input.dossierId) {
      const relations = await relationsTo(tx, actor, deps.clock, input.dossierId);
      if (!relations.includes('applicant'))
        throw new AppError('validation_failed', {
          errors: [{ field: 'dossierId', code: 'document_not_in_dossier' }],
        });
    }
    const validFrom = new Date(input.validFrom);
    const validUntil = input.validUntil ? new Date(input.validUntil) : null;
    if (validUntil && validUntil <= validFrom) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'validUntil', code: 'end_before_start' }],
      });
    }
    const id = newId();
    await tx
      .insertInto('mandate')
      .values({
        id,
        employer_organisation_id: actor.organisation.id,
        mandatary_organisation_id: input.mandataryOrganisationId,
        dossier_id: input.dossierId ?? null,
        valid_from: validFrom,
        valid_until: validUntil,
        created_at: deps.clock.now(),
      })
      .execute();
    await appendAudit(
      tx,
      actedBy(actor, deps.clock.now(), 'mandate_granted', {
        dossierId: input.dossierId ?? null,
        details: { mandateId: id, mandataryOrganisationId: input.mandataryOrganisationId },
      }),
    );
    const granted = (await listMandates(tx, actor)).find((m) => m.id === id);
    if (!granted) throw new AppError('internal_error');
    return granted;
  });
}

/** Revocation takes effect at once: the next request of the mandatary no longer sees the dossiers. */
export async function revokeMandate(deps: AppDeps, actor: Actor, id: string) {
  return deps.db.transaction().execute(async (tx) => {
    const revoked = await tx
      .updateTable('mandate')
      .set({ revoked_at: deps.clock.now() })
      .where('id', '=', id)
      .where('employer_organisation_id', '=', actor.organisation.id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!revoked) throw new AppError('not_found');
    await appendAudit(
      tx,
      actedBy(actor, deps.clock.now(), 'mandate_revoked', { details: { mandateId: id } }),
    );
  });
}

/** The employer's granted mandates, or the mandatary's received ones. */
export async function listMandates(db: Queryable, actor: Actor): Promise<MandateView[]> {
  const side =
    actor.organisation.kind === 'mandatary' ? 'm.mandatary_organisation_id' : 'm.employer_organisation_id';
  const rows = await db
    .selectFrom('mandate as m')
    .innerJoin('organisation as e', 'e.id', 'm.employer_organisation_id')
    .innerJoin('organisation as a', 'a.id', 'm.mandatary_organisation_id')
    .select([
      'm.id',
      'm.dossier_id',
      'm.valid_from',
      'm.valid_until',
      'm.revoked_at',
      'e.id as eId',
      'e.name as eName',
      'a.id as aId',
      'a.name as aName',
    ])
    .where(side, '=', actor.organisation.id)
    .orderBy('m.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employer: { id: r.eId, name: r.eName },
    mandatary: { id: r.aId, name: r.aName },
    dossierId: r.dossier_id,
    validFrom: r.valid_from.toISOString(),
    validUntil: r.valid_until?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}
