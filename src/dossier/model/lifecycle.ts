import type { DecisionKind, DecisionOutcome, RequestItem } from '../../contract/views.js';
import type { Procedure } from '../../contract/procedures.js';
import type { DossierState, Relation } from '../../contract/states.js';
import { TRANSITIONS, type Target } from './transitions.js';
import { type ActionName } from '../../contract/actions.js';

export interface ActionRecord {
  id: string;
  seq: number;
  action: ActionName;
  actorOrganisationId: string;
  relation: Relation;
  at: Date;
  legalBasis: string;
  payload: Record<string, unknown>;
}

export interface DecisionRecord {
  id: string;
  kind: DecisionKind;
  of: 'work' | 'residence' | 'professional_card' | undefined;
  outcome: DecisionOutcome;
  negative: boolean;
  relation: Relation;
  organisationId: string;
  decidedAt: Date;
  legalBasis: string;
  validFrom: string | undefined;
  validUntil: string | undefined;
  permitType: string | undefined;
  decisionType: string | undefined;
  grounds: string | undefined;
  /** When the decision reached its addressee through the platform; periods run from it (Art. 27). */
  notifiedAt: Date | undefined;
}

export interface RequestRecord {
  id: string;
  relation: Relation;
  organisationId: string;
  requestedAt: Date;
  dueDate: string;
  items: RequestItem[];
  message: string | undefined;
  answeredAt: Date | undefined;
  answerDocumentIds: string[];
  /** The state the dossier returns to once the request is answered. */
  resumeState: DossierState;
}

export interface Lifecycle {
  state: DossierState;
  filedAt: Date | undefined;
  stoppedAt: Date | undefined;
  requests: RequestRecord[];
  decisions: DecisionRecord[];
  extension: { at: Date; days: number; reason: string; relation: Relation } | undefined;
}

const DECISION_OF_ACTION: Partial<Record<ActionName, { kind: DecisionKind; of?: DecisionRecord['of'] }>> = {
  declare_admissible: { kind: 'admissibility' },
  declare_inadmissible: { kind: 'admissibility' },
  decide_work: { kind: 'work' },
  decide_professional_card: { kind: 'professional_card' },
  decide_residence: { kind: 'residence' },
  withdraw_work: { kind: 'withdrawal', of: 'work' },
  withdraw_professional_card: { kind: 'withdrawal', of: 'professional_card' },
  withdraw_residence: { kind: 'withdrawal', of: 'residence' },
  end_residence: { kind: 'end', of: 'residence' },
};

const OUTCOME_OF_ACTION: Partial<Record<ActionName, DecisionOutcome>> = {
  declare_admissible: 'admissible',
  declare_inadmissible: 'inadmissible',
  withdraw_work: 'withdrawn',
  withdraw_professional_card: 'withdrawn',
  withdraw_residence: 'withdrawn',
  end_residence: 'ended',
};

