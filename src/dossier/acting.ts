import { openForAction, reopen, purposeOf, type Opened } from '../access/gate.js';
import type { ActionName } from '../contract/actions.js';
import type { Relation } from '../contract/states.js';
import type { DossierViewWithSources } from '../contract/views.js';
import type { Tx } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { recordOutbox } from '../exchange/deliveries.js';
import type { Command } from '../identity/request.js';
import { recordLetters } from '../letters/letters.js';
import { recordFact } from '../statistics/facts.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { once, type Replayable } from '../db/idempotency.js';
import { appendAction, nextAction } from './dossier.store.js';
import { foldLifecycle } from './model/lifecycle.js';
import { retentionOf } from './model/retention.js';
import type { DossierRecord } from './model/record.js';
import { findTransition, type Transition } from './model/transitions.js';
import { showDossier } from './view.js';

/** One use case, one transaction, replayed as a whole for a repeated Idempotency-Key. */
export function inTransaction<T>(
  deps: AppDeps,
  command: Command,
  run: (tx: Tx) => Promise<Replayable<T>>,
): Promise<Replayable<T>> {
  return deps.db.transaction().execute((tx) =>
    once(
      tx,
      {
        userId: command.actor.userId,
        key: command.idempotencyKey,
        route: command.route,
        request: command.request,
        now: deps.clock.now(),
      },
      () => run(tx),
    ),
  );
}

export const REFUSAL = {
  not_in_procedure: 'action_not_in_procedure',
  forbidden: 'action_forbidden',
  not_in_state: 'action_not_allowed_in_state',
} as const;

/** Whether the last restriction of the log (GDPR 18) is still in force. */
const WHILE_RESTRICTED: readonly ActionName[] = ['lift_restriction', 'rectify', 'register_hold', 'lift_hold'];

export function restricted(actions: readonly { action: ActionName }[]): boolean {
  const last = actions.findLast((a) => a.action === 'restrict_processing' || a.action === 'lift_restriction');
  return last?.action === 'restrict_processing';
}

/** What an action may change of the record besides its log, so the answer shows it without a re-read. */
export type Amendment = Partial<Pick<DossierRecord, 'sections' | 'region' | 'documents' | 'sourceChecks'>>;

export interface ActionContext {
  tx: Tx;
  opened: Opened;
  transition: Transition;
  relation: Relation;
  /** Tells the use case's change of the stored record (sections, documents, checks) to the answer. */
  amend: (amendment: Amendment) => void;
}

export type BuildPayload = (ctx: ActionContext) => Promise<Record<string, unknown>> | Record<string, unknown>;

/**
 * Applies one action of the transition table: the dossier must be visible (else 404), the caller
 * a party the table names (else 403) and the state one it allows (else 409).
 */
export async function performAction(
  deps: AppDeps,
  command: Command,
  dossierId: string,
  action: ActionName,
  build: BuildPayload,
  status = 200,
): Promise<Replayable<DossierViewWithSources>> {
  return inTransaction(deps, command, async (tx) => ({
    status,
    body: await actIn(tx, deps, command, dossierId, action, build),
  }));
}

/**
 * The dossier is opened (loaded, folded and evaluated) once: the new action is folded onto that
 * record, the outbox and the letters are written from it, and the answer is the same record as
 * the caller now stands to it.
 */
export async function actIn(
  tx: Tx,
  deps: AppDeps,
  command: Command,
  dossierId: string,
  action: ActionName,
  build: BuildPayload,
): Promise<DossierViewWithSources> {
  const opened = await openForAction(tx, command.actor, deps.clock, dossierId);
  const { record } = opened;
  // GDPR 18: while restricted only storage continues; a correction, the lifting itself and the
  // legal holds (which only keep the dossier stored) may go on.
  if (restricted(record.actions) && !WHILE_RESTRICTED.includes(action)) {
    throw new AppError('dossier_restricted');
  }
  const verdict = findTransition(action, record.procedure, record.lifecycle.state, opened.relations);
  if (!verdict.ok) throw new AppError(REFUSAL[verdict.reason]);
  let amendment: Amendment = {};
  const payload = await build({
    tx,
    opened,
    transition: verdict.transition,
    relation: verdict.relation,
    amend: (a) => {
      amendment = { ...amendment, ...a };
    },
  });
  const at = deps.clock.now();
  const logged = nextAction(record.actions, {
    action,
    actorOrganisationId: command.actor.organisation.id,
    relation: verdict.relation,
    at,
    legalBasis: verdict.transition.legalBasis,
    payload,
  });
  const actions = [...record.actions, logged];
  const after: DossierRecord = {
    ...record,
    ...amendment,
    actions,
    lifecycle: foldLifecycle(record.procedure, actions, notifiedOf(record)),
  };
  await appendAction(tx, {
    dossierId,
    action: logged,
    actor: command.actor,
    idempotencyKey: command.idempotencyKey ?? newId(),
    lifecycle: after.lifecycle,
    retention: retentionOf(after),
  });
  // Deliveries, webhook pushes, notifications and decision letters commit (or roll back) with
  // the action itself: a decision never exists without its letters.
  await recordOutbox(tx, deps, after, logged);
  // The anonymous fact of a filing, decision, withdrawal or end commits with it (lifecycle.md §3).
  await recordFact(tx, after, logged);
  after.letters = [...record.letters, ...(await recordLetters(tx, after, logged))];
  const now = reopen(command.actor, opened, after);
  return showDossier(tx, command.actor, deps.clock, now, purposeOf(now, undefined));
}

/** When each decision of the record reached its addressee, to fold the log again with them. */
const notifiedOf = (record: DossierRecord): ReadonlyMap<string, Date> =>
  new Map(record.lifecycle.decisions.flatMap((d) => (d.notifiedAt ? [[d.id, d.notifiedAt] as const] : [])));
