import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../identity/request.js';
import { RECIPIENT_KINDS, acknowledgeDelivery, listDeliveries } from './deliveries.js';
import { listSubscriptions, subscribe, unsubscribe } from './webhooks.js';
import { DeliveryItem, DeliveryList } from '../contract/exchange.js';
import { SubscriptionList, SubscriptionView } from './exchange.schemas.js';

const recipients = {
  who: 'signed_in',
  kinds: RECIPIENT_KINDS,
  why: 'posts, municipalities, employment services and the deciding authorities receive deliveries',
} as const;

const DeliveryQuery = z
  .object({
    acknowledged: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const WebhookBody = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    // The receiver checks signatures with it: long enough not to be guessed.
    secret: z.string().min(32).max(256),
  })
  .strict();

/** The inbox of decisions delivered to the caller's organisation, and its webhook subscriptions. */
export function deliveryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/deliveries',
      {
        config: { permission: recipients },
        schema: {
          tags: ['deliveries'],
          summary: 'Decisions delivered to the caller’s organisation, newest first',
          querystring: DeliveryQuery,
          response: { 200: DeliveryList },
        },
      },
      async (request) =>
        deps.db.transaction().execute((tx) =>
          listDeliveries(tx, actorOf(request), deps.clock, {
            acknowledged:
              request.query.acknowledged === undefined ? undefined : request.query.acknowledged === 'true',
            cursor: request.query.cursor,
            limit: request.query.limit,
          }),
        ),
    );

    app.post(
      '/deliveries/:id/ack',
      {
        config: { permission: recipients },
        schema: {
          tags: ['deliveries'],
          summary: 'Acknowledge a delivery (once; a repeat answers the first acknowledgement)',
          params: z.object({ id: z.uuid() }),
          body: z.object({}).strict().optional(),
          response: { 200: DeliveryItem },
        },
      },
      async (request) => acknowledgeDelivery(deps, actorOf(request), request.params.id),
    );

    // Where deliveries are pushed is a credential of the organisation: set by a person signed
    // in, never by a system holding an API token.
    const webhookConfig = { permission: recipients, sessionOnly: true };

    app.post(
      '/webhooks',
      {
        config: webhookConfig,
        schema: {
          tags: ['deliveries'],
          summary: 'Push each new delivery to your own system, signed with HMAC-SHA256',
          body: WebhookBody,
          response: { 201: SubscriptionView },
        },
      },
      async (request, reply) => reply.code(201).send(await subscribe(deps, actorOf(request), request.body)),
    );

    app.get(
      '/webhooks',
      {
        config: webhookConfig,
        schema: {
          tags: ['deliveries'],
          summary: 'Your organisation’s webhook subscriptions (secrets are never shown)',
          response: { 200: SubscriptionList },
        },
      },
      async (request) => ({ items: await listSubscriptions(deps.db, actorOf(request)), nextCursor: null }),
    );

    app.delete(
      '/webhooks/:id',
      {
        config: webhookConfig,
        schema: {
          tags: ['deliveries'],
          summary: 'Stop pushing to a system; the deliveries stay in the inbox',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null().describe('Unsubscribed') },
        },
      },
      async (request, reply) => {
        await unsubscribe(deps, actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    return Promise.resolve();
  };
}
