import { z } from 'zod';
import { DATA_CATEGORIES } from './documents.js';
import { ORGANISATION_KINDS } from './organisations.js';
import { STATES } from './states.js';

/*
 * The answers of the supervising roles: the data protection officer's access log and audit
 * verification, and the operator's platform health. None carries dossier content.
 */

const Instant = z.iso.datetime();

/** GET /access-log: one read of personal data, as the DPO of the dossier's controller searches it. */
export const OversightAccessEntry = z.object({
  id: z.string(),
  at: Instant,
  dossier: z.object({ id: z.string(), reference: z.string() }),
  user: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), kind: z.enum(ORGANISATION_KINDS), name: z.string() }),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  purpose: z.string(),
});
export type OversightAccessEntry = z.infer<typeof OversightAccessEntry>;

export const OversightAccessLog = z
  .object({ items: z.array(OversightAccessEntry), nextCursor: z.string().nullable() })
  .meta({
    id: 'OversightAccessLog',
    description: 'Reads of personal data in the dossiers of the DPO’s controller, newest first',
  });
export type OversightAccessLog = z.infer<typeof OversightAccessLog>;

/** GET /audit/verification: the whole chain walked now, and whether the published heads agree. */
export const AuditVerification = z
  .object({
    intact: z.boolean(),
    entries: z.number().int().describe('Entries verified (before the break, when broken)'),
    head: z
      .object({ seq: z.number().int(), hash: z.string() })
      .nullable()
      .describe('The newest entry verified'),
    publishedHeads: z.object({
      checked: z.number().int().describe('Heads published outside the database the chain was held against'),
      agree: z.boolean().describe('Every published head is found, unchanged, in the chain'),
    }),
    brokenAt: z.number().int().nullable().describe('The first entry that does not hold'),
    reason: z.string().nullable().describe('Why it does not hold (hash_mismatch, broken_link, …)'),
    verifiedAt: Instant,
  })
  .meta({
    id: 'AuditVerification',
    description: 'The audit trail verified from its first entry to its head; no entry’s content',
  });
export type AuditVerification = z.infer<typeof AuditVerification>;

const Backlog = z.object({
  pending: z.number().int().describe('Waiting for their first or a next attempt'),
  retrying: z.number().int().describe('Pending after at least one failed attempt'),
  failed: z.number().int().describe('Given up after the last attempt'),
  oldestPendingAt: Instant.nullable(),
});

export const JOB_OUTCOMES = ['running', 'succeeded', 'failed', 'never'] as const;

export const PlatformHealth = z
  .object({
    queues: z
      .array(z.object({ region: z.string().nullable(), state: z.enum(STATES), count: z.number().int() }))
      .describe('Dossiers per region and state: counts only'),
    deliveries: z.object({
      notifications: Backlog.describe('E-mail and e-Box notifications in the outbox'),
      webhookPushes: Backlog.describe('Delivery pushes to receivers’ systems'),
      deletionPushes: Backlog.describe('Deletion events to receivers’ systems'),
      unacknowledged: z
        .array(z.object({ recipientKind: z.enum(ORGANISATION_KINDS), count: z.number().int() }))
        .describe('Deliveries not yet acknowledged by their recipients, per kind of recipient'),
    }),
    jobs: z.array(
      z.object({
        job: z.string(),
        periodSeconds: z.number().int(),
        outcome: z.enum(JOB_OUTCOMES),
        startedAt: Instant.nullable(),
        finishedAt: Instant.nullable(),
        durationMs: z.number().int().nullable(),
        errorKind: z.string().nullable(),
        runs: z.number().int(),
        failures: z.number().int(),
      }),
    ),
    at: Instant,
  })
  .meta({
    id: 'PlatformHealth',
    description: 'The platform’s health for its operator: counts and job runs, no dossier content',
  });
export type PlatformHealth = z.infer<typeof PlatformHealth>;
