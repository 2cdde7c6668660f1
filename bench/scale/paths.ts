import type { ActionName } from '../../src/contract/actions.js';
import type { Procedure } from '../../src/contract/procedures.js';
import type { DossierState, Relation } from '../../src/contract/states.js';
import { findTransition } from '../../src/dossier/model/transitions.js';
import type { Target } from './proportions.js';

/*
 * The way of a dossier to where it stands, as a list of actions, each checked against the typed
 * transition table (src/dossier/model/transitions.ts) with its legal basis taken from the row that
 * allows it. A path the table refuses throws, so generated logs always fold to their target.
 */

export type StepKind =
  | 'create'
  | 'upload'
  | 'submit'
  | 'request'
  | 'answer_upload'
  | 'answer'
  | 'admissible'
  | 'inadmissible'
  | 'work_granted'
  | 'work_refused'
  | 'residence_granted'
  | 'residence_refused'
  | 'issued'
  | 'withdraw_application'
  | 'withdraw_work'
  | 'withdraw_residence'
  | 'end_residence';

export interface Step {
  kind: StepKind;
  action: ActionName;
  relation: Relation;
  legalBasis: string;
  /** Days after the previous step, before compression to fit a recent dossier. */
  days: number;
}

const ACTION_OF: Record<StepKind, (p: Procedure) => ActionName> = {
  create: () => 'create',
  upload: () => 'add_document',
  submit: () => 'submit',
  request: () => 'request_documents',
  answer_upload: () => 'add_document',
  answer: () => 'answer_request',
  admissible: () => 'declare_admissible',
  inadmissible: () => 'declare_inadmissible',
  work_granted: (p) => (p === 'professional_card' ? 'decide_professional_card' : 'decide_work'),
  work_refused: (p) => (p === 'professional_card' ? 'decide_professional_card' : 'decide_work'),
  residence_granted: () => 'decide_residence',
  residence_refused: () => 'decide_residence',
  issued: () => 'record_issued',
  withdraw_application: () => 'withdraw_application',
  withdraw_work: (p) => (p === 'professional_card' ? 'withdraw_professional_card' : 'withdraw_work'),
  withdraw_residence: () => 'withdraw_residence',
  end_residence: () => 'end_residence',
};

const RELATION_OF: Record<StepKind, Relation | 'issuer'> = {
  create: 'applicant',
  upload: 'applicant',
  submit: 'applicant',
  request: 'competent_region',
  answer_upload: 'applicant',
  answer: 'applicant',
  admissible: 'competent_region',
  inadmissible: 'competent_region',
  work_granted: 'competent_region',
  work_refused: 'competent_region',
  residence_granted: 'dvz',
  residence_refused: 'dvz',
  issued: 'issuer',
  withdraw_application: 'applicant',
  withdraw_work: 'competent_region',
  withdraw_residence: 'dvz',
  end_residence: 'dvz',
};

const DAYS: Record<StepKind, number> = {
  create: 0,
  upload: 0,
  submit: 2,
  request: 12,
  answer_upload: 9,
  answer: 0,
  admissible: 14,
  inadmissible: 14,
  work_granted: 21,
  work_refused: 21,
  residence_granted: 25,
  residence_refused: 25,
  issued: 20,
  withdraw_application: 10,
  withdraw_work: 240,
  withdraw_residence: 300,
  end_residence: 400,
};

/** The kinds of step after filing that lead to `target`, without the optional request. */
function stepsAfterFiling(procedure: Procedure, target: Target): StepKind[] {
  const a = procedure === 'single_permit';
  const granted: StepKind[] = ['admissible', 'work_granted'];
  const held: StepKind[] = a ? [...granted, 'residence_granted', 'issued'] : [...granted, 'issued'];
  switch (target) {
    case 'draft':
    case 'filed':
    case 'incomplete':
      return [];
    case 'admissible':
      return ['admissible'];
    case 'inadmissible':
      return ['inadmissible'];
    case 'work_granted':
      return granted;
    case 'work_refused':
      return ['admissible', 'work_refused'];
    case 'residence_granted':
      return [...granted, 'residence_granted'];
    case 'residence_refused':
      return [...granted, 'residence_refused'];
    case 'issued':
      return held;
    case 'withdrawn_by_applicant':
      return ['withdraw_application'];
    case 'work_withdrawn':
      return [...held, 'withdraw_work'];
    case 'residence_withdrawn':
      return [...held, 'withdraw_residence'];
    case 'residence_ended':
      return [...held, 'end_residence'];
  }
}

const cache = new Map<string, Step[]>();

/**
 * The checked steps of a dossier: created, `uploads` documents added, then (unless a draft) filed,
 * optionally asked for one document and answered, and taken to its target.
 */
export function pathTo(
  procedure: Procedure,
  target: Target,
  uploads: number,
  withRequest: boolean,
  issuer: 'post' | 'municipality',
): Step[] {
  const key = `${procedure}|${target}|${uploads}|${withRequest}|${issuer}`;
  const known = cache.get(key);
  if (known) return known;
  const kinds: StepKind[] = ['create', ...Array<StepKind>(uploads).fill('upload')];
  if (target !== 'draft') {
    kinds.push('submit');
    if (target === 'incomplete') kinds.push('request');
    else if (withRequest && target !== 'withdrawn_by_applicant' && target !== 'filed')
      kinds.push('request', 'answer_upload', 'answer');
    kinds.push(...stepsAfterFiling(procedure, target));
  }
  let state: DossierState = 'draft';
  let resume: DossierState = 'draft';
  const steps = kinds.map((kind): Step => {
    const action = ACTION_OF[kind](procedure);
    const wanted = RELATION_OF[kind];
    const relation: Relation =
      wanted === 'issuer' ? (procedure === 'single_permit' ? issuer : 'competent_region') : wanted;
    if (action === 'create') return { kind, action, relation, legalBasis: 'Art. 19-20', days: 0 };
    const verdict = findTransition(action, procedure, state, [relation]);
    if (!verdict.ok)
      throw new Error(
        `generated path refused: ${procedure} ${action} by ${relation} in ${state} (${verdict.reason})`,
      );
    const to = verdict.transition.to;
    const next: DossierState =
      to === 'unchanged'
        ? state
        : to === 'resume'
          ? resume
          : typeof to === 'string'
            ? to
            : kind.endsWith('granted')
              ? to.granted
              : to.refused;
    if (action === 'request_documents') resume = state;
    state = next;
    return { kind, action, relation, legalBasis: verdict.transition.legalBasis, days: DAYS[kind] };
  });
  if (state !== target) throw new Error(`generated path for ${procedure} ends in ${state}, not ${target}`);
  cache.set(key, steps);
  return steps;
}
