import { DATA_CATEGORIES, type DataCategory, type DocumentType } from '../contract/documents.js';
import type { Procedure } from '../contract/procedures.js';
import type { Relation } from '../contract/states.js';

/** R read, M metadata only, F only the fact of a negative decision, - nothing (access.md). */
export type Level = 'R' | 'M' | 'F' | '-';

/** Points in a dossier's life from which a cell applies ("after X" in access.md). */
export type Milestone = 'filing' | 'admissible' | 'authorisation' | 'withdrawal';

/** Which decisions an `admin` or `grounds` cell lets through, and how. */
export type DecisionFilter =
  | 'all'
  | 'negative_as_fact'
  | 'regional_negative_as_fact'
  | 'positive_only'
  | 'single_permit_withdrawal_only'
  | 'professional_card_only'
  | 'own';

export interface Cell {
  level: Level;
  after?: Milestone;
  procedures?: readonly Procedure[];
  /** Only persons named in the designation register, and only these document types (Art. 16-17). */
  designated?: readonly DocumentType[];
  decisions?: DecisionFilter;
  /** Only these document types of the category may be read (others are hidden). */
  onlyDocuments?: readonly DocumentType[];
  /** Level while the dossier is still a draft (access.md rule 1). */
  draft?: Level;
  /** Only these fields of the category's section show; the rest of it is withheld. */
  fields?: readonly string[];
  /** The cell under the broad reading of Art. 25 (FR text), where it differs from the narrow one. */
  broad?: Cell;
}

/**
 * Art. 25 in its two texts: NL gives inspection "the decisions taken by the regional authorities
 * and the information of Art. 22", FR adds "the application file". Narrow until the management
 * committee decides otherwise (Art. 30 §2); the decision is recorded as a policy setting.
 */
export const INSPECTION_READINGS = ['narrow', 'broad'] as const;
export type InspectionReading = (typeof INSPECTION_READINGS)[number];

/** The cell that applies under the reading in force. */
export const cellUnder = (cell: Cell, reading: InspectionReading): Cell =>
  reading === 'broad' && cell.broad ? cell.broad : cell;

export type PolicyRow = Exclude<Relation, 'dvz'> | 'dvz_single_permit' | 'dvz_other';

/** The columns of the policy table: every data category, in the order of data.md. */
export const CATEGORY_COLUMNS: readonly DataCategory[] = DATA_CATEGORIES;

const none: Cell = { level: '-' };
const read: Cell = { level: 'R' };
const C: readonly Procedure[] = ['professional_card'];

/**
 * The post (visa D) and the municipality (residence document) read alike: once the permit is
 * authorised, who it is for and the positive decisions, not the fee proof (Art. 21-23). The
 * authorisation is that of the procedure: the residence decision of a single permit, the work
 * decision of a work permit (Art. 23), the professional card (Art. 22); see docs/decisions/0005.
 */
const ISSUING_PARTY: Record<DataCategory, Cell> = {
  identity: { level: 'R', after: 'authorisation' },
  residence: { level: 'R', after: 'authorisation' },
  employment: none,
  self_employed: none,
  health: none,
  criminal: none,
  admin: { level: 'R', after: 'authorisation', decisions: 'positive_only', onlyDocuments: [] },
  source: none,
  grounds: none,
};

/**
 * The access policy of access.md as one table. Where the spec was unclear the more restrictive
 * reading is taken and said beside the cell.
 */
