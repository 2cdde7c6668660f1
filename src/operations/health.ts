import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { PlatformHealth } from '../contract/oversight.js';
import type { DossierState } from '../contract/states.js';
import type { OrganisationKind } from '../contract/organisations.js';
import { jobRuns } from './job-runs.js';

/** A timer job as the operator sees it: its name and period (src/jobs.ts `JOBS`). */
export interface ScheduledJob {
  name: string;
  periodMs: number;
}

type Backlog = PlatformHealth['deliveries']['notifications'];

/**
 * An outbox's backlog: what still waits, what waits after a failed attempt, what was given up.
 * `done` names the column set once an item left (sent or delivered).
 */
async function backlogOf(
  db: Queryable,
  table: 'notification' | 'webhook_push' | 'deletion_push',
  done: 'sent_at' | 'delivered_at',
): Promise<Backlog> {
  const row = await db
    .selectFrom(table)
    .select([
      sql<string>`count(*) filter (where ${sql.ref(done)} is null and gave_up_at is null)`.as('pending'),
      sql<string>`count(*) filter (where ${sql.ref(done)} is null and gave_up_at is null and attempts > 0)`.as(
        'retrying',
      ),
      sql<string>`count(*) filter (where gave_up_at is not null and ${sql.ref(done)} is null)`.as('failed'),
      sql<Date | null>`min(created_at) filter (where ${sql.ref(done)} is null and gave_up_at is null)`.as(
        'oldest',
      ),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    retrying: Number(row.retrying),
    failed: Number(row.failed),
    oldestPendingAt: row.oldest ? new Date(row.oldest).toISOString() : null,
  };
}

/**
 * The platform's health for its operator (R-CONS-4: the operator runs the platform without
 * reading dossier content): counts per region and state, the outboxes' backlogs, the timer jobs'
 * last runs. Nothing here names a person, a dossier or an organisation.
 */
export async function platformHealth(
  db: Queryable,
  jobs: readonly ScheduledJob[],
  now: Date,
): Promise<PlatformHealth> {
  const queues = await db
    .selectFrom('dossier')
    .select(['region', 'state', sql<string>`count(*)`.as('count')])
    .groupBy(['region', 'state'])
    .orderBy('region')
    .orderBy('state')
    .execute();
  const unacknowledged = await db
    .selectFrom('delivery as d')
    .innerJoin('organisation as o', 'o.id', 'd.recipient_organisation_id')
    .select(['o.kind', sql<string>`count(*)`.as('count')])
    .where('d.acknowledged_at', 'is', null)
    .groupBy('o.kind')
    .orderBy('o.kind')
    .execute();
  const runs = new Map((await jobRuns(db)).map((r) => [r.job, r]));
  return {
    queues: queues.map((q) => ({
      region: q.region,
      state: q.state as DossierState,
      count: Number(q.count),
    })),
    deliveries: {
      notifications: await backlogOf(db, 'notification', 'sent_at'),
      webhookPushes: await backlogOf(db, 'webhook_push', 'delivered_at'),
      deletionPushes: await backlogOf(db, 'deletion_push', 'delivered_at'),
      unacknowledged: unacknowledged.map((u) => ({
        recipientKind: u.kind as OrganisationKind,
        count: Number(u.count),
      })),
    },
    jobs: jobs.map((job) => {
      const run = runs.get(job.name);
      return {
        job: job.name,
        periodSeconds: Math.round(job.periodMs / 1000),
        outcome: run?.outcome ?? 'never',
        startedAt: run?.startedAt ?? null,
        finishedAt: run?.finishedAt ?? null,
        durationMs: run?.durationMs ?? null,
        errorKind: run?.errorKind ?? null,
        runs: run?.runs ?? 0,
        failures: run?.failures ?? 0,
      };
    }),
    at: now.toISOString(),
  };
}
