import { z } from 'zod';
import { Instant } from './views.js';

/*
 * The answers about who may act for, or follow, a dossier: mandates an employer grants, and a
 * worker's claim of their own dossier.
 */

/** A mandate: the mandatary files and follows all the employer's dossiers, or the one named. */
export const MandateView = z
  .object({
    id: z.string(),
    employer: z.object({ id: z.string(), name: z.string() }),
    mandatary: z.object({ id: z.string(), name: z.string() }),
    dossierId: z.string().nullable(),
    validFrom: Instant,
    validUntil: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'MandateView', description: 'A mandate an employer gave a mandatary' });
export type MandateView = z.infer<typeof MandateView>;

/** GET /mandates: all of them, in one page. */
export const MandateList = z.object({ items: z.array(MandateView), nextCursor: z.null() });
export type MandateList = z.infer<typeof MandateList>;

/**
 * POST /claims: the claim to confirm with the code sent by e-mail. The answer is the same whether
 * or not the details matched a dossier.
 */
export const ClaimStarted = z.object({ claimId: z.string(), expiresAt: Instant });
export type ClaimStarted = z.infer<typeof ClaimStarted>;

/**
 * Why a region reads another region's dossier about the same worker (Art. 26, mutual recognition):
 * a code from this list, logged with the free text the reader adds.
 */
export const RECOGNITION_PURPOSES = [
  'earlier_application',
  'change_of_employer',
  'renewal',
  'document_verification',
  'suspected_fraud',
] as const;
export type RecognitionPurpose = (typeof RECOGNITION_PURPOSES)[number];
export const isRecognitionPurpose = (code: string): code is RecognitionPurpose =>
  (RECOGNITION_PURPOSES as readonly string[]).includes(code);
