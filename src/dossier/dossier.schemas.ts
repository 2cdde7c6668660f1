import { z } from 'zod';
import { CATEGORIES, PROCEDURES } from '../contract/procedures.js';
import { DOCUMENT_TYPES } from '../contract/documents.js';
import { SHOWN_STATES } from '../contract/states.js';
import { RECOGNITION_PURPOSES } from '../contract/access.js';
import { HOLD_REASONS } from '../contract/retention.js';
import { enterpriseNumberField, nissField } from '../contract/sections.js';

export const DossierId = z.object({ id: z.uuid() });

export const CreateDossierBody = z
  .object({
    procedure: z.enum(PROCEDURES),
    category: z.enum(CATEGORIES),
    longTermMobility: z.boolean().optional(),
    language: z.enum(['nl', 'fr', 'de', 'en']).optional(),
    /** For a mandatary: the employer the dossier is filed for, under a mandate. */
    onBehalfOf: z.uuid().optional(),
    follows: z
      .object({
        kind: z.enum(['renewal', 'change_of_employer']),
        reference: z.string().regex(/^SW-\d{4}-\d{6}$/),
      })
      .strict()
      .optional(),
    identity: z.record(z.string(), z.unknown()).optional(),
    residence: z.record(z.string(), z.unknown()).optional(),
    employment: z.record(z.string(), z.unknown()).optional(),
    selfEmployed: z.record(z.string(), z.unknown()).optional(),
    fee: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const ListQuery = z
  .object({
    state: z.enum(SHOWN_STATES).optional(),
    procedure: z.enum(PROCEDURES).optional(),
    region: z.enum(['flanders', 'wallonia', 'brussels', 'ostbelgien']).optional(),
    q: z.string().min(2).max(100).optional(),
    assigned: z.enum(['me', 'unassigned']).optional(),
    stage: z
      .enum(['open', 'closed'])
      .optional()
      .describe(
        'open: still being examined or issued after; closed: issued, withdrawn or after a negative decision',
      ),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const text = z.string().trim().min(1).max(5000);
const isoDate = z.iso.date();

export const AdmissibilityBody = z
  .object({ outcome: z.enum(['admissible', 'inadmissible']), grounds: text.optional() })
  .strict();

export const RequestBody = z
  .object({
    dueDate: isoDate,
    items: z
      .array(z.object({ documentType: z.enum(DOCUMENT_TYPES).optional(), description: text }).strict())
      .min(1)
      .max(30),
    message: text.optional(),
  })
  .strict();

export const AnswerBody = z
  .object({ documentIds: z.array(z.uuid()).max(30), message: text.optional() })
  .strict();

export const DecisionBody = z.union([
  z
    .object({
      kind: z.enum(['work', 'residence', 'professional_card']),
      outcome: z.enum(['granted', 'refused']),
      grounds: text.optional(),
      validFrom: isoDate.optional(),
      validUntil: isoDate.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.enum(['withdrawal', 'end']),
      of: z.enum(['work', 'residence', 'professional_card']),
      grounds: text,
    })
    .strict(),
]);

export const ExtensionBody = z.object({ reason: text }).strict();
export const WithdrawalBody = z.object({ reason: text.optional() }).strict();
export const HoldBody = z
  .object({
    reason: z.enum(HOLD_REASONS),
    /** The case number of the appeal, proceedings or investigation (never a person's name). */
    caseReference: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export const LiftHoldBody = z.object({ holdId: z.uuid() }).strict();
export const IssuedBody = z
  .object({ issuedOn: isoDate, documentNumber: z.string().trim().min(1).max(50).optional() })
  .strict();

/** A consultation search (R-CONS-1): in the body, never the URL, since it names a person. */
export const SearchBody = z
  .object({
    purpose: z.string().trim().min(5).max(200),
    /** Art. 26: the region's own dossier about the worker, to find their dossiers in other regions. */
    forDossier: z.uuid().optional(),
    /** Art. 26: the code of the purpose, required with `forDossier`. */
    purposeCode: z.enum(RECOGNITION_PURPOSES).optional(),
    criteria: z.discriminatedUnion('by', [
      z.object({ by: z.literal('niss'), niss: nissField }).strict(),
      z
        .object({ by: z.literal('name'), familyName: z.string().trim().min(1).max(100), birthDate: isoDate })
        .strict(),
      z.object({ by: z.literal('enterprise'), enterpriseNumber: enterpriseNumberField }).strict(),
    ]),
  })
  .strict();
