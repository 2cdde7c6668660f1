import { sql } from 'kysely';
import type { OperationalFigures } from '../contract/committee.js';
import type { Queryable } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import { daysBetween, legalDate } from '../platform/clock.js';

/*
 * The platform's operational figures the committee follows (Art. 30 §2, lifecycle.md §4): counts
 * only, from the anonymous facts (volumes, deadlines kept), the rights requests' parts still
 * unanswered and the deliveries not yet acknowledged. No dossier, person or organisation is named.
 */

/** A month as one comparable number, as the facts keep no finer date. */
const monthKey = (date: string) => Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));

export async function operationalFigures(
  db: Queryable,
  clock: Clock,
  period: { from: string; to: string },
): Promise<OperationalFigures> {
  const from = monthKey(period.from);
  const to = monthKey(period.to);
  const facts = await db
    .selectFrom('statistic_fact')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('event', '=', 'filed').as('filed'),
      eb.fn.countAll<string>().filterWhere('event', '=', 'decision').as('decisions'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) => w.and([w('event', '=', 'decision'), w('within_deadline', 'is not', null)]))
        .as('measured'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) => w.and([w('event', '=', 'decision'), w('within_deadline', '=', true)]))
        .as('within'),
    ])
    .where(sql<number>`year * 100 + month`, '>=', from)
    .where(sql<number>`year * 100 + month`, '<=', to)
    .executeTakeFirstOrThrow();
  const today = legalDate(clock.now());
  const rights = await db
    .selectFrom('rights_request_part')
    .select((eb) => [
      eb.fn.countAll<string>().as('open'),
      eb.fn.countAll<string>().filterWhere('due_on', '<', today).as('overdue'),
    ])
    .where('outcome', 'is', null)
    .executeTakeFirstOrThrow();
  const backlog = await db
    .selectFrom('delivery')
    .select((eb) => [eb.fn.countAll<string>().as('waiting'), eb.fn.min('created_at').as('oldest')])
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  // min() over no row is null, whatever the column's type says.
  const oldestAt = backlog.oldest as Date | null;
  const oldest = oldestAt === null ? null : legalDate(new Date(oldestAt));
  return {
    from: period.from,
    to: period.to,
    filed: Number(facts.filed),
    decisions: Number(facts.decisions),
    decisionsMeasured: Number(facts.measured),
    decisionsWithinDeadline: Number(facts.within),
    openRightsRequests: Number(rights.open),
    overdueRightsRequests: Number(rights.overdue),
    deliveryBacklog: Number(backlog.waiting),
    oldestUnacknowledgedDeliveryDays: oldest ? daysBetween(oldest, today) : null,
  };
}
