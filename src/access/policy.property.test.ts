import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, DOCUMENT_TYPES } from '../contract/documents.js';
import { DOCUMENT_CATEGORY } from '../rules/documents.js';
import type { DocumentType } from '../contract/documents.js';
import { PROCEDURES, type Procedure } from '../contract/procedures.js';
import type { DecisionKind, DecisionOutcome } from '../contract/views.js';
import { emptyLifecycle, type DecisionRecord, type Lifecycle } from '../dossier/model/lifecycle.js';
import { RELATIONS, type DossierState, type Relation } from '../contract/states.js';
import { grantsFor, type Grant } from './evaluate.js';
import {
  DOC_RANK,
  LEVEL_RANK,
  maxBy,
  oracleDecisions,
  specDocument,
  specLevel,
  type Case,
  type DecisionShown,
  type DocSeen,
} from '../../test/policy.oracle.js';
import { decisionViews } from './view.js';

/*
 * Property test of the access policy: thousands of (relations, procedure, dossier history,
 * designations) are drawn and what the code shows is compared with an ORACLE written from the
 * text of the shared specification spec/access.md (the table and its rules 1-3), domain.md where access.md
 * points to it, and the readings recorded in docs/decisions/0003-spec-readings.md and
 * 0004-policy-differences.md. The oracle (policy.oracle.ts, shared with policy.http.test.ts)
 * deliberately does not import policy.ts.
 */

// ---------------------------------------------------------------------------------------------
// What the code shows, read the way the gate reads a Grant (redact.ts / gate.ts).
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
      notifiedAt: undefined,
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
  let lc: Lifecycle = emptyLifecycle();
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
    reading: fc.constantFrom('narrow' as const, 'broad' as const),
  })
  .map(({ relations, procedure, choices, health, criminal, reading }) => ({
    relations,
    procedure,
    lc: history(procedure, choices),
    designated: { health, criminal },
    reading,
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
          inspectionReading: c.reading,
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
