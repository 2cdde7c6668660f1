import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { PlatformHealth } from '../contract/oversight.js';
import { platformHealth, type ScheduledJob } from './health.js';

/** The operator's view of the running platform (R-CONS-4: no dossier content). */
export function operationsRoutes(deps: AppDeps, jobs: readonly ScheduledJob[]): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/operations/health',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['onss'],
            why: 'the processor runs the platform and watches its queues, outboxes and jobs',
          },
        },
        schema: {
          tags: ['operations'],
          summary: 'Dossiers per region and state, the outboxes’ backlogs and the timer jobs’ last runs',
          response: { 200: PlatformHealth },
        },
      },
      async () => platformHealth(deps.db, jobs, deps.clock.now()),
    );
    return Promise.resolve();
  };
}