export const POLICY: Record<PolicyRow, Record<DataCategory, Cell>> = {
  applicant: {
    identity: read,
    residence: read,
    employment: read,
    self_employed: none,
    health: { level: 'M', after: 'filing', draft: 'R' },
    criminal: { level: 'M', after: 'filing', draft: 'R' },
    admin: { level: 'R', decisions: 'negative_as_fact' },
    source: none,
    grounds: none,
  },
  subject: {
    identity: read,
    residence: read,
    employment: read,
    self_employed: read,
    health: read,
    criminal: read,
    admin: { level: 'R', decisions: 'all' },
    source: read,
    grounds: { level: 'R', decisions: 'all' },
  },
  competent_region: {
    identity: { level: 'R', after: 'filing' },
    residence: { level: 'R', after: 'filing' },
    employment: { level: 'R', after: 'filing' },
    self_employed: { level: 'R', after: 'filing', procedures: C },
    health: { level: 'R', after: 'filing', designated: ['medical_certificate_work'] },
    criminal: { level: 'R', after: 'filing', designated: ['criminal_record_self_employed'] },
    admin: { level: 'R', after: 'filing', decisions: 'all' },
    source: { level: 'R', after: 'filing' },
    grounds: { level: 'R', after: 'filing', decisions: 'own' },
  },
  // Mutual recognition (Art. 26) also needs a purpose and a dossier of the reader's own for the
  // same worker (never merely the same employer); the gate checks that before this row applies.
  other_region: {
    identity: { level: 'R', after: 'filing' },
    // Art. 26: "the application file": the passport and residence data are part of it.
    residence: { level: 'R', after: 'filing' },
    employment: { level: 'R', after: 'filing' },
    self_employed: { level: 'R', after: 'filing', procedures: C },
    health: none,
    criminal: none,
    admin: { level: 'R', after: 'filing', decisions: 'negative_as_fact' },
    source: none,
    grounds: none,
  },
  dvz_single_permit: {
    identity: { level: 'R', after: 'admissible' },
    residence: { level: 'R', after: 'admissible' },
    employment: { level: 'R', after: 'admissible' },
    self_employed: none,
    health: { level: 'R', after: 'admissible', designated: ['medical_certificate'] },
    criminal: { level: 'R', after: 'admissible', designated: ['criminal_record'] },
    admin: { level: 'R', after: 'admissible', decisions: 'regional_negative_as_fact' },
    source: { level: 'R', after: 'admissible' },
    grounds: { level: 'R', after: 'admissible', decisions: 'own' },
  },
  // DVZ follows residence for (b) and (c) once the application is filed.
  dvz_other: {
    identity: { level: 'R', after: 'filing' },
    residence: { level: 'R', after: 'filing' },
    employment: none,
    self_employed: none,
    health: none,
    criminal: none,
    admin: { level: 'R', after: 'filing', decisions: 'negative_as_fact' },
    source: none,
    grounds: { level: 'R', after: 'filing', decisions: 'own' },
  },
  post: ISSUING_PARTY,
  municipality: ISSUING_PARTY,
  // "Registration data only" is read as: the self_employed section, none of its documents
  // (business plan and financial proof are not registration data).
  business_counter: {
    identity: { level: 'R', after: 'filing', procedures: C },
    residence: none,
    employment: none,
    self_employed: { level: 'R', after: 'filing', procedures: C, onlyDocuments: [] },
    health: none,
    criminal: none,
    admin: {
      level: 'R',
      after: 'filing',
      procedures: C,
      decisions: 'professional_card_only',
      onlyDocuments: [],
    },
    source: none,
    grounds: none,
  },
  // Narrow (NL text of Art. 25): who the worker is, for whom and where they work, and the decisions;
  // broad (FR text): the application file as well.
  inspection: {
    identity: { level: 'R', after: 'filing' },
    residence: { ...none, broad: { level: 'R', after: 'filing' } },
    employment: {
      level: 'R',
      after: 'filing',
      fields: ['employer', 'registration', 'onssNumber', 'workplace'],
      onlyDocuments: [],
      broad: { level: 'R', after: 'filing' },
    },
    self_employed: { ...none, broad: { level: 'R', after: 'filing' } },
    health: none,
    criminal: none,
    admin: { level: 'R', after: 'filing', decisions: 'negative_as_fact' },
    source: { ...none, broad: { level: 'R', after: 'filing' } },
    grounds: none,
  },
  employment_service: {
    identity: { level: 'R', after: 'withdrawal' },
    // "identity and contact": the worker's own e-mail and phone are kept in the residence section.
    residence: { level: 'R', after: 'withdrawal', fields: ['email', 'phone'], onlyDocuments: [] },
    employment: none,
    self_employed: none,
    health: none,
    criminal: none,
    admin: { level: 'R', after: 'withdrawal', decisions: 'single_permit_withdrawal_only', onlyDocuments: [] },
    source: none,
    grounds: none,
  },
  operator: {
    identity: { level: 'M' },
    residence: { level: 'M' },
    employment: { level: 'M' },
    self_employed: { level: 'M' },
    health: { level: 'M' },
    criminal: { level: 'M' },
    admin: { level: 'M' },
    source: { level: 'M' },
    grounds: none,
  },
  // The DPO reads the access log, the designation register and the audit trail, never content.
  dpo: {
    identity: none,
    residence: none,
    employment: none,
    self_employed: none,
    health: none,
    criminal: none,
    admin: none,
    source: none,
    grounds: none,
  },
};

export function policyRowOf(relation: Relation, procedure: Procedure): PolicyRow {
  if (relation !== 'dvz') return relation;
  return procedure === 'single_permit' ? 'dvz_single_permit' : 'dvz_other';
}
