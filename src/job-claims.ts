import { sql } from 'kysely';
import type { AppDeps } from './deps.js';

/*
 * Several server processes may run on one PostgreSQL database (docs/deployment.md). Each runs every
 * timer job on its own timer, so each job claims its work before doing it:
 *
 * - the outboxes (pushes, notifications, deletion events) claim item by item with
 *   `FOR UPDATE SKIP LOCKED` and a lease (src/exchange/dispatcher.ts): every process sends, none
 *   sends what another has taken;
 * - every other job runs whole under a transaction-scoped advisory lock of its own, taken with
 *   `pg_try_advisory_xact_lock`: a process that finds it held skips this run, and the lock ends
 *   with the holder's transaction, so a process that dies (even by SIGKILL) frees it at once.
 *
 * A transaction-scoped lock rather than a session lock: it survives a pgbouncer in transaction
 * mode (a session lock would stay on a server connection other clients then share) and cannot be
 * left behind by a code path that forgets to unlock. No table is needed, so no lease to expire.
 *
 * The embedded database (PGlite) serves one process only (its data folder is locked by the first),
 * and has one connection: a transaction held open for the lock would leave the job itself none.
 * There the jobs run without a lock.
 */

/** The class of the job locks: the two-number form of the advisory locks, apart from the others. */
const JOB_LOCK_CLASS = 0x10b5;

export type Claimed<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `work` if no other process runs the job `name` now. The lock is held by a transaction on
 * a connection of its own, open (and idle) while the work runs on the others.
 */
export async function exclusively<T>(
  deps: Pick<AppDeps, 'db' | 'config'>,
  name: string,
  work: () => Promise<T>,
): Promise<Claimed<T>> {
  if (!deps.config.databaseUrl) return { ran: true, value: await work() };
  return deps.db.transaction().execute(async (tx): Promise<Claimed<T>> => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(${JOB_LOCK_CLASS}::int, hashtext(${name})) as locked`.execute(tx);
    if (!rows[0]?.locked) return { ran: false };
    await pauseForTest(`${name}.locked`);
    return { ran: true, value: await work() };
  });
}

// Test hooks, read once and never in production: `src/multiple-servers.test.ts` kills a process at
// a point it names, and runs the timers faster than a day.
const testing = process.env.NODE_ENV !== 'production';
const PAUSE_AT = new Set(testing ? (process.env.SW_TEST_PAUSE_AT ?? '').split(',').filter(Boolean) : []);
const PERIOD_MS = testing ? Number(process.env.SW_TEST_JOB_PERIOD_MS ?? '') : Number.NaN;

/**
 * Stops the job here for good, saying so on stdout, when the test named this point: the process
 * keeps serving requests with the job's claim held, until the test kills it.
 */
export async function pauseForTest(point: string): Promise<void> {
  if (!PAUSE_AT.has(point)) return;
  process.stdout.write(`paused at ${point}\n`);
  await new Promise<never>(() => undefined);
}

/** A job's period, or the test's shorter one. */
export function periodOf(job: { periodMs: number }): number {
  return Number.isInteger(PERIOD_MS) && PERIOD_MS > 0 ? PERIOD_MS : job.periodMs;
}
