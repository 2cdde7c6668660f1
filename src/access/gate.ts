import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import type { Clock } from '../platform/clock.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { DataCategory } from '../rules/documents.js';
import { feeFor } from '../rules/fees.js';
import type { Category, Procedure } from '../rules/procedures.js';
import type { Region } from '../rules/regions.js';
import { missingForFiling } from '../dossier/completeness.js';
import { deadlineClock } from '../dossier/deadline.js';
import { foldLifecycle, type ActionRecord, type Lifecycle } from '../dossier/lifecycle.js';
import { SECTION_NAMES, type SectionName, type Sections } from '../dossier/sections.js';
import type { Relation } from '../dossier/states.js';
import { allowedActions, type ActionName } from '../dossier/transitions.js';
import { grantsFor, sees, type Grants } from './evaluate.js';
import { activeMandates, relationsOf } from './relations.js';
import { decisionViews, SECTION_CATEGORY, type DocumentRecord, type DossierView } from './view.js';

/**
 * The one door to dossier content (architecture rule 1). Every read of a dossier, its documents
 * or its history goes through here: the policy decides what shows, a dossier the caller may not
 * see does not exist for them (404), and what was shown is written to the access log in the
 * caller's transaction.
 */

export interface DossierRecord {
  id: string;
  reference: string;
  procedure: Procedure;
  category: Category;
  longTermMobility: boolean;
  language: string;
  region: Region | null;
  applicantOrganisationId: string;
  applicantName: string;
  follows: { kind: string; reference: string; dossierId: string } | null;
  createdAt: Date;
  sections: Partial<Sections>;
  actions: ActionRecord[];
  documents: (DocumentRecord & { storageKey: string; sha256: string })[];
  lifecycle: Lifecycle;
}

export interface Opened {
  record: DossierRecord;
  relations: Relation[];
  grants: Grants;
}

const COLUMN_OF_SECTION: Record<
  SectionName,
  'identity' | 'residence' | 'employment' | 'self_employed' | 'fee'
> = {
  identity: 'identity',
  residence: 'residence',
  employment: 'employment',
  selfEmployed: 'self_employed',
  fee: 'fee',
};

async function loadRecords(db: Queryable, ids: readonly string[], lock: boolean): Promise<DossierRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('dossier as d')
    .innerJoin('organisation as o', 'o.id', 'd.applicant_organisation_id')
    .leftJoin('dossier as f', 'f.id', 'd.follows_dossier_id')
    .selectAll('d')
    .select(['o.name as applicant_name', 'f.reference as follows_reference'])
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
      SECTION_NAMES.map((name) => [name, r[COLUMN_OF_SECTION[name]] as object]),
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
        lifecycle: foldLifecycle(procedure, log),
      },
    ];
  });
}

async function open(db: Queryable, actor: Actor, clock: Clock, records: DossierRecord[]): Promise<Opened[]> {
  const mandates =
    actor.organisation.kind === 'mandatary'
      ? await activeMandates(db, actor.organisation.id, clock.now())
      : [];
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
      },
      mandates,
    );
    const grants = grantsFor(relations, {
      procedure: record.procedure,
      lifecycle: record.lifecycle,
      // The designation register (Art. 16-17) is not kept yet: nobody is designated, so health
      // and criminal documents stay closed to every authority until it is.
      designatedFor: () => false,
    });
    return sees(grants) || relations.includes('dpo') ? [{ record, relations, grants }] : [];
  });
}

/** The dossier for a state change: locked against concurrent actions, 404 if not the caller's to see. */
export async function openForAction(db: Queryable, actor: Actor, clock: Clock, id: string): Promise<Opened> {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [id], true));
  if (!opened) throw new AppError('not_found');
  return opened;
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

