import type { AppDeps } from '../deps.js';
import { actedBy, appendAudit, type AuditKind } from '../audit/audit.js';
import type { Tx } from '../db/database.js';
import type { Actor } from './actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { DesignationView } from './identity.schemas.js';

/**
 * The register of persons designated by name to read health and criminal data (Art. 16-17,
 * access.md rule 6): one person proposes, another of the same controller validates; only then,
 * and only within its dates, does the designation open anything.
 */
export type { DesignationView } from './identity.schemas.js';

async function audit(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  kind: AuditKind,
  id: string,
  extra: Record<string, string> = {},
) {
  await appendAudit(tx, actedBy(actor, deps.clock.now(), kind, { details: { designationId: id, ...extra } }));
}

export async function proposeDesignation(
  deps: AppDeps,
  actor: Actor,
  input: {
    userId: string;
    category: 'health' | 'criminal';
    validFrom: string;
    validUntil?: string | undefined;
    reason: string;
  },
) {
  return deps.db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('membership')
      .select('user_id')
      .where('user_id', '=', input.userId)
      .where('organisation_id', '=', actor.organisation.id)
      .executeTakeFirst();
    if (!member)
      throw new AppError('validation_failed', {
        errors: [{ field: 'userId', code: 'unknown_organisation' }],
      });
    // Art. 16: the designation is the act of two persons other than the one designated.
    if (input.userId === actor.userId) throw new AppError('designation_of_oneself');
    if (input.validUntil && input.validUntil <= input.validFrom) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'validUntil', code: 'end_before_start' }],
      });
    }
    const id = newId();
    await tx
      .insertInto('designation')
      .values({
        id,
        controller_organisation_id: actor.organisation.id,
        user_id: input.userId,
        category: input.category,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
        reason: input.reason,
        proposed_by: actor.userId,
        proposed_at: deps.clock.now(),
      })
      .execute();
    await audit(tx, deps, actor, 'designation_proposed', id, {
      category: input.category,
      userId: input.userId,
    });
    const proposed = (await listDesignations(tx, actor.organisation.id)).find((d) => d.id === id);
    if (!proposed) throw new AppError('internal_error');
    return proposed;
  });
}

export async function validateDesignation(deps: AppDeps, actor: Actor, id: string) {
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('designation')
      .select(['user_id', 'proposed_by', 'validated_at', 'ended_at'])
      .where('id', '=', id)
      .where('controller_organisation_id', '=', actor.organisation.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    if (row.user_id === actor.userId) throw new AppError('designation_of_oneself');
    if (row.proposed_by === actor.userId) throw new AppError('designation_needs_second_person');
    if (row.validated_at || row.ended_at) throw new AppError('action_not_allowed_in_state');
    await tx
      .updateTable('designation')
      .set({ validated_by: actor.userId, validated_at: deps.clock.now() })
      .where('id', '=', id)
      .execute();
    await audit(tx, deps, actor, 'designation_validated', id);
    return (await listDesignations(tx, actor.organisation.id)).find((d) => d.id === id);
  });
}

export async function endDesignation(deps: AppDeps, actor: Actor, id: string) {
  return deps.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('designation')
      .set({ ended_by: actor.userId, ended_at: deps.clock.now() })
      .where('id', '=', id)
      .where('controller_organisation_id', '=', actor.organisation.id)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('not_found');
    await audit(tx, deps, actor, 'designation_ended', id);
    return (await listDesignations(tx, actor.organisation.id)).find((d) => d.id === id);
  });
}

export async function listDesignations(
  db: Tx | AppDeps['db'],
  controllerId: string,
): Promise<DesignationView[]> {
  const rows = await db
    .selectFrom('designation as d')
    .innerJoin('organisation as o', 'o.id', 'd.controller_organisation_id')
    .innerJoin('app_user as u', 'u.id', 'd.user_id')
    .innerJoin('app_user as p', 'p.id', 'd.proposed_by')
    .leftJoin('app_user as v', 'v.id', 'd.validated_by')
    .select([
      'd.id',
      'd.category',
      'd.valid_from',
      'd.valid_until',
      'd.reason',
      'd.proposed_at',
      'd.validated_at',
      'd.ended_at',
      'o.id as orgId',
      'o.name as orgName',
      'u.id as userId',
      'u.display_name as userName',
      'p.id as proposerId',
      'p.display_name as proposerName',
      'v.id as validatorId',
      'v.display_name as validatorName',
    ])
    .where('d.controller_organisation_id', '=', controllerId)
    .orderBy('d.proposed_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    controller: { id: r.orgId, name: r.orgName },
    person: { id: r.userId, name: r.userName },
    category: r.category as 'health' | 'criminal',
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    reason: r.reason,
    proposedBy: { id: r.proposerId, name: r.proposerName },
    proposedAt: r.proposed_at.toISOString(),
    validatedBy: r.validatorId && r.validatorName ? { id: r.validatorId, name: r.validatorName } : null,
    validatedAt: r.validated_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    status: r.ended_at ? 'ended' : r.validated_at ? 'valid' : 'proposed',
  }));
}

const csvCell = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The register as CSV for the supervisory authority (Art. 16 §1 2°). */
export function designationsCsv(items: DesignationView[]): string {
  const header = [
    'id',
    'controller',
    'person',
    'category',
    'valid_from',
    'valid_until',
    'reason',
    'proposed_by',
    'proposed_at',
    'validated_by',
    'validated_at',
    'ended_at',
    'status',
  ];
  const lines = items.map((d) =>
    [
      d.id,
      d.controller.name,
      d.person.name,
      d.category,
      d.validFrom,
      d.validUntil,
      d.reason,
      d.proposedBy.name,
      d.proposedAt,
      d.validatedBy?.name ?? null,
      d.validatedAt,
      d.endedAt,
      d.status,
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
