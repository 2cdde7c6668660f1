import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, DOCUMENT_CATEGORY, DOCUMENT_TYPES } from '../rules/documents.js';
import type { DataCategory, DocumentType } from '../rules/documents.js';
import { PROCEDURES, type Procedure } from '../rules/procedures.js';
import type { DecisionKind, DecisionOutcome, DecisionRecord, Lifecycle } from '../dossier/lifecycle.js';
import { RELATIONS, type DossierState, type Relation } from '../dossier/states.js';
import { grantsFor, type Grant } from './evaluate.js';
import { decisionViews } from './view.js';

/*
 * Property test of the access policy: thousands of (relations, procedure, dossier history,
 * designations) are drawn and what the code shows is compared with an ORACLE written from the
 * text of /work/shared/spec/access.md (the table and its rules 1-3), domain.md where access.md
 * points to it, and the readings recorded in docs/decisions/0003-spec-readings.md and
 * 0004-policy-differences.md. The oracle deliberately does not import policy.ts.
 */

type Level = 'R' | 'M' | 'F' | '-';
type DocSeen = 'download' | 'listed' | 'hidden';
type DecisionSeen = 'full' | 'fact' | 'hidden';

interface Case {
  relations: Relation[];
  procedure: Procedure;
  lc: Lifecycle;
  designated: { health: boolean; criminal: boolean };
}

// ---------------------------------------------------------------------------------------------
// The oracle: one relation at a time, straight from the spec text.
// ---------------------------------------------------------------------------------------------

const filed = (c: Case) => c.lc.filedAt !== undefined;
const admissible = (c: Case) =>
  c.lc.decisions.some((d) => d.kind === 'admissibility' && d.outcome === 'admissible');

/** "After authorisation" (posts, municipalities): 0003 §5 — the residence authorisation for (a),
 * the work permit for (b), the professional card for (c). */
function authorised(c: Case): boolean {
  const kind: DecisionKind =
    c.procedure === 'single_permit'
      ? 'residence'
      : c.procedure === 'work_permit'
        ? 'work'
        : 'professional_card';
  return c.lc.decisions.some((d) => d.kind === kind && d.outcome === 'granted');
}

/** "After a withdrawal" (employment service): 0003 §6 — a withdrawal decision in a single permit. */
const withdrawn = (c: Case) =>
  c.procedure === 'single_permit' && c.lc.decisions.some((d) => d.kind === 'withdrawal');

/**
 * Rule 2: "Draft dossiers are visible to their applicant (and subject, if invited) only." A dossier
 * that was never filed stays the applicant's, also once withdrawn as a draft (0004 §D9).
 */
const hiddenAsDraft = (relation: Relation, c: Case) =>
  !filed(c) && relation !== 'applicant' && relation !== 'subject';

