import { describe, expect, it } from 'vitest';
import { NEAR_DUE_DAYS, byDeadline, urgencyOf } from './queue';
import type { DossierSummary } from './types';

const dossier = (reference: string, daysLeft: number | null) =>
  ({ reference, daysLeft, dueDate: daysLeft === null ? null : '2026-12-01' }) as DossierSummary;

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
});