/** States in which the legal decision period no longer runs: the awaited decision was taken. */
const CLOCK_STOPS: Record<Procedure, readonly DossierState[]> = {
  // A work refusal ends a single permit too: no residence decision follows it (R-PROC-5).
  single_permit: [
    'inadmissible',
    'work_refused',
    'residence_granted',
    'residence_refused',
    'withdrawn_by_applicant',
  ],
  work_permit: ['inadmissible', 'work_granted', 'work_refused', 'withdrawn_by_applicant'],
  professional_card: ['inadmissible', 'work_granted', 'work_refused', 'withdrawn_by_applicant'],
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function resolveTarget(target: Target, current: Lifecycle, payload: Record<string, unknown>): DossierState {
  if (target === 'unchanged') return current.state;
  if (target === 'resume') {
    const open = current.requests.find((r) => r.id === payload.requestId);
    return open?.resumeState ?? current.state;
  }
  if (typeof target === 'string') return target;
  return payload.outcome === 'granted' ? target.granted : target.refused;
}

function targetOf(action: ActionName, procedure: Procedure, state: DossierState): Target {
  const row = TRANSITIONS.find(
    (t) => t.action === action && t.procedures.includes(procedure) && t.from.includes(state),
  );
  return row?.to ?? 'unchanged';
}

/** A dossier before its first action: a draft with nothing filed, asked or decided. */
export const emptyLifecycle = (): Lifecycle => ({
  state: 'draft',
  filedAt: undefined,
  stoppedAt: undefined,
  requests: [],
  decisions: [],
  extension: undefined,
});

/**
 * Derives everything about a dossier's progress from its action log, oldest first, and the dates
 * its decisions reached their addressees (kept beside the log: they happen after the decision).
 */
export function foldLifecycle(
  procedure: Procedure,
  actions: readonly ActionRecord[],
  notified: ReadonlyMap<string, Date> = new Map(),
): Lifecycle {
  let lc = emptyLifecycle();
  for (const a of actions) {
    if (a.action === 'create') continue;
    const nextState = resolveTarget(targetOf(a.action, procedure, lc.state), lc, a.payload);
    const p = a.payload;
    if (a.action === 'submit') lc = { ...lc, filedAt: a.at };
    if (a.action === 'request_documents') {
      const items = Array.isArray(p.items) ? (p.items as RequestItem[]) : [];
      lc = {
        ...lc,
        requests: [
          ...lc.requests,
          {
            id: str(p.requestId) ?? a.id,
            relation: a.relation,
            organisationId: a.actorOrganisationId,
            requestedAt: a.at,
            dueDate: str(p.dueDate) ?? '',
            items,
            message: str(p.message),
            answeredAt: undefined,
            answerDocumentIds: [],
            resumeState: lc.state,
          },
        ],
      };
    }
    if (a.action === 'answer_request') {
      lc = {
        ...lc,
        requests: lc.requests.map((r) =>
          r.id === p.requestId
            ? { ...r, answeredAt: a.at, answerDocumentIds: (p.documentIds as string[] | undefined) ?? [] }
            : r,
        ),
      };
    }
    if (a.action === 'extend_deadline') {
      lc = {
        ...lc,
        extension: { at: a.at, days: Number(p.days), reason: str(p.reason) ?? '', relation: a.relation },
      };
    }
    const decision = DECISION_OF_ACTION[a.action];
    if (decision) {
      const outcome = OUTCOME_OF_ACTION[a.action] ?? (p.outcome === 'granted' ? 'granted' : 'refused');
      lc = {
        ...lc,
        decisions: [
          ...lc.decisions,
          {
            id: a.id,
            kind: decision.kind,
            of: decision.of,
            outcome,
            negative: outcome !== 'granted' && outcome !== 'admissible',
            relation: a.relation,
            organisationId: a.actorOrganisationId,
            decidedAt: a.at,
            legalBasis: a.legalBasis,
            validFrom: str(p.validFrom),
            validUntil: str(p.validUntil),
            permitType: str(p.permitType),
            decisionType: str(p.decisionType),
            grounds: str(p.grounds),
            notifiedAt: notified.get(a.id),
          },
        ],
      };
    }
    if (!lc.stoppedAt && CLOCK_STOPS[procedure].includes(nextState)) lc = { ...lc, stoppedAt: a.at };
    lc = { ...lc, state: nextState };
  }
  return lc;
}

export const openRequest = (lc: Lifecycle): RequestRecord | undefined =>
  lc.requests.find((r) => !r.answeredAt);

/**
 * The documents the applicant added after a request was made: only these answer it (decision
 * 0007). Read from the log's order rather than upload times, which a request and an upload in the
 * same instant would not tell apart.
 */
export function documentsAddedSince(actions: readonly ActionRecord[], requestId: string): Set<string> {
  const asked = actions.find((a) => a.action === 'request_documents' && a.payload.requestId === requestId);
  if (!asked) return new Set();
  return new Set(
    actions
      .filter((a) => a.seq > asked.seq && a.action === 'add_document' && a.relation === 'applicant')
      .map((a) => str(a.payload.documentId))
      .filter((id): id is string => id !== undefined),
  );
}