/** The level of one category for one relation: the cell of the access.md table. */
function specLevel(relation: Relation, category: DataCategory, c: Case): Level {
  if (hiddenAsDraft(relation, c)) return '-';
  const cOnly = c.procedure === 'professional_card';
  switch (relation) {
    case 'applicant':
      switch (category) {
        case 'identity':
        case 'residence':
        case 'employment':
        case 'admin': // "R, negative: F"
          return 'R';
        case 'health':
        case 'criminal':
          // "M after filing"; rule 1: R while a draft, for every user of the applicant (0003 §2).
          if (c.lc.state === 'draft') return 'R';
          return filed(c) ? 'M' : '-';
        case 'self_employed':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'subject':
      return 'R';
    case 'competent_region':
      switch (category) {
        case 'identity':
        case 'residence':
        case 'employment':
        case 'admin':
        case 'source':
        case 'grounds': // "own decisions only"
          return 'R';
        case 'self_employed': // "R (c)"
          return cOnly ? 'R' : '-';
        case 'health':
          return c.designated.health ? 'R' : '-'; // "R designated only"
        case 'criminal':
          return c.designated.criminal ? 'R' : '-';
      }
      break;
    case 'other_region':
      switch (category) {
        case 'identity':
        case 'employment':
        case 'admin':
          return 'R';
        case 'self_employed':
          return cOnly ? 'R' : '-';
        case 'residence':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'dvz':
      if (c.procedure === 'single_permit') {
        // DVZ, procedure (a). The table says "after admissible" for identity, residence and
        // employment; domain.md R-PROC-5 says DVZ has access to the dossier once it is admissible,
        // so the whole row waits for admissibility (0004 §D3).
        if (!admissible(c)) return '-';
        switch (category) {
          case 'identity':
          case 'residence':
          case 'employment':
          case 'admin':
          case 'source':
          case 'grounds':
            return 'R';
          case 'health':
            return c.designated.health ? 'R' : '-';
          case 'criminal':
            return c.designated.criminal ? 'R' : '-';
          case 'self_employed':
            return '-';
        }
      }
      // DVZ, procedures (b)(c).
      switch (category) {
        case 'identity':
        case 'residence':
        case 'admin':
        case 'grounds':
          return 'R';
        case 'employment':
        case 'self_employed':
        case 'health':
        case 'criminal':
        case 'source':
          return '-';
      }
      break;
    case 'post':
    case 'municipality':
      switch (category) {
        case 'identity':
        case 'residence':
          return authorised(c) ? 'R' : '-';
        case 'admin':
          // "positive decisions only": the authorisation decisions reach them (R-RCPT-1, -2), so
          // from the authorisation like the rest of the row (0004 §D4).
          return authorised(c) ? 'R' : '-';
        case 'employment':
        case 'self_employed':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'business_counter':
      if (!cOnly) return '-'; // "R (c)", "professional-card decisions"
      switch (category) {
        case 'identity':
        case 'self_employed':
        case 'admin':
          return 'R';
        case 'residence':
        case 'employment':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'inspection':
      switch (category) {
        case 'identity':
        case 'residence':
        case 'employment':
        case 'self_employed':
        case 'admin':
        case 'source':
          return 'R';
        case 'health':
        case 'criminal':
        case 'grounds':
          return '-';
      }
      break;
    case 'employment_service':
      switch (category) {
        case 'identity': // "R (identity and contact) after a withdrawal"
        case 'admin': // "withdrawal of the single permit only"
          return withdrawn(c) ? 'R' : '-';
        case 'residence':
        case 'employment':
        case 'self_employed':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'operator':
      return category === 'grounds' ? '-' : 'M';
    case 'dpo':
      // "access log, designation register, audit trail; no dossier content"
      return '-';
  }
  throw new Error(`oracle has no cell for ${relation}/${category}`);
}

/** Which document types a cell at level R lets through (undefined: every type of the category). */
function specReadableTypes(relation: Relation, category: DataCategory, c: Case): DocumentType[] | undefined {
  switch (relation) {
    case 'competent_region':
      // "R designated only (work-permit medical certificate)", "(self-employed)"; data.md §Special.
      if (category === 'health') return ['medical_certificate_work'];
      if (category === 'criminal') return ['criminal_record_self_employed'];
      return undefined;
    case 'dvz':
      // "(medical certificate of the 1980 law)"; criminal: the worker's extract, DVZ only (Art. 17 §1).
      if (c.procedure === 'single_permit' && category === 'health') return ['medical_certificate'];
      if (c.procedure === 'single_permit' && category === 'criminal') return ['criminal_record'];
      return undefined;
    case 'business_counter':
      // "registration data only": the self-employed section, not the business plan or the
      // financial proof (policy.ts, 0003 §7, 0004 §D5); admin: decisions only, not the fee proof.
      if (category === 'self_employed' || category === 'admin') return [];
      return undefined;
    case 'post':
    case 'municipality':
    case 'employment_service':
      // "positive decisions only" / "withdrawal of the single permit only": decisions, not the
      // fee proof that is the other admin document (0004 §D6).
      if (category === 'admin') return [];
      return undefined;
    case 'applicant':
    case 'subject':
    case 'other_region':
    case 'inspection':
    case 'operator':
    case 'dpo':
      return undefined;
  }
}

function specDocument(relation: Relation, type: DocumentType, c: Case): DocSeen {
  const category = DOCUMENT_CATEGORY[type];
  switch (specLevel(relation, category, c)) {
    case '-':
    case 'F':
      return 'hidden';
    case 'M': // "metadata only … a document marked M cannot be downloaded"
      return 'listed';
    case 'R': {
      const types = specReadableTypes(relation, category, c);
      return types === undefined || types.includes(type) ? 'download' : 'hidden';
    }
  }
}

const REGIONS: readonly Relation[] = ['competent_region', 'other_region'];

/** How a decision shows through the admin column of one relation. */
function specDecision(relation: Relation, d: DecisionRecord, c: Case): DecisionSeen {
  // Operator's admin "M": the platform shows no decision to a metadata-only reader (0004 §D8).
  if (specLevel(relation, 'admin', c) !== 'R') return 'hidden';
  const negativeAsFact: DecisionSeen = d.negative ? 'fact' : 'full';
  switch (relation) {
    case 'subject':
    case 'competent_region':
      return 'full'; // "R"
    case 'applicant':
    case 'other_region':
    case 'inspection':
      return negativeAsFact; // "R, negative: F"
    case 'dvz':
      // (a): "R, regional negative: F"; (b)(c): "R, negative: F".
      if (c.procedure === 'single_permit')
        return d.negative && REGIONS.includes(d.relation) ? 'fact' : 'full';
      return negativeAsFact;
    case 'post':
    case 'municipality':
      return d.negative ? 'hidden' : 'full'; // "positive decisions only"
    case 'business_counter':
      // "professional-card decisions". A refusal shows only as the fact (domain.md R-RCPT-3: the
      // full refusal goes to the worker only; everyone else sees that a negative decision was
      // taken). A withdrawal of the card is not a decision on the card request: hidden (0004 §D7).
      if (d.kind !== 'professional_card') return 'hidden';
      return negativeAsFact;
    case 'employment_service':
      // "withdrawal of the single permit only" (R-RCPT-4).
      return c.procedure === 'single_permit' && d.kind === 'withdrawal' ? 'full' : 'hidden';
    case 'operator':
    case 'dpo':
      return 'hidden';
  }
}

/** Whether the grounds column of one relation covers the grounds of this decision (rule 3). */
function specGroundsFor(relation: Relation, d: DecisionRecord, c: Case): boolean {
  if (specLevel(relation, 'grounds', c) !== 'R') return false;
  switch (relation) {
    case 'subject':
      return true;
    case 'competent_region':
    case 'dvz':
      return d.relation === relation; // "own decisions only"
    case 'applicant':
    case 'other_region':
    case 'post':
    case 'municipality':
    case 'business_counter':
    case 'inspection':
    case 'employment_service':
    case 'operator':
    case 'dpo':
      return false; // "—"
  }
}

// A caller holding several relations is entitled to what each of them gives (the union).
const LEVEL_RANK: Record<Level, number> = { '-': 0, M: 1, F: 2, R: 3 };
const DOC_RANK: Record<DocSeen, number> = { hidden: 0, listed: 1, download: 2 };
const DECISION_RANK: Record<DecisionSeen, number> = { hidden: 0, fact: 1, full: 2 };
const maxBy = <T extends string>(rank: Record<T, number>, values: T[]): T =>
  values.reduce((a, b) => (rank[b] > rank[a] ? b : a));

interface DecisionShown {
  how: DecisionSeen;
  grounds: boolean;
}

function oracleDecisions(c: Case): Map<string, DecisionShown> {
  return new Map(
    c.lc.decisions.map((d) => {
      const how = maxBy(
        DECISION_RANK,
        c.relations.map((r) => specDecision(r, d, c)),
      );
      // Grounds are part of the decision: shown only with the whole decision, and only when the
      // grounds column of one of the caller's relations covers them.
      const grounds = how === 'full' && c.relations.some((r) => specGroundsFor(r, d, c));
      return [d.id, { how, grounds }];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// What the code shows, read the way the gate reads a Grant (view-builder.ts / gate.ts).
// ---------------------------------------------------------------------------------------------

function codeDocument(grant: Grant, type: DocumentType): DocSeen {
  if (grant.level === '-' || grant.level === 'F') return 'hidden';
  if (grant.documentTypes && !grant.documentTypes.includes(type)) return 'hidden';
  return grant.level === 'R' ? 'download' : 'listed';
}

function codeDecisions(c: Case, grants: ReturnType<typeof grantsFor>): Map<string, DecisionShown> {
  const views = new Map(decisionViews(c.lc, grants, c.procedure).map((v) => [v.id, v]));
  return new Map(
    c.lc.decisions.map((d): [string, DecisionShown] => {
      const v = views.get(d.id);
      if (!v) return [d.id, { how: 'hidden', grounds: false }];
      if ('fact' in v) return [d.id, { how: 'fact', grounds: false }];
      return [d.id, { how: 'full', grounds: v.grounds !== undefined }];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Plausible dossier histories, built step by step along the lifecycle of transitions.ts.
// ---------------------------------------------------------------------------------------------

type Step = (lc: Lifecycle, at: Date) => Lifecycle;

const decision =
  (
    kind: DecisionKind,
    outcome: DecisionOutcome,
    relation: Relation,
    state: DossierState,
    of?: DecisionRecord['of'],
  ): Step =>
  (lc, at) => {
    const id = `d${lc.decisions.length + 1}`;
    const record: DecisionRecord = {
      id,
      kind,
      of,
      outcome,
      negative: outcome !== 'granted' && outcome !== 'admissible',
      relation,
      organisationId: relation === 'dvz' ? 'org-dvz' : 'org-region',
      decidedAt: at,
      legalBasis: 'Art. 18',
      validFrom: undefined,
      validUntil: undefined,
      permitType: undefined,
      decisionType: undefined,
      // Every decision carries grounds, so that whether they show is always observable.
      grounds: `grounds of ${id}`,
    };
    return { ...lc, state, decisions: [...lc.decisions, record] };
  };

const to =
  (state: DossierState): Step =>
  (lc) => ({ ...lc, state });

const request =
  (relation: Relation): Step =>
  (lc, at) => ({
    ...lc,
    state: 'incomplete',
    requests: [
      ...lc.requests,
      {
        id: `r${lc.requests.length + 1}`,
        relation,
        organisationId: 'org',
        requestedAt: at,
        dueDate: '2026-12-31',
        items: [],
        message: undefined,
        answeredAt: undefined,
        answerDocumentIds: [],
        resumeState: lc.state,
      },
    ],
  });

const answer: Step = (lc, at) => {
  const open = lc.requests.find((r) => !r.answeredAt);
  return {
    ...lc,
    state: open?.resumeState ?? lc.state,
    requests: lc.requests.map((r) => (r === open ? { ...r, answeredAt: at } : r)),
  };
};

const submit: Step = (lc, at) => ({ ...lc, state: 'filed', filedAt: at });

/** The next steps a dossier can take in a state, per procedure (transitions.ts, access.md rule 4). */
function nextSteps(procedure: Procedure, state: DossierState): Step[] {
  const a = procedure === 'single_permit';
  const c = procedure === 'professional_card';
  const workKind: DecisionKind = c ? 'professional_card' : 'work';
  switch (state) {
    case 'draft':
      return [submit, to('withdrawn_by_applicant')];
    case 'filed':
      return [
        decision('admissibility', 'admissible', 'competent_region', 'admissible'),
        decision('admissibility', 'inadmissible', 'competent_region', 'inadmissible'),
        request('competent_region'),
        to('withdrawn_by_applicant'),
      ];
    case 'admissible':
      return [
        decision(workKind, 'granted', 'competent_region', 'work_granted'),
        decision(workKind, 'refused', 'competent_region', 'work_refused'),
        request('competent_region'),
        to('withdrawn_by_applicant'),
      ];
    case 'incomplete':
      return [answer, to('withdrawn_by_applicant')];
    case 'work_granted':
      if (a)
        return [
          decision('residence', 'granted', 'dvz', 'residence_granted'),
          decision('residence', 'refused', 'dvz', 'residence_refused'),
          request('dvz'),
          decision('withdrawal', 'withdrawn', 'competent_region', 'work_withdrawn', 'work'),
        ];
      return [
        to('issued'),
        c
          ? decision('withdrawal', 'withdrawn', 'competent_region', 'work_withdrawn', 'professional_card')
          : decision('withdrawal', 'withdrawn', 'competent_region', 'work_withdrawn', 'work'),
      ];
    case 'residence_granted':
      return [
        to('issued'),
        decision('withdrawal', 'withdrawn', 'competent_region', 'work_withdrawn', 'work'),
        decision('withdrawal', 'withdrawn', 'dvz', 'residence_withdrawn', 'residence'),
        decision('end', 'ended', 'dvz', 'residence_ended', 'residence'),
      ];
    case 'issued':
      if (a)
        return [
          decision('withdrawal', 'withdrawn', 'competent_region', 'work_withdrawn', 'work'),
          decision('withdrawal', 'withdrawn', 'dvz', 'residence_withdrawn', 'residence'),
          decision('end', 'ended', 'dvz', 'residence_ended', 'residence'),
        ];
      return [
        decision(
          'withdrawal',
          'withdrawn',
          'competent_region',
          'work_withdrawn',
          c ? 'professional_card' : 'work',
        ),
      ];
    case 'inadmissible':
    case 'work_refused':
    case 'residence_refused':
    case 'withdrawn_by_applicant':
    case 'work_withdrawn':
    case 'residence_withdrawn':
    case 'residence_ended':
      return [];
  }
}

/** Walks the lifecycle one choice per step; the first next step is the usual way forward. */
function history(procedure: Procedure, choices: readonly number[]): Lifecycle {
  let lc: Lifecycle = {
    state: 'draft',
    filedAt: undefined,
    stoppedAt: undefined,
    requests: [],
    decisions: [],
    extension: undefined,
  };
  let at = Date.UTC(2026, 0, 5);
  for (const choice of choices) {
    const steps = nextSteps(procedure, lc.state);
    const step = steps[choice % Math.max(steps.length, 1)];
    if (!step) break;
    at += 86_400_000;
    lc = step(lc, new Date(at));
  }
  return lc;
}

const relationsArb: fc.Arbitrary<Relation[]> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...RELATIONS).map((r) => [r]) },
  // The pair the gate really gives: a self-employed person filing about themselves.
  { weight: 1, arbitrary: fc.constant<Relation[]>(['applicant', 'subject']) },
  {
    weight: 2,
    arbitrary: fc.uniqueArray(fc.constantFrom(...RELATIONS), { minLength: 2, maxLength: 2 }),
  },
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    relations: relationsArb,
    procedure: fc.constantFrom(...PROCEDURES),
    // Mostly forward, so that late states (issued, withdrawn, ended) are drawn often enough.
    choices: fc.array(
      fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 20 }) }),
      { maxLength: 9 },
    ),
    health: fc.boolean(),
    criminal: fc.boolean(),
  })
  .map(({ relations, procedure, choices, health, criminal }) => ({
    relations,
    procedure,
    lc: history(procedure, choices),
    designated: { health, criminal },
  }));

// ---------------------------------------------------------------------------------------------

const NUM_RUNS = 5000;

describe('the access policy agrees with access.md (property, oracle written from the spec)', () => {
  it(`holds for ${NUM_RUNS} drawn dossiers, relations and designations`, () => {
    let runs = 0;
    const statesSeen = new Set<string>();
    fc.assert(
      fc.property(caseArb, (c) => {
        runs++;
        statesSeen.add(`${c.procedure}:${c.lc.state}`);
        const grants = grantsFor(c.relations, {
          procedure: c.procedure,
          lifecycle: c.lc,
          designatedFor: (category) => c.designated[category],
        });
        for (const category of DATA_CATEGORIES) {
          const levels = c.relations.map((r) => specLevel(r, category, c));
          expect(grants[category].level, `level of ${category}`).toBe(maxBy(LEVEL_RANK, levels));
        }
        for (const type of DOCUMENT_TYPES) {
          const each = c.relations.map((r) => specDocument(r, type, c));
          const union = maxBy(DOC_RANK, each);
          const code = codeDocument(grants[DOCUMENT_CATEGORY[type]], type);
          const levels = new Set(
            c.relations.map((r) => specLevel(r, DOCUMENT_CATEGORY[type], c)).filter((l) => l !== '-'),
          );
          if (levels.size <= 1) {
            expect(code, `document ${type}`).toBe(union);
          } else {
            // Two relations at different levels on one category: a Grant carries one level, so
            // the documents follow the higher one. Never more than the relations together allow.
            expect(DOC_RANK[code], `document ${type} (never more than allowed)`).toBeLessThanOrEqual(
              DOC_RANK[union],
            );
          }
        }
        expect(Object.fromEntries(codeDecisions(c, grants)), 'decisions and grounds').toEqual(
          Object.fromEntries(oracleDecisions(c)),
        );
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
    // The generator reaches every state each procedure can be in.
    for (const procedure of PROCEDURES) {
      const expected: DossierState[] = [
        'draft',
        'filed',
        'incomplete',
        'admissible',
        'inadmissible',
        'work_granted',
        'work_refused',
        'issued',
        'withdrawn_by_applicant',
        'work_withdrawn',
        ...(procedure === 'single_permit'
          ? (['residence_granted', 'residence_refused', 'residence_withdrawn', 'residence_ended'] as const)
          : []),
      ];
      for (const state of expected)
        expect(statesSeen, `${procedure}:${state} drawn`).toContain(`${procedure}:${state}`);
    }
    console.log(`access policy property: ${runs} runs, ${statesSeen.size} procedure/state pairs`);
  });
});
