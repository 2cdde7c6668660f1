import { findPermitHolder } from '../access/records.js';
import type { Category, Procedure } from '../contract/procedures.js';
import { SECTION_SCHEMAS, type SectionName, type Sections } from '../contract/sections.js';
import type { Tx } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../identity/actor.js';
import { activeMandates } from '../identity/holdings.js';
import type { Command } from '../identity/request.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { type FieldError } from '../contract/field-messages.js';
import { newId } from '../platform/ids.js';
import { validate } from '../platform/validation.js';
import { isCategoryOf, isProcedureInForce, procedureInForceFrom } from '../rules/procedures.js';
import { regionOfPostcode } from '../rules/regions.js';
import { actIn, inTransaction, performAction } from './acting.js';
import { appendAction, nextAction, nextReference } from './dossier.store.js';
import { entryErrors } from './entry-checks.js';
import { completenessInputOf, missingForFiling } from './model/completeness.js';
import { foldLifecycle, type ActionRecord } from './model/lifecycle.js';
import { retentionOf } from './model/retention.js';
import { SECTION_COLUMN } from './model/record.js';
import { PERMIT_HELD } from './model/transitions.js';
import { readDossier } from './view.js';

/*
 * Drafting and filing: an applicant creates a dossier, fills it section by section, files it,
 * and later renews the permit it gave. Each is one transaction.
 */

function regionOf(procedure: Procedure, sections: Partial<Sections>, on: string) {
  const postcode =
    procedure === 'professional_card'
      ? sections.selfEmployed?.activityAddress?.postcode
      : sections.employment?.workplace?.postcode;
  return postcode ? (regionOfPostcode(postcode, on) ?? null) : null;
}

/** Named organisations must exist with the right role: a visa post must be a post. */
async function checkOrganisations(tx: Tx, sections: Partial<Sections>): Promise<FieldError[]> {
  const { residence, selfEmployed } = sections;
  const wanted = [
    { field: 'residence.visaPost', id: residence?.visaPost, kind: 'post' },
    { field: 'residence.municipality', id: residence?.municipality, kind: 'municipality' },
    { field: 'selfEmployed.businessCounter', id: selfEmployed?.businessCounter, kind: 'business_counter' },
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

/**
 * Procedure (c) enters into force on a date a later act sets (Art. 36 second para., R-PROC-2);
 * before it, neither a draft nor a filing is accepted, and the refusal names the date if known.
 */
function assertProcedureInForce(deps: AppDeps, procedure: Procedure): void {
  const from = deps.config.professionalCardFrom;
  if (isProcedureInForce(procedure, legalDate(deps.clock.now()), from)) return;
  throw new AppError('procedure_not_in_force', { inForceFrom: procedureInForceFrom(procedure, from) });
}

/** `carried`: sections copied from a previous permit, checked on filing rather than refused now. */
async function createIn(
  tx: Tx,
  deps: AppDeps,
  command: Command,
  input: CreateInput,
  language: string,
  carried = false,
) {
  assertProcedureInForce(deps, input.procedure);
  if (!isCategoryOf(input.procedure, input.category)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'category', code: 'category_not_of_procedure' }],
    });
  }
  const { actor } = command;
  const now = deps.clock.now();
  const applicant = await applicantFor(tx, deps, actor, input.onBehalfOf);
  const { merged, errors } = mergeSections({}, input.sections ?? {});
  errors.push(...(await checkOrganisations(tx, merged)));
  const written = new Set(carried ? [] : (Object.keys(input.sections ?? {}) as SectionName[]));
  errors.push(...(await entryErrors(tx, merged, written, applicant, legalDate(now))));
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
  const created = nextAction([], {
    action: 'create',
    actorOrganisationId: actor.organisation.id,
    relation: 'applicant',
    at: now,
    legalBasis: 'Art. 19-20',
    payload: follows ? { follows: follows.kind } : {},
  });
  await appendAction(tx, {
    dossierId: id,
    action: created,
    actor,
    idempotencyKey: command.idempotencyKey ?? newId(),
    ...withRetention(input.procedure, now, [created]),
  });
  return readDossier(tx, actor, deps.clock, id);
}

export function editDossier(
  deps: AppDeps,
  command: Command,
  id: string,
  patch: Partial<Record<SectionName, Record<string, unknown>>>,
) {
  return performAction(deps, command, id, 'edit', async ({ tx, opened, amend }) => {
    const { merged, errors } = mergeSections(opened.record.sections, patch);
    if (opened.record.procedure !== 'professional_card' && patch.selfEmployed) {
      errors.push({ field: 'selfEmployed', code: 'section_not_of_procedure' });
    }
    if (opened.record.procedure === 'professional_card' && patch.employment) {
      errors.push({ field: 'employment', code: 'section_not_of_procedure' });
    }
    errors.push(...(await checkOrganisations(tx, merged)));
    const today = legalDate(deps.clock.now());
    const written = new Set(Object.keys(patch) as SectionName[]);
    errors.push(...(await entryErrors(tx, merged, written, opened.record.applicantOrganisationId, today)));
    if (errors.length) throw new AppError('validation_failed', { errors });
    const changed = Object.keys(patch) as SectionName[];
    const update = Object.fromEntries(
      changed.map((name) => [SECTION_COLUMN[name], JSON.stringify(merged[name] ?? {})]),
    );
    const region = regionOf(opened.record.procedure, merged, legalDate(deps.clock.now()));
    await tx
      .updateTable('dossier')
      .set({ ...update, region })
      .where('id', '=', id)
      .execute();
    amend({ sections: merged, region });
    // The log records which sections changed, not their content: the content lives in one place.
    return { sections: changed };
  });
}

export function submitDossier(deps: AppDeps, command: Command, id: string) {
  return performAction(deps, command, id, 'submit', async ({ tx, opened }) => {
    const { record } = opened;
    // The configured date may have moved since the draft was made: filing waits for it too.
    assertProcedureInForce(deps, record.procedure);
    const today = legalDate(deps.clock.now());
    const missing = missingForFiling(completenessInputOf(record, today));
    if (missing.length) throw new AppError('dossier_incomplete', { missing });
    // A passport valid when typed may have expired while the draft waited.
    const all = new Set(Object.keys(record.sections) as SectionName[]);
    const errors = await entryErrors(tx, record.sections, all, record.applicantOrganisationId, today);
    if (errors.length) throw new AppError('validation_failed', { errors });
    return {};
  });
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
      true,
    );
    return { status: 201, body: renewal };
  });
}

/** A new draft's lifecycle and the retention it starts with (a draft: 180 days from its last change). */
function withRetention(procedure: Procedure, createdAt: Date, actions: ActionRecord[]) {
  const lifecycle = foldLifecycle(procedure, actions);
  return { lifecycle, retention: retentionOf({ procedure, createdAt, actions, lifecycle }) };
}
