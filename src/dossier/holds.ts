import type { AppDeps } from '../deps.js';
import type { HoldReason } from '../contract/retention.js';
import type { Command } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { performAction } from './acting.js';
import { holdsOf } from './model/retention.js';

/*
 * Legal holds (Art. 27 §1 3°): an appeal, proceedings or a fraud investigation keeps a dossier until
 * a year after the last hold ends. Registering and lifting one are actions in the dossier's log,
 * with their legal basis, so the retention is always the fold of the log.
 */

export function registerHold(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { reason: HoldReason; caseReference?: string | undefined },
) {
  return performAction(
    deps,
    command,
    id,
    'register_hold',
    () => ({
      reason: input.reason,
      ...(input.caseReference !== undefined && { caseReference: input.caseReference }),
    }),
    201,
  );
}

/** Only the authority that registered a hold lifts it: it alone knows the case has ended. */
export function liftHold(deps: AppDeps, command: Command, id: string, input: { holdId: string }) {
  return performAction(deps, command, id, 'lift_hold', ({ opened, relation }) => {
    const open = holdsOf(opened.record.actions).find(
      (h) => h.id === input.holdId && !h.liftedAt && h.relation === relation,
    );
    if (!open) throw new AppError('hold_not_open');
    return { holdId: open.id };
  });
}
