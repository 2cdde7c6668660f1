import type { AppDeps } from '../app.js';
import { openForAction, findPermitHolder, readDossier, type Opened } from '../access/gate.js';
import { activeMandates } from '../access/relations.js';
import type { DossierView } from '../contract/views.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { type FieldError } from '../contract/field-messages.js';
import { newId } from '../platform/ids.js';
import { once, type Replayable } from '../platform/idempotency.js';
import { validate } from '../platform/validation.js';
import { isCategoryOf, permitTypeOf } from '../rules/procedures.js';
import { type Category, type Procedure } from '../contract/procedures.js';
import { regionOfPostcode } from '../rules/regions.js';
import { deadlineRule } from '../rules/deadlines.js';
import { missingForFiling } from './completeness.js';
import { recordOutbox } from '../exchange/deliveries.js';
import { recordLetters } from '../letters/letters.js';
import { appendAction, nextReference } from './dossier.store.js';
import { openRequest } from './lifecycle.js';
import { SECTION_SCHEMAS, type SectionName, type Sections } from '../contract/sections.js';
import { PERMIT_HELD, findTransition, type Transition } from './transitions.js';
import { type ActionName } from '../contract/actions.js';
import type { Relation } from '../contract/states.js';

export interface Command {
  actor: Actor;
  idempotencyKey: string | undefined;
  route: string;
  request: unknown;
}

const COLUMN: Record<SectionName, 'identity' | 'residence' | 'employment' | 'self_employed' | 'fee'> = {
  identity: 'identity',
  residence: 'residence',
  employment: 'employment',
  selfEmployed: 'self_employed',
  fee: 'fee',
};

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

export interface ActionContext {
  tx: Tx;
  opened: Opened;
  transition: Transition;
  relation: Relation;
}

/**
 * Applies one action of the transition table: the dossier must be visible (else 404), the caller
 * a party the table names (else 403) and the state one it allows (else 409).
 */
export async function performAction(
  deps: AppDeps,
  command: Command,
  dossierId: string,
  action: ActionName,
  build: (ctx: ActionContext) => Promise<Record<string, unknown>> | Record<string, unknown>,
  status = 200,
): Promise<Replayable<DossierView>> {
  return inTransaction(deps, command, async (tx) => ({
    status,
    body: await actIn(tx, deps, command, dossierId, action, build),
  }));
}

