import type { DataCategory } from '../../contract/documents.js';
import type { Language } from '../../contract/language.js';
import type { Category, Procedure } from '../../contract/procedures.js';
import type { Region } from '../../contract/regions.js';
import type { SectionName, Sections } from '../../contract/sections.js';
import type { ActionRecord, Lifecycle } from './lifecycle.js';

/*
 * A dossier as the platform holds it: the header, the sections, the action log and its fold, the
 * documents, checks and letters stored. The gate loads it (src/access/records.ts) and decides
 * what of it a caller sees; the use cases fold new actions onto it.
 */

export interface DossierRecord {
  id: string;
  reference: string;
  procedure: Procedure;
  category: Category;
  longTermMobility: boolean;
  language: string;
  region: Region | null;
  applicantOrganisationId: string;
  applicantName: string;
  /** The applicant organisation's registered enterprise number: with its name, the one verified source of who applies. */
  applicantEnterpriseNumber: string | null;
  follows: { kind: string; reference: string; dossierId: string } | null;
  createdAt: Date;
  sections: Partial<Sections>;
  actions: ActionRecord[];
  documents: (DocumentRecord & { storageKey: string; sha256: string })[];
  lifecycle: Lifecycle;
  /** Results of the automated checks against authentic sources (category `source`), oldest first. */
  sourceChecks: SourceCheckRecord[];
  /** The decision letters stored, without their content (read one by one through the gate). */
  letters: LetterRecord[];
}

export interface SourceCheckRecord {
  runId: string;
  check: string;
  source: string;
  outcome: string;
  detail: unknown;
  fetchedAt: Date;
}

export interface DocumentRecord {
  id: string;
  type: string;
  category: DataCategory;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedByOrganisationId: string;
}

/** What the gate knows of a stored letter without reading it (src/letters/letters.ts writes them). */
export interface LetterRecord {
  decisionId: string;
  variant: 'full' | 'notice';
  language: Language;
  courtesy: boolean;
  categories: readonly string[];
}

/** The column of the `dossier` table each section is stored in. */
export const SECTION_COLUMN: Record<
  SectionName,
  'identity' | 'residence' | 'employment' | 'self_employed' | 'fee'
> = {
  identity: 'identity',
  residence: 'residence',
  employment: 'employment',
  selfEmployed: 'self_employed',
  fee: 'fee',
};
