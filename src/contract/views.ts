import { z } from 'zod';
import { ACTIONS } from './actions.js';
import { DATA_CATEGORIES } from './documents.js';
import { LANGUAGES } from './language.js';
import { CATEGORIES, PROCEDURES } from './procedures.js';
import { RELATIONS, SHOWN_STATES } from './states.js';
import { HOLD_REASONS, RETENTION_RULES } from './retention.js';

/*
 * The shapes of the API's answers, shared by the server that builds them and the portal that
 * shows them. Each is a Zod schema (the route's `response`, so the OpenAPI document describes it
 * and the answer is serialised through it) and the type of the same name.
 *
 * The serialiser drops what a schema does not name: a field the server sends must be listed here.
 */

/** An instant, as `Date.prototype.toISOString` writes it (UTC). */
export const Instant = z.iso.datetime();
/** A legal date: a calendar day in Belgium, YYYY-MM-DD. */
export const LegalDate = z.iso.date();

export const DecisionKind = z.enum([
  'admissibility',
  'work',
  'residence',
  'professional_card',
  'withdrawal',
  'end',
]);
export type DecisionKind = z.infer<typeof DecisionKind>;

export const DecisionOutcome = z.enum([
  'admissible',
  'inadmissible',
  'granted',
  'refused',
  'withdrawn',
  'ended',
]);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** What a decision is about: the permit a decision grants or refuses, or a later one withdraws or ends. */
const PermitKind = z.enum(['work', 'residence', 'professional_card']);

export const DeadlineClock = z
  .object({
    status: z.enum(['running', 'suspended', 'stopped']),
    startedOn: LegalDate,
    decisionDays: z.number().int(),
    legalSource: z.string(),
    suspensions: z.array(
      z.object({
        requestId: z.string(),
        from: LegalDate,
        until: LegalDate.nullable(),
        days: z.number().int(),
      }),
    ),
    suspendedDays: z.number().int(),
    extension: z.object({ days: z.number().int(), reason: z.string(), on: LegalDate }).nullable(),
    extensionAvailableDays: z.number().int(),
    dueDate: LegalDate,
    daysLeft: z
      .number()
      .int()
      .nullable()
      .describe('Negative when overdue; null once the decision the clock waits for was taken'),
    stoppedOn: LegalDate.nullable(),
  })
  .meta({
    id: 'DeadlineClock',
    description:
      'The decision period (R-PROC-7): it runs from the complete filing, stands still while the applicant is asked for documents, and may be extended once',
  });
export type DeadlineClock = z.infer<typeof DeadlineClock>;

/** A decision letter the caller may download: the authentic language first, then any courtesy copy. */
export const LetterLink = z.object({ language: z.enum(LANGUAGES), courtesy: z.boolean() });
export type LetterLink = z.infer<typeof LetterLink>;

/**
 * A decision as the caller may see it: whole, or (a negative decision of another authority) only
 * the fact that it was taken. `grounds` only for the person concerned and the deciding authority.
 */
export const DecisionView = z
  .union([
    z.object({
      id: z.string(),
      kind: DecisionKind,
      of: PermitKind.nullable(),
      outcome: DecisionOutcome,
      negative: z.boolean(),
      authority: z.enum(RELATIONS),
      decidedAt: Instant,
      notifiedAt: Instant.nullable().describe('When the letter reached its addressee; periods run from it'),
      legalBasis: z.string(),
      validFrom: z.string().nullable(),
      validUntil: z.string().nullable(),
      permitType: z.string().nullable(),
      decisionType: z.string().nullable(),
      grounds: z.string().optional(),
      letters: z.array(LetterLink),
    }),
    z.object({
      id: z.string(),
      fact: z.literal('negative_decision'),
      decidedAt: Instant,
      letters: z.array(LetterLink),
    }),
  ])
  .meta({
    id: 'DecisionView',
    description:
      'A decision as the caller may see it: whole, or (a negative decision of another authority) only the fact that it was taken',
  });
export type DecisionView = z.infer<typeof DecisionView>;

export const RetentionView = z
  .object({
    until: LegalDate.nullable().describe('From this date the dossier is deleted; null while it must be kept'),
    rule: z
      .enum(RETENTION_RULES)
      .nullable()
      .describe('The rule giving `until`, or the open hold; null while under examination'),
    holds: z.array(
      z.object({
        id: z.string(),
        reason: z.enum(HOLD_REASONS),
        authority: z.enum(RELATIONS),
        from: Instant,
        liftedAt: Instant.nullable(),
      }),
    ),
  })
  .meta({
    id: 'RetentionView',
    description: 'How long the dossier is kept (Art. 27), for authorities and DPOs',
  });
export type RetentionView = z.infer<typeof RetentionView>;

/** One thing asked of the applicant in a request for documents or data. */
export const RequestItem = z.object({
  documentType: z.string().optional(),
  description: z.string(),
});
export type RequestItem = z.infer<typeof RequestItem>;

/** A section's fields as stored (the section schemas of sections.ts), shown when its category is readable. */
const SectionContent = z.record(z.string(), z.unknown());

