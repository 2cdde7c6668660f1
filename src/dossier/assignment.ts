import type { AppDeps } from '../deps.js';
import { openForAction } from '../access/gate.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import type { Relation } from '../contract/states.js';
import type { AssignmentView } from '../contract/lists.js';

/** The authorities that examine a dossier and so organise who of them handles it. */
const EXAMINERS: readonly Relation[] = ['competent_region', 'dvz'];

export type { AssignmentView } from '../contract/lists.js';

export async function assignmentOf(db: Queryable, actor: Actor, dossierId: string): Promise<AssignmentView> {
  const row = await db
    .selectFrom('dossier_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.user_id', 'u.display_name', 'a.assigned_at'])
    .where('a.dossier_id', '=', dossierId)
    .where('a.organisation_id', '=', actor.organisation.id)
    .executeTakeFirst();
  return {
    assignee: row
      ? {
          userId: row.user_id,
          name: row.display_name,
          assignedAt: row.assigned_at.toISOString(),
          isMe: row.user_id === actor.userId,
        }
      : null,
  };
}

/** Opens the dossier as one of its examining authorities: 404 if unseen, 403 if not examining it. */
async function openAsExaminer(db: Queryable, deps: AppDeps, actor: Actor, dossierId: string) {
  const opened = await openForAction(db, actor, deps.clock, dossierId);
  if (!opened.relations.some((r) => EXAMINERS.includes(r))) throw new AppError('action_forbidden');
  return opened;
}

/** Takes a dossier: the caller becomes its handler for their authority, replacing any colleague. */
export async function assignToSelf(deps: AppDeps, actor: Actor, dossierId: string): Promise<AssignmentView> {
  return deps.db.transaction().execute(async (tx) => {
    await openAsExaminer(tx, deps, actor, dossierId);
    const before = await assignmentOf(tx, actor, dossierId);
    const at = deps.clock.now();
    await tx
      .insertInto('dossier_assignment')
      .values({
        dossier_id: dossierId,
        organisation_id: actor.organisation.id,
        user_id: actor.userId,
        assigned_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['dossier_id', 'organisation_id']).doUpdateSet({ user_id: actor.userId, assigned_at: at }),
      )
      .execute();
    if (before.assignee?.userId !== actor.userId) {
      await appendAudit(tx, {
        at,
        kind: 'dossier_assigned',
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisation.id,
        dossierId,
        details: { previousUserId: before.assignee?.userId ?? null },
      });
    }
    return assignmentOf(tx, actor, dossierId);
  });
}

/** Hands a dossier back to the authority's queue; only its handler does so. */
export async function releaseAssignment(
  deps: AppDeps,
  actor: Actor,
  dossierId: string,
): Promise<AssignmentView> {
  return deps.db.transaction().execute(async (tx) => {
    await openAsExaminer(tx, deps, actor, dossierId);
    const released = await tx
      .deleteFrom('dossier_assignment')
      .where('dossier_id', '=', dossierId)
      .where('organisation_id', '=', actor.organisation.id)
      .where('user_id', '=', actor.userId)
      .returning('user_id')
      .executeTakeFirst();
    if (!released) throw new AppError('not_assigned_to_you');
    await appendAudit(tx, actedBy(actor, deps.clock.now(), 'dossier_released', { dossierId }));
    return { assignee: null };
  });
}
