import type { DataCategory, DocumentType } from '../src/contract/documents.js';
import { DOCUMENT_CATEGORY } from '../src/rules/documents.js';
import type { Procedure } from '../src/contract/procedures.js';
import type { DecisionKind } from '../src/contract/views.js';
import type { DecisionRecord, Lifecycle } from '../src/dossier/model/lifecycle.js';
import type { Relation } from '../src/contract/states.js';

/*
 * The ORACLE of the access policy, written from the text of the shared specification spec/access.md (the table
 * and its rules 1-3), domain.md where access.md points to it, and the readings recorded in
 * docs/decisions/0003-spec-readings.md and 0004-policy-differences.md. It deliberately does not
 * import policy.ts, evaluate.ts or view.ts: the tests that use it (policy.property.test.ts on the
 * evaluator, policy.http.test.ts through HTTP) check the code against it, not against itself.
 * Used by tests only.
 */

export type Level = 'R' | 'M' | 'F' | '-';
export type DocSeen = 'download' | 'listed' | 'hidden';
export type DecisionSeen = 'full' | 'fact' | 'hidden';

export interface Case {
  relations: Relation[];
  procedure: Procedure;
  lc: Lifecycle;
  designated: { health: boolean; criminal: boolean };
  /** Art. 25: the NL text (narrow) or the FR text (broad), as the management committee decides. */
  reading: 'narrow' | 'broad';
}

// ---------------------------------------------------------------------------------------------
// The oracle: one relation at a time, straight from the spec text.
// ---------------------------------------------------------------------------------------------

const filed = (c: Case) => c.lc.filedAt !== undefined;
const admissible = (c: Case) =>
  c.lc.decisions.some((d) => d.kind === 'admissibility' && d.outcome === 'admissible');

/** "After authorisation" (posts, municipalities): 0003 §5 — the residence authorisation for (a),
 * the work permit for (b), the professional card for (c). */
function authorised(c: Case): boolean {
  const kind: DecisionKind =
    c.procedure === 'single_permit'
      ? 'residence'
      : c.procedure === 'work_permit'
        ? 'work'
        : 'professional_card';
  return c.lc.decisions.some((d) => d.kind === kind && d.outcome === 'granted');
}

/** "After a withdrawal" (employment service): 0003 §6 — a withdrawal decision in a single permit. */
const withdrawn = (c: Case) =>
  c.procedure === 'single_permit' && c.lc.decisions.some((d) => d.kind === 'withdrawal');

/**
 * Rule 2: "Draft dossiers are visible to their applicant (and subject, if invited) only." A dossier
 * that was never filed stays the applicant's, also once withdrawn as a draft (0004 §D9).
 */
const hiddenAsDraft = (relation: Relation, c: Case) =>
  !filed(c) && relation !== 'applicant' && relation !== 'subject';

