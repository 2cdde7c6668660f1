import type { AppDeps } from './deps.js';
import { dispatchDue } from './exchange/dispatcher.js';
import { forgetExpiredReplays } from './db/idempotency.js';

/** A task the server runs on a timer, after the commits that gave it work. */
export interface Job {
  name: string;
  periodMs: number;
  run: (deps: AppDeps, now: Date) => Promise<unknown>;
}

/** Every timer job of the platform, with its period: nothing else runs in the background. */
export const JOBS: readonly Job[] = [
  // Webhook pushes and notifications leave their outboxes a few seconds after their commit.
  { name: 'dispatch', periodMs: 5_000, run: (deps, now) => dispatchDue(deps, now) },
  // Replayed answers of idempotent requests are kept a week, then forgotten.
  {
    name: 'forget_expired_replays',
    periodMs: 3_600_000,
    run: (deps, now) => forgetExpiredReplays(deps.db, now),
  },
];

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
      const run = job
        .run(deps, deps.clock.now())
        .catch((e: unknown) => {
          onError(job.name, e instanceof Error ? e.name : 'unknown');
        })
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.periodMs),
  );
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
