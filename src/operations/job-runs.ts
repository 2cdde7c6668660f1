import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';

/**
 * The last run of each timer job, as the platform-health screen shows it. One row per job,
 * overwritten: the dispatcher runs every five seconds and must not grow a table.
 */
export async function jobStarted(db: Queryable, job: string, at: Date): Promise<void> {
  await db
    .insertInto('job_run')
    .values({
      job,
      started_at: at,
      finished_at: null,
      outcome: 'running',
      duration_ms: null,
      error_kind: null,
    })
    .onConflict((oc) =>
      oc.column('job').doUpdateSet({
        started_at: at,
        finished_at: null,
        outcome: 'running',
        duration_ms: null,
        error_kind: null,
      }),
    )
    .execute();
}

/** Records how a run ended; `errorKind` is an error class's name, never its message (it may name people). */
export async function jobFinished(
  db: Queryable,
  job: string,
  run: { startedAt: Date; finishedAt: Date; errorKind?: string | undefined },
): Promise<void> {
  const failed = run.errorKind !== undefined;
  await db
    .updateTable('job_run')
    .set({
      finished_at: run.finishedAt,
      outcome: failed ? 'failed' : 'succeeded',
      duration_ms: Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime()),
      error_kind: run.errorKind ?? null,
      runs: sql`runs + 1`,
      failures: failed ? sql`failures + 1` : sql`failures`,
    })
    .where('job', '=', job)
    .execute();
}

export interface JobRunView {
  job: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'running' | 'succeeded' | 'failed';
  durationMs: number | null;
  errorKind: string | null;
  runs: number;
  failures: number;
}

export async function jobRuns(db: Queryable): Promise<JobRunView[]> {
  const rows = await db.selectFrom('job_run').selectAll().orderBy('job').execute();
  return rows.map((r) => ({
    job: r.job,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    outcome: r.outcome as JobRunView['outcome'],
    durationMs: r.duration_ms,
    errorKind: r.error_kind,
    runs: r.runs,
    failures: r.failures,
  }));
}
