import { structuredReferenceFor } from '../contract/identifiers.js';
import { AGREEMENT_SIGNED, effectiveAt, type RuleRow } from './effective.js';
import type { Category, Procedure } from '../contract/procedures.js';

/** The fee (retributie/redevance) whose payment proof belongs to the dossier (Art. 18, R-FILE-7). */
export interface FeeRule extends RuleRow {
  procedure: Procedure;
  /** undefined: every category of the procedure without a row of its own. */
  category?: Category;
  amountCents: number;
}

export const FEE_RULES: readonly FeeRule[] = [
  {
    procedure: 'single_permit',
    amountCents: 35_800,
    effectiveFrom: '2019-01-03',
    legalSource:
      'Law of 15 December 1980 Art. 1/1 and royal decree of 8 October 1981 Art. 1/1 (fee for a residence request for work)',
    configurationNote:
      'configured amount of €358, to confirm with the Immigration Office (the amount is indexed)',
  },
  {
    procedure: 'work_permit',
    amountCents: 0,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 2 §1 1° b) CA 31.01.2025 (no federal fee: the region alone decides)',
    configurationNote: 'a regional charge would be a new row',
  },
  {
    procedure: 'professional_card',
    amountCents: 0,
    effectiveFrom: AGREEMENT_SIGNED,
    legalSource: 'Art. 18 §2 1° CA 31.01.2025 (no federal fee)',
    configurationNote: 'the article foresees regional rights "where applicable" — none configured yet',
  },
];

/** The fee due on a date; a missing row is a configuration defect and throws. */
export function feeFor(
  procedure: Procedure,
  category: Category,
  on: string,
): { amountCents: number; legalSource: string } {
  const rows = effectiveAt(FEE_RULES, on).filter((r) => r.procedure === procedure);
  const row = rows.find((r) => r.category === category) ?? rows.find((r) => r.category === undefined);
  if (row === undefined) throw new Error(`no fee rule for ${procedure}/${category} on ${on}`);
  return { amountCents: row.amountCents, legalSource: row.legalSource };
}

/**
 * The structured communication (OGM/VCS) the platform issues for a dossier's fee: the ten digits
 * of its reference (SW-2026-000123 → 2026000123) and their check, so a payment names its dossier.
 */
export function paymentReferenceFor(dossierReference: string): string {
  const digits = dossierReference.replace(/\D/g, '').slice(-10);
  if (digits.length !== 10) throw new Error('a dossier reference has ten digits');
  return structuredReferenceFor(BigInt(digits));
}
