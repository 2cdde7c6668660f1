import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { DataCategory } from '../contract/documents.js';
import type { Relation } from '../contract/states.js';
import { grantsFor, sees, type Grants } from './evaluate.js';
import { relationsOf } from './relations.js';
import { identityKeys, standingOf, type ReadContext } from './standing.js';
export type { ReadContext } from './standing.js';
import { type DocumentRecord } from './view.js';
import { type DossierView } from '../contract/views.js';

import { loadRecords, type DossierRecord } from './records.js';
import { viewOf } from './view-builder.js';
export type { DossierRecord } from './records.js';
export { findPermitHolder } from './records.js';
export { viewOf } from './view-builder.js';
export { listDossiers } from './listing.js';
export { readEvents, readAccessLog } from './history.js';
/**
 * The one door to dossier content (architecture rule 1). Every read of a dossier, its documents
 * or its history goes through here: the policy decides what shows, a dossier the caller may not
 * see does not exist for them (404), and what was shown is written to the access log in the
 * caller's transaction.
 */

export interface Opened {
  record: DossierRecord;
  relations: Relation[];
  grants: Grants;
}

export async function open(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  records: DossierRecord[],
  context: ReadContext = {},
): Promise<Opened[]> {
  const standing = await standingOf(
    db,
    actor,
    clock,
    records.map((r) => r.id),
    context,
    async (id) => (await loadRecords(db, [id], false))[0],
  );
  return records.flatMap((record) => {
    const relations = relationsOf(
      actor,
      {
        id: record.id,
        procedure: record.procedure,
        region: record.region,
        applicantOrganisationId: record.applicantOrganisationId,
        visaPost: record.sections.residence?.visaPost,
        municipality: record.sections.residence?.municipality,
        keys: identityKeys(record.sections),
      },
      standing,
    );
    const grants = grantsFor(relations, {
      procedure: record.procedure,
      lifecycle: record.lifecycle,
      designatedFor: (category) => standing.designated.has(category),
    });
    return sees(grants) || relations.includes('dpo') ? [{ record, relations, grants }] : [];
  });
}

/** One dossier as the caller stands to it (locked for a state change), 404 if not theirs to see. */
async function openOne(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  lock: boolean,
): Promise<Opened> {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [id], lock));
  if (!opened) throw new AppError('not_found');
  return opened;
}

/** The dossier for a state change: locked against concurrent actions. */
export const openForAction = (db: Queryable, actor: Actor, clock: Clock, id: string): Promise<Opened> =>
  openOne(db, actor, clock, id, true);

/** The dossier's parties as the caller stands to it, without reading (or logging) its content. */
export const openUnlogged = (db: Queryable, actor: Actor, clock: Clock, id: string): Promise<Opened> =>
  openOne(db, actor, clock, id, false);

const PERSONAL: readonly DataCategory[] = [
  'identity',
  'residence',
  'employment',
  'self_employed',
  'health',
  'criminal',
  'admin',
  'source',
  'grounds',
];

export async function logAccess(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  dossierId: string,
  categories: readonly DataCategory[],
  purpose: string,
): Promise<void> {
  const read = PERSONAL.filter((c) => categories.includes(c));
  if (read.length === 0) return;
  await db
    .insertInto('access_log')
    .values({
      id: newId(),
      at: clock.now(),
      user_id: actor.userId,
      organisation_id: actor.organisation.id,
      dossier_id: dossierId,
      categories: read,
      purpose,
    })
    .execute();
}

const DEFAULT_PURPOSE: Record<Relation, string> = {
  applicant: 'Follow-up of own application (Art. 19-20)',
  subject: 'Data subject access (Art. 24, 28)',
  competent_region: 'Examination and decision on work (Art. 12, 18)',
  other_region: 'Mutual recognition (Art. 26)',
  dvz: 'Examination and decision on residence (Art. 12 §1, 18)',
  post: 'Issue of a visa D (Art. 21-23)',
  municipality: 'Issue of a residence document (Art. 21, 23)',
  business_counter: 'Professional card follow-up (Art. 3)',
  inspection: 'Control of the laws enforced (Art. 25)',
  employment_service: 'Guidance after withdrawal of a single permit (Art. 10 9°)',
  operator: 'Operation of the platform (Art. 8)',
  dpo: 'Data protection supervision (Art. 16-17)',
};

export const purposeOf = (opened: Opened, stated: string | undefined): string =>
  stated ?? DEFAULT_PURPOSE[opened.relations[0] ?? 'operator'];

/** The purpose logged with a read: a mutual-recognition read names its own dossier too. */
export const purposeFor = (opened: Opened, context: ReadContext): string =>
  opened.relations.includes('other_region')
    ? `${DEFAULT_PURPOSE.other_region}: ${context.purpose ?? ''} (own dossier ${context.forDossierId ?? ''})`
    : purposeOf(opened, context.purpose);

/** Opens one dossier for a read: 404 when invisible; a mutual-recognition read must say why. */
export async function openForRead(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  context: ReadContext,
) {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [id], false), context);
  if (!opened) throw new AppError('not_found');
  if (opened.relations.length === 1 && opened.relations[0] === 'other_region' && !context.purpose) {
    throw new AppError('purpose_required');
  }
  return { opened, purpose: purposeFor(opened, context) };
}

/** GET /dossiers/{id}: the dossier as the caller may see it, the read logged. */
export async function readDossier(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  context: ReadContext = {},
): Promise<DossierView> {
  const { opened, purpose } = await openForRead(db, actor, clock, id, context);
  const { view, read } = viewOf(opened, clock.now());
  await logAccess(db, actor, clock, id, read, purpose);
  return view;
}

/** A document's stored file, if the caller may read its content. */
export async function readDocument(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  dossierId: string,
  documentId: string,
  context: ReadContext = {},
): Promise<DocumentRecord & { storageKey: string }> {
  const { opened, purpose } = await openForRead(db, actor, clock, dossierId, context);
  const doc = opened.record.documents.find((d) => d.id === documentId);
  const grant = doc && opened.grants[doc.category];
  if (
    !doc ||
    grant?.level !== 'R' ||
    (grant.documentTypes && !grant.documentTypes.includes(doc.type as never))
  ) {
    throw new AppError('not_found');
  }
  await logAccess(db, actor, clock, dossierId, [doc.category], purpose);
  return doc;
}
