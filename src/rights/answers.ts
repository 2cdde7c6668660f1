import { throughGate } from '../access/copies.js';
import { open } from '../access/gate.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { ActionName } from '../contract/actions.js';
import { isLanguage, type Language } from '../contract/language.js';
import type { Correction, RightsRequestKind, RightsRequestView } from '../contract/rights.js';
import { SECTION_SCHEMAS } from '../contract/sections.js';
import type { Tx } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { actIn, inTransaction, restricted } from '../dossier/acting.js';
import { SECTION_COLUMN } from '../dossier/model/record.js';
import type { Command } from '../identity/request.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { validate } from '../platform/validation.js';
import { addMonths, isDpo, organisationNames, requestViews, writeMessage } from './requests.js';
import { answered, extension, REFUSED_BY_LAW } from './texts.js';

/*
 * The controllers' answers to a request (Art. 29 §2-3): each answers its own open parts. An
 * answer that does something does it as an action in the dossier's log (rectify,
 * restrict_processing, lift_restriction) in the answer's transaction, so the answer, the action
 * and what it tells the person and the recipients commit together.
 */

interface PartRow {
  id: string;
  dossier_id: string;
  outcome: string | null;
  extended_at: Date | null;
  due_on: string;
  action_id: string | null;
  lifted_action_id: string | null;
}

/** The request and the caller's controller's parts of it, passed through the gate, locked. */
async function openParts(tx: Tx, deps: AppDeps, command: Command, id: string) {
  const { actor } = command;
  const request = await tx
    .selectFrom('rights_request')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw new AppError('not_found');
  const rows: PartRow[] = await tx
    .selectFrom('rights_request_part')
    .select(['id', 'dossier_id', 'outcome', 'extended_at', 'due_on', 'action_id', 'lifted_action_id'])
    .where('request_id', '=', id)
    .where('controller_organisation_id', '=', actor.organisation.id)
    .orderBy('id')
    .forUpdate()
    .execute();
  // The controller answers through its DPO or its case officers; either must see the dossier.
  const parts = await throughGate(
    tx,
    actor,
    deps.clock,
    rows,
    (p) => p.dossier_id,
    (o) =>
      o.relations.includes('dpo')
        ? []
        : o.relations.some((r) => r === 'competent_region' || r === 'dvz')
          ? ['admin']
          : undefined,
  );
  if (parts.length === 0) throw new AppError('not_found');
  const language: Language = isLanguage(request.language) ? request.language : 'en';
  const [controller] = [...(await organisationNames(tx, [actor.organisation.id])).values()];
  return { request, parts, language, controller: controller ?? '' };
}

/** The inner action of an answer: its key is the answer's own (replayed as a whole), not the caller's. */
const inner = (command: Command): Command => ({ ...command, idempotencyKey: undefined });