/** Builds the caller's view: content per category level, the rest listed as withheld. */
export function viewOf(
  opened: Opened,
  now: Date,
  allowed: ActionName[] = [],
): { view: DossierView; read: DataCategory[] } {
  const { record, grants } = opened;
  const read = new Set<DataCategory>();
  const sections: Partial<Record<SectionName, unknown>> = {};
  for (const name of SECTION_NAMES) {
    const category = SECTION_CATEGORY[name];
    if (grants[category].level === 'R') {
      sections[name] = record.sections[name] ?? {};
      read.add(category);
    }
  }
  const documents = record.documents.flatMap((d) => {
    const grant = grants[d.category];
    if (grant.level === '-' || grant.level === 'F') return [];
    if (grant.documentTypes && !grant.documentTypes.includes(d.type as never)) return [];
    const base = { id: d.id, type: d.type, category: d.category, uploadedAt: d.uploadedAt.toISOString() };
    if (grant.level !== 'R') return [{ ...base, downloadable: false }];
    read.add(d.category);
    return [
      { ...base, downloadable: true, fileName: d.fileName, mediaType: d.mediaType, sizeBytes: d.sizeBytes },
    ];
  });
  const adminVisible = grants.admin.level === 'R';
  const decisions = decisionViews(record.lifecycle, grants, record.procedure);
  if (decisions.some((d) => 'grounds' in d)) read.add('grounds');
  if (adminVisible) read.add('admin');
  const isApplicant = opened.relations.includes('applicant');
  const today = legalDate(now);
  const withheld = (Object.keys(grants) as DataCategory[]).filter((c) => grants[c].level !== 'R');
  const view: DossierView = {
    id: record.id,
    reference: record.reference,
    procedure: record.procedure,
    category: record.category,
    longTermMobility: record.longTermMobility,
    language: record.language,
    region: record.region,
    state: record.lifecycle.state,
    applicant: { organisationId: record.applicantOrganisationId, name: record.applicantName },
    follows: record.follows && { kind: record.follows.kind, reference: record.follows.reference },
    createdAt: record.createdAt.toISOString(),
    filedAt: record.lifecycle.filedAt?.toISOString() ?? null,
    sections,
    fee: adminVisible ? feeFor(record.procedure, record.category, today) : null,
    documents,
    decisions,
    requests: adminVisible
      ? record.lifecycle.requests.map((r) => ({
          id: r.id,
          by: r.relation,
          requestedAt: r.requestedAt.toISOString(),
          dueDate: r.dueDate,
          items: r.items,
          message: r.message ?? null,
          answeredAt: r.answeredAt?.toISOString() ?? null,
          answerDocumentIds: r.answerDocumentIds,
        }))
      : [],
    clock: adminVisible ? deadlineClock(record.procedure, record.category, record.lifecycle, now) : null,
    missing:
      isApplicant && record.lifecycle.state === 'draft'
        ? missingForFiling({
            procedure: record.procedure,
            category: record.category,
            region: record.region ?? undefined,
            longTermMobility: record.longTermMobility,
            renewal: record.follows?.kind === 'renewal',
            sections: record.sections,
            documentTypes: record.documents.map((d) => d.type),
            on: today,
          })
        : null,
    allowedActions: allowed.length
      ? allowed
      : allowedActions(record.procedure, record.lifecycle.state, opened.relations),
    withheld,
  };
  return { view, read: [...read] };
}

/** GET /dossiers/{id}: the dossier as the caller may see it, the read logged. */
export async function readDossier(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  statedPurpose?: string,
): Promise<DossierView> {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [id], false));
  if (!opened) throw new AppError('not_found');
  const { view, read } = viewOf(opened, clock.now());
  await logAccess(db, actor, clock, id, read, purposeOf(opened, statedPurpose));
  return view;
}

/** A document's stored file, if the caller may read its content. */
export async function readDocument(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  dossierId: string,
  documentId: string,
  statedPurpose?: string,
): Promise<DocumentRecord & { storageKey: string }> {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [dossierId], false));
  if (!opened) throw new AppError('not_found');
  const doc = opened.record.documents.find((d) => d.id === documentId);
  const grant = doc && opened.grants[doc.category];
  if (
    !doc ||
    grant?.level !== 'R' ||
    (grant.documentTypes && !grant.documentTypes.includes(doc.type as never))
  ) {
    throw new AppError('not_found');
  }
  await logAccess(db, actor, clock, dossierId, [doc.category], purposeOf(opened, statedPurpose));
  return doc;
}

