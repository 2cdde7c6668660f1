import type { ActionName } from './actions.js';
import type { DataCategory } from './documents.js';
import type { Language } from './language.js';
import type { Category, Procedure } from './procedures.js';
import type { SectionName } from './sections.js';
import type { DossierState, Relation } from './states.js';

/*
 * The shapes of the API's answers, shared by the server that builds them and the portal that
 * shows them.
 */
export interface DeadlineClock {
  status: 'running' | 'suspended' | 'stopped';
  startedOn: string;
  decisionDays: number;
  legalSource: string;
  suspensions: { requestId: string; from: string; until: string | null; days: number }[];
  suspendedDays: number;
  extension: { days: number; reason: string; on: string } | null;
  extensionAvailableDays: number;
  dueDate: string;
  /** Negative when overdue; null once the decision the clock waits for was taken. */
  daysLeft: number | null;
  stoppedOn: string | null;
}

export type DecisionView =
  | {
      id: string;
      kind: DecisionKind;
      of: 'work' | 'residence' | 'professional_card' | null;
      outcome: DecisionOutcome;
      negative: boolean;
      authority: Relation;
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

/** A decision letter the caller may download: the authentic language first, then any courtesy copy. */
export interface LetterLink {
  language: Language;
  courtesy: boolean;
}

export interface DossierView {
  id: string;
  reference: string;
  procedure: Procedure;
  category: Category;
  longTermMobility: boolean;
  language: string;
  region: string | null;
  state: DossierState;
  applicant: { organisationId: string; name: string };
  follows: { kind: string; reference: string } | null;
  createdAt: string;
  filedAt: string | null;
  sections: Partial<Record<SectionName, unknown>>;
  fee: { amountCents: number; legalSource: string; paymentReference: string } | null;
  documents: {
    id: string;
    type: string;
    category: DataCategory;
    uploadedAt: string;
    downloadable: boolean;
    fileName?: string;
    mediaType?: string;
    sizeBytes?: number;
  }[];
  decisions: DecisionView[];
  requests: {
    id: string;
    by: Relation;
    requestedAt: string;
    dueDate: string;
    items: RequestItem[];
    message: string | null;
    answeredAt: string | null;
    answerDocumentIds: string[];
  }[];
  clock: DeadlineClock | null;
  missing: { kind: 'field' | 'document'; section?: string; name: string }[] | null;
  /** For the examining authorities: what the rule tables asked of this filing, and what is there. */
  checklist: { documentType: string; legalSource: string; present: boolean }[] | null;
  allowedActions: ActionName[];
  withheld: DataCategory[];
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
  /** Who of the caller's own authority handles it; null when nobody does or the caller examines nothing. */
  assignee: { name: string; isMe: boolean } | null;
}

export type DecisionKind =
  'admissibility' | 'work' | 'residence' | 'professional_card' | 'withdrawal' | 'end';

export type DecisionOutcome = 'admissible' | 'inadmissible' | 'granted' | 'refused' | 'withdrawn' | 'ended';

export interface RequestItem {
  documentType?: string | undefined;
  description: string;
}
