import { z } from 'zod';
import { LANGUAGES } from './language.js';
import { Instant, LegalDate } from './views.js';

/** The rights of GDPR 15-21 a person concerned may invoke (Art. 29 §1). */
export const RIGHTS_REQUEST_KINDS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'portability',
  'notification_of_recipients',
] as const;
export const RightsRequestKind = z.enum(RIGHTS_REQUEST_KINDS);
export type RightsRequestKind = z.infer<typeof RightsRequestKind>;

/** Which part of a single permit a request is about (Art. 29 §2-3); the other procedures are work only. */
export const RIGHTS_CONCERNS = ['work', 'residence', 'both'] as const;
export const RightsConcerns = z.enum(RIGHTS_CONCERNS);
export type RightsConcerns = z.infer<typeof RightsConcerns>;

/** The sections a person may ask to have rectified: the data about them, not the employer's. */
export const RECTIFIABLE_SECTIONS = ['identity', 'residence'] as const;

/** A correction asked or applied: the section and the fields with their correct values. */
export const Correction = z
  .object({
    section: z.enum(RECTIFIABLE_SECTIONS),
    changes: z.record(z.string().max(50), z.unknown()),
  })
  .strict();
export type Correction = z.infer<typeof Correction>;

/** POST /rights-requests: a worker files for their claimed dossiers (all when none are named); a DPO registers one. */
export const RightsRequestInput = z
  .object({
    kind: RightsRequestKind,
    /** The dossiers concerned; a worker who names none asks for every dossier they claimed. */
    dossierIds: z.array(z.uuid()).max(50).optional(),
    concerns: RightsConcerns.optional(),
    details: z.string().trim().max(4000).default(''),
    correction: Correction.optional(),
    /** For a DPO registering a request received outside the platform. */
    channel: z.enum(['post', 'email']).optional(),
    receivedOn: LegalDate.optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();
export type RightsRequestInput = z.infer<typeof RightsRequestInput>;

/** POST /rights-requests/{id}/answer: the caller's controller answers its open parts. */
export const RightsAnswerInput = z
  .object({
    outcome: z.enum(['granted', 'refused']),
    reasons: z.string().trim().max(4000).optional(),
    /** For a rectification: the correction applied, when it differs from the one asked. */
    correction: Correction.optional(),
  })
  .strict();

export const RightsExtensionInput = z.object({ reasons: z.string().trim().min(1).max(4000) }).strict();

export const RightsRequestPartView = z.object({
  id: z.string(),
  dossierId: z.string(),
  reference: z.string(),
  part: z.enum(['work', 'residence']),
  controller: z.object({ id: z.string(), name: z.string() }),
  dueOn: LegalDate,
  extended: z.object({ at: Instant, reasons: z.string() }).nullable(),
  answer: z
    .object({
      outcome: z.enum(['granted', 'refused']),
      reasons: z.string().nullable(),
      legalBasis: z.string().nullable(),
      at: Instant,
      actionId: z.string().nullable(),
    })
    .nullable(),
  restrictionLifted: z.boolean(),
  dueSoon: z.boolean().describe('Open and due within 7 days'),
  overdue: z.boolean().describe('Open after its due date'),
});

export const RightsMessageView = z.object({
  id: z.string(),
  language: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: Instant,
});

export const RightsRequestView = z.object({
  id: z.string(),
  kind: RightsRequestKind,
  concerns: RightsConcerns,
  channel: z.enum(['portal', 'post', 'email']),
  language: z.string(),
  details: z.string(),
  correction: Correction.nullable(),
  receivedAt: Instant,
  acknowledgedAt: Instant,
  /** The earliest due date of the parts still open, else of all. */
  dueAt: LegalDate,
  controllers: z.array(z.object({ id: z.string(), name: z.string() })),
  parts: z.array(RightsRequestPartView),
  messages: z.array(RightsMessageView),
});
export type RightsRequestView = z.infer<typeof RightsRequestView>;

export const RightsRequestList = z.object({ items: z.array(RightsRequestView) });
export type RightsRequestList = z.infer<typeof RightsRequestList>;