/** The level of one category for one relation: the cell of the access.md table. */
export function specLevel(relation: Relation, category: DataCategory, c: Case): Level {
  if (hiddenAsDraft(relation, c)) return '-';
  const cOnly = c.procedure === 'professional_card';
  switch (relation) {
    case 'applicant':
      switch (category) {
        case 'identity':
        case 'residence':
        case 'employment':
        case 'admin': // "R, negative: F"
          return 'R';
        case 'health':
        case 'criminal':
          // "M after filing"; rule 1: R while a draft, for every user of the applicant (0003 §2).
          if (c.lc.state === 'draft') return 'R';
          return filed(c) ? 'M' : '-';
        case 'self_employed':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'subject':
      return 'R';
    case 'competent_region':
      switch (category) {
        case 'identity':
        case 'residence':
        case 'employment':
        case 'admin':
        case 'source':
        case 'grounds': // "own decisions only"
          return 'R';
        case 'self_employed': // "R (c)"
          return cOnly ? 'R' : '-';
        case 'health':
          return c.designated.health ? 'R' : '-'; // "R designated only"
        case 'criminal':
          return c.designated.criminal ? 'R' : '-';
      }
      break;
    case 'other_region':
      switch (category) {
        case 'identity':
        case 'residence':
        case 'employment':
        case 'admin':
          return 'R';
        case 'self_employed':
          return cOnly ? 'R' : '-';
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'dvz':
      if (c.procedure === 'single_permit') {
        // DVZ, procedure (a). The table says "after admissible" for identity, residence and
        // employment; domain.md R-PROC-5 says DVZ has access to the dossier once it is admissible,
        // so the whole row waits for admissibility (0004 §D3).
        if (!admissible(c)) return '-';
        switch (category) {
          case 'identity':
          case 'residence':
          case 'employment':
          case 'admin':
          case 'source':
          case 'grounds':
            return 'R';
          case 'health':
            return c.designated.health ? 'R' : '-';
          case 'criminal':
            return c.designated.criminal ? 'R' : '-';
          case 'self_employed':
            return '-';
        }
      }
      // DVZ, procedures (b)(c).
      switch (category) {
        case 'identity':
        case 'residence':
        case 'admin':
        case 'grounds':
          return 'R';
        case 'employment':
        case 'self_employed':
        case 'health':
        case 'criminal':
        case 'source':
          return '-';
      }
      break;
    case 'post':
    case 'municipality':
      switch (category) {
        case 'identity':
        case 'residence':
          return authorised(c) ? 'R' : '-';
        case 'admin':
          // "positive decisions only": the authorisation decisions reach them (R-RCPT-1, -2), so
          // from the authorisation like the rest of the row (0004 §D4).
          return authorised(c) ? 'R' : '-';
        case 'employment':
        case 'self_employed':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'business_counter':
      if (!cOnly) return '-'; // "R (c)", "professional-card decisions"
      switch (category) {
        case 'identity':
        case 'self_employed':
        case 'admin':
          return 'R';
        case 'residence':
        case 'employment':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'inspection':
      switch (category) {
        case 'identity': // "R (to identify the worker)"
        case 'employment': // narrow: "employer and workplace only"
        case 'admin':
          return 'R';
        case 'residence': // "narrow: —; broad: R"
        case 'self_employed':
        case 'source':
          return c.reading === 'broad' ? 'R' : '-';
        case 'health':
        case 'criminal':
        case 'grounds':
          return '-';
      }
      break;
    case 'employment_service':
      switch (category) {
        case 'identity': // "R (identity and contact) after a withdrawal"
        case 'residence': // the contact: the worker's e-mail and phone are kept here (0004 §D12)
        case 'admin': // "withdrawal of the single permit only"
          return withdrawn(c) ? 'R' : '-';
        case 'employment':
        case 'self_employed':
        case 'health':
        case 'criminal':
        case 'source':
        case 'grounds':
          return '-';
      }
      break;
    case 'operator':
      return category === 'grounds' ? '-' : 'M';
    case 'dpo':
      // "access log, designation register, audit trail; no dossier content"
      return '-';
  }
  throw new Error(`oracle has no cell for ${relation}/${category}`);
}

/** Which document types a cell at level R lets through (undefined: every type of the category). */
export function specReadableTypes(
  relation: Relation,
  category: DataCategory,
  c: Case,
): DocumentType[] | undefined {
  switch (relation) {
    case 'competent_region':
      // "R designated only (work-permit medical certificate)", "(self-employed)"; data.md §Special.
      if (category === 'health') return ['medical_certificate_work'];
      if (category === 'criminal') return ['criminal_record_self_employed'];
      return undefined;
    case 'dvz':
      // "(medical certificate of the 1980 law)"; criminal: the worker's extract, DVZ only (Art. 17 §1).
      if (c.procedure === 'single_permit' && category === 'health') return ['medical_certificate'];
      if (c.procedure === 'single_permit' && category === 'criminal') return ['criminal_record'];
      return undefined;
    case 'business_counter':
      // "registration data only": the self-employed section, not the business plan or the
      // financial proof (policy.ts, 0003 §7, 0004 §D5); admin: decisions only, not the fee proof.
      if (category === 'self_employed' || category === 'admin') return [];
      return undefined;
    case 'post':
    case 'municipality':
    case 'employment_service':
      // "positive decisions only" / "withdrawal of the single permit only": decisions, not the
      // fee proof that is the other admin document (0004 §D6); the contact, not the passport copy.
      if (category === 'admin' || (relation === 'employment_service' && category === 'residence')) return [];
      return undefined;
    case 'inspection':
      // Narrow: "employer and workplace only" — data, not the contract or payslips.
      if (category === 'employment' && c.reading === 'narrow') return [];
      return undefined;
    case 'applicant':
    case 'subject':
    case 'other_region':
    case 'operator':
    case 'dpo':
      return undefined;
  }
}

export function specDocument(relation: Relation, type: DocumentType, c: Case): DocSeen {
  const category = DOCUMENT_CATEGORY[type];
  switch (specLevel(relation, category, c)) {
    case '-':
    case 'F':
      return 'hidden';
    case 'M': // "metadata only … a document marked M cannot be downloaded"
      return 'listed';
    case 'R': {
      const types = specReadableTypes(relation, category, c);
      return types === undefined || types.includes(type) ? 'download' : 'hidden';
    }
  }
}

const REGIONS: readonly Relation[] = ['competent_region', 'other_region'];

/** How a decision shows through the admin column of one relation. */
export function specDecision(relation: Relation, d: DecisionRecord, c: Case): DecisionSeen {
  // Operator's admin "M": the platform shows no decision to a metadata-only reader (0004 §D8).
  if (specLevel(relation, 'admin', c) !== 'R') return 'hidden';
  const negativeAsFact: DecisionSeen = d.negative ? 'fact' : 'full';
  switch (relation) {
    case 'subject':
    case 'competent_region':
      return 'full'; // "R"
    case 'applicant':
    case 'other_region':
    case 'inspection':
      return negativeAsFact; // "R, negative: F"
    case 'dvz':
      // (a): "R, regional negative: F"; (b)(c): "R, negative: F".
      if (c.procedure === 'single_permit')
        return d.negative && REGIONS.includes(d.relation) ? 'fact' : 'full';
      return negativeAsFact;
    case 'post':
    case 'municipality':
      return d.negative ? 'hidden' : 'full'; // "positive decisions only"
    case 'business_counter':
      // "professional-card decisions". A refusal shows only as the fact (domain.md R-RCPT-3: the
      // full refusal goes to the worker only; everyone else sees that a negative decision was
      // taken). A withdrawal of the card is not a decision on the card request: hidden (0004 §D7).
      if (d.kind !== 'professional_card') return 'hidden';
      return negativeAsFact;
    case 'employment_service':
      // "withdrawal of the single permit only" (R-RCPT-4).
      return c.procedure === 'single_permit' && d.kind === 'withdrawal' ? 'full' : 'hidden';
    case 'operator':
    case 'dpo':
      return 'hidden';
  }
}

/** Whether the grounds column of one relation covers the grounds of this decision (rule 3). */
export function specGroundsFor(relation: Relation, d: DecisionRecord, c: Case): boolean {
  if (specLevel(relation, 'grounds', c) !== 'R') return false;
  switch (relation) {
    case 'subject':
      return true;
    case 'competent_region':
    case 'dvz':
      return d.relation === relation; // "own decisions only"
    case 'applicant':
    case 'other_region':
    case 'post':
    case 'municipality':
    case 'business_counter':
    case 'inspection':
    case 'employment_service':
    case 'operator':
    case 'dpo':
      return false; // "—"
  }
}

// A caller holding several relations is entitled to what each of them gives (the union).
export const LEVEL_RANK: Record<Level, number> = { '-': 0, M: 1, F: 2, R: 3 };
export const DOC_RANK: Record<DocSeen, number> = { hidden: 0, listed: 1, download: 2 };
export const DECISION_RANK: Record<DecisionSeen, number> = { hidden: 0, fact: 1, full: 2 };
export const maxBy = <T extends string>(rank: Record<T, number>, values: T[]): T =>
  values.reduce((a, b) => (rank[b] > rank[a] ? b : a));

export interface DecisionShown {
  how: DecisionSeen;
  grounds: boolean;
}

export function oracleDecisions(c: Case): Map<string, DecisionShown> {
  return new Map(
    c.lc.decisions.map((d) => {
      const how = maxBy(
        DECISION_RANK,
        c.relations.map((r) => specDecision(r, d, c)),
      );
      // Grounds are part of the decision: shown only with the whole decision, and only when the
      // grounds column of one of the caller's relations covers them.
      const grounds = how === 'full' && c.relations.some((r) => specGroundsFor(r, d, c));
      return [d.id, { how, grounds }];
    }),
  );
}