export interface ListFilters {
  state?: string | undefined;
  procedure?: string | undefined;
  region?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DossierSummary {
  id: string;
  reference: string;
  procedure: Procedure;
  category: Category;
  state: string;
  region: string | null;
  applicant: { organisationId: string; name: string };
  worker: { givenNames?: string; familyName?: string } | null;
  createdAt: string;
  dueDate: string | null;
  daysLeft: number | null;
}

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the catalogued error
  }
  throw new AppError('validation_failed', { errors: [{ field: 'query.cursor', code: 'invalid_format' }] });
}

/** Whether a search term matches what this caller may read of the dossier (never hidden parts). */
function matches(view: DossierView, q: string): boolean {
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
  const mandates = org.kind === 'mandatary' ? await activeMandates(db, org.id, clock.now()) : [];
  let after = filters.cursor ? decodeCursor(filters.cursor) : undefined;
  const items: DossierSummary[] = [];
  const now = clock.now();
  const batch = Math.min(200, filters.limit * 2);
  for (;;) {
    const page = await db
      .selectFrom('dossier')
      .select(['id', 'created_at'])
      .$if(filters.state !== undefined, (q) => q.where('state', '=', filters.state ?? ''))
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
      .$if(org.kind === 'business_counter', (q) => q.where('procedure', '=', 'professional_card'))
      .$if(org.kind === 'post', (q) => q.where(sql<string>`residence->>'visaPost'`, '=', org.id))
      .$if(org.kind === 'municipality', (q) => q.where(sql<string>`residence->>'municipality'`, '=', org.id))
      .$if(!['employer', 'self_employed', 'mandatary'].includes(org.kind), (q) =>
        q.where('state', '<>', 'draft'),
      )
      .$if(after !== undefined, (q) =>
        q.where((eb) =>
          eb.or([
            eb('created_at', '<', new Date(after?.[0] ?? 0)),
            eb.and([eb('created_at', '=', new Date(after?.[0] ?? 0)), eb('id', '<', after?.[1] ?? '')]),
          ]),
        ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(batch)
      .execute();
    const opened = await open(
      db,
      actor,
      clock,
      await loadRecords(
        db,
        page.map((p) => p.id),
        false,
      ),
    );
    for (const o of opened) {
      const { view, read } = viewOf(o, now);
      if (filters.q && !matches(view, filters.q)) continue;
      const identity = view.sections.identity as Sections['identity'] | undefined;
      items.push({
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
        dueDate: view.clock?.dueDate ?? null,
        daysLeft: view.clock?.daysLeft ?? null,
      });
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
    after = [last.created_at.toISOString(), last.id];
  }
}

/** GET /dossiers/{id}/events: the history, each entry as the caller's admin level allows. */
export async function readEvents(db: Queryable, actor: Actor, clock: Clock, id: string) {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [id], false));
  if (!opened) throw new AppError('not_found');
  const decisions = new Map(
    decisionViews(opened.record.lifecycle, opened.grants, opened.record.procedure).map((d) => [d.id, d]),
  );
  const adminVisible = opened.grants.admin.level === 'R';
  const decisionIds = new Set(opened.record.lifecycle.decisions.map((d) => d.id));
  interface EventView {
    id: string;
    at: string;
    action: string;
    by: Relation | null;
    legalBasis: string | null;
    decision?: unknown;
  }
  const items = opened.record.actions.flatMap((a): EventView[] => {
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
      purposeOf(opened, undefined),
    );
  return { items };
}

/** GET /dossiers/{id}/access-log: for the subject and the DPO of a controller (access.md rule 5). */
export async function readAccessLog(db: Queryable, actor: Actor, clock: Clock, id: string) {
  const [opened] = await open(db, actor, clock, await loadRecords(db, [id], false));
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
      organisation: { id: r.orgId, kind: r.kind, name: r.name },
      categories: r.categories,
      purpose: r.purpose,
    })),
    nextCursor: null,
  };
}
