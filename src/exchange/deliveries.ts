import type { AppDeps } from '../deps.js';
import { actedBy, appendAudit } from '../audit/audit.js';
import type { Queryable, Tx } from '../db/database.js';
import type { DossierRecord } from '../dossier/model/record.js';
import { type ActionRecord, type DecisionRecord } from '../dossier/model/lifecycle.js';
import type { Actor } from '../identity/actor.js';
import type { OrganisationKind } from '../contract/organisations.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Procedure } from '../contract/procedures.js';
import { queueNotifications } from './notifications.js';
import { newestFirst, positionOf } from '../db/paging.js';
import { gatedPage, throughGate, type Carried } from '../access/copies.js';
import type { Opened } from '../access/gate.js';
import { redact } from '../access/redact.js';
import type { Clock } from '../platform/clock.js';
import type {
  DeliveredDecision,
  DeliveredWorker,
  DeliveryEvent,
  DeliveryItem,
  DeliveryList,
} from '../contract/exchange.js';

/*
 * Deliveries (R-RCPT-1..4): a decision reaches the parties that act on it through an outbox
 * written in the decision's own transaction. A delivery names the dossier, the decision and what
 * happened, nothing more: the recipient reads the dossier through the gate, as its relation
 * allows, so a delivery can never show more than the access policy does.
 */

export { DELIVERY_EVENTS, type DeliveryEvent, type DeliveryItem } from '../contract/exchange.js';

/** Organisation kinds that receive deliveries and so have an inbox. */
export const RECIPIENT_KINDS: readonly OrganisationKind[] = [
  'post',
  'municipality',
  'employment_service',
  'regional_authority',
  'dvz',
];

export type RecipientRole =
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'competent_region' }
  | { kind: 'dvz' }
  | { kind: 'employment_service' };

export interface Route {
  to: RecipientRole;
  event: DeliveryEvent;
}

/** The decision that authorises the stay or the work the post or municipality acts on (Art. 21-23). */
const AUTHORISATION: Record<Procedure, DecisionRecord['kind']> = {
  single_permit: 'residence',
  work_permit: 'work',
  professional_card: 'professional_card',
};

/**
 * Where one decision goes. Pure, so the rules of R-RCPT-1..4 read as one list:
 * - the authorisation of every procedure goes to the post for the visa D when the worker is
 *   abroad: the residence decision of a single permit (Art. 21 first para.), the work decision of
 *   a work permit (Art. 23 first para.), the professional card (Art. 22);
 * - when the worker is in Belgium it goes to the municipality for the temporary residence
 *   document: a single permit (Art. 21 second para.) and a work permit (Art. 23 second para.);
 *   Art. 22 names no municipality for the professional card, so none is told (docs/decisions/0005);
 * - a withdrawn single permit (work or residence) goes to the employment service of the region
 *   (Art. 10 9°);
 * - every negative decision tells the other competent authorities only that it was taken
 *   (Art. 24). DVZ has no access to a single permit before it is admissible (Art. 12 §1 second
 *   para.), so it is not told of one declared inadmissible: it could not open the dossier.
 */
export function routesOf(input: {
  procedure: Procedure;
  decision: DecisionRecord;
  residence: {
    abroad?: boolean | undefined;
    visaPost?: string | undefined;
    municipality?: string | undefined;
  };
  admissible: boolean;
}): Route[] {
  const { procedure, decision: d, residence } = input;
  const routes: Route[] = [];
  if (d.outcome === 'granted' && d.kind === AUTHORISATION[procedure]) {
    if (residence.abroad === true && residence.visaPost) {
      routes.push({
        to: { kind: 'organisation', organisationId: residence.visaPost },
        event: 'visa_d_authorised',
      });
    } else if (residence.abroad !== true && residence.municipality && procedure !== 'professional_card') {
      routes.push({
        to: { kind: 'organisation', organisationId: residence.municipality },
        event: 'residence_document_authorised',
      });
    }
  }
  if (procedure === 'single_permit' && d.kind === 'withdrawal') {
    routes.push({ to: { kind: 'employment_service' }, event: 'single_permit_withdrawn' });
  }
  if (d.negative) {
    if (d.relation !== 'competent_region')
      routes.push({ to: { kind: 'competent_region' }, event: 'negative_decision' });
    if (d.relation !== 'dvz' && (procedure !== 'single_permit' || input.admissible)) {
      routes.push({ to: { kind: 'dvz' }, event: 'negative_decision' });
    }
  }
  return routes;
}