/** The fee to pay, where to pay it, and where its payment stands (Art. 18 §1 1°). */
export const FeeView = z
  .object({
    amountCents: z.number().int(),
    legalSource: z.string(),
    paymentReference: z.string().describe('The structured communication (OGM/VCS) that names this dossier'),
    state: z
      .enum(['due', 'proof_uploaded', 'paid_confirmed', 'exempt'])
      .describe('exempt: nothing to pay; paid_confirmed: the examining authority confirmed the receipt'),
    payTo: z
      .object({ beneficiary: z.string(), iban: z.string(), bic: z.string() })
      .nullable()
      .describe('The collecting authority’s account; null where nothing is due or none is configured yet'),
    epcQr: z
      .string()
      .nullable()
      .describe('The text of the EPC069-12 QR code (SEPA credit transfer) a banking app scans'),
  })
  .meta({ id: 'FeeView', description: 'The fee of a dossier and how to pay it' });
export type FeeView = z.infer<typeof FeeView>;

export const DossierView = z.object({
  id: z.string(),
  reference: z.string(),
  procedure: z.enum(PROCEDURES),
  category: z.enum(CATEGORIES),
  longTermMobility: z.boolean(),
  language: z.string(),
  region: z.string().nullable(),
  state: z.enum(SHOWN_STATES),
  applicant: z.object({
    organisationId: z.string(),
    name: z.string(),
    enterpriseNumber: z
      .string()
      .nullable()
      .describe('The applicant organisation’s registered enterprise number (public KBO data)'),
  }),
  follows: z.object({ kind: z.string(), reference: z.string() }).nullable(),
  createdAt: Instant,
  filedAt: Instant.nullable(),
  sections: z
    .object({
      identity: SectionContent,
      residence: SectionContent,
      employment: SectionContent,
      selfEmployed: SectionContent,
      fee: SectionContent,
    })
    .partial()
    .describe('The sections the caller may read; the others are left out (see `withheld`)'),
  fee: FeeView.nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      category: z.enum(DATA_CATEGORIES),
      uploadedAt: Instant,
      downloadable: z.boolean(),
      fileName: z.string().optional(),
      mediaType: z.string().optional(),
      sizeBytes: z.number().int().optional(),
    }),
  ),
  decisions: z.array(DecisionView),
  requests: z.array(
    z.object({
      id: z.string(),
      by: z.enum(RELATIONS),
      requestedAt: Instant,
      dueDate: LegalDate,
      items: z.array(RequestItem),
      message: z.string().nullable(),
      answeredAt: Instant.nullable(),
      answerDocumentIds: z.array(z.string()),
    }),
  ),
  clock: DeadlineClock.nullable(),
  missing: z
    .array(
      z.object({ kind: z.enum(['field', 'document']), section: z.string().optional(), name: z.string() }),
    )
    .nullable(),
  checklist: z
    .array(z.object({ documentType: z.string(), legalSource: z.string(), present: z.boolean() }))
    .nullable()
    .describe('For the examining authorities: what the rule tables asked of this filing, and what is there'),
  allowedActions: z.array(z.enum(ACTIONS)),
  withheld: z.array(z.enum(DATA_CATEGORIES)),
  fieldsShown: z
    .object({
      identity: z.array(z.string()),
      residence: z.array(z.string()),
      employment: z.array(z.string()),
      selfEmployed: z.array(z.string()),
      fee: z.array(z.string()),
    })
    .partial()
    .describe(
      'Sections the law lets the caller read only in part: the fields shown; the section’s other fields are withheld',
    ),
  retention: RetentionView.nullable(),
});
export type DossierView = z.infer<typeof DossierView>;

/** One result of the automated checks, with the source data it rests on (category `source`). */
export const SourceCheckView = z
  .object({
    check: z.string(),
    source: z.string(),
    outcome: z.string(),
    detail: z.unknown().describe('What the authentic source answered that the outcome rests on'),
    fetchedAt: Instant,
    concerns: z
      .object({ section: z.string(), field: z.string() })
      .nullable()
      .describe('The section and field of the application the check judges, to show its finding there'),
  })
  .meta({
    id: 'SourceCheckView',
    description: 'One result of the automated checks against an authentic source',
  });
export type SourceCheckView = z.infer<typeof SourceCheckView>;

/**
 * The dossier as every dossier route answers it: the view, with the latest results of the checks
 * against authentic sources — null unless the caller may read `source` data.
 */
export const DossierViewWithSources = DossierView.extend({
  sources: z
    .array(SourceCheckView)
    .nullable()
    .describe('The latest automated checks; null unless the caller may read `source` data'),
}).meta({
  id: 'DossierViewWithSources',
  description: 'A dossier as the caller may see it: what every dossier route answers',
});
export type DossierViewWithSources = z.infer<typeof DossierViewWithSources>;

/** One line of a list: what a queue or a search shows of a dossier the caller may see. */
export const DossierSummary = z
  .object({
    id: z.string(),
    reference: z.string(),
    procedure: z.enum(PROCEDURES),
    category: z.enum(CATEGORIES),
    state: z.enum(SHOWN_STATES),
    region: z.string().nullable(),
    applicant: z.object({ organisationId: z.string(), name: z.string() }),
    worker: z.object({ givenNames: z.string().optional(), familyName: z.string().optional() }).nullable(),
    createdAt: Instant,
    dueDate: LegalDate.nullable(),
    daysLeft: z.number().int().nullable(),
    allowedActions: z
      .array(z.enum(ACTIONS))
      .describe('What the caller may do now, as on the dossier itself: a queue shows the action needed'),
    assignee: z
      .object({ name: z.string(), isMe: z.boolean() })
      .nullable()
      .describe(
        'Who of the caller’s own authority handles it; null when nobody does or the caller examines nothing',
      ),
  })
  .meta({
    id: 'DossierSummary',
    description: 'One line of a list or a search: a dossier the caller may see',
  });
export type DossierSummary = z.infer<typeof DossierSummary>;
