import type { Session } from './types';

/** Authorities that work a queue of dossiers: the examining ones, and those that issue the documents. */
export const QUEUE_KINDS: ReadonlySet<string> = new Set([
  'regional_authority',
  'dvz',
  'post',
  'municipality',
]);

export const isDpo = (session: Session | null | undefined): boolean =>
  session?.roles.includes('dpo') ?? false;

/**
 * Where each role starts: a case officer on the queue, the DPO on the supervision screen, the
 * operator on the platform's health, the inspection on its search, the worker on their home (the
 * next step of each dossier), applicants on their dossiers.
 */
export function homeOf(session: Session): string {
  const kind = session.organisation.kind;
  if (isDpo(session)) return '/oversight';
  if (QUEUE_KINDS.has(kind)) return '/queue';
  if (kind === 'onss') return '/platform';
  if (kind === 'inspection') return '/search';
  if (kind === 'employment_service') return '/deliveries';
  if (kind === 'management_committee') return '/committee';
  if (kind === 'worker') return '/';
  return '/dossiers';
}
