import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { openForAction } from '../access/gate.js';
import { REFUSAL, performAction, type Command } from '../dossier/dossier.service.js';
import { findTransition } from '../dossier/transitions.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { runChecks } from './sources/checks.js';

/**
 * POST /dossiers/{id}/checks: the competent region (or DVZ for a single permit) runs the automated
 * checks against the authentic sources. The sources may take seconds, so they are asked outside
 * any transaction; the dossier is then locked, the transition checked again and the results
 * stored with the `run_checks` action in one transaction.
 */
export async function checkDossier(deps: AppDeps, command: Command, id: string) {
  const record = await deps.db.transaction().execute(async (tx) => {
    const opened = await openForAction(tx, command.actor, deps.clock, id);
    const verdict = findTransition(
      'run_checks',
      opened.record.procedure,
      opened.record.lifecycle.state,
      opened.relations,
    );
    if (!verdict.ok) throw new AppError(REFUSAL[verdict.reason]);
    return opened.record;
  });
  const results = await runChecks(deps.sources, () => deps.clock.now(), record);
  return performAction(
    deps,
    command,
    id,
    'run_checks',
    async ({ tx }) => {
      const runId = newId();
      for (const r of results) {
        await tx
          .insertInto('source_check')
          .values({
            id: newId(),
            dossier_id: id,
            run_id: runId,
            check_name: r.check,
            source: r.source,
            outcome: r.outcome,
            detail: JSON.stringify(r.detail),
            fetched_at: r.fetchedAt,
          })
          .execute();
      }
      // The log names the checks run, not their results: those are `source` data, shown by policy.
      return { runId, checks: results.map((r) => r.check) };
    },
    201,
  );
}

const IdempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(8).max(200).optional() });

export function checkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/dossiers/:id/checks',
      {
        config: {
          permission: {
            who: 'signed_in',
            kinds: ['regional_authority', 'dvz'],
            why: 'the competent region or DVZ examines; the transition table says when',
          },
        },
        schema: {
          tags: ['dossiers'],
          summary: 'Run the automated checks against KBO, ONSS, LIMOSA and INASTI (Art. 14)',
          params: z.object({ id: z.uuid() }),
          headers: IdempotencyHeaders,
          body: z.object({}).strict().optional(),
        },
      },
      async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
        if (!request.actor) throw new AppError('unauthenticated');
        const command: Command = {
          actor: request.actor,
          idempotencyKey:
            typeof request.headers['idempotency-key'] === 'string'
              ? request.headers['idempotency-key']
              : undefined,
          route: `${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params)}`,
          request: request.body,
        };
        const result = await checkDossier(deps, command, request.params.id);
        return reply.code(result.status).send(result.body);
      },
    );
    return Promise.resolve();
  };
}
