import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { DataCategory } from '../contract/documents.js';
import type { DossierEvent } from '../contract/lists.js';
import type { OrganisationKind } from '../contract/organisations.js';
import { decisionViews } from './view.js';

import { logAccess, open, openForRead } from './gate.js';
import type { ReadContext } from './read-context.js';
/** GET /dossiers/{id}/events: the history, each entry as the caller's admin level allows. */
export async function readEvents(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  context: ReadContext = {},
) {
  // The same door and purpose as the dossier itself: the history is read for the same reason.
  const { opened, purpose } = await openForRead(db, actor, clock, id, context);
  const decisions = new Map(
    decisionViews(opened.record.lifecycle, opened.grants, opened.record.procedure, opened.record.letters).map(
      (d) => [d.id, d],
    ),
  );
  // Decision-only parties see the decisions in the history, not the file's other steps.
  const adminVisible = opened.grants.admin.level === 'R' && opened.grants.admin.documentTypes === undefined;
  const decisionIds = new Set(opened.record.lifecycle.decisions.map((d) => d.id));
  const items = opened.record.actions.flatMap((a): DossierEvent[] => {
    if (decisionIds.has(a.id)) {
      const d = decisions.get(a.id);
      if (!d) return [];
      if ('fact' in d)
        return [
          { id: a.id, at: a.at.toISOString(), action: 'negative_decision', by: null, legalBasis: null },
        ];
      return [
        {
          id: a.id,
          at: a.at.toISOString(),
          action: a.action,
          by: a.relation,
          legalBasis: a.legalBasis,
          decision: d,
        },
      ];
    }
    if (!adminVisible && a.action !== 'create') return [];
    return [{ id: a.id, at: a.at.toISOString(), action: a.action, by: a.relation, legalBasis: a.legalBasis }];
  });
  if (decisions.size > 0)
    await logAccess(
      db,
      actor,
      clock,
      id,
      ['admin', ...([...decisions.values()].some((d) => 'grounds' in d) ? (['grounds'] as const) : [])],
      purpose,
    );
  return { items };
}

/** GET /dossiers/{id}/access-log: for the subject and the DPO of a controller (access.md rule 5). */
export async function readAccessLog(db: Queryable, actor: Actor, clock: Clock, id: string) {
  const [opened] = await open(db, actor, clock, [id]);
  if (!opened || !opened.relations.some((r) => r === 'subject' || r === 'dpo'))
    throw new AppError('not_found');
  const rows = await db
    .selectFrom('access_log as l')
    .innerJoin('app_user as u', 'u.id', 'l.user_id')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select([
      'l.at',
      'l.categories',
      'l.purpose',
      'u.id as userId',
      'u.display_name',
      'o.id as orgId',
      'o.kind',
      'o.name',
    ])
    .where('l.dossier_id', '=', id)
    .orderBy('l.at')
    .execute();
  return {
    items: rows.map((r) => ({
      at: r.at.toISOString(),
      user: { id: r.userId, name: r.display_name },
      organisation: { id: r.orgId, kind: r.kind as OrganisationKind, name: r.name },
      categories: r.categories as DataCategory[],
      purpose: r.purpose,
    })),
    nextCursor: null,
  };
}
