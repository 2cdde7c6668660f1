import type { Queryable } from '../db/database.js';
import type { Actor } from './actor.js';

/*
 * What a person holds in the registers beyond their organisation's kind: the mandates of their
 * organisation, the dossiers they claimed as the person concerned, and their validated
 * designations. The gate reads these to know how a caller stands to a dossier.
 */

/** Employers whose dossiers this mandatary may act on now: all of them, or listed ones. */
export async function activeMandates(
  db: Queryable,
  mandataryId: string,
  now: Date,
): Promise<{ employerId: string; dossierId: string | null }[]> {
  const rows = await db
    .selectFrom('mandate')
    .select(['employer_organisation_id', 'dossier_id'])
    .where('mandatary_organisation_id', '=', mandataryId)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .execute();
  return rows.map((r) => ({ employerId: r.employer_organisation_id, dossierId: r.dossier_id }));
}

/** Of these dossiers, the ones the user claimed as the person concerned (Art. 24, 28). */
export async function claimedAmong(
  db: Queryable,
  userId: string,
  dossierIds: readonly string[],
): Promise<Set<string>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('dossier_subject')
    .select('dossier_id')
    .where('user_id', '=', userId)
    .where('dossier_id', 'in', dossierIds)
    .execute();
  return new Set(rows.map((r) => r.dossier_id));
}

/** The special categories the user is designated by name to read for their controller, on a date (Art. 15-17). */
export async function designatedCategories(
  db: Queryable,
  actor: Actor,
  today: string,
): Promise<Set<'health' | 'criminal'>> {
  const rows = await db
    .selectFrom('designation')
    .select('category')
    .where('user_id', '=', actor.userId)
    .where('controller_organisation_id', '=', actor.organisation.id)
    .where('validated_at', 'is not', null)
    .where('ended_at', 'is', null)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .execute();
  return new Set(rows.map((r) => r.category as 'health' | 'criminal'));
}
