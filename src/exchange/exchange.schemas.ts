import { z } from 'zod';
import { Instant } from '../contract/views.js';

/*
 * Answers of the exchange routes that only the parties' own systems read, not the portal (the
 * shapes the portal shares live in src/contract/exchange.ts).
 */

/** A webhook subscription: where the organisation's deliveries are pushed. The secret is never shown. */
export const SubscriptionView = z.object({ id: z.string(), url: z.string(), createdAt: Instant });
export type SubscriptionView = z.infer<typeof SubscriptionView>;

/** GET /webhooks: all of the organisation's active subscriptions, in one page. */
export const SubscriptionList = z.object({ items: z.array(SubscriptionView), nextCursor: z.null() });
