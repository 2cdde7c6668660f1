import type { DeadlineClock } from '../../contract/views.js';
import { addDays, daysBetween, legalDate } from '../../platform/clock.js';
import { deadlineRule } from '../../rules/deadlines.js';
import type { Category, Procedure } from '../../contract/procedures.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * R-PROC-7: the period runs from the complete filing, stands still while the applicant is asked
 * for documents, and may be extended once. The rule in force on the filing date applies.
 */
export function deadlineClock(
  procedure: Procedure,
  category: Category,
  lc: Lifecycle,
  now: Date,
): DeadlineClock | null {
  if (!lc.filedAt) return null;
  const startedOn = legalDate(lc.filedAt);
  const rule = deadlineRule(procedure, startedOn, category);
  const today = legalDate(now);
  const stoppedOn = lc.stoppedAt ? legalDate(lc.stoppedAt) : null;
  const horizon = stoppedOn ?? today;
  const suspensions = lc.requests.map((r) => {
    const from = legalDate(r.requestedAt);
    const until = r.answeredAt ? legalDate(r.answeredAt) : null;
    return { requestId: r.id, from, until, days: Math.max(0, daysBetween(from, until ?? horizon)) };
  });
  const suspendedDays = suspensions.reduce((sum, s) => sum + s.days, 0);
  const extension = lc.extension
    ? { days: lc.extension.days, reason: lc.extension.reason, on: legalDate(lc.extension.at) }
    : null;
  const dueDate = addDays(startedOn, rule.decisionDays + suspendedDays + (extension?.days ?? 0));
  const suspended = suspensions.some((s) => s.until === null);
  return {
    status: stoppedOn ? 'stopped' : suspended ? 'suspended' : 'running',
    startedOn,
    decisionDays: rule.decisionDays,
    legalSource: rule.legalSource,
    suspensions,
    suspendedDays,
    extension,
    extensionAvailableDays: extension ? 0 : rule.extensionDays,
    dueDate,
    daysLeft: stoppedOn ? null : daysBetween(today, dueDate),
    stoppedOn,
  };
}
