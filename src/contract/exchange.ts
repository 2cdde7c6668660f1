import { z } from 'zod';
import { Instant } from './views.js';

/*
 * The answers of the exchange with the parties: deliveries of decisions to the authorities that
 * act on them, the inbox of messages, and the enterprise data the form pre-fills.
 */

export const DELIVERY_EVENTS = [
  'visa_d_authorised',
  'residence_document_authorised',
  'single_permit_withdrawn',
  'negative_decision',
  // A value the recipient received was rectified at the person's request (GDPR 19).
  'rectified',
  // The dossier was deleted at the end of its retention (Art. 27 §2): delete every copy of it.
  'dossier_deleted',
] as const;
export const DeliveryEvent = z.enum(DELIVERY_EVENTS);
export type DeliveryEvent = z.infer<typeof DeliveryEvent>;

/**
 * Who the delivered decision is about, as far as the gate lets the recipient read it: a post
 * checks the person and the passport before it issues a visa D (Art. 21-23).
 */
export const DeliveredWorker = z
  .object({
    givenNames: z.string(),
    familyName: z.string(),
    birthDate: z.string(),
    nationality: z.string(),
    passportNumber: z.string(),
    passportIssuingCountry: z.string(),
    passportExpiry: z.string(),
  })
  .partial();
export type DeliveredWorker = z.infer<typeof DeliveredWorker>;

/** The delivered decision as the recipient may read it: what it authorises, and for how long. */
export const DeliveredDecision = z.object({
  kind: z.string(),
  outcome: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  permitType: z.string().nullable(),
});
export type DeliveredDecision = z.infer<typeof DeliveredDecision>;

/**
 * A decision delivered to the caller's organisation: ids and what happened. In the inbox (never
 * in a push) it also names the worker and the decision, each only as the gate lets the caller
 * read that dossier.
 */
export const DeliveryItem = z
  .object({
    id: z.string(),
    event: DeliveryEvent,
    dossierId: z.string(),
    reference: z.string(),
    procedure: z.string(),
    decisionId: z.string(),
    deliveredAt: Instant,
    acknowledgedAt: Instant.nullable(),
    worker: DeliveredWorker.nullable()
      .optional()
      .describe('Null when the caller may read neither the identity nor the passport data'),
    decision: DeliveredDecision.nullable()
      .optional()
      .describe('Null when the caller may know only that a decision was taken'),
  })
  .meta({ id: 'DeliveryItem', description: 'A decision delivered to the caller’s organisation' });
export type DeliveryItem = z.infer<typeof DeliveryItem>;

/** GET /deliveries: one page, newest first; `nextCursor` fetches the next (null on the last page). */
export const DeliveryList = z.object({ items: z.array(DeliveryItem), nextCursor: z.string().nullable() });
export type DeliveryList = z.infer<typeof DeliveryList>;

/** A message to the caller's organisation (or, for a worker, to them) about one of its dossiers. */
export const InboxItem = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    reference: z.string(),
    language: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'InboxItem', description: 'A message about one of the caller’s dossiers' });
export type InboxItem = z.infer<typeof InboxItem>;

/** GET /messages: one page, newest first, and how many messages are unread in all. */
export const InboxList = z.object({
  items: z.array(InboxItem),
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe('Unread messages in all, not only on this page'),
});
export type InboxList = z.infer<typeof InboxList>;

/** GET /enterprises/{number}: what the Crossroads Bank for Enterprises holds of an enterprise. */
export const EnterpriseView = z.object({
  enterpriseNumber: z.string(),
  name: z.string(),
  status: z.enum(['active', 'stopped']),
  legalForm: z.string(),
  seat: z.object({
    street: z.string(),
    number: z.string(),
    postcode: z.string(),
    municipality: z.string(),
  }),
});
export type EnterpriseView = z.infer<typeof EnterpriseView>;
