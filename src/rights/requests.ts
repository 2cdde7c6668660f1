import { throughGate, type Carried } from '../access/copies.js';
import { open, type Opened } from '../access/gate.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import { isLanguage, type Language } from '../contract/language.js';
import type { Procedure } from '../contract/procedures.js';
import {
  RECTIFIABLE_SECTIONS,
  type Correction,
  type RightsConcerns,
  type RightsRequestInput,
  type RightsRequestKind,
  type RightsRequestList,
  type RightsRequestView,
} from '../contract/rights.js';
import { SECTION_SCHEMAS } from '../contract/sections.js';
import type { Queryable, Tx } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../identity/actor.js';
import type { Command } from '../identity/request.js';
import { addDays, daysBetween, legalDate, type Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { validate } from '../platform/validation.js';
import { acknowledgement, type Message } from './texts.js';

/*
 * Requests of the persons concerned (Art. 29, GDPR 15-21, R-RIGHT-1..3): filed by the worker for
 * their claimed dossiers or registered by a DPO, routed to the controllers by Art. 29 §2-3 (one
 * part per dossier and controller), acknowledged on receipt with a date (Art. 29 §4) and due one
 * month later (GDPR 12(3)). Every row names its dossier, so whatever is shown of it passes the
 * gate: a part shows only while its dossier shows to the caller, and each dossier is logged.
 */

/** The purpose every read for a request of the person is logged with. */
export const DATA_SUBJECT_PURPOSE = 'Data subject request (GDPR 15/20)';

/** The DPO's work list flags what is due within this many days, and the job reminds of it. */
export const DUE_SOON_DAYS = 7;

/** The same day `months` later; a day the shorter month lacks becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

export const isDpo = (actor: Actor) => actor.roles.includes('dpo');

type Part = 'work' | 'residence';

/**
 * Art. 29 §2-3: the region answers for work, the professional card and the work part of a single
 * permit; DVZ for its residence. Only a single permit has a residence part.
 */
export function partsOf(procedure: Procedure, concerns: RightsConcerns | undefined): Part[] {
  if (procedure !== 'single_permit') return ['work'];
  const asked = concerns ?? 'both';
  return asked === 'both' ? ['work', 'residence'] : [asked];
}

async function controllerOf(tx: Tx, part: Part, region: string | null): Promise<string | undefined> {
  const row = await tx
    .selectFrom('organisation')
    .select('id')
    .$if(part === 'residence', (q) => q.where('kind', '=', 'dvz'))
    .$if(part === 'work', (q) => q.where('kind', '=', 'regional_authority').where('region', '=', region))
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/** A correction must name fields of the section with values its schema accepts. */
function checkCorrection(correction: Correction): void {
  validate(SECTION_SCHEMAS[correction.section], correction.changes, `correction.changes`);
}

export async function writeMessage(
  tx: Tx,
  requestId: string,
  language: Language,
  message: Message,
  at: Date,
) {
  await tx
    .insertInto('rights_message')
    .values({ id: newId(), request_id: requestId, language, ...message, created_at: at })
    .execute();
}

/** POST /rights-requests: received, routed, acknowledged and given its due date in one transaction. */
export async function fileRightsRequest(
  deps: AppDeps,
  command: Command,
  input: RightsRequestInput,
  requestLanguage: Language,
): Promise<RightsRequestView> {
  const { actor } = command;
  const dpo = isDpo(actor);
  if (actor.organisation.kind !== 'worker' && !dpo) throw new AppError('action_forbidden');
  if (input.correction) checkCorrection(input.correction);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    let ids = [...new Set(input.dossierIds ?? [])];
    if (ids.length === 0 && !dpo) {
      // A worker who names no dossier asks for every dossier they claimed.
      const claimed = await tx
        .selectFrom('dossier_subject')
        .select('dossier_id')
        .where('user_id', '=', actor.userId)
        .execute();
      ids = claimed.map((c) => c.dossier_id);
    }
    if (ids.length === 0) {
      throw new AppError('validation_failed', { errors: [{ field: 'dossierIds', code: 'required' }] });
    }
    // The worker files for the dossiers they claimed, the DPO for those of its controller.
    const relation = dpo ? 'dpo' : 'subject';
    const opened = (await open(tx, actor, deps.clock, ids)).filter((o) => o.relations.includes(relation));
    if (opened.length !== ids.length) throw new AppError('not_found');

    let receivedAt = now;
    if (dpo && input.receivedOn) {
      if (input.receivedOn > legalDate(now)) {
        throw new AppError('validation_failed', {
          errors: [{ field: 'receivedOn', code: 'date_in_future' }],
        });
      }
      // Registered after the fact: the month runs from the day the post or e-mail arrived.
      receivedAt = new Date(`${input.receivedOn}T12:00:00Z`);
    }
    const dueOn = addMonths(legalDate(receivedAt), 1);
    const requester = dpo ? await requesterOf(tx, ids) : actor.userId;
    const first = opened[0] as Opened;
    const language: Language =
      input.language ?? (dpo && isLanguage(first.record.language) ? first.record.language : requestLanguage);
    const single = opened.some((o) => o.record.procedure === 'single_permit');
    const concerns: RightsConcerns = single ? (input.concerns ?? 'both') : 'work';

    const requestId = newId();
    await tx
      .insertInto('rights_request')
      .values({
        id: requestId,
        kind: input.kind,
        concerns,
        channel: dpo ? (input.channel ?? 'post') : 'portal',
        requester_user_id: requester,
        registered_by_user_id: actor.userId,
        language,
        details: input.details,
        correction:
          input.kind === 'rectification' && input.correction ? JSON.stringify(input.correction) : null,
        received_at: receivedAt,
        acknowledged_at: now,
        created_at: now,
      })
      .execute();

    const controllers = new Map<string, string>();
    for (const o of opened) {
      for (const part of partsOf(o.record.procedure, concerns)) {
        const controller = await controllerOf(tx, part, o.record.region);
        if (!controller) {
          throw new AppError('validation_failed', {
            errors: [{ field: 'dossierIds', code: 'invalid_choice' }],
          });
        }
        await tx
          .insertInto('rights_request_part')
          .values({
            id: newId(),
            request_id: requestId,
            dossier_id: o.record.id,
            controller_organisation_id: controller,
            part,
            due_on: dueOn,
          })
          .onConflict((oc) => oc.columns(['request_id', 'dossier_id', 'part']).doNothing())
          .execute();
        controllers.set(controller, '');
      }
      await appendAudit(
        tx,
        actedBy(actor, now, 'rights_request_received', {
          dossierId: o.record.id,
          details: { request: requestId, kind: input.kind, concerns, channel: dpo ? 'registered' : 'portal' },
        }),
      );
    }
    const names = await organisationNames(tx, [...controllers.keys()]);
    // Art. 29 §4: the dated acknowledgement is given at once, in the person's language.
    await writeMessage(
      tx,
      requestId,
      language,
      acknowledgement(language, {
        kind: input.kind,
        received: legalDate(receivedAt),
        due: dueOn,
        controllers: [...names.values()].join(', '),
      }),
      now,
    );
    const [view] = await requestViews(tx, actor, deps.clock, { ids: [requestId] });
    if (!view) throw new AppError('not_found');
    return view;
  });
}

