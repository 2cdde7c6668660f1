import type { DataCategory } from '../contract/documents.js';
import { concernsOf } from '../contract/check-fields.js';
import type { Procedure } from '../contract/procedures.js';
import { SECTION_NAMES, type SectionName } from '../contract/sections.js';
import type { DossierViewWithSources, SourceCheckView } from '../contract/views.js';
import type { SourceCheckRecord } from '../dossier/model/record.js';
import type { Opened } from './gate.js';
import { decisionViews, SECTION_CATEGORY, stateShown } from './view.js';

/** What the gate shows of a dossier; the dossier module adds what it derives (fee, clock, actions). */
export type Redacted = Omit<
  DossierViewWithSources,
  'fee' | 'clock' | 'missing' | 'checklist' | 'allowedActions' | 'retention'
>;

/** A section cut to the fields a cell names, when it names some. */
function only(section: object, fields: readonly string[] | undefined): Record<string, unknown> {
  const entries = Object.entries(section);
  return Object.fromEntries(fields ? entries.filter(([field]) => fields.includes(field)) : entries);
}

/** The latest run is the current picture; earlier runs stay stored for the record. */
function latestRun(checks: readonly SourceCheckRecord[], procedure: Procedure): SourceCheckView[] {
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
      concerns: concernsOf(c.check, procedure),
    }));
}

/**
 * Parties whose admin cell names decisions only (post, municipality, counter, employment service)
 * see those decisions, not the file's fee, requests or deadline; the others with `admin` at R
 * follow the file's administration.
 */
export const followsAdministration = ({ grants }: Opened): boolean =>
  grants.admin.level === 'R' && grants.admin.documentTypes === undefined;

/**
 * The dossier cut to the caller's grants: content per category level, the rest named as withheld,
 * and the categories shown, for the access log.
 */
export function redact(opened: Opened): { view: Redacted; read: DataCategory[] } {
  const { record, grants } = opened;
  const read = new Set<DataCategory>();
  const administration = followsAdministration(opened);
  const sections: Partial<Record<SectionName, Record<string, unknown>>> = {};
  const fieldsShown: Partial<Record<SectionName, string[]>> = {};
  for (const name of SECTION_NAMES) {
    const category = SECTION_CATEGORY[name];
    // The fee section is part of the file's administration: decision-only parties do not see it.
    if (grants[category].level === 'R' && (name !== 'fee' || administration)) {
      const fields = grants[category].fields;
      sections[name] = only(record.sections[name] ?? {}, fields);
      // Said aloud, so a reader can tell a field the law hides from one nobody filled in.
      if (fields) fieldsShown[name] = [...fields];
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
  const sources = grants.source.level === 'R' ? latestRun(record.sourceChecks, record.procedure) : null;
  if (sources?.length) read.add('source');
  const decisions = decisionViews(record.lifecycle, grants, record.procedure, record.letters);
  if (decisions.some((d) => 'grounds' in d)) read.add('grounds');
  if (grants.admin.level === 'R') read.add('admin');
  const view: Redacted = {
    id: record.id,
    reference: record.reference,
    procedure: record.procedure,
    category: record.category,
    longTermMobility: record.longTermMobility,
    language: record.language,
    region: record.region,
    state: stateShown(record.lifecycle, grants, record.procedure),
    applicant: {
      organisationId: record.applicantOrganisationId,
      name: record.applicantName,
      enterpriseNumber: record.applicantEnterpriseNumber,
    },
    follows: record.follows && { kind: record.follows.kind, reference: record.follows.reference },
    createdAt: record.createdAt.toISOString(),
    filedAt: record.lifecycle.filedAt?.toISOString() ?? null,
    sections,
    documents,
    decisions,
    requests: administration
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
    withheld: (Object.keys(grants) as DataCategory[]).filter((c) => grants[c].level !== 'R'),
    fieldsShown,
    sources,
  };
  return { view, read: [...read] };
}
