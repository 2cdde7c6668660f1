import type { Procedure } from '../../contract/procedures.js';
import type { Relation } from '../../contract/states.js';
import { addDays, legalDate } from '../../platform/clock.js';
import type { ActionRecord, DecisionRecord, Lifecycle } from './lifecycle.js';

/*
 * How long a dossier is kept (Art. 27, lifecycle.md §1): until the latest of the dates that apply,
 * then deleted automatically. Computed from the action log and the decisions' notification dates,
 * so it is always the fold of what happened, never a stored guess.
 */

import { HOLD_REASONS, type HoldReason, type RetentionRule } from '../../contract/retention.js';

export interface HoldRecord {
  id: string;
  reason: HoldReason;
  relation: Relation;
  organisationId: string;
  from: Date;
  liftedAt: Date | undefined;
}

export interface Retention {
  /** The legal date from which the dossier is due for deletion; null while it must be kept. */
  until: string | null;
  /** The rule that gives `until` (the latest date), or the open hold that keeps it; null while pending. */
  rule: RetentionRule | null;
  holds: HoldRecord[];
}

/** Drafts never filed are not applications: kept 180 days after their last change, told 30 before. */
export const DRAFT_IDLE_DAYS = 180;
export const DRAFT_NOTICE_DAYS = 30;

/** The same calendar day `years` later (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const isReason = (v: unknown): v is HoldReason =>
  typeof v === 'string' && (HOLD_REASONS as readonly string[]).includes(v);

/** The holds registered and lifted in the log, each with who registered it and why. */
export function holdsOf(actions: readonly ActionRecord[]): HoldRecord[] {
  const holds = new Map<string, HoldRecord>();
  for (const a of actions) {
    if (a.action === 'register_hold' && isReason(a.payload.reason)) {
      holds.set(a.id, {
        id: a.id,
        reason: a.payload.reason,
        relation: a.relation,
        organisationId: a.actorOrganisationId,
        from: a.at,
        liftedAt: undefined,
      });
    }
    if (a.action === 'lift_hold' && typeof a.payload.holdId === 'string') {
      const hold = holds.get(a.payload.holdId);
      if (hold && !hold.liftedAt) holds.set(hold.id, { ...hold, liftedAt: a.at });
    }
  }
  return [...holds.values()];
}

/** Every authorisation the procedure asks for was granted: (a) work and residence, (b) work, (c) the card. */
function allGranted(procedure: Procedure, decisions: readonly DecisionRecord[]): boolean {
  const granted = (kind: DecisionRecord['kind']) =>
    decisions.some((d) => d.kind === kind && d.outcome === 'granted');
  switch (procedure) {
    case 'single_permit':
      return granted('work') && granted('residence');
    case 'work_permit':
      return granted('work');
    case 'professional_card':
      return granted('professional_card');
  }
}

export interface RetentionInput {
  procedure: Procedure;
  createdAt: Date;
  actions: readonly ActionRecord[];
  lifecycle: Lifecycle;
}

/** The retention of a dossier as its log and notifications stand (lifecycle.md §1). */
export function retentionOf(input: RetentionInput): Retention {
  const { lifecycle: lc } = input;
  const holds = holdsOf(input.actions);
  if (!lc.filedAt) {
    const last = input.actions.at(-1)?.at ?? input.createdAt;
    return { until: addDays(legalDate(last), DRAFT_IDLE_DAYS), rule: 'draft_180d', holds };
  }
  const dates: { until: string; rule: RetentionRule }[] = [];
  if (allGranted(input.procedure, lc.decisions))
    dates.push({ until: addYears(legalDate(lc.filedAt), 10), rule: 'granted_10y' });
  // A period that runs from a notification does not start before the notification exists.
  for (const d of lc.decisions)
    if (d.negative && d.notifiedAt)
      dates.push({ until: addYears(legalDate(d.notifiedAt), 5), rule: 'closed_5y' });
  // The applicant's own withdrawal counts as an end, known to the applicant when made.
  for (const a of input.actions)
    if (a.action === 'withdraw_application')
      dates.push({ until: addYears(legalDate(a.at), 5), rule: 'closed_5y' });
  if (holds.some((h) => !h.liftedAt)) return { until: null, rule: 'hold_1y', holds };
  for (const h of holds)
    if (h.liftedAt) dates.push({ until: addYears(legalDate(h.liftedAt), 1), rule: 'hold_1y' });
  // Under examination, or a negative decision whose period has not started: kept.
  if (dates.length === 0 || lc.decisions.some((d) => d.negative && !d.notifiedAt))
    return { until: null, rule: null, holds };
  const latest = dates.reduce((a, b) => (b.until > a.until ? b : a));
  return { until: latest.until, rule: latest.rule, holds };
}
