import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';
import { addDays } from '../platform/clock.js';
import type { DataCategory } from '../contract/documents.js';
import type { OrganisationKind } from '../contract/organisations.js';
import type { OversightAccessLog } from '../contract/oversight.js';
import { newestFirst, pageOf, positionOf } from '../db/paging.js';

/** Whether the caller acts as a data protection officer of a controller (Art. 7 joint controllers). */
export const isDpo = (actor: Actor): boolean =>
  actor.roles.includes('dpo') &&
  (actor.organisation.kind === 'dvz' || actor.organisation.kind === 'regional_authority');

export interface AccessLogQuery {
  reference?: string | undefined;
  organisation?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * GET /access-log: the reads of personal data in the dossiers of the DPO's own controller
 * (access.md: the DPO reads the access log, never dossier content), searched by reference,
 * reading organisation and period, newest first. The same dossiers as the `dpo` relation of
 * `relationsOf`: DVZ's DPO all of them, a region's DPO those of its region.
 */
export async function searchAccessLog(
  db: Queryable,
  actor: Actor,
  query: AccessLogQuery,
): Promise<OversightAccessLog> {
  if (!isDpo(actor)) throw new AppError('oversight_only');
  const org = actor.organisation;
  const rows = await newestFirst(
    db
      .selectFrom('access_log as l')
      .innerJoin('dossier as d', 'd.id', 'l.dossier_id')
      .innerJoin('app_user as u', 'u.id', 'l.user_id')
      .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
      .select([
        'l.id',
        'l.at',
        'l.categories',
        'l.purpose',
        'd.id as dossierId',
        'd.reference',
        'u.id as userId',
        'u.display_name',
        'o.id as orgId',
        'o.kind',
        'o.name',
      ])
      .$if(org.kind === 'regional_authority', (q) => q.where('d.region', '=', org.region ?? ''))
      .$if(query.reference !== undefined, (q) =>
        q.where('d.reference', '=', (query.reference ?? '').trim().toUpperCase()),
      )
      .$if(query.organisation !== undefined, (q) =>
        q.where(sql<boolean>`o.name ilike ${containing(query.organisation ?? '')}`),
      )
      // A period in Brussels days: from the first day's start to the last day's end.
      .$if(query.from !== undefined, (q) =>
        q.where(sql<boolean>`l.at >= (${query.from ?? ''}::date::timestamp at time zone 'Europe/Brussels')`),
      )
      .$if(query.until !== undefined, (q) =>
        q.where(
          sql<boolean>`l.at < (${addDays(query.until ?? '1970-01-01', 1)}::date::timestamp at time zone 'Europe/Brussels')`,
        ),
      ),
    { at: 'l.at', id: 'l.id' },
    positionOf(query.cursor),
  )
    .limit(query.limit + 1)
    .execute();
  return pageOf(
    rows,
    query.limit,
    (r) => [r.at, r.id],
    (r) => ({
      id: r.id,
      at: r.at.toISOString(),
      dossier: { id: r.dossierId, reference: r.reference },
      user: { id: r.userId, name: r.display_name },
      organisation: { id: r.orgId, kind: r.kind as OrganisationKind, name: r.name },
      categories: r.categories as DataCategory[],
      purpose: r.purpose,
    }),
  );
}
