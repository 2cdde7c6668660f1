import type { DataCategory, DocumentType } from '../contract/documents.js';
import type { Procedure } from '../contract/procedures.js';
import {
  CATEGORY_COLUMNS,
  POLICY,
  type Cell,
  type DecisionFilter,
  type Level,
  type Milestone,
  type PolicyRow,
} from './policy.js';

/*
 * Prints POLICY as the table of access.md, in its notation, so the table can be read from the code
 * (access.md: "keep the table and the code in one place so the table can be printed from the
 * code"). Everything printed comes from the cells; the maps below only give their words.
 */

/** Row labels of access.md, in its order. */
export const ROW_LABELS: Record<PolicyRow, string> = {
  applicant: 'applicant (employer, mandatary)',
  subject: 'subject (worker / self-employed)',
  competent_region: 'competent region',
  other_region: 'other region',
  dvz_single_permit: 'DVZ, procedure (a)',
  dvz_other: 'DVZ, procedures (b)(c)',
  post: 'post',
  municipality: 'municipality',
  business_counter: 'business counter',
  inspection: 'inspection',
  employment_service: 'employment service',
  operator: 'operator',
  dpo: 'DPO',
};

/** A row that shows no dossier content is printed as one sentence, as access.md prints the DPO. */
const ROW_NOTES: Partial<Record<PolicyRow, string>> = {
  dpo: 'access log, designation register, audit trail; no dossier content',
};

/** Words of a cell that name what the data already restricts; printed, never enforced. */
const CELL_NOTES: Partial<Record<`${PolicyRow}.${DataCategory}`, { scope?: string; tail?: string }>> = {
  'employment_service.identity': { scope: 'identity and contact' },
  'inspection.identity': { scope: 'to identify the worker' },
  'business_counter.self_employed': { tail: 'registration data only' },
};

const LEVEL_TEXT: Record<Level, string> = { R: 'R', M: 'M', F: 'F', '-': '—' };

const PROCEDURE_LETTER: Record<Procedure, string> = {
  single_permit: 'a',
  work_permit: 'b',
  professional_card: 'c',
};

const MILESTONE_TEXT: Record<Milestone, string> = {
  filing: 'filing',
  admissible: 'admissible',
  authorisation: 'authorisation',
  withdrawal: 'a withdrawal',
};

/** How an admin or grounds cell reads: `head` replaces the level, `tail` follows after a comma. */
const DECISION_TEXT: Record<DecisionFilter, { head: string; tail?: string }> = {
  all: { head: 'R' },
  negative_as_fact: { head: 'R', tail: 'negative: F' },
  regional_negative_as_fact: { head: 'R', tail: 'regional negative: F' },
  positive_only: { head: 'positive decisions only' },
  single_permit_withdrawal_only: { head: 'withdrawal of the single permit only' },
  professional_card_only: { head: 'professional-card decisions', tail: 'negative: F' },
  own: { head: 'own decisions only' },
};

/** Designated document types as access.md names them (data.md, "Special categories"). */
const DOCUMENT_TEXT: Partial<Record<DocumentType, string>> = {
  medical_certificate: 'medical certificate of the 1980 law',
  medical_certificate_work: 'work-permit medical certificate',
  criminal_record: 'worker',
  criminal_record_self_employed: 'self-employed',
};

const documentText = (types: readonly DocumentType[]) => types.map((t) => DOCUMENT_TEXT[t] ?? t).join(', ');

/** One cell in the notation of access.md, e.g. `R (c) after filing` or `R, negative: F`. */
export function renderCell(row: PolicyRow, category: DataCategory, cell: Cell): string {
  if (cell.broad) {
    const { broad, ...narrow } = cell;
    return `narrow: ${renderCell(row, category, narrow)}; broad: ${renderCell(row, category, broad)}`;
  }
  if (cell.level === '-') return LEVEL_TEXT['-'];
  const decision = cell.decisions && DECISION_TEXT[cell.decisions];
  const note = CELL_NOTES[`${row}.${category}`];
  let text = decision?.head ?? LEVEL_TEXT[cell.level];
  if (cell.procedures) text += ` (${cell.procedures.map((p) => PROCEDURE_LETTER[p]).join(')(')})`;
  if (cell.designated) text += ` designated only (${documentText(cell.designated)})`;
  if (note?.scope) text += ` (${note.scope})`;
  if (cell.after) text += ` after ${MILESTONE_TEXT[cell.after]}`;
  const tails = [decision?.tail, note?.tail, cell.fields && `fields: ${cell.fields.join(', ')}`];
  if (cell.onlyDocuments)
    tails.push(cell.onlyDocuments.length ? `documents: ${documentText(cell.onlyDocuments)}` : 'no documents');
  return [text, ...tails.filter((t) => t !== undefined)].join(', ');
}

const line = (cells: readonly string[]) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;

/** POLICY as the Markdown table of access.md ("Read access by relation and category"). */
export function renderPolicyTable(): string {
  const rows = (Object.keys(ROW_LABELS) as PolicyRow[]).map((row) => {
    const cells = POLICY[row];
    const note = ROW_NOTES[row];
    if (note === undefined) {
      return line([ROW_LABELS[row], ...CATEGORY_COLUMNS.map((c) => renderCell(row, c, cells[c]))]);
    }
    if (CATEGORY_COLUMNS.some((c) => cells[c].level !== '-'))
      throw new Error(`row ${row} is printed as "${note}" but grants dossier content`);
    return line([ROW_LABELS[row], note, ...CATEGORY_COLUMNS.slice(1).map(() => '')]);
  });
  return [
    line(['relation', ...CATEGORY_COLUMNS]),
    `|${['relation', ...CATEGORY_COLUMNS].map(() => '---').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
}

/** What a cell grants while the dossier is a draft, where it differs (access.md rule 1). */
function draftLines(): string[] {
  return (Object.keys(ROW_LABELS) as PolicyRow[]).flatMap((row) =>
    CATEGORY_COLUMNS.flatMap((category) => {
      const draft = POLICY[row][category].draft;
      return draft === undefined
        ? []
        : [`- ${ROW_LABELS[row]}, ${category}: ${LEVEL_TEXT[draft]} while a draft`];
    }),
  );
}

/** The committed `docs/access-policy.md`: written by `npm run policy:print`, checked by a test. */
export function renderPolicyDocument(): string {
  return [
    '# Access policy as enforced',
    '',
    'Printed from `POLICY` in `src/access/policy.ts` by `npm run policy:print`; do not edit by hand.',
    'Notation and rules 1-7 as in `access.md`; where this table differs from it, see',
    '`docs/decisions/0004-policy-differences.md`.',
    '',
    renderPolicyTable(),
    'Before filing, rule 2 leaves the dossier to the applicant and the subject. Rule 1:',
    '',
    ...draftLines(),
    '',
  ].join('\n');
}
