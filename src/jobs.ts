import type { AppDeps } from './deps.js';
import { dispatchDue } from './exchange/dispatcher.js';
import { forgetExpiredReplays } from './db/idempotency.js';
import { removeOrphanFiles } from './documents/orphans.js';
import { publishAuditHead } from './audit/heads.js';
import { remindDueRightsRequests } from './rights/requests.js';
import { pushDeletionEvents } from './retention/deletion-events.js';
import { sweepRetention } from './retention/sweep.js';
import { jobFinished, jobStarted } from './operations/job-runs.js';
import { exclusively, periodOf } from './job-claims.js';

/** A task the server runs on a timer, after the commits that gave it work. */
export interface Job {
  name: string;
  periodMs: number;
  run: (deps: AppDeps, now: Date) => Promise<unknown>;
  /** Run once more when the server stops, after the last commits. */
  atStop?: boolean;
  /**
   * The job claims its items one by one, so every server process runs it at once; any other job
   * runs in one process at a time (src/job-claims.ts).
   */
  claimsItems?: boolean;
}

/** Every timer job of the platform, with its period: nothing else runs in the background. */
export const JOBS: readonly Job[] = [
  // Webhook pushes and notifications leave their outboxes a few seconds after their commit.
  { name: 'dispatch', periodMs: 5_000, run: (deps, now) => dispatchDue(deps, now), claimsItems: true },
  // The audit chain's head, signed, to a file outside the database; and at shutdown, so the head
  // before a stop is on record whatever happens to the database while the server is down.
  {
    name: 'audit_head',
    periodMs: 600_000,
    run: (deps, now) => publishAuditHead(deps.db, deps.config.auditKey, deps.config.auditHeadDir, now),
    atStop: true,
  },
  // Deletion events to the receivers of deleted dossiers, sent and retried like the pushes.
  {
    name: 'deletion_events',
    periodMs: 5_000,
    run: (deps, now) => pushDeletionEvents(deps, now),
    claimsItems: true,
  },
  // Replayed answers of idempotent requests are kept a week, then forgotten.
  {
    name: 'forget_expired_replays',
    periodMs: 3_600_000,
    run: (deps, now) => forgetExpiredReplays(deps.db, now),
  },
  // Document files no row names (a process killed mid-upload); also run at every start.
  { name: 'orphan_files', periodMs: 86_400_000, run: (deps) => removeOrphanFiles(deps) },
  // Rights requests due within 7 days are recorded once in the audit trail for their DPO (GDPR 12(3)).
  // Dossiers at the end of their retention are deleted, idle drafts' applicants told (Art. 27).
  { name: 'retention_sweep', periodMs: 86_400_000, run: (deps, now) => sweepRetention(deps, now) },
  { name: 'rights_reminders', periodMs: 86_400_000, run: (deps, now) => remindDueRightsRequests(deps, now) },
];

/**
 * Runs a job once, its start and end kept for the platform-health screen (wall-clock times: the
 * demo may move the legal clock). Failing to record a run never stops the job itself.
 */
export async function runRecorded(
  deps: AppDeps,
  job: Job,
  onError: (job: string, kind: string) => void,
): Promise<void> {
  const startedAt = new Date();
  await jobStarted(deps.db, job.name, startedAt).catch(() => undefined);
  let errorKind: string | undefined;
  try {
    await job.run(deps, deps.clock.now());
  } catch (e: unknown) {
    errorKind = e instanceof Error ? e.name : 'unknown';
    onError(job.name, errorKind);
  }
  await jobFinished(deps.db, job.name, { startedAt, finishedAt: new Date(), errorKind }).catch(
    () => undefined,
  );
}

/** One run, claimed: a job another process is running now is skipped, and not recorded. */
async function runClaimed(deps: AppDeps, job: Job, onError: (job: string, kind: string) => void) {
  if (job.claimsItems) return runRecorded(deps, job, onError);
  await exclusively(deps, job.name, () => runRecorded(deps, job, onError)).catch((e: unknown) => {
    onError(job.name, e instanceof Error ? e.name : 'unknown');
  });
}

/**
 * Runs each job on its own timer, one run of a job at a time. Failures are reported by job and
 * kind only: the items themselves hold personal data and receivers' URLs.
 */
export function startJobs(
  deps: AppDeps,
  onError: (job: string, kind: string) => void,
  jobs: readonly Job[] = JOBS,
): { stop(): Promise<void> } {
  const running = new Map<string, Promise<unknown>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      if (running.has(job.name)) return;
      const run = runClaimed(deps, job, onError).finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, periodOf(job)),
  );
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
      for (const job of jobs.filter((j) => j.atStop)) {
        await runClaimed(deps, job, onError);
      }
    },
  };
}
