import { ACTIONS, type ActionName } from '../../contract/actions.js';
import type { Procedure } from '../../contract/procedures.js';
import { STATES, type DossierState, type Relation } from '../../contract/states.js';

/** Where a transition leads: a fixed state, the state before the open request, or by outcome. */
export type Target = DossierState | 'unchanged' | 'resume' | { granted: DossierState; refused: DossierState };

export interface Transition {
  action: ActionName;
  procedures: readonly Procedure[];
  from: readonly DossierState[];
  by: readonly Relation[];
  to: Target;
  legalBasis: string;
}

const ALL: readonly Procedure[] = ['single_permit', 'work_permit', 'professional_card'];
const A: readonly Procedure[] = ['single_permit'];
const AB: readonly Procedure[] = ['single_permit', 'work_permit'];
const BC: readonly Procedure[] = ['work_permit', 'professional_card'];
const C: readonly Procedure[] = ['professional_card'];
const BEFORE_DECISION: readonly DossierState[] = ['filed', 'incomplete', 'admissible'];
const PERMIT_HELD_A: readonly DossierState[] = ['residence_granted', 'issued'];
const PERMIT_HELD_BC: readonly DossierState[] = ['work_granted', 'issued'];
/** Every state after filing: the rights of the person concerned apply to the whole filed life. */
const FILED: readonly DossierState[] = STATES.filter((s) => s !== 'draft');

/**
 * The one table of what may happen to a dossier: which party, in which state, with which
 * effect, on which legal basis (R-PROC-5, R-PROC-6). Anything not in it is refused.
 * A row for the same action may appear more than once when parties differ per state.
 */