async function organisationsFor(tx: Tx, role: RecipientRole, region: string | null): Promise<string[]> {
  if (role.kind === 'organisation') return [role.organisationId];
  if (role.kind !== 'dvz' && region === null) return [];
  const kind: OrganisationKind =
    role.kind === 'dvz'
      ? 'dvz'
      : role.kind === 'competent_region'
        ? 'regional_authority'
        : 'employment_service';
  const rows = await tx
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', kind)
    .$if(role.kind !== 'dvz', (q) => q.where('region', '=', region))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Called by `actIn` (src/dossier/acting.ts) after an action is logged, in the same transaction: writes the
 * deliveries, a webhook push per subscription of each recipient, and the notifications.
 */
export async function recordOutbox(
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  record: DossierRecord,
  action: ActionRecord,
): Promise<void> {
  const now = deps.clock.now();
  const { lifecycle } = record;
  await queueNotifications(tx, now, record, action, lifecycle);
  const decision = lifecycle.decisions.find((d) => d.id === action.id);
  if (!decision) return;
  const routes = routesOf({
    procedure: record.procedure,
    decision,
    residence: record.sections.residence ?? {},
    admissible: lifecycle.decisions.some((d) => d.kind === 'admissibility' && d.outcome === 'admissible'),
  });
  for (const route of routes) {
    for (const organisationId of await organisationsFor(tx, route.to, record.region)) {
      // The decider is never its own recipient.
      if (organisationId === action.actorOrganisationId) continue;
      const id = newId();
      const inserted = await tx
        .insertInto('delivery')
        .values({
          id,
          recipient_organisation_id: organisationId,
          dossier_id: record.id,
          action_id: action.id,
          event: route.event,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['action_id', 'recipient_organisation_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) await queuePushes(tx, id, organisationId, now);
    }
  }
}

async function queuePushes(tx: Tx, deliveryId: string, organisationId: string, now: Date) {
  const subscriptions = await tx
    .selectFrom('webhook_subscription')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('removed_at', 'is', null)
    .execute();
  for (const s of subscriptions) {
    await tx
      .insertInto('webhook_push')
      .values({
        id: newId(),
        delivery_id: deliveryId,
        subscription_id: s.id,
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
  }
}

const deliveryColumns = [
  'd.id',
  'd.event',
  'd.dossier_id',
  'd.action_id',
  'd.created_at',
  'd.acknowledged_at',
  'x.reference',
  'x.procedure',
] as const;

interface DeliveryRow {
  id: string;
  event: string;
  dossier_id: string;
  action_id: string;
  created_at: Date;
  reference: string;
  procedure: string;
}

/** What a delivery tells its recipient, in the inbox and in a webhook push alike. */
export function deliveredOf(r: DeliveryRow): Omit<DeliveryItem, 'acknowledgedAt'> {
  return {
    id: r.id,
    event: r.event as DeliveryEvent,
    dossierId: r.dossier_id,
    reference: r.reference,
    procedure: r.procedure,
    decisionId: r.action_id,
    deliveredAt: r.created_at.toISOString(),
  };
}

const itemOf = (r: DeliveryRow & { acknowledged_at: Date | null }): DeliveryItem => ({
  ...deliveredOf(r),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
});

/** A delivery tells its recipient of a decision: it shows while the gate shows them the decisions. */
const carried: Carried = (o) => (o.grants.admin.level === 'R' ? ['admin'] : undefined);

const WORKER_FIELDS = {
  identity: ['givenNames', 'familyName', 'birthDate', 'nationality'],
  residence: ['passportNumber', 'passportIssuingCountry', 'passportExpiry'],
} as const;

/**
 * In the inbox a delivery also names the worker and what the decision authorises, cut by the
 * gate's own redaction: a post sees them once the stay is authorised, others as their relation
 * allows, and what is shown is logged with the delivery.
 */
const carriedInInbox: Carried = (o) => {
  if (o.grants.admin.level !== 'R') return undefined;
  const { view } = redact(o);
  return [
    'admin',
    ...(view.sections.identity ? (['identity'] as const) : []),
    ...(view.sections.residence ? (['residence'] as const) : []),
  ];
};

function aboutOf(r: DeliveryRow, opened: Opened): Pick<DeliveryItem, 'worker' | 'decision'> {
  const { view } = redact(opened);
  const worker: DeliveredWorker = {};
  for (const section of ['identity', 'residence'] as const) {
    const shown = view.sections[section] ?? {};
    for (const field of WORKER_FIELDS[section]) {
      const value = shown[field];
      if (typeof value === 'string') worker[field] = value;
    }
  }
  const decision = view.decisions.find((d) => d.id === r.action_id);
  const delivered: DeliveredDecision | null =
    decision && 'kind' in decision
      ? {
          kind: decision.kind,
          outcome: decision.outcome,
          validFrom: decision.validFrom,
          validUntil: decision.validUntil,
          permitType: decision.permitType,
        }
      : null;
  return {
    worker: view.sections.identity || view.sections.residence ? worker : null,
    decision: delivered,
  };
}

/** GET /deliveries: the caller's organisation's inbox, newest first, through the gate. */
export async function listDeliveries(
  db: Queryable,
  actor: Actor,
  clock: Clock,
  query: { acknowledged?: boolean | undefined; cursor?: string | undefined; limit: number },
): Promise<DeliveryList> {
  const rows = await newestFirst(
    db
      .selectFrom('delivery as d')
      .innerJoin('dossier as x', 'x.id', 'd.dossier_id')
      .select(deliveryColumns)
      .where('d.recipient_organisation_id', '=', actor.organisation.id)
      .$if(query.acknowledged === true, (q) => q.where('d.acknowledged_at', 'is not', null))
      .$if(query.acknowledged === false, (q) => q.where('d.acknowledged_at', 'is', null)),
    { at: 'd.created_at', id: 'd.id' },
    positionOf(query.cursor),
  )
    .limit(query.limit + 1)
    .execute();
  return gatedPage(db, actor, clock, rows, query.limit, carriedInInbox, (r, opened) => ({
    ...itemOf(r),
    ...aboutOf(r, opened),
  }));
}

/** POST /deliveries/{id}/ack: once; a repeat answers the first acknowledgement unchanged. */
export async function acknowledgeDelivery(deps: AppDeps, actor: Actor, id: string): Promise<DeliveryItem> {
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('delivery as d')
      .innerJoin('dossier as x', 'x.id', 'd.dossier_id')
      .select(deliveryColumns)
      .where('d.id', '=', id)
      .where('d.recipient_organisation_id', '=', actor.organisation.id)
      .forUpdate('d')
      .executeTakeFirst();
    const [shown] = row ? await throughGate(tx, actor, deps.clock, [row], (r) => r.dossier_id, carried) : [];
    if (!row || !shown) throw new AppError('not_found');
    if (row.acknowledged_at) return itemOf(row);
    const now = deps.clock.now();
    await tx
      .updateTable('delivery')
      .set({ acknowledged_at: now, acknowledged_by_user_id: actor.userId })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      tx,
      actedBy(actor, now, 'delivery_acknowledged', {
        dossierId: row.dossier_id,
        details: { delivery: id, event: row.event },
      }),
    );
    return itemOf({ ...row, acknowledged_at: now });
  });
}
