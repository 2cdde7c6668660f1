import type { Queryable } from '../db/database.js';
import type { DataCategory } from '../contract/documents.js';
import type { Category, Procedure } from '../contract/procedures.js';
import type { Region } from '../contract/regions.js';
import { foldLifecycle, type ActionRecord, type Lifecycle } from '../dossier/model/lifecycle.js';
import { SECTION_NAMES, type Sections } from '../contract/sections.js';
import type { Relation } from '../contract/states.js';
import { type ActionName } from '../contract/actions.js';
import { isLanguage } from '../contract/language.js';
import { SECTION_COLUMN, type DossierRecord } from '../dossier/model/record.js';

export async function loadRecords(
  db: Queryable,
  ids: readonly string[],
  lock: boolean,
): Promise<DossierRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('dossier as d')
    .innerJoin('organisation as o', 'o.id', 'd.applicant_organisation_id')
    .leftJoin('dossier as f', 'f.id', 'd.follows_dossier_id')
    .selectAll('d')
    .select([
      'o.name as applicant_name',
      'o.enterprise_number as applicant_enterprise_number',
      'f.reference as follows_reference',
    ])
    .where('d.id', 'in', ids)
    .$if(lock, (q) => q.forUpdate('d'))
    .execute();
  const actions = await db
    .selectFrom('dossier_action')
    .selectAll()
    .where('dossier_id', 'in', ids)
    .orderBy('dossier_id')
    .orderBy('seq')
    .execute();
  const documents = await db
    .selectFrom('document')
    .selectAll()
    .where('dossier_id', 'in', ids)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at')
    .execute();
  const checks = await db
    .selectFrom('source_check')
    .selectAll()
    .where('dossier_id', 'in', ids)
    .orderBy('fetched_at')
    .orderBy('id')
    .execute();
  const letters = await db
    .selectFrom('decision_letter')
    .select(['dossier_id', 'action_id', 'variant', 'language', 'courtesy', 'categories'])
    .where('dossier_id', 'in', ids)
    .orderBy('dossier_id')
    .orderBy('action_id')
    .orderBy('variant')
    .orderBy('courtesy')
    .execute();
  const notified = new Map(
    (
      await db
        .selectFrom('decision_notification')
        .select(['decision_id', 'notified_at'])
        .where('dossier_id', 'in', ids)
        .execute()
    ).map((n) => [n.decision_id, n.notified_at]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const procedure = r.procedure as Procedure;
    const log: ActionRecord[] = actions
      .filter((a) => a.dossier_id === id)
      .map((a) => ({
        id: a.id,
        seq: a.seq,
        action: a.action as ActionName,
        actorOrganisationId: a.actor_organisation_id,
        relation: a.relation as Relation,
        at: a.at,
        legalBasis: a.legal_basis,
        payload: a.payload as Record<string, unknown>,
      }));
    const sections = Object.fromEntries(
      SECTION_NAMES.map((name) => [name, r[SECTION_COLUMN[name]] as object]),
    ) as Partial<Sections>;
    return [
      {
        id: r.id,
        reference: r.reference,
        procedure,
        category: r.category as Category,
        longTermMobility: r.long_term_mobility,
        language: r.language,
        region: r.region as Region | null,
        applicantOrganisationId: r.applicant_organisation_id,
        applicantName: r.applicant_name,
        applicantEnterpriseNumber: r.applicant_enterprise_number,
        follows:
          r.follows_dossier_id && r.follows_kind && r.follows_reference
            ? { kind: r.follows_kind, reference: r.follows_reference, dossierId: r.follows_dossier_id }
            : null,
        createdAt: r.created_at,
        sections,
        actions: log,
        documents: documents
          .filter((d) => d.dossier_id === id)
          .map((d) => ({
            id: d.id,
            type: d.type,
            category: d.category as DataCategory,
            fileName: d.file_name,
            mediaType: d.media_type,
            sizeBytes: d.size_bytes,
            uploadedAt: d.uploaded_at,
            uploadedByOrganisationId: d.uploaded_by_organisation_id,
            storageKey: d.storage_key,
            sha256: d.sha256,
          })),
        lifecycle: foldLifecycle(procedure, log, notified),
        sourceChecks: checks
          .filter((c) => c.dossier_id === id)
          .map((c) => ({
            runId: c.run_id,
            check: c.check_name,
            source: c.source,
            outcome: c.outcome,
            detail: c.detail,
            fetchedAt: c.fetched_at,
          })),
        letters: letters
          .filter((l) => l.dossier_id === id)
          .flatMap((l) => (isLanguage(l.language) ? [{ ...l, language: l.language }] : []))
          .map((l) => ({
            decisionId: l.action_id,
            variant: l.variant === 'full' ? 'full' : 'notice',
            language: l.language,
            courtesy: l.courtesy,
            categories: l.categories,
          })),
      },
    ];
  });
}

/** Looks a dossier up by reference for linking (renewal, change of employer) without showing it. */
export async function findPermitHolder(
  db: Queryable,
  reference: string,
): Promise<
  { id: string; procedure: Procedure; applicantOrganisationId: string; lifecycle: Lifecycle } | undefined
> {
  const row = await db
    .selectFrom('dossier')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const [record] = await loadRecords(db, [row.id], false);
  return (
    record && {
      id: record.id,
      procedure: record.procedure,
      applicantOrganisationId: record.applicantOrganisationId,
      lifecycle: record.lifecycle,
    }
  );
}

/** How many dossiers exist, and nothing about them (demo seeding starts only on an empty platform). */
export async function countDossiers(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('dossier')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
