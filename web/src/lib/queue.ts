import type { DossierSummary } from './types';

/** Near-due: at most this many days left. */
export const NEAR_DUE_DAYS = 14;

/** Nearest deadline first; dossiers without a running deadline last, then by reference. */
export function byDeadline(a: DossierSummary, b: DossierSummary): number {
  if (a.daysLeft === null && b.daysLeft === null) return a.reference.localeCompare(b.reference);
  if (a.daysLeft === null) return 1;
  if (b.daysLeft === null) return -1;
  return a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference);
}

export type Urgency = 'overdue' | 'near' | null;

export function urgencyOf(daysLeft: number | null): Urgency {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= NEAR_DUE_DAYS ? 'near' : null;
}