/** The worker a request registered by a DPO belongs to: the one who claimed its dossiers, if any did. */
async function requesterOf(tx: Tx, dossierIds: readonly string[]): Promise<string | null> {
  const rows = await tx
    .selectFrom('dossier_subject')
    .select('user_id')
    .where('dossier_id', 'in', dossierIds)
    .execute();
  const users = new Set(rows.map((r) => r.user_id));
  return users.size === 1 ? ([...users][0] ?? null) : null;
}

export async function organisationNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A part shows with the dossier's header: the person sees their own; the controller's staff theirs. */
const carried: Carried = (o) => {
  if (o.relations.includes('subject')) return ['admin'];
  if (o.relations.includes('dpo')) return [];
  if (o.relations.some((r) => r === 'competent_region' || r === 'dvz') && o.grants.admin.level === 'R')
    return ['admin'];
  return undefined;
};

const PART_COLUMNS = [
  'p.id',
  'p.request_id',
  'p.dossier_id',
  'p.controller_organisation_id',
  'p.part',
  'p.due_on',
  'p.extended_at',
  'p.extension_reasons',
  'p.outcome',
  'p.answer',
  'p.legal_basis',
  'p.action_id',
  'p.answered_at',
  'p.lifted_action_id',
  'x.reference',
  'o.name as controller_name',
] as const;

/**
 * The requests as the caller may see them: the person's own, or those with a part for the
 * caller's organisation (open ones only when asked). Parts pass the gate one dossier at a time.
 */
