import type { Region } from '../contract/regions.js';
import type { Actor } from '../identity/actor.js';
import { AppError } from '../platform/errors.js';

/*
 * Who reads the statistics (Art. 31-32, lifecycle.md §3). They hold no personal data, but a region
 * sees its own figures only, and the Eurostat tables are DVZ's to transmit (Art. 31).
 */

export type StatisticsScope = { all: true } | { region: Region };

/**
 * A member of the management committee (Art. 30), who reads every figure. Today: acting for the
 * committee's organisation; the committee's register may refine it (representatives and
 * substitutes in office) without the callers changing.
 */
export async function isCommitteeMember(actor: Actor): Promise<boolean> {
  return Promise.resolve(actor.organisation.kind === 'management_committee');
}

/** DVZ and the committee read all; a regional authority its own region; anyone else nothing. */
export async function statisticsScope(actor: Actor): Promise<StatisticsScope | null> {
  const org = actor.organisation;
  if (org.kind === 'dvz' || (await isCommitteeMember(actor))) return { all: true };
  if (org.kind === 'regional_authority' && org.region) return { region: org.region };
  return null;
}

/**
 * The region the figures are limited to: the caller's own for a region (asking another is
 * refused, so empty figures are never mistaken for that region's), the one asked, or none.
 */
export async function regionForFigures(actor: Actor, asked: Region | undefined): Promise<Region | null> {
  const scope = await statisticsScope(actor);
  if (!scope) throw new AppError('action_forbidden');
  if ('region' in scope) {
    if (asked && asked !== scope.region) throw new AppError('action_forbidden');
    return scope.region;
  }
  return asked ?? null;
}

/** The Eurostat tables: DVZ, which transmits them (Art. 31), and the committee, which oversees (Art. 30). */
export async function mayReadEurostat(actor: Actor): Promise<boolean> {
  return actor.organisation.kind === 'dvz' || (await isCommitteeMember(actor));
}
