import { openForAction } from '../access/gate.js';
import type { AppDeps } from '../deps.js';
import { runChecks } from '../exchange/sources/checks.js';
import type { Command } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { REFUSAL, performAction } from './acting.js';
import { findTransition } from './model/transitions.js';

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
    async ({ tx, amend }) => {
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
      amend({
        sourceChecks: [
          ...record.sourceChecks,
          ...results.map((r) => ({
            runId,
            check: r.check,
            source: r.source,
            outcome: r.outcome,
            detail: r.detail,
            fetchedAt: r.fetchedAt,
          })),
        ],
      });
      // The log names the checks run, not their results: those are `source` data, shown by policy.
      return { runId, checks: results.map((r) => r.check) };
    },
    201,
  );
}