export async function requestViews(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  filter: { ids?: string[]; open?: boolean },
): Promise<RightsRequestView[]> {
  const worker = actor.organisation.kind === 'worker';
  let requestQuery = db.selectFrom('rights_request as r').selectAll('r');
  if (filter.ids) requestQuery = requestQuery.where('r.id', 'in', filter.ids);
  if (worker) requestQuery = requestQuery.where('r.requester_user_id', '=', actor.userId);
  else {
    requestQuery = requestQuery.where((eb) =>
      eb.exists(
        eb
          .selectFrom('rights_request_part as mine')
          .select('mine.id')
          .whereRef('mine.request_id', '=', 'r.id')
          .where('mine.controller_organisation_id', '=', actor.organisation.id)
          .$if(filter.open === true, (q) => q.where('mine.outcome', 'is', null)),
      ),
    );
  }
  if (filter.ids?.length === 0) return [];
  const requests = await requestQuery.orderBy('r.received_at', 'desc').orderBy('r.id').limit(500).execute();
  if (requests.length === 0) return [];
  const requestIds = requests.map((r) => r.id);
  const rows = await db
    .selectFrom('rights_request_part as p')
    .innerJoin('dossier as x', 'x.id', 'p.dossier_id')
    .innerJoin('organisation as o', 'o.id', 'p.controller_organisation_id')
    .select(PART_COLUMNS)
    .where('p.request_id', 'in', requestIds)
    .orderBy('x.reference')
    .orderBy('p.part', 'desc')
    .execute();
  const parts = await throughGate(db, actor, clock, rows, (p) => p.dossier_id, carried);
  const messages = await db
    .selectFrom('rights_message')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .orderBy('seq')
    .execute();
  const today = legalDate(clock.now());
  return requests.flatMap((r): RightsRequestView[] => {
    const mine = parts.filter((p) => p.request_id === r.id);
    if (mine.length === 0) return [];
    const partViews = mine.map((p) => {
      const dueOn = dateOf(p.due_on);
      const openPart = p.outcome === null;
      const left = daysBetween(today, dueOn);
      return {
        id: p.id,
        dossierId: p.dossier_id,
        reference: p.reference,
        part: p.part as Part,
        controller: { id: p.controller_organisation_id, name: p.controller_name },
        dueOn,
        extended:
          p.extended_at && p.extension_reasons !== null
            ? { at: p.extended_at.toISOString(), reasons: p.extension_reasons }
            : null,
        answer:
          p.outcome && p.answered_at
            ? {
                outcome: p.outcome as 'granted' | 'refused',
                reasons: p.answer,
                legalBasis: p.legal_basis,
                at: p.answered_at.toISOString(),
                actionId: p.action_id,
              }
            : null,
        restrictionLifted: p.lifted_action_id !== null,
        dueSoon: openPart && left >= 0 && left <= DUE_SOON_DAYS,
        overdue: openPart && left < 0,
      };
    });
    const openDue = partViews.filter((p) => !p.answer).map((p) => p.dueOn);
    const dueAt = (openDue.length ? openDue : partViews.map((p) => p.dueOn)).sort()[0] ?? today;
    const controllers = new Map(partViews.map((p) => [p.controller.id, p.controller]));
    return [
      {
        id: r.id,
        kind: r.kind as RightsRequestKind,
        concerns: r.concerns as RightsConcerns,
        channel: r.channel as 'portal' | 'post' | 'email',
        language: r.language,
        details: r.details,
        correction: correctionOf(r.correction),
        receivedAt: r.received_at.toISOString(),
        acknowledgedAt: r.acknowledged_at.toISOString(),
        dueAt,
        controllers: [...controllers.values()],
        parts: partViews,
        messages: messages
          .filter((m) => m.request_id === r.id)
          .map((m) => ({
            id: m.id,
            language: m.language,
            subject: m.subject,
            body: m.body,
            createdAt: m.created_at.toISOString(),
          })),
      },
    ];
  });
}

/** Both engines give `date` columns as YYYY-MM-DD; a Date from another driver is read in Brussels. */
const dateOf = (value: unknown): string =>
  value instanceof Date ? legalDate(value) : String(value).slice(0, 10);

function correctionOf(value: unknown): Correction | null {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!parsed || typeof parsed !== 'object') return null;
  const c = parsed as { section?: unknown; changes?: unknown };
  if (!RECTIFIABLE_SECTIONS.includes(c.section as never) || !c.changes || typeof c.changes !== 'object')
    return null;
  return { section: c.section as Correction['section'], changes: c.changes as Record<string, unknown> };
}

/** GET /rights-requests: the worker's own; for a controller (its DPO, its staff) its open ones unless all are asked. */
export async function listRightsRequests(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  query: { status: 'open' | 'all' },
): Promise<RightsRequestList> {
  const worker = actor.organisation.kind === 'worker';
  if (!worker && !isDpo(actor) && !['regional_authority', 'dvz'].includes(actor.organisation.kind)) {
    throw new AppError('action_forbidden');
  }
  const items = await requestViews(db, actor, clock, { open: !worker && query.status === 'open' });
  return { items };
}

/**
 * The daily reminder: each open part due within seven days is recorded once in the audit trail
 * (kind `rights_request_reminded`), where the controller's DPO and the work list find it; the
 * part keeps when it was reminded so a later run does not repeat it.
 */
export async function remindDueRightsRequests(
  deps: Pick<AppDeps, 'db'>,
  now: Date,
): Promise<{ reminded: number }> {
  const limit = addDays(legalDate(now), DUE_SOON_DAYS);
  return deps.db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('rights_request_part')
      .select(['id', 'request_id', 'dossier_id', 'controller_organisation_id', 'due_on'])
      .where('outcome', 'is', null)
      .where('reminded_at', 'is', null)
      .where('due_on', '<=', limit)
      .forUpdate()
      .execute();
    for (const p of due) {
      await tx.updateTable('rights_request_part').set({ reminded_at: now }).where('id', '=', p.id).execute();
      await appendAudit(tx, {
        at: now,
        kind: 'rights_request_reminded',
        actorOrganisationId: p.controller_organisation_id,
        dossierId: p.dossier_id,
        details: { request: p.request_id, part: p.id, dueOn: dateOf(p.due_on) },
      });
    }
    return { reminded: due.length };
  });
}
