import { describe, expect, it } from 'vitest';
import { overlappingRows } from './effective.js';
import { FEE_RULES, feeFor, paymentReferenceFor } from './fees.js';
import { parseStructuredReference } from '../contract/identifiers.js';

const ON = '2026-11-23';

describe('fees (Art. 18, R-FILE-7)', () => {
  it('never give two amounts for one procedure and category on one day', () => {
    expect(overlappingRows(FEE_RULES, (r) => `${r.procedure}/${String(r.category)}`)).toEqual([]);
    for (const row of FEE_RULES) expect(Number.isInteger(row.amountCents)).toBe(true);
  });

  it('charges the single permit fee in cents, for every category of the procedure', () => {
    expect(feeFor('single_permit', 'single_permit', ON).amountCents).toBe(35_800);
    expect(feeFor('single_permit', 'eu_blue_card', ON).amountCents).toBe(35_800);
    expect(feeFor('single_permit', 'researcher', ON).legalSource).toContain('Art. 1/1');
  });

  it('charges nothing for the regional procedures and says why', () => {
    expect(feeFor('work_permit', 'work_permit', ON)).toMatchObject({ amountCents: 0 });
    expect(feeFor('work_permit', 'work_permit', ON).legalSource).toContain('no federal fee');
    expect(feeFor('professional_card', 'professional_card', ON).amountCents).toBe(0);
  });

  it('throws when no row is in force', () => {
    expect(() => feeFor('work_permit', 'work_permit', '2024-01-01')).toThrow(/no fee rule/);
  });

  it('issues each dossier the structured reference that names it, with valid check digits', () => {
    // 2026000123 mod 97 = 20
    expect(paymentReferenceFor('SW-2026-000123')).toBe('+++202/6000/12320+++');
    expect(parseStructuredReference(paymentReferenceFor('SW-2026-000123'))).toBe(
      paymentReferenceFor('SW-2026-000123'),
    );
    expect(paymentReferenceFor('SW-2026-000124')).not.toBe(paymentReferenceFor('SW-2026-000123'));
  });
});
