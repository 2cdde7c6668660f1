import type { ActionName } from '../../../src/contract/actions';
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

/**
 * The acts that move a dossier on, in the order of the procedure: the first one the caller may
 * take now is the action needed from them. Requests, extensions, checks and the rights of the
 * person concerned are possible in many states but never what a dossier waits for.
 */
const DECISIVE = [
  'declare_admissible',
  'decide_work',
  'decide_professional_card',
  'decide_residence',
  'record_issued',
] as const satisfies readonly ActionName[];

export type NeededAction = (typeof DECISIVE)[number];

export function actionNeeded(d: Pick<DossierSummary, 'allowedActions'>): NeededAction | null {
  return DECISIVE.find((a) => d.allowedActions.includes(a)) ?? null;
}

/** Action needed first (nearest deadline first among them), then the others by deadline. */
export function byActionNeeded(a: DossierSummary, b: DossierSummary): number {
  const needA = actionNeeded(a) !== null;
  const needB = actionNeeded(b) !== null;
  if (needA !== needB) return needA ? -1 : 1;
  return byDeadline(a, b);
}
