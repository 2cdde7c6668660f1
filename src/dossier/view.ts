import { logAccess, openForRead, type Opened } from '../access/gate.js';
import type { ReadContext } from '../access/read-context.js';
import { followsAdministration, redact } from '../access/redact.js';
import type { DossierViewWithSources } from '../contract/views.js';
import type { Queryable } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { legalDate, type Clock } from '../platform/clock.js';
import { DOCUMENT_CATEGORY, requiredDocuments } from '../rules/documents.js';
import { completenessInputOf, dossierFacts, missingForFiling } from './model/completeness.js';
import { feeView } from './fee.js';
import { passportFinding } from './findings.js';
import { deadlineClock } from './model/deadline.js';
import { allowedActions } from './model/transitions.js';
import { retentionOf } from './model/retention.js';

/**
 * The dossier as a caller sees it: what the gate shows (`redact`), and what the platform derives
 * from it for that caller — the fee to pay, the deadline clock, what is missing before filing, the
 * examination checklist and the actions the transition table allows now.
 */
export function viewOf(
  opened: Opened,
  now: Date,
): { view: DossierViewWithSources; read: ReturnType<typeof redact>['read'] } {
  const { record } = opened;
  const { view, read } = redact(opened);
  const administration = followsAdministration(opened);
  const today = legalDate(now);
  return {
    view: {
      ...view,
      // The platform's own checks join the latest run for those who may read check results.
      sources: view.sources && [...view.sources, ...passportFinding(opened, today, now)],
      fee: administration ? feeView(record, today) : null,
      clock: administration ? deadlineClock(record.procedure, record.category, record.lifecycle, now) : null,
      missing:
        opened.relations.includes('applicant') && record.lifecycle.state === 'draft'
          ? missingForFiling(completenessInputOf(record, today))
          : null,
      checklist: examinationChecklist(opened),
      retention: retentionShown(opened),
      allowedActions: allowedActions(record.procedure, record.lifecycle.state, opened.relations),
    },
    read,
  };
}

/**
 * For the examining authorities: the documents the rule tables asked of this filing (on the day it
 * was filed), each present or not. Limited to the types the caller may see listed, so it tells
 * nothing the documents list would not.
 */
function examinationChecklist(opened: Opened): DossierViewWithSources['checklist'] {
  const { record, grants } = opened;
  const filedAt = record.lifecycle.filedAt;
  if (!filedAt || !opened.relations.some((r) => r === 'competent_region' || r === 'dvz')) return null;
  const input = completenessInputOf(record, legalDate(filedAt));
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

/** How long the dossier is kept, for the authorities that decide on it and the DPOs (Art. 27). */
function retentionShown(opened: Opened): DossierViewWithSources['retention'] {
  if (!opened.relations.some((r) => r === 'competent_region' || r === 'dvz' || r === 'dpo')) return null;
  const { until, rule, holds } = retentionOf(opened.record);
  return {
    until,
    rule,
    holds: holds.map((h) => ({
      id: h.id,
      reason: h.reason,
      authority: h.relation,
      from: h.from.toISOString(),
      liftedAt: h.liftedAt?.toISOString() ?? null,
    })),
  };
}

/** Shows an opened dossier to its caller and logs what it showed, with the purpose of the read. */
export async function showDossier(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  opened: Opened,
  purpose: string,
): Promise<DossierViewWithSources> {
  const { view, read } = viewOf(opened, clock.now());
  await logAccess(db, actor, clock, opened.record.id, read, purpose);
  return view;
}

/** GET /dossiers/{id}: the dossier as the caller may see it, the read logged. */
export async function readDossier(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  id: string,
  context: ReadContext = {},
): Promise<DossierViewWithSources> {
  const { opened, purpose } = await openForRead(db, actor, clock, id, context);
  return showDossier(db, actor, clock, opened, purpose);
}