// prettier-ignore
export const TRANSITIONS: readonly Transition[] = [
  { action: 'edit', procedures: ALL, from: ['draft'], by: ['applicant'], to: 'unchanged', legalBasis: 'Art. 20 §1' },
  { action: 'add_document', procedures: ALL, from: ['draft'], by: ['applicant'], to: 'unchanged', legalBasis: 'Art. 20 §1' },
  { action: 'add_document', procedures: ALL, from: ['incomplete'], by: ['applicant'], to: 'unchanged', legalBasis: 'Art. 20 §4' },
  { action: 'add_document', procedures: ALL, from: ['filed', 'admissible', 'incomplete'], by: ['competent_region'], to: 'unchanged', legalBasis: 'Art. 12 §1' },
  { action: 'add_document', procedures: A, from: ['work_granted'], by: ['dvz'], to: 'unchanged', legalBasis: 'Art. 12 §1' },
  { action: 'remove_document', procedures: ALL, from: ['draft'], by: ['applicant'], to: 'unchanged', legalBasis: 'Art. 20 §1' },
  { action: 'submit', procedures: ALL, from: ['draft'], by: ['applicant'], to: 'filed', legalBasis: 'Art. 19-20' },
  { action: 'declare_admissible', procedures: ALL, from: ['filed'], by: ['competent_region'], to: 'admissible', legalBasis: 'Art. 12 §1; Art. 18 §1 2°, §2 2°' },
  { action: 'declare_inadmissible', procedures: ALL, from: ['filed'], by: ['competent_region'], to: 'inadmissible', legalBasis: 'Art. 12 §1; Art. 18 §1 2°, §2 2°' },
  { action: 'request_documents', procedures: ALL, from: ['filed', 'admissible'], by: ['competent_region'], to: 'incomplete', legalBasis: 'Art. 20 §4' },
  { action: 'request_documents', procedures: A, from: ['work_granted'], by: ['dvz'], to: 'incomplete', legalBasis: 'Art. 20 §4; access.md rule 4' },
  { action: 'answer_request', procedures: ALL, from: ['incomplete'], by: ['applicant'], to: 'resume', legalBasis: 'Art. 20 §4' },
  { action: 'extend_deadline', procedures: ALL, from: ['filed', 'incomplete', 'admissible'], by: ['competent_region'], to: 'unchanged', legalBasis: 'Directive (EU) 2024/1233 art. 5(1)' },
  { action: 'extend_deadline', procedures: A, from: ['work_granted', 'incomplete'], by: ['dvz'], to: 'unchanged', legalBasis: 'Directive (EU) 2024/1233 art. 5(1)' },
  { action: 'decide_work', procedures: AB, from: ['admissible'], by: ['competent_region'], to: { granted: 'work_granted', refused: 'work_refused' }, legalBasis: 'Art. 18 §1 4°' },
  { action: 'decide_professional_card', procedures: C, from: ['admissible'], by: ['competent_region'], to: { granted: 'work_granted', refused: 'work_refused' }, legalBasis: 'Art. 18 §2 4°' },
  { action: 'decide_residence', procedures: A, from: ['work_granted'], by: ['dvz'], to: { granted: 'residence_granted', refused: 'residence_refused' }, legalBasis: 'Art. 18 §1 3°' },
  { action: 'record_issued', procedures: A, from: ['residence_granted'], by: ['post', 'municipality'], to: 'issued', legalBasis: 'Art. 21-23' },
  { action: 'record_issued', procedures: BC, from: ['work_granted'], by: ['competent_region'], to: 'issued', legalBasis: 'Art. 18 §1 4°, §2 4°' },
  { action: 'withdraw_application', procedures: ALL, from: ['draft', ...BEFORE_DECISION], by: ['applicant'], to: 'withdrawn_by_applicant', legalBasis: 'Art. 19' },
  { action: 'withdraw_work', procedures: AB, from: ['work_granted', ...PERMIT_HELD_A], by: ['competent_region'], to: 'work_withdrawn', legalBasis: 'Art. 18 §1 4°; Art. 10 9°' },
  { action: 'withdraw_professional_card', procedures: C, from: PERMIT_HELD_BC, by: ['competent_region'], to: 'work_withdrawn', legalBasis: 'Art. 18 §2 4°' },
  { action: 'withdraw_residence', procedures: A, from: PERMIT_HELD_A, by: ['dvz'], to: 'residence_withdrawn', legalBasis: 'Art. 18 §1 3°' },
  { action: 'end_residence', procedures: A, from: PERMIT_HELD_A, by: ['dvz'], to: 'residence_ended', legalBasis: 'Art. 18 §1 3°' },
  { action: 'renew', procedures: A, from: PERMIT_HELD_A, by: ['applicant'], to: 'unchanged', legalBasis: 'Art. 18; Art. 4' },
  { action: 'renew', procedures: BC, from: PERMIT_HELD_BC, by: ['applicant'], to: 'unchanged', legalBasis: 'Art. 18; Art. 4' },
  // Automated checks against the authentic sources, by whoever examines the dossier now (once-only).
  { action: 'run_checks', procedures: ALL, from: BEFORE_DECISION, by: ['competent_region'], to: 'unchanged', legalBasis: 'Art. 14' },
  { action: 'run_checks', procedures: A, from: ['work_granted', 'incomplete'], by: ['dvz'], to: 'unchanged', legalBasis: 'Art. 14 §1' },
  // Rights of the person concerned (Art. 29): the controller, or its DPO for it, answers in any filed state.
  { action: 'rectify', procedures: ALL, from: FILED, by: ['competent_region', 'dvz', 'dpo'], to: 'unchanged', legalBasis: 'GDPR 16; Art. 29' },
  { action: 'restrict_processing', procedures: ALL, from: FILED, by: ['competent_region', 'dvz', 'dpo'], to: 'unchanged', legalBasis: 'GDPR 18; Art. 29' },
  { action: 'lift_restriction', procedures: ALL, from: FILED, by: ['competent_region', 'dvz', 'dpo'], to: 'unchanged', legalBasis: 'GDPR 18(3); Art. 29' },
  // A legal hold (appeal, proceedings, fraud investigation) keeps a filed dossier past its period (Art. 27 §1 3°).
  { action: 'register_hold', procedures: ALL, from: FILED, by: ['competent_region', 'dvz'], to: 'unchanged', legalBasis: 'Art. 27 §1 3°' },
  { action: 'lift_hold', procedures: ALL, from: FILED, by: ['competent_region', 'dvz'], to: 'unchanged', legalBasis: 'Art. 27 §1 3°' },
  // The examining authority confirms the fee reached the collecting authority (R-FILE-7); DVZ once the region has granted.
  { action: 'confirm_fee_payment', procedures: ALL, from: BEFORE_DECISION, by: ['competent_region', 'dvz'], to: 'unchanged', legalBasis: 'Art. 18 §1 1°' },
  { action: 'confirm_fee_payment', procedures: A, from: ['work_granted'], by: ['dvz'], to: 'unchanged', legalBasis: 'Art. 18 §1 1°' },
];

/** States from which a dossier holds a granted permit another dossier may build on. */
export const PERMIT_HELD: Record<Procedure, readonly DossierState[]> = {
  single_permit: PERMIT_HELD_A,
  work_permit: PERMIT_HELD_BC,
  professional_card: PERMIT_HELD_BC,
};

export type TransitionVerdict =
  | { ok: true; transition: Transition; relation: Relation }
  | { ok: false; reason: 'not_in_procedure' | 'forbidden' | 'not_in_state' };

/**
 * Finds the row allowing `action`. The reason of a refusal distinguishes "not yours to do"
 * from "not now", so the caller gets the error that helps.
 */
export function findTransition(
  action: ActionName,
  procedure: Procedure,
  state: DossierState,
  relations: readonly Relation[],
): TransitionVerdict {
  const rows = TRANSITIONS.filter((t) => t.action === action && t.procedures.includes(procedure));
  if (rows.length === 0) return { ok: false, reason: 'not_in_procedure' };
  for (const transition of rows) {
    if (!transition.from.includes(state)) continue;
    const relation = relations.find((r) => transition.by.includes(r));
    if (relation) return { ok: true, transition, relation };
  }
  const mine = rows.some((t) => t.by.some((r) => relations.includes(r)));
  return { ok: false, reason: mine ? 'not_in_state' : 'forbidden' };
}

export function allowedActions(
  procedure: Procedure,
  state: DossierState,
  relations: readonly Relation[],
): ActionName[] {
  return ACTIONS.filter((action) => findTransition(action, procedure, state, relations).ok);
}
