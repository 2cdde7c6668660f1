import type { ActionName } from '../contract/actions.js';
import type { AppDeps } from '../deps.js';
import type { Command } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { permitTypeOf } from '../rules/procedures.js';
import { performAction } from './acting.js';

/*
 * Decisions on work, residence and the professional card, their later withdrawal or end, the
 * applicant's withdrawal of the application, and the issue of the permit.
 */

export interface FirstDecisionInput {
  kind: 'work' | 'residence' | 'professional_card';
  outcome: 'granted' | 'refused';
  grounds?: string | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
}

export type DecisionInput =
  | FirstDecisionInput
  | { kind: 'withdrawal' | 'end'; of: 'work' | 'residence' | 'professional_card'; grounds: string };

const DECISION_ACTION = {
  work: 'decide_work',
  residence: 'decide_residence',
  professional_card: 'decide_professional_card',
} as const;

const LATER_ACTION = {
  withdrawal: {
    work: 'withdraw_work',
    residence: 'withdraw_residence',
    professional_card: 'withdraw_professional_card',
  },
  end: { residence: 'end_residence' },
} as const;

export function decide(deps: AppDeps, command: Command, id: string, input: DecisionInput) {
  if ('of' in input) {
    const action = (LATER_ACTION[input.kind] as Partial<Record<string, ActionName>>)[input.of];
    if (!action)
      throw new AppError('validation_failed', { errors: [{ field: 'of', code: 'invalid_choice' }] });
    return performAction(
      deps,
      command,
      id,
      action,
      () => ({ grounds: input.grounds, decisionType: input.kind }),
      201,
    );
  }
  const first: FirstDecisionInput = input;
  if (first.outcome === 'refused' && !first.grounds) {
    throw new AppError('validation_failed', { errors: [{ field: 'grounds', code: 'required' }] });
  }
  if (first.validFrom && first.validUntil && first.validUntil <= first.validFrom) {
    throw new AppError('validation_failed', { errors: [{ field: 'validUntil', code: 'end_before_start' }] });
  }
  return performAction(
    deps,
    command,
    id,
    DECISION_ACTION[first.kind],
    ({ opened }) => ({
      outcome: first.outcome,
      ...(first.grounds && { grounds: first.grounds }),
      ...(first.validFrom && { validFrom: first.validFrom }),
      ...(first.validUntil && { validUntil: first.validUntil }),
      permitType: permitTypeOf(opened.record.category, opened.record.longTermMobility),
      decisionType: first.outcome === 'refused' ? 'refusal' : (opened.record.follows?.kind ?? 'first'),
    }),
    201,
  );
}

export function withdrawApplication(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { reason?: string | undefined },
) {
  return performAction(deps, command, id, 'withdraw_application', ({ opened }) => {
    // "Before a decision": a request for documents after the work decision does not reopen it.
    const decided = opened.record.lifecycle.decisions.some((d) => d.kind !== 'admissibility');
    if (decided) throw new AppError('action_not_allowed_in_state');
    return input.reason ? { reason: input.reason } : {};
  });
}

export function recordIssued(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { issuedOn: string; documentNumber?: string | undefined },
) {
  return performAction(deps, command, id, 'record_issued', () => input);
}
