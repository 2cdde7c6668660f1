import { legalDate } from '../platform/clock.js';
import { DOCUMENT_CATEGORY, requiredDocuments } from '../rules/documents.js';
import { type DataCategory } from '../contract/documents.js';
import { feeFor, paymentReferenceFor } from '../rules/fees.js';
import { dossierFacts, missingForFiling } from '../dossier/completeness.js';
import { deadlineClock } from '../dossier/deadline.js';
import { SECTION_NAMES, type SectionName } from '../contract/sections.js';
import { allowedActions } from '../dossier/transitions.js';
import { type ActionName } from '../contract/actions.js';
import { decisionViews, SECTION_CATEGORY } from './view.js';
import { type DossierView } from '../contract/views.js';

import type { Opened } from './gate.js';
import type { SourceCheckRecord } from './records.js';

/** One result of the automated checks, with the source data it rests on (category `source`). */
export interface SourceCheckView {
  check: string;
  source: string;
  outcome: string;
  detail: unknown;
  fetchedAt: string;
}

/** The dossier view with the checks against authentic sources: null unless `source` is R. */
export type DossierViewWithSources = DossierView & { sources: SourceCheckView[] | null };

/** The latest run is the current picture; earlier runs stay stored for the record. */
function latestRun(checks: readonly SourceCheckRecord[]): SourceCheckView[] {
  const last = checks.at(-1);
  if (!last) return [];
  return checks
    .filter((c) => c.runId === last.runId)
    .map((c) => ({
      check: c.check,
      source: c.source,
      outcome: c.outcome,
      detail: c.detail,
      fetchedAt: c.fetchedAt.toISOString(),
    }));
}

/** Builds the caller's view: content per category level, the rest listed as withheld. */
export function viewOf(
  opened: Opened,
  now: Date,
  allowed: ActionName[] = [],
): { view: DossierViewWithSources; read: DataCategory[] } {
  const { record, grants } = opened;
  const read = new Set<DataCategory>();
  const sections: Partial<Record<SectionName, unknown>> = {};
  // Parties whose admin cell names decisions only see no fee payment either.
  const decisionsOnlyAdmin = grants.admin.documentTypes !== undefined;
  for (const name of SECTION_NAMES) {
    const category = SECTION_CATEGORY[name];
    if (grants[category].level === 'R' && !(name === 'fee' && decisionsOnlyAdmin)) {
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
  const sources = grants.source.level === 'R' ? latestRun(record.sourceChecks) : null;
  if (sources?.length) read.add('source');
  // Parties whose admin cell names decisions only (post, municipality, counter, employment
  // service) see those decisions, not the file's fee, requests or deadline.
  const adminFull = adminVisible && grants.admin.documentTypes === undefined;
  const decisions = decisionViews(record.lifecycle, grants, record.procedure, record.letters);
  if (decisions.some((d) => 'grounds' in d)) read.add('grounds');
  if (adminVisible) read.add('admin');
  const isApplicant = opened.relations.includes('applicant');
  const today = legalDate(now);
  const withheld = (Object.keys(grants) as DataCategory[]).filter((c) => grants[c].level !== 'R');
  const view: DossierViewWithSources = {
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
    fee: adminFull
      ? {
          ...feeFor(record.procedure, record.category, today),
          paymentReference: paymentReferenceFor(record.reference),
        }
      : null,
    documents,
    decisions,
    requests: adminFull
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
    clock: adminFull ? deadlineClock(record.procedure, record.category, record.lifecycle, now) : null,
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
    checklist: examinationChecklist(opened),
    allowedActions: allowed.length
      ? allowed
      : allowedActions(record.procedure, record.lifecycle.state, opened.relations),
    withheld,
    sources,
  };
  return { view, read: [...read] };
}

/**
 * For the examining authorities: the documents the rule tables asked of this filing (on the day it
 * was filed), each present or not. Limited to the types the caller may see listed, so it tells
 * nothing the documents list would not.
 */
function examinationChecklist(opened: Opened): DossierView['checklist'] {
  const { record, grants } = opened;
  const filedAt = record.lifecycle.filedAt;
  if (!filedAt || !opened.relations.some((r) => r === 'competent_region' || r === 'dvz')) return null;
  const input = {
    procedure: record.procedure,
    category: record.category,
    region: record.region ?? undefined,
    longTermMobility: record.longTermMobility,
    renewal: record.follows?.kind === 'renewal',
    sections: record.sections,
    documentTypes: record.documents.map((d) => d.type),
    on: legalDate(filedAt),
  };
  return requiredDocuments({ ...input, facts: dossierFacts(input) }).flatMap((d) => {
    const grant = grants[DOCUMENT_CATEGORY[d.documentType]];
    if (grant.level === '-' || grant.level === 'F') return [];
    if (grant.documentTypes && !grant.documentTypes.includes(d.documentType)) return [];
    return [
      {
        documentType: d.documentType,
        legalSource: d.legalSource,
        present: input.documentTypes.includes(d.documentType),
      },
    ];
  });
}
