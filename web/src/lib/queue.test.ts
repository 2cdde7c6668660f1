import { describe, expect, it } from 'vitest';
import { NEAR_DUE_DAYS, actionNeeded, byActionNeeded, byDeadline, urgencyOf } from './queue';
import type { DossierSummary } from './types';

const dossier = (reference: string, daysLeft: number | null, allowedActions: string[] = []) =>
  ({
    reference,
    daysLeft,
    dueDate: daysLeft === null ? null : '2026-12-01',
    allowedActions,
  }) as DossierSummary;

describe('the work queue', () => {
  it('puts the nearest deadline first, overdue before all, and dossiers without a deadline last', () => {
    const sorted = [dossier('C', null), dossier('B', 30), dossier('A', -2), dossier('D', 3), dossier('E', 3)]
      .sort(byDeadline)
      .map((d) => d.reference);
    expect(sorted).toEqual(['A', 'D', 'E', 'B', 'C']);
  });

  it('marks overdue and near-due (at most 14 days) dossiers', () => {
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(0)).toBe('near');
    expect(urgencyOf(NEAR_DUE_DAYS)).toBe('near');
    expect(urgencyOf(NEAR_DUE_DAYS + 1)).toBeNull();
    expect(urgencyOf(null)).toBeNull();
  });

  it('names the act a dossier waits for, never a request or a right that is always open', () => {
    expect(actionNeeded(dossier('A', 3, ['request_documents', 'declare_admissible', 'rectify']))).toBe(
      'declare_admissible',
    );
    expect(actionNeeded(dossier('B', 3, ['decide_residence', 'extend_deadline']))).toBe('decide_residence');
    expect(actionNeeded(dossier('C', 3, ['rectify', 'register_hold', 'run_checks']))).toBeNull();
  });

  it('lists the dossiers needing an action first, each group by deadline', () => {
    const sorted = [
      dossier('WAITS', -5, ['rectify']),
      dossier('LATER', 40, ['decide_work']),
      dossier('SOON', 2, ['declare_admissible']),
      dossier('NONE', null, []),
    ]
      .sort(byActionNeeded)
      .map((d) => d.reference);
    expect(sorted).toEqual(['SOON', 'LATER', 'WAITS', 'NONE']);
  });
});