async function lastActionId(tx: Tx, dossierId: string): Promise<string> {
  const row = await tx
    .selectFrom('dossier_action')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies a correction to a dossier as the `rectify` action; the log names the fields, the section holds the value. */
async function rectify(
  tx: Tx,
  deps: AppDeps,
  command: Command,
  dossierId: string,
  requestId: string,
  correction: Correction,
) {
  await actIn(tx, deps, inner(command), dossierId, 'rectify', async ({ opened, amend }) => {
    const current = (opened.record.sections[correction.section] ?? {}) as Record<string, unknown>;
    const merged = validate(
      SECTION_SCHEMAS[correction.section],
      Object.fromEntries(Object.entries({ ...current, ...correction.changes }).filter(([, v]) => v !== null)),
      'correction.changes',
    );
    await tx
      .updateTable('dossier')
      .set({ [SECTION_COLUMN[correction.section]]: JSON.stringify(merged) })
      .where('id', '=', dossierId)
      .execute();
    amend({ sections: { ...opened.record.sections, [correction.section]: merged } });
    return {
      rightsRequestId: requestId,
      section: correction.section,
      fields: Object.keys(correction.changes),
    };
  });
  const actionId = await lastActionId(tx, dossierId);
  await tellRecipients(tx, deps, dossierId, actionId);
  return actionId;
}

/**
 * GDPR 19: the organisations that received deliveries of the dossier are told that a value was
 * rectified, as a delivery they read through the gate like any other. (Webhook pushes of this
 * event are not queued: the delivery inbox carries it.)
 */
async function tellRecipients(tx: Tx, deps: AppDeps, dossierId: string, actionId: string) {
  const recipients = await tx
    .selectFrom('delivery')
    .select('recipient_organisation_id')
    .distinct()
    .where('dossier_id', '=', dossierId)
    .execute();
  const now = deps.clock.now();
  for (const r of recipients) {
    await tx
      .insertInto('delivery')
      .values({
        id: newId(),
        recipient_organisation_id: r.recipient_organisation_id,
        dossier_id: dossierId,
        action_id: actionId,
        event: 'rectified',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['action_id', 'recipient_organisation_id']).doNothing())
      .execute();
  }
}

async function actOn(tx: Tx, deps: AppDeps, command: Command, dossierId: string, action: ActionName) {
  await actIn(tx, deps, inner(command), dossierId, action, () => ({}));
  return lastActionId(tx, dossierId);
}

async function viewOne(tx: Tx, deps: AppDeps, command: Command, id: string): Promise<RightsRequestView> {
  const [view] = await requestViews(tx, command.actor, deps.clock, { ids: [id] });
  if (!view) throw new AppError('not_found');
  return view;
}

/** POST /rights-requests/{id}/answer: the caller's controller answers its open parts of the request. */
export function answerRightsRequest(
  deps: AppDeps,
  command: Command,
  id: string,
  input: {
    outcome: 'granted' | 'refused';
    reasons?: string | undefined;
    correction?: Correction | undefined;
  },
) {
  const { actor } = command;
  return inTransaction(deps, command, async (tx) => {
    const { request, parts, language, controller } = await openParts(tx, deps, command, id);
    const kind = request.kind as RightsRequestKind;
    // A case officer may settle a correction of their dossier; every other answer is the DPO's.
    if (!isDpo(actor) && kind !== 'rectification') throw new AppError('action_forbidden');
    const pending = parts.filter((p) => p.outcome === null);
    if (pending.length === 0) throw new AppError('rights_request_not_open');
    const byLaw = REFUSED_BY_LAW[kind];
    if (byLaw && input.outcome === 'granted') {
      throw new AppError('validation_failed', { errors: [{ field: 'outcome', code: 'invalid_choice' }] });
    }
    const reasons = input.reasons ?? (byLaw ? byLaw.reasons[language] : undefined);
    if (input.outcome === 'refused' && !reasons) {
      throw new AppError('validation_failed', { errors: [{ field: 'reasons', code: 'required' }] });
    }
    const legalBasis = input.outcome === 'refused' ? (byLaw?.legalBasis ?? 'GDPR 12(4)') : null;
    const correction =
      input.correction ??
      (request.correction
        ? ((typeof request.correction === 'string'
            ? JSON.parse(request.correction)
            : request.correction) as Correction)
        : undefined);
    if (kind === 'rectification' && input.outcome === 'granted' && !correction) {
      throw new AppError('validation_failed', { errors: [{ field: 'correction', code: 'required' }] });
    }
    const now = deps.clock.now();
    const actionOf = new Map<string, string | null>();
    for (const p of pending) {
      let actionId: string | null = null;
      if (input.outcome === 'granted' && !actionOf.has(p.dossier_id)) {
        if (kind === 'rectification' && correction) {
          actionId = await rectify(tx, deps, command, p.dossier_id, id, correction);
        } else if (kind === 'restriction') {
          const [o] = await open(tx, actor, deps.clock, [p.dossier_id]);
          // Restricted already (the other controller's part): the mark stands, nothing to add.
          if (o && !restricted(o.record.actions))
            actionId = await actOn(tx, deps, command, p.dossier_id, 'restrict_processing');
        }
        actionOf.set(p.dossier_id, actionId);
      }
      await tx
        .updateTable('rights_request_part')
        .set({
          outcome: input.outcome,
          answer: reasons ?? null,
          legal_basis: legalBasis,
          action_id: actionId,
          answered_at: now,
          answered_by_user_id: actor.userId,
        })
        .where('id', '=', p.id)
        .execute();
      await appendAudit(
        tx,
        actedBy(actor, now, 'rights_request_answered', {
          dossierId: p.dossier_id,
          details: { request: id, part: p.id, kind, outcome: input.outcome, action: actionId },
        }),
      );
    }
    await writeMessage(
      tx,
      id,
      language,
      answered(language, input.outcome, {
        kind,
        controller,
        reasons: reasons ?? '',
        legalBasis: legalBasis ?? '',
      }),
      now,
    );
    return { status: 200, body: await viewOne(tx, deps, command, id) };
  });
}

/** POST /rights-requests/{id}/extension: once, by the controller's DPO, two months more with reasons (GDPR 12(3)). */
export function extendRightsRequest(deps: AppDeps, command: Command, id: string, input: { reasons: string }) {
  const { actor } = command;
  if (!isDpo(actor)) throw new AppError('action_forbidden');
  return inTransaction(deps, command, async (tx) => {
    const { request, parts, language, controller } = await openParts(tx, deps, command, id);
    const pending = parts.filter((p) => p.outcome === null);
    if (pending.length === 0) throw new AppError('rights_request_not_open');
    if (pending.some((p) => p.extended_at)) throw new AppError('rights_request_already_extended');
    const now = deps.clock.now();
    let due = '';
    for (const p of pending) {
      due = addMonths(p.due_on.slice(0, 10), 2);
      await tx
        .updateTable('rights_request_part')
        .set({ due_on: due, extended_at: now, extension_reasons: input.reasons })
        .where('id', '=', p.id)
        .execute();
      await appendAudit(
        tx,
        actedBy(actor, now, 'rights_request_extended', {
          dossierId: p.dossier_id,
          details: { request: id, part: p.id, dueOn: due },
        }),
      );
    }
    await writeMessage(
      tx,
      id,
      language,
      extension(language, {
        kind: request.kind as RightsRequestKind,
        controller,
        due,
        reasons: input.reasons,
      }),
      now,
    );
    return { status: 200, body: await viewOne(tx, deps, command, id) };
  });
}

/** POST /rights-requests/{id}/lift: the controller ends the restriction it granted (GDPR 18(3)). */
export function liftRestriction(deps: AppDeps, command: Command, id: string) {
  return inTransaction(deps, command, async (tx) => {
    const { request, parts } = await openParts(tx, deps, command, id);
    const held = parts.filter(
      (p) => request.kind === 'restriction' && p.outcome === 'granted' && !p.lifted_action_id,
    );
    if (held.length === 0) throw new AppError('rights_request_not_open');
    const now = deps.clock.now();
    const lifted = new Map<string, string>();
    for (const p of held) {
      let actionId = lifted.get(p.dossier_id);
      if (!actionId) {
        const [o] = await open(tx, command.actor, deps.clock, [p.dossier_id]);
        // Lifted already through the other controller's part: that lifting ends this one too.
        actionId =
          o && restricted(o.record.actions)
            ? await actOn(tx, deps, command, p.dossier_id, 'lift_restriction')
            : (o?.record.actions.findLast((a) => a.action === 'lift_restriction')?.id ?? '');
        lifted.set(p.dossier_id, actionId);
      }
      await tx
        .updateTable('rights_request_part')
        .set({ lifted_action_id: actionId || null })
        .where('id', '=', p.id)
        .execute();
      await appendAudit(
        tx,
        actedBy(command.actor, now, 'rights_request_answered', {
          dossierId: p.dossier_id,
          details: {
            request: id,
            part: p.id,
            kind: 'restriction',
            outcome: 'lifted',
            action: actionId || null,
          },
        }),
      );
    }
    return { status: 200, body: await viewOne(tx, deps, command, id) };
  });
}
