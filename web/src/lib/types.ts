import type { Category, Procedure } from '../../../src/contract/procedures';
import type { DossierState } from '../../../src/contract/states';
import type { DataCategory } from '../../../src/contract/documents';
import type { OrganisationKind } from '../../../src/contract/organisations';
import type { DeadlineClock } from '../../../src/contract/views';

/** Shapes of the API's answers: the platform's own where they are plain data, else what the portal reads. */

export type { DecisionView, LetterLink } from '../../../src/contract/views';
export type { DossierSummary } from '../../../src/contract/views';
import type { DecisionView } from '../../../src/contract/views';

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
