/**
 * Every rule table is a list of rows valid over a period, each naming the law it comes from, so a
 * change of law is a new row with a date — never an edit of code (architecture rule 5, R-PROC-7).
 */
export interface RuleRow {
  /** First day the row applies, YYYY-MM-DD (inclusive). */
  effectiveFrom: string;
  /** First day the row no longer applies, YYYY-MM-DD (exclusive); absent = still in force. */
  effectiveUntil?: string;
  /**
   * The article, directive or decree the row applies, as a citation shown to the public (the portal
   * renders it in the page's language, src/contract/legal-citations.ts).
   */
  legalSource: string;
  /**
   * For operators only, never in an answer to applicants or workers: where the row's value is the
   * platform's configured reading of the law, and what is still to confirm with whom.
   */
  configurationNote?: string;
}

/**
 * Signature date of the cooperation agreement of 31 January 2025. It stands in for the agreement's
 * entry into force (Art. 36: the day after publication of the last act of assent), which is not known
 * yet; rows that exist only because of the agreement start here. Configured assumption.
 */
export const AGREEMENT_SIGNED = '2025-01-31';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/**
 * The rows in force on a legal calendar date (Europe/Brussels, as `legalDate` gives it). A timestamp
 * or malformed date is refused rather than compared, because a UTC instant near midnight would
 * silently pick the wrong day's rules.
 */
export function effectiveAt<T extends RuleRow>(rows: readonly T[], on: string): T[] {
  if (!isIsoDate(on)) throw new RangeError(`rule date must be YYYY-MM-DD, got "${on}"`);
  // Same-length ISO dates order lexically as they do in time.
  return rows.filter(
    (row) => row.effectiveFrom <= on && (row.effectiveUntil === undefined || on < row.effectiveUntil),
  );
}

/**
 * Pairs of rows with the same key whose periods overlap — two answers for one question on one day.
 * Tests run it over every table so a new row added without closing the old one is caught.
 */
export function overlappingRows<T extends RuleRow>(rows: readonly T[], keyOf: (row: T) => string): [T, T][] {
  const clashes: [T, T][] = [];
  rows.forEach((a, i) => {
    for (const b of rows.slice(i + 1)) {
      if (keyOf(a) !== keyOf(b)) continue;
      const aEndsAfterBStarts = a.effectiveUntil === undefined || b.effectiveFrom < a.effectiveUntil;
      const bEndsAfterAStarts = b.effectiveUntil === undefined || a.effectiveFrom < b.effectiveUntil;
      if (aEndsAfterBStarts && bEndsAfterAStarts) clashes.push([a, b]);
    }
  });
  return clashes;
}
