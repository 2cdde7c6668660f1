import type { Procedure } from '../../../src/contract/procedures';
import { NEGATIVE_STATES, type ShownState } from '../../../src/contract/states';
import type { DeadlineClock } from '../../../src/contract/views';
import type { MessageKey } from '../i18n';

export interface NextStep {
  /** What happens next, and who does it. */
  key: MessageKey;
  /** The date the decision is expected by, while the decision period runs. */
  expected: string | null;
  /** The period stands still: documents were asked. */
  suspended: boolean;
}

const NEGATIVE: ReadonlySet<ShownState> = new Set([...NEGATIVE_STATES, 'negative_decision']);

/**
 * What happens next to a dossier, from its state and the deadline clock (R-PROC-5, R-PROC-7): who
 * acts, and by when the decision is due. Nothing is promised beyond what the clock says.
 */
export function nextStepOf(dossier: {
  procedure: Procedure;
  state: ShownState;
  clock: Pick<DeadlineClock, 'status' | 'dueDate' | 'daysLeft'> | null;
}): NextStep {
  const { state, procedure, clock } = dossier;
  const running = clock !== null && clock.status !== 'stopped' && clock.daysLeft !== null;
  const expected = running ? clock.dueDate : null;
  const suspended = clock?.status === 'suspended';
  const step = (key: MessageKey, withDate = true): NextStep => ({
    key,
    expected: withDate ? expected : null,
    suspended: withDate && suspended,
  });
  if (NEGATIVE.has(state)) return step('next.negative', false);
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the negative states are answered above
  switch (state) {
    case 'draft':
      return step('next.draft', false);
    case 'filed':
      return step('next.filed');
    case 'incomplete':
      return step('next.incomplete');
    case 'admissible':
      return step(procedure === 'professional_card' ? 'next.admissible.card' : 'next.admissible');
    case 'work_granted':
      return procedure === 'single_permit'
        ? step('next.workGranted.residence')
        : step('next.workGranted.issue', false);
    case 'residence_granted':
      return step('next.residenceGranted', false);
    case 'issued':
      return step('next.issued', false);
    // Withdrawn by the applicant; the negative states were answered above.
    default:
      return step('next.withdrawn', false);
  }
}
