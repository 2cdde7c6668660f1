import { describe, expect, it } from 'vitest';
import { nextStepOf } from './next-step';

const running = { status: 'running' as const, dueDate: '2027-02-21', daysLeft: 90 };

describe('what happens next, for the worker and the applicant', () => {
  it('names who examines and by when the decision is due while the period runs', () => {
    expect(nextStepOf({ procedure: 'single_permit', state: 'admissible', clock: running })).toEqual({
      key: 'next.admissible',
      expected: '2027-02-21',
      suspended: false,
    });
    expect(nextStepOf({ procedure: 'single_permit', state: 'work_granted', clock: running }).key).toBe(
      'next.workGranted.residence',
    );
  });

  it('says the period stands still while documents are asked', () => {
    const step = nextStepOf({
      procedure: 'work_permit',
      state: 'incomplete',
      clock: { ...running, status: 'suspended' },
    });
    expect(step).toMatchObject({ key: 'next.incomplete', suspended: true });
  });

  it('promises no date after a decision, and points to the appeal after a negative one', () => {
    const stopped = { status: 'stopped' as const, dueDate: '2027-02-21', daysLeft: null };
    expect(nextStepOf({ procedure: 'single_permit', state: 'work_refused', clock: stopped })).toEqual({
      key: 'next.negative',
      expected: null,
      suspended: false,
    });
    expect(nextStepOf({ procedure: 'single_permit', state: 'negative_decision', clock: null }).key).toBe(
      'next.negative',
    );
    expect(nextStepOf({ procedure: 'single_permit', state: 'issued', clock: stopped }).expected).toBeNull();
  });
});
