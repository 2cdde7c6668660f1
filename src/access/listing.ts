import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { AppError } from '../platform/errors.js';
import { type Sections } from '../contract/sections.js';
import { CLOSED_STATES, NEGATIVE_STATES, type ShownState } from '../contract/states.js';
import { allowedActions } from '../dossier/model/transitions.js';
import { activeMandates } from '../identity/holdings.js';
import type { DossierSummary } from '../contract/views.js';

import { logAccess, open, purposeOf, type Opened } from './gate.js';
import { followsAdministration, redact, type Redacted } from './redact.js';
import { deadlineClock } from '../dossier/model/deadline.js';
import { encodeCursor } from '../platform/cursor.js';
import { newestFirst, positionOf } from '../db/paging.js';
export interface ListFilters {
  state?: ShownState | undefined;
  procedure?: string | undefined;
  region?: string | undefined;
  q?: string | undefined;
  assigned?: 'me' | 'unassigned' | undefined;
  stage?: 'open' | 'closed' | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** One line of a list: what a queue or a search shows of a dossier the caller may see. */
export function summaryOf(
  opened: Opened,
  view: Redacted,
  now: Date,
  assignee: DossierSummary['assignee'],
): DossierSummary {
  const identity = view.sections.identity as Sections['identity'] | undefined;
  const { record } = opened;
  const clock = followsAdministration(opened)
    ? deadlineClock(record.procedure, record.category, record.lifecycle, now)
    : null;
  return {
    id: view.id,
    reference: view.reference,
    procedure: view.procedure,
    category: view.category,
    state: view.state,
    region: view.region,
    applicant: view.applicant,
    worker: identity
      ? {
          ...(identity.givenNames !== undefined && { givenNames: identity.givenNames }),
          ...(identity.familyName !== undefined && { familyName: identity.familyName }),
        }
      : null,
    createdAt: view.createdAt,
    dueDate: clock?.dueDate ?? null,
    daysLeft: clock?.daysLeft ?? null,
    allowedActions: allowedActions(record.procedure, record.lifecycle.state, opened.relations),
    assignee,
  };
}

/** Whether a search term matches what this caller may read of the dossier (never hidden parts). */
function matches(view: Redacted, q: string): boolean {
  const needle = q.toLowerCase().replace(/[\s.\-/]/g, '');
  const identity = view.sections.identity as Sections['identity'] | undefined;
  const residence = view.sections.residence as Sections['residence'] | undefined;
  const employment = view.sections.employment as Sections['employment'] | undefined;
  const selfEmployed = view.sections.selfEmployed as Sections['selfEmployed'] | undefined;
  const haystack = [
    view.reference,
    identity?.givenNames,
    identity?.familyName,
    identity && `${identity.givenNames ?? ''}${identity.familyName ?? ''}`,
    identity?.niss,
    residence?.passportNumber,
    employment?.employer?.enterpriseNumber,
    employment?.employer?.name,
    selfEmployed?.enterpriseNumber,
  ];
  return haystack.some((v) =>
    v
      ?.toLowerCase()
      .replace(/[\s.\-/]/g, '')
      .includes(needle),
  );
}

/**
 * GET /dossiers: the caller's visible dossiers, newest first. Candidates are narrowed in SQL by
 * the caller's kind of organisation, then each passes the same policy as a single read.
 */
export async function listDossiers(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  filters: ListFilters,
): Promise<{ items: DossierSummary[]; nextCursor: string | null }> {
  const org = actor.organisation;
  // Art. 25: inspection consults a dossier for a control, found by a search that states its purpose.
  if (org.kind === 'inspection') throw new AppError('search_required');
  const mandates = org.kind === 'mandatary' ? await activeMandates(db, org.id, clock.now()) : [];
  let after = positionOf(filters.cursor);
  const items: DossierSummary[] = [];
  const now = clock.now();
  const batch = Math.min(200, filters.limit * 2);
  for (;;) {
    const page = await newestFirst(
      db
        .selectFrom('dossier')
        .select(['id', 'created_at'])
        .$if(filters.state !== undefined, (q) =>
          // `negative_decision` stands for every state that names a negative decision's kind.
          filters.state === 'negative_decision'
            ? q.where('state', 'in', NEGATIVE_STATES)
            : q.where('state', '=', filters.state ?? ''),
        )
        .$if(filters.stage !== undefined, (q) =>
          filters.stage === 'closed'
            ? q.where('state', 'in', CLOSED_STATES)
            : q.where('state', 'not in', CLOSED_STATES),
        )
        .$if(filters.procedure !== undefined, (q) => q.where('procedure', '=', filters.procedure ?? ''))
        .$if(filters.region !== undefined, (q) => q.where('region', '=', filters.region ?? ''))
        .$if(org.kind === 'employer' || org.kind === 'self_employed', (q) =>
          q.where('applicant_organisation_id', '=', org.id),
        )
        .$if(org.kind === 'mandatary', (q) =>
          q.where((eb) =>
            eb.or([
              eb('applicant_organisation_id', 'in', [
                ...mandates.filter((m) => !m.dossierId).map((m) => m.employerId),
                newId(),
              ]),
              eb('id', 'in', [...mandates.flatMap((m) => (m.dossierId ? [m.dossierId] : [])), newId()]),
            ]),
          ),
        )
        .$if(org.kind === 'regional_authority' || org.kind === 'employment_service', (q) =>
          q.where('region', '=', org.region ?? ''),
        )
        .$if(org.kind === 'business_counter', (q) =>
          q
            .where('procedure', '=', 'professional_card')
            .where(sql<string>`self_employed->>'businessCounter'`, '=', org.id),
        )
        .$if(org.kind === 'post', (q) => q.where(sql<string>`residence->>'visaPost'`, '=', org.id))
        .$if(org.kind === 'municipality', (q) =>
          q.where(sql<string>`residence->>'municipality'`, '=', org.id),
        )
        .$if(!['employer', 'self_employed', 'mandatary'].includes(org.kind), (q) =>
          q.where('state', '<>', 'draft'),
        )
        .$if(filters.assigned !== undefined, (q) =>
          q.where((eb) => {
            const handled = eb
              .selectFrom('dossier_assignment as a')
              .select('a.dossier_id')
              .whereRef('a.dossier_id', '=', 'dossier.id')
              .where('a.organisation_id', '=', org.id);
            return filters.assigned === 'me'
              ? eb.exists(handled.where('a.user_id', '=', actor.userId))
              : eb.not(eb.exists(handled));
          }),
        ),
      { at: 'created_at', id: 'id' },
      after,
    )
      .limit(batch)
      .execute();
    const ids = page.map((p) => p.id);
    const opened = await open(db, actor, clock, ids);
    const assignees = await assigneesOf(
      db,
      actor,
      opened.map((o) => o.record.id),
    );
    for (const o of opened) {
      const { view, read } = redact(o);
      if (filters.q && !matches(view, filters.q)) continue;
      // Filtered on the state the caller is shown, so a filter never tells a decision's kind (Art. 24).
      if (filters.state !== undefined && view.state !== filters.state) continue;
      items.push(summaryOf(o, view, now, assignees.get(view.id) ?? null));
      const identity = view.sections.identity;
      if (identity)
        await logAccess(
          db,
          actor,
          clock,
          view.id,
          read.filter((c) => c === 'identity'),
          purposeOf(o, undefined),
        );
      if (items.length === filters.limit) {
        return { items, nextCursor: encodeCursor(o.record.createdAt, o.record.id) };
      }
    }
    const last = page.at(-1);
    if (page.length < batch || !last) return { items, nextCursor: null };
    after = [last.created_at, last.id];
  }
}

/** Who of the caller's own authority handles each of these dossiers, as a list line shows it. */
export async function assigneesOf(db: Queryable, actor: Actor, dossierIds: string[]) {
  const assignees = new Map<string, NonNullable<DossierSummary['assignee']>>();
  if (dossierIds.length === 0) return assignees;
  const rows = await db
    .selectFrom('dossier_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['a.dossier_id', 'a.user_id', 'u.display_name'])
    .where('a.organisation_id', '=', actor.organisation.id)
    .where('a.dossier_id', 'in', dossierIds)
    .execute();
  for (const r of rows)
    assignees.set(r.dossier_id, { name: r.display_name, isMe: r.user_id === actor.userId });
  return assignees;
}