async function actIn(
  tx: Tx,
  deps: AppDeps,
  command: Command,
  dossierId: string,
  action: ActionName,
  build: (ctx: ActionContext) => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<DossierView> {
  {
    const opened = await openForAction(tx, command.actor, deps.clock, dossierId);
    const { record } = opened;
    const verdict = findTransition(action, record.procedure, record.lifecycle.state, opened.relations);
    if (!verdict.ok) throw new AppError(REFUSAL[verdict.reason]);
    const payload = await build({ tx, opened, transition: verdict.transition, relation: verdict.relation });
    const appended = await appendAction(tx, {
      dossierId,
      procedure: record.procedure,
      history: record.actions,
      action,
      actor: command.actor,
      relation: verdict.relation,
      at: deps.clock.now(),
      legalBasis: verdict.transition.legalBasis,
      idempotencyKey: command.idempotencyKey ?? newId(),
      payload,
    });
    // Deliveries, webhook pushes, notifications and decision letters commit (or roll back) with
    // the action itself: a decision never exists without its letters.
    await recordOutbox(tx, deps, record, appended);
    await recordLetters(tx, record, appended);
    return readDossier(tx, command.actor, deps.clock, dossierId);
  }
}

function regionOf(procedure: Procedure, sections: Partial<Sections>, on: string) {
  const postcode =
    procedure === 'professional_card'
      ? sections.selfEmployed?.activityAddress?.postcode
      : sections.employment?.workplace?.postcode;
  return postcode ? (regionOfPostcode(postcode, on) ?? null) : null;
}

/** Named organisations must exist with the right role: a visa post must be a post. */
async function checkOrganisations(
  tx: Tx,
  residence: Sections['residence'] | undefined,
): Promise<FieldError[]> {
  const wanted = [
    { field: 'residence.visaPost', id: residence?.visaPost, kind: 'post' },
    { field: 'residence.municipality', id: residence?.municipality, kind: 'municipality' },
  ].filter((w): w is { field: string; id: string; kind: string } => w.id !== undefined);
  const errors: FieldError[] = [];
  for (const w of wanted) {
    const found = await tx
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', w.id)
      .where('kind', '=', w.kind)
      .executeTakeFirst();
    if (!found) errors.push({ field: w.field, code: 'unknown_organisation' });
  }
  return errors;
}

/** Merges a partial section into the stored one (null clears a field) and validates the result. */
function mergeSections(
  current: Partial<Sections>,
  patch: Partial<Record<SectionName, Record<string, unknown>>>,
) {
  const errors: FieldError[] = [];
  const merged: Partial<Sections> = { ...current };
  for (const name of Object.keys(patch) as SectionName[]) {
    const changes = patch[name] ?? {};
    const base = Object.fromEntries(
      Object.entries({ ...(current[name] as Record<string, unknown> | undefined), ...changes }).filter(
        ([, value]) => value !== null,
      ),
    );
    try {
      (merged as Record<string, unknown>)[name] = validate(SECTION_SCHEMAS[name], base, name);
    } catch (error) {
      if (error instanceof AppError) errors.push(...(error.extra.errors ?? []));
      else throw error;
    }
  }
  return { merged, errors };
}

export interface CreateInput {
  procedure: Procedure;
  category: Category;
  longTermMobility?: boolean | undefined;
  language?: 'nl' | 'fr' | 'de' | 'en' | undefined;
  follows?: { kind: 'renewal' | 'change_of_employer'; reference: string } | undefined;
  onBehalfOf?: string | undefined;
  sections?: Partial<Record<SectionName, Record<string, unknown>>> | undefined;
}

export async function createDossier(deps: AppDeps, command: Command, input: CreateInput, language: string) {
  return inTransaction(deps, command, async (tx) => ({
    status: 201,
    body: await createIn(tx, deps, command, input, language),
  }));
}

/** The applicant organisation: the caller's own, or for a mandatary the employer it acts for. */
async function applicantFor(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  onBehalfOf: string | undefined,
): Promise<string> {
  if (actor.organisation.kind !== 'mandatary') return actor.organisation.id;
  if (!onBehalfOf)
    throw new AppError('validation_failed', { errors: [{ field: 'onBehalfOf', code: 'required' }] });
  const mandates = await activeMandates(tx, actor.organisation.id, deps.clock.now());
  if (!mandates.some((m) => m.employerId === onBehalfOf && m.dossierId === null)) {
    throw new AppError('validation_failed', { errors: [{ field: 'onBehalfOf', code: 'no_mandate' }] });
  }
  return onBehalfOf;
}

async function createIn(tx: Tx, deps: AppDeps, command: Command, input: CreateInput, language: string) {
  if (input.procedure === 'professional_card' && !deps.config.professionalCardEnabled) {
    throw new AppError('procedure_not_in_force');
  }
  if (!isCategoryOf(input.procedure, input.category)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'category', code: 'category_not_of_procedure' }],
    });
  }
  const { actor } = command;
  const now = deps.clock.now();
  const applicant = await applicantFor(tx, deps, actor, input.onBehalfOf);
  const { merged, errors } = mergeSections({}, input.sections ?? {});
  errors.push(...(await checkOrganisations(tx, merged.residence)));
  if (errors.length) throw new AppError('validation_failed', { errors });
  let follows: { id: string; kind: string } | undefined;
  if (input.follows) {
    const previous = await findPermitHolder(tx, input.follows.reference);
    const holds =
      previous &&
      previous.procedure === input.procedure &&
      PERMIT_HELD[previous.procedure].includes(previous.lifecycle.state) &&
      (input.follows.kind === 'change_of_employer' || previous.applicantOrganisationId === applicant);
    if (!previous || !holds) throw new AppError('previous_permit_not_found');
    follows = { id: previous.id, kind: input.follows.kind };
  }
  const id = newId();
  const onDate = legalDate(now);
  await tx
    .insertInto('dossier')
    .values({
      id,
      reference: await nextReference(tx, now.getUTCFullYear()),
      procedure: input.procedure,
      category: input.category,
      long_term_mobility: input.longTermMobility ?? false,
      language: input.language ?? language,
      applicant_organisation_id: applicant,
      region: regionOf(input.procedure, merged, onDate),
      follows_dossier_id: follows?.id ?? null,
      follows_kind: follows?.kind ?? null,
      identity: JSON.stringify(merged.identity ?? {}),
      residence: JSON.stringify(merged.residence ?? {}),
      employment: JSON.stringify(merged.employment ?? {}),
      self_employed: JSON.stringify(merged.selfEmployed ?? {}),
      fee: JSON.stringify(merged.fee ?? {}),
      state: 'draft',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await appendAction(tx, {
    dossierId: id,
    procedure: input.procedure,
    history: [],
    action: 'create',
    actor,
    relation: 'applicant',
    at: now,
    legalBasis: 'Art. 19-20',
    idempotencyKey: command.idempotencyKey ?? newId(),
    payload: follows ? { follows: follows.kind } : {},
  });
  return readDossier(tx, actor, deps.clock, id);
}

export function editDossier(
  deps: AppDeps,
  command: Command,
  id: string,
  patch: Partial<Record<SectionName, Record<string, unknown>>>,
) {
  return performAction(deps, command, id, 'edit', async ({ tx, opened }) => {
    const { merged, errors } = mergeSections(opened.record.sections, patch);
    if (opened.record.procedure !== 'professional_card' && patch.selfEmployed) {
      errors.push({ field: 'selfEmployed', code: 'section_not_of_procedure' });
    }
    if (opened.record.procedure === 'professional_card' && patch.employment) {
      errors.push({ field: 'employment', code: 'section_not_of_procedure' });
    }
    errors.push(...(await checkOrganisations(tx, merged.residence)));
    if (errors.length) throw new AppError('validation_failed', { errors });
    const changed = Object.keys(patch) as SectionName[];
    const update = Object.fromEntries(
      changed.map((name) => [COLUMN[name], JSON.stringify(merged[name] ?? {})]),
    );
    await tx
      .updateTable('dossier')
      .set({ ...update, region: regionOf(opened.record.procedure, merged, legalDate(deps.clock.now())) })
      .where('id', '=', id)
      .execute();
    // The log records which sections changed, not their content: the content lives in one place.
    return { sections: changed };
  });
}

export function submitDossier(deps: AppDeps, command: Command, id: string) {
  return performAction(deps, command, id, 'submit', ({ opened }) => {
    const { record } = opened;
    const missing = missingForFiling({
      procedure: record.procedure,
      category: record.category,
      region: record.region ?? undefined,
      longTermMobility: record.longTermMobility,
      renewal: record.follows?.kind === 'renewal',
      sections: record.sections,
      documentTypes: record.documents.map((d) => d.type),
      on: legalDate(deps.clock.now()),
    });
    if (missing.length) throw new AppError('dossier_incomplete', { missing });
    return {};
  });
}

export function decideAdmissibility(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { outcome: 'admissible' | 'inadmissible'; grounds?: string | undefined },
) {
  if (input.outcome === 'inadmissible' && !input.grounds) {
    throw new AppError('validation_failed', { errors: [{ field: 'grounds', code: 'required' }] });
  }
  const action = input.outcome === 'admissible' ? 'declare_admissible' : 'declare_inadmissible';
  return performAction(deps, command, id, action, () => (input.grounds ? { grounds: input.grounds } : {}));
}

export function requestDocuments(
  deps: AppDeps,
  command: Command,
  id: string,
  input: {
    dueDate: string;
    items: { documentType?: string | undefined; description: string }[];
    message?: string | undefined;
  },
) {
  if (input.dueDate <= legalDate(deps.clock.now())) {
    throw new AppError('validation_failed', { errors: [{ field: 'dueDate', code: 'date_in_past' }] });
  }
  return performAction(deps, command, id, 'request_documents', () => ({ requestId: newId(), ...input }), 201);
}

export function answerRequest(
  deps: AppDeps,
  command: Command,
  id: string,
  requestId: string,
  input: { documentIds: string[]; message?: string | undefined },
) {
  return performAction(deps, command, id, 'answer_request', ({ opened }) => {
    const open = openRequest(opened.record.lifecycle);
    if (open?.id !== requestId) throw new AppError('request_not_open');
    const known = new Set(opened.record.documents.map((d) => d.id));
    const errors: FieldError[] = input.documentIds
      .map((docId, i) => ({ docId, i }))
      .filter(({ docId }) => !known.has(docId))
      .map(({ i }) => ({ field: `documentIds.${i}`, code: 'document_not_in_dossier' }));
    if (errors.length) throw new AppError('validation_failed', { errors });
    return { requestId, ...input };
  });
}

export function extendDeadline(deps: AppDeps, command: Command, id: string, input: { reason: string }) {
  return performAction(deps, command, id, 'extend_deadline', ({ opened }) => {
    if (opened.record.lifecycle.extension) throw new AppError('deadline_already_extended');
    const filedOn = legalDate(opened.record.lifecycle.filedAt ?? deps.clock.now());
    const rule = deadlineRule(opened.record.procedure, filedOn, opened.record.category);
    // A category whose directive allows no extension has none to give.
    if (rule.extensionDays === 0) throw new AppError('deadline_already_extended');
    return { days: rule.extensionDays, reason: input.reason };
  });
}

export interface FirstDecisionInput {
  kind: 'work' | 'residence' | 'professional_card';
  outcome: 'granted' | 'refused';
  grounds?: string | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
}

export type DecisionInput =
  | FirstDecisionInput
  | { kind: 'withdrawal' | 'end'; of: 'work' | 'residence' | 'professional_card'; grounds: string };

const DECISION_ACTION = {
  work: 'decide_work',
  residence: 'decide_residence',
  professional_card: 'decide_professional_card',
} as const;

const LATER_ACTION = {
  withdrawal: {
    work: 'withdraw_work',
    residence: 'withdraw_residence',
    professional_card: 'withdraw_professional_card',
  },
  end: { residence: 'end_residence' },
} as const;

export function decide(deps: AppDeps, command: Command, id: string, input: DecisionInput) {
  if ('of' in input) {
    const action = (LATER_ACTION[input.kind] as Partial<Record<string, ActionName>>)[input.of];
    if (!action)
      throw new AppError('validation_failed', { errors: [{ field: 'of', code: 'invalid_choice' }] });
    return performAction(
      deps,
      command,
      id,
      action,
      () => ({ grounds: input.grounds, decisionType: input.kind }),
      201,
    );
  }
  const first: FirstDecisionInput = input;
  if (first.outcome === 'refused' && !first.grounds) {
    throw new AppError('validation_failed', { errors: [{ field: 'grounds', code: 'required' }] });
  }
  if (first.validFrom && first.validUntil && first.validUntil <= first.validFrom) {
    throw new AppError('validation_failed', { errors: [{ field: 'validUntil', code: 'end_before_start' }] });
  }
  return performAction(
    deps,
    command,
    id,
    DECISION_ACTION[first.kind],
    ({ opened }) => ({
      outcome: first.outcome,
      ...(first.grounds && { grounds: first.grounds }),
      ...(first.validFrom && { validFrom: first.validFrom }),
      ...(first.validUntil && { validUntil: first.validUntil }),
      permitType: permitTypeOf(opened.record.category, opened.record.longTermMobility),
      decisionType: first.outcome === 'refused' ? 'refusal' : (opened.record.follows?.kind ?? 'first'),
    }),
    201,
  );
}

export function withdrawApplication(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { reason?: string | undefined },
) {
  return performAction(deps, command, id, 'withdraw_application', ({ opened }) => {
    // "Before a decision": a request for documents after the work decision does not reopen it.
    const decided = opened.record.lifecycle.decisions.some((d) => d.kind !== 'admissibility');
    if (decided) throw new AppError('action_not_allowed_in_state');
    return input.reason ? { reason: input.reason } : {};
  });
}

export function recordIssued(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { issuedOn: string; documentNumber?: string | undefined },
) {
  return performAction(deps, command, id, 'record_issued', () => input);
}

/** Renewal: a new draft for the same worker, linked to the permit it renews (R-PROC-6), in one transaction. */
export function renew(deps: AppDeps, command: Command, id: string, language: string) {
  return inTransaction(deps, command, async (tx) => {
    const previous = await actIn(
      tx,
      deps,
      { ...command, idempotencyKey: undefined },
      id,
      'renew',
      () => ({}),
    );
    const renewal = await createIn(
      tx,
      deps,
      { ...command, idempotencyKey: undefined },
      {
        procedure: previous.procedure,
        category: previous.category,
        longTermMobility: previous.longTermMobility,
        follows: { kind: 'renewal', reference: previous.reference },
        onBehalfOf: previous.applicant.organisationId,
        // The fee of the renewal is a new payment; everything else carries over to be checked.
        sections: Object.fromEntries(Object.entries(previous.sections).filter(([name]) => name !== 'fee')),
      },
      language,
    );
    return { status: 201, body: renewal };
  });
}
