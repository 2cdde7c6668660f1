import type { Category, Procedure } from '../../../src/rules/procedures';
import type { DossierState } from '../../../src/dossier/states';
import type { DataCategory } from '../../../src/rules/documents';
import type { OrganisationKind } from '../../../src/identity/actor';
import type { DeadlineClock } from '../../../src/dossier/deadline';
import type { DecisionKind, DecisionOutcome } from '../../../src/dossier/lifecycle';

/** Shapes of the API's answers, as the OpenAPI document describes them (only what the portal reads). */

export interface Session {
  user: { id: string; username: string; name: string };
  organisation: { id: string; kind: OrganisationKind; name: string };
  roles: string[];
  csrfToken: string;
}

export interface PlatformInfo {
  demo: boolean;
  procedures: Procedure[];
  acceptedMediaTypes: string[];
  maxDocumentBytes: number;
  demoAccounts: { username: string; name: string }[];
}

export interface DossierSummary {
  id: string;
  reference: string;
  procedure: Procedure;
  category: Category;
  state: DossierState;
  region: string | null;
  applicant: { organisationId: string; name: string };
  worker: { givenNames?: string; familyName?: string } | null;
  createdAt: string;
  dueDate: string | null;
  daysLeft: number | null;
  assignee: { name: string; isMe: boolean } | null;
}

export interface Assignment {
  assignee: { userId: string; name: string; assignedAt: string; isMe: boolean } | null;
}

export interface DocumentView {
  id: string;
  type: string;
  category: DataCategory;
  uploadedAt: string;
  downloadable: boolean;
  fileName?: string;
  mediaType?: string;
  sizeBytes?: number;
}

export type DecisionView =
  | {
      id: string;
      kind: DecisionKind;
      of: 'work' | 'residence' | 'professional_card' | null;
      outcome: DecisionOutcome;
      negative: boolean;
      authority: string;
      decidedAt: string;
      legalBasis: string;
      validFrom: string | null;
      validUntil: string | null;
      permitType: string | null;
      decisionType: string | null;
      grounds?: string;
      letters: LetterLink[];
    }
  | { id: string; fact: 'negative_decision'; decidedAt: string; letters: LetterLink[] };

/** A decision letter the caller may download: the full letter, or the notice of a negative decision. */
export interface LetterLink {
  language: 'nl' | 'fr' | 'de' | 'en';
  courtesy: boolean;
}

export interface RequestView {
  id: string;
  by: string;
  requestedAt: string;
  dueDate: string;
  items: { documentType?: string; description: string }[];
  message: string | null;
  answeredAt: string | null;
  answerDocumentIds: string[];
}

export type SectionsView = Partial<
  Record<'identity' | 'residence' | 'employment' | 'selfEmployed' | 'fee', Record<string, unknown>>
>;

export interface Dossier {
  id: string;
  reference: string;
  procedure: Procedure;
  category: Category;
  longTermMobility: boolean;
  language: string;
  region: string | null;
  state: DossierState;
  applicant: { organisationId: string; name: string };
  createdAt: string;
  filedAt: string | null;
  sections: SectionsView;
  fee: { amountCents: number; legalSource: string; paymentReference: string } | null;
  documents: DocumentView[];
  decisions: DecisionView[];
  requests: RequestView[];
  clock: DeadlineClock | null;
  missing: { kind: 'field' | 'document'; section?: string; name: string }[] | null;
  checklist: { documentType: string; legalSource: string; present: boolean }[] | null;
  allowedActions: string[];
  withheld: DataCategory[];
  /** Results of the latest automated checks; null unless the caller may read `source` data. */
  sources?: SourceCheckView[] | null;
}

export interface Checklist {
  procedure: Procedure;
  category: Category;
  region: string | null;
  documents: {
    documentType: string;
    dataCategory: string;
    special: 'health' | 'criminal' | null;
    legalSource: string;
  }[];
  fee: { amountCents: number; legalSource: string };
  decisionDays: number;
  deadlineLegalSource: string;
  acceptedMediaTypes: string[];
  maxDocumentBytes: number;
}

export interface RegionAnswer {
  postcode: string;
  region: 'flanders' | 'wallonia' | 'brussels' | 'ostbelgien';
  localities: string[];
  authority: { name: string; legalSource: string };
}

export interface EventView {
  id: string;
  at: string;
  action: string;
  by: string | null;
  legalBasis: string | null;
  decision?: DecisionView;
}

export interface AccessLogEntry {
  at: string;
  user: { id: string; name: string };
  organisation: { id: string; kind: OrganisationKind; name: string };
  categories: DataCategory[];
  purpose: string;
}

export interface Mandate {
  id: string;
  employer: { id: string; name: string };
  mandatary: { id: string; name: string };
  dossierId: string | null;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
}

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  region: string | null;
}

export interface DeliveryItem {
  id: string;
  event:
    'visa_d_authorised' | 'residence_document_authorised' | 'single_permit_withdrawn' | 'negative_decision';
  dossierId: string;
  reference: string;
  procedure: string;
  decisionId: string;
  deliveredAt: string;
  acknowledgedAt: string | null;
}

export interface SourceCheckView {
  check: string;
  source: string;
  outcome: string;
  detail: unknown;
  fetchedAt: string;
}
