import type { DataCategory, DocumentType } from '../contract/documents.js';
import type { Procedure } from '../contract/procedures.js';
import type { Lifecycle } from '../dossier/model/lifecycle.js';
import type { Relation } from '../contract/states.js';
import {
  CATEGORY_COLUMNS,
  cellUnder,
  POLICY,
  policyRowOf,
  type InspectionReading,
  type Cell,
  type DecisionFilter,
  type Level,
  type Milestone,
} from './policy.js';

export interface Grant {
  level: Level;
  /** The first relation giving this level (see `via` for all of them). */
  relation: Relation | undefined;
  decisions: DecisionFilter | undefined;
  /** When set, only these document types of the category show. */
  documentTypes: readonly DocumentType[] | undefined;
  /** When set, only these fields of the category's section show. */
  fields: readonly string[] | undefined;
  /** Every relation of the caller that gives this level, with its decision filter. */
  via: readonly { relation: Relation; decisions: DecisionFilter | undefined }[];
}

export type Grants = Record<DataCategory, Grant>;

export interface AccessContext {
  procedure: Procedure;
  lifecycle: Lifecycle;
  /** Whether the user is named in the validated designation register for a category. */
  designatedFor: (category: 'health' | 'criminal') => boolean;
  /** The reading of Art. 25 in force for inspection services. */
  inspectionReading: InspectionReading;
}

export function reached(milestone: Milestone, ctx: AccessContext): boolean {
  const { lifecycle: lc, procedure } = ctx;
  switch (milestone) {
    case 'filing':
      return lc.filedAt !== undefined;
    case 'admissible':
      return lc.decisions.some((d) => d.kind === 'admissibility' && d.outcome === 'admissible');
    case 'authorisation':
      return lc.decisions.some(
        (d) => d.outcome === 'granted' && d.kind === (procedure === 'single_permit' ? 'residence' : d.kind),
      );
    case 'withdrawal':
      return procedure === 'single_permit' && lc.decisions.some((d) => d.kind === 'withdrawal');
  }
}

const RANK: Record<Level, number> = { '-': 0, M: 1, F: 2, R: 3 };

function levelOf(cell: Cell, category: DataCategory, ctx: AccessContext): Level {
  if (ctx.lifecycle.state === 'draft' && cell.draft) return cell.draft;
  if (cell.after && !reached(cell.after, ctx)) return '-';
  if (cell.procedures && !cell.procedures.includes(ctx.procedure)) return '-';
  if (cell.designated && (category === 'health' || category === 'criminal') && !ctx.designatedFor(category))
    return '-';
  return cell.level;
}

/**
 * What each category shows to a caller holding these relations: the highest level, and at that
 * level what any of the relations gives (their decision filters and document types add up).
 */
export function grantsFor(relations: readonly Relation[], ctx: AccessContext): Grants {
  const entries = CATEGORY_COLUMNS.map((category): [DataCategory, Grant] => {
    let best: Grant = {
      level: '-',
      relation: undefined,
      decisions: undefined,
      documentTypes: undefined,
      fields: undefined,
      via: [],
    };
    for (const relation of relations) {
      // Rule 2: a draft is the applicant's (and the invited subject's) alone. A dossier never filed
      // stays so once withdrawn as a draft: without `filedAt` the operator row (which has no
      // `after`) would otherwise show a withdrawn draft (0004 §D9).
      const neverFiled = ctx.lifecycle.state === 'draft' || ctx.lifecycle.filedAt === undefined;
      if (neverFiled && relation !== 'applicant' && relation !== 'subject') continue;
      const cell = cellUnder(POLICY[policyRowOf(relation, ctx.procedure)][category], ctx.inspectionReading);
      const level = levelOf(cell, category, ctx);
      if (level === '-') continue;
      const documentTypes = cell.designated ?? cell.onlyDocuments;
      const via = { relation, decisions: cell.decisions };
      if (RANK[level] > RANK[best.level]) {
        best = { level, relation, decisions: cell.decisions, documentTypes, fields: cell.fields, via: [via] };
      } else if (RANK[level] === RANK[best.level]) {
        // Same level from two relations: keep both. Before, the first one won, so a self-employed
        // person (applicant and subject of their own dossier) saw their refusal only as the fact
        // of the applicant's "R, negative: F" and never its grounds, which Art. 24 sends to them.
        best = {
          ...best,
          via: [...best.via, via],
          documentTypes:
            best.documentTypes && documentTypes
              ? [...new Set([...best.documentTypes, ...documentTypes])]
              : undefined,
          fields: best.fields && cell.fields ? [...new Set([...best.fields, ...cell.fields])] : undefined,
        };
      }
    }
    return [category, best];
  });
  return Object.fromEntries(entries) as Grants;
}

export const sees = (grants: Grants): boolean => Object.values(grants).some((g) => g.level !== '-');
