import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { legalDate, type Clock } from '../platform/clock.js';
import type { Sections } from '../contract/sections.js';
import { activeMandates, claimedAmong, designatedCategories } from '../identity/holdings.js';
import type { DossierRecord } from '../dossier/model/record.js';
import type { ReadContext } from './read-context.js';
import type { InspectionReading } from './policy.js';
import { inspectionReading } from './settings.js';

/**
 * What the caller holds beyond its organisation's kind: mandates, claimed dossiers, validated
 * designations, and a dossier of its own for a mutual-recognition read. Loaded once per read.
 */
export interface Standing {
  mandates: { employerId: string; dossierId: string | null }[];
  subjectOf: ReadonlySet<string>;
  designated: ReadonlySet<'health' | 'criminal'>;
  /** Keys of the worker of the own dossier named for mutual recognition (Art. 26). */
  recognitionKeys: ReadonlySet<string> | undefined;
  /** The reading of Art. 25 in force, for an inspection service. */
  inspectionReading: InspectionReading;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]/g, '');

/**
 * The identifiers that make two dossiers about the same worker (Art. 26): the national number, the
 * passport, or the name with the birth date. Never the employer: sharing one is not a reason to read
 * another worker's file.
 */
export function workerKeys(sections: Partial<Sections>): string[] {
  const { identity, residence } = sections;
  return [
    identity?.niss && `niss:${identity.niss}`,
    residence?.passportNumber &&
      `passport:${residence.passportIssuingCountry ?? ''}:${residence.passportNumber.toUpperCase()}`,
    identity?.familyName &&
      identity.givenNames &&
      identity.birthDate &&
      `person:${fold(identity.familyName)}:${fold(identity.givenNames)}:${identity.birthDate}`,
  ].filter((k): k is string => typeof k === 'string' && k.length > 0);
}

export async function standingOf(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  dossierIds: readonly string[],
  context: ReadContext,
  loadOwn: (id: string) => Promise<DossierRecord | undefined>,
): Promise<Standing> {
  const org = actor.organisation;
  const mandates = org.kind === 'mandatary' ? await activeMandates(db, org.id, clock.now()) : [];
  const subjectOf =
    org.kind === 'worker' ? await claimedAmong(db, actor.userId, dossierIds) : new Set<string>();
  const designated =
    org.kind === 'regional_authority' || org.kind === 'dvz'
      ? await designatedCategories(db, actor, legalDate(clock.now()))
      : new Set<'health' | 'criminal'>();
  let recognitionKeys: Set<string> | undefined;
  if (org.kind === 'regional_authority' && context.forDossierId) {
    const own = await loadOwn(context.forDossierId);
    // Only a filed dossier the region itself is competent for counts as "a dossier of its own".
    if (own && own.region === org.region && own.lifecycle.filedAt)
      recognitionKeys = new Set(workerKeys(own.sections));
  }
  const reading: InspectionReading = org.kind === 'inspection' ? await inspectionReading(db) : 'narrow';
  return { mandates, subjectOf, designated, recognitionKeys, inspectionReading: reading };
}
