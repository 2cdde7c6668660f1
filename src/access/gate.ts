import type { Queryable } from '../db/database.js';
import { DATA_CATEGORIES, type DataCategory } from '../contract/documents.js';
import type { Relation } from '../contract/states.js';
import type { DocumentRecord, DossierRecord } from '../dossier/model/record.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { grantsFor, sees, type Grants } from './evaluate.js';
import type { ReadContext } from './read-context.js';
import { loadRecords } from './records.js';
import { relationsOf } from './relations.js';
import { standingOf, workerKeys, type Standing } from './standing.js';

/**
 * The one door to dossier content (architecture rule 1). Every read of a dossier, its documents
 * or its history goes through here: the policy decides what shows, a dossier the caller may not
 * see does not exist for them (404), and what was shown is written to the access log in the
 * caller's transaction.
 */

/** A dossier as one caller stands to it: their relations, the grants they give, and why. */
export interface Opened {
  record: DossierRecord;
  relations: Relation[];
  grants: Grants;
  /** What the caller holds (mandates, claims, designations), kept to evaluate a changed record. */
  standing: Standing;
}

/** How the caller stands to one record, given what they hold; undefined when they see nothing. */
function evaluate(actor: Actor, record: DossierRecord, standing: Standing): Opened | undefined {
  const relations = relationsOf(
    actor,
    {
      id: record.id,
      procedure: record.procedure,
      region: record.region,
      applicantOrganisationId: record.applicantOrganisationId,
      visaPost: record.sections.residence?.visaPost,
      municipality: record.sections.residence?.municipality,
      businessCounter: record.sections.selfEmployed?.businessCounter,
      keys: workerKeys(record.sections),
    },
    standing,
  );
  const grants = grantsFor(relations, {
    procedure: record.procedure,
    lifecycle: record.lifecycle,
    designatedFor: (category) => standing.designated.has(category),
    inspectionReading: standing.inspectionReading,
  });
  return sees(grants) || relations.includes('dpo') ? { record, relations, grants, standing } : undefined;
}

/**
 * The dossiers the caller may see among these, each with its relations and grants; the others
 * are dropped. Locked against concurrent actions when asked.
 */
export async function open(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  ids: readonly string[],
  context: ReadContext = {},
  lock = false,
): Promise<Opened[]> {
  const records = await loadRecords(db, ids, lock);
  const standing = await standingOf(
    db,
    actor,
    clock,
    records.map((r) => r.id),
    context,
    async (id) => (await loadRecords(db, [id], false))[0],
  );
  return records.flatMap((record) => evaluate(actor, record, standing) ?? []);
}

/**
 * The same caller's standing to the record after a state change folded onto it: relations and
 * grants follow the new state (a milestone reached, a section changed) without reading it again.
 */
export function reopen(actor: Actor, opened: Opened, record: DossierRecord): Opened {
  const after = evaluate(actor, record, opened.standing);
  if (!after) throw new AppError('not_found');
  return after;
}

/** One dossier as the caller stands to it (locked for a state change), 404 if not theirs to see. */
async function openOne(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  lock: boolean,
): Promise<Opened> {
  const [opened] = await open(db, actor, clock, [id], {}, lock);
  if (!opened) throw new AppError('not_found');
  return opened;
}

/** How the caller stands to a dossier (no relation when it is not theirs to see); reads and logs nothing. */
export async function relationsTo(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
): Promise<Relation[]> {
  const [opened] = await open(db, actor, clock, [id]);
  return opened?.relations ?? [];
}

/** The dossier for a state change: locked against concurrent actions. */
export const openForAction = (db: Queryable, actor: Actor, clock: Clock, id: string): Promise<Opened> =>
  openOne(db, actor, clock, id, true);

/** The dossier's parties as the caller stands to it, without reading (or logging) its content. */
export const openUnlogged = (db: Queryable, actor: Actor, clock: Clock, id: string): Promise<Opened> =>
  openOne(db, actor, clock, id, false);

/** Writes who read which categories of which dossier, and why; nothing when nothing personal was shown. */
export async function logAccess(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  dossierId: string,
  categories: readonly DataCategory[],
  purpose: string,
): Promise<void> {
  // Every data category is personal data of someone; the list keeps the order of data.md.
  const read = DATA_CATEGORIES.filter((c) => categories.includes(c));
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

/** The purpose logged with a read: the stated one, else the caller's relation's own. */
export const purposeOf = (opened: Opened, stated: string | undefined): string =>
  stated ?? DEFAULT_PURPOSE[opened.relations[0] ?? 'operator'];

/** The purpose logged with a read: a mutual-recognition read names its code and own dossier too. */
export const purposeFor = (opened: Opened, context: ReadContext): string =>
  opened.relations.includes('other_region')
    ? `${DEFAULT_PURPOSE.other_region} [${context.purposeCode ?? ''}]: ${context.purpose ?? ''} (own dossier ${context.forDossierId ?? ''})`
    : purposeOf(opened, context.purpose);

/**
 * Relations that read only with a stated purpose: inspection (Art. 25, "useful for the control"),
 * and another region, which also gives the code of its purpose (Art. 26).
 */
export function requireStatedPurpose(opened: Opened, context: ReadContext): void {
  const only = (relation: Relation) => opened.relations.length === 1 && opened.relations[0] === relation;
  if (only('other_region') && (!context.purpose || !context.purposeCode))
    throw new AppError('purpose_required');
  if (only('inspection') && !context.purpose) throw new AppError('purpose_required');
}

/** Opens one dossier for a read: 404 when invisible; a consultation must say why. */
export async function openForRead(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  context: ReadContext,
): Promise<{ opened: Opened; purpose: string }> {
  const [opened] = await open(db, actor, clock, [id], context);
  if (!opened) throw new AppError('not_found');
  requireStatedPurpose(opened, context);
  return { opened, purpose: purposeFor(opened, context) };
}

/** A document's stored file, if the caller may read its content; the read is logged. */
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
