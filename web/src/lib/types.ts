import type { Category, Procedure } from '../../../src/contract/procedures';
import type { OrganisationKind } from '../../../src/contract/organisations';

/** Shapes of the API's answers: the platform's own where they are plain data, else what the portal reads. */

export type { DecisionView, LetterLink } from '../../../src/contract/views';
export type { DossierSummary } from '../../../src/contract/views';
export type { DeliveryItem } from '../../../src/contract/exchange';
export type { AccessLogEntry, DossierEvent as EventView } from '../../../src/contract/lists';
import type { DossierViewWithSources, SourceCheckView as SourceCheck } from '../../../src/contract/views';

/** A dossier as the API answers it to the caller, with the latest automated checks. */
export type Dossier = DossierViewWithSources;
export type DocumentView = Dossier['documents'][number];
export type RequestView = Dossier['requests'][number];
export type SectionsView = Dossier['sections'];
export type SourceCheckView = SourceCheck;

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
