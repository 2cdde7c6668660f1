import { z } from 'zod';
import { Instant, LegalDate } from '../contract/views.js';

/*
 * Answers of the identity routes that only the server and the parties' own systems read, not the
 * portal (the shapes the portal shares live in src/contract/).
 */

const Named = z.object({ id: z.string(), name: z.string() });

/** One entry of the register of persons designated for health or criminal data (Art. 16-17). */
export const DesignationView = z
  .object({
    id: z.string(),
    controller: Named,
    person: Named,
    category: z.enum(['health', 'criminal']),
    validFrom: LegalDate,
    validUntil: LegalDate.nullable(),
    reason: z.string(),
    proposedBy: Named,
    proposedAt: Instant,
    validatedBy: Named.nullable(),
    validatedAt: Instant.nullable(),
    endedAt: Instant.nullable(),
    status: z.enum(['proposed', 'valid', 'ended']),
  })
  .meta({
    id: 'DesignationView',
    description: 'An entry of the register of designated persons (Art. 16-17)',
  });
export type DesignationView = z.infer<typeof DesignationView>;

/** GET /designations: the whole register of the caller's organisation, in one page. */
export const DesignationList = z.object({ items: z.array(DesignationView), nextCursor: z.null() });
