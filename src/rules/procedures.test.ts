import { describe, expect, it } from 'vitest';
import { overlappingRows } from './effective.js';
import { CATEGORIES, PROCEDURES } from '../contract/procedures.js';
import {
  CATEGORY_RULES,
  PERMIT_TYPES,
  PERMIT_TYPE_RULES,
  PROCEDURE_RULES,
  categoriesOf,
  isProcedureInForce,
  isCategoryOf,
  permitTypeOf,
  procedureInForceFrom,
  procedureOfCategory,
} from './procedures.js';

describe('categories and procedures (Art. 2 §1 1°, Art. 4)', () => {
  it('has one row per category, each citing Art. 4', () => {
    expect(CATEGORY_RULES.map((r) => r.category).sort()).toEqual([...CATEGORIES].sort());
    expect(overlappingRows(CATEGORY_RULES, (r) => r.category)).toEqual([]);
    for (const row of CATEGORY_RULES) expect(row.legalSource).toMatch(/Art\. 4, \d+°/);
  });

  it('files the eight directive and general categories under the single permit', () => {
    expect(categoriesOf('single_permit')).toEqual([
      'single_permit',
      'eu_blue_card',
      'seasonal_worker',
      'intra_corporate_transferee',
      'researcher',
      'trainee',
      'volunteer',
      'other_eu_directive',
    ]);
    expect(categoriesOf('work_permit')).toEqual(['work_permit']);
    expect(categoriesOf('professional_card')).toEqual(['professional_card']);
  });

  it('answers the procedure of a category and checks membership', () => {
    expect(procedureOfCategory('eu_blue_card')).toBe('single_permit');
    expect(procedureOfCategory('work_permit')).toBe('work_permit');
    expect(procedureOfCategory('professional_card')).toBe('professional_card');
    expect(isCategoryOf('single_permit', 'researcher')).toBe(true);
    expect(isCategoryOf('work_permit', 'researcher')).toBe(false);
    expect(isCategoryOf('professional_card', 'work_permit')).toBe(false);
    for (const c of CATEGORIES) {
      expect(PROCEDURES.filter((p) => isCategoryOf(p, c))).toHaveLength(1);
    }
  });
});

describe('permit types (Art. 10 4°)', () => {
  it('gives every category an outcome', () => {
    for (const c of CATEGORIES) expect(PERMIT_TYPES).toContain(permitTypeOf(c));
    expect(permitTypeOf('seasonal_worker')).toBe('seasonal_work_permit');
    expect(permitTypeOf('eu_blue_card')).toBe('eu_blue_card');
    expect(permitTypeOf('professional_card')).toBe('professional_card');
  });

  it('has a separate long-term mobility permit only for ICT and researchers', () => {
    expect(permitTypeOf('intra_corporate_transferee', true)).toBe('ict_long_term_mobility_permit');
    expect(permitTypeOf('researcher', true)).toBe('researcher_long_term_mobility_permit');
    expect(permitTypeOf('researcher')).toBe('researcher_permit');
    expect(permitTypeOf('trainee', true)).toBe('trainee_permit');
  });

  it('uses every permit type and cites a source on each row', () => {
    expect(new Set(PERMIT_TYPE_RULES.map((r) => r.permitType))).toEqual(new Set(PERMIT_TYPES));
    expect(overlappingRows(PERMIT_TYPE_RULES, (r) => `${r.category}/${String(r.longTermMobility)}`)).toEqual(
      [],
    );
    for (const row of PERMIT_TYPE_RULES) expect(row.legalSource).not.toBe('');
  });
});

describe('entry into force of the procedures (Art. 36)', () => {
  it('has (a) and (b) in force with the agreement and (c) with no date until an act sets one', () => {
    expect(overlappingRows(PROCEDURE_RULES, (r) => r.procedure)).toEqual([]);
    expect(procedureInForceFrom('single_permit', undefined)).toBe('2025-01-31');
    expect(procedureInForceFrom('professional_card', undefined)).toBeNull();
    expect(isProcedureInForce('professional_card', '2030-01-01', undefined)).toBe(false);
  });

  it('opens (c) from the configured date, not a day before', () => {
    expect(procedureInForceFrom('professional_card', '2027-03-01')).toBe('2027-03-01');
    expect(isProcedureInForce('professional_card', '2027-02-28', '2027-03-01')).toBe(false);
    expect(isProcedureInForce('professional_card', '2027-03-01', '2027-03-01')).toBe(true);
    // The configured date concerns procedure (c) only.
    expect(isProcedureInForce('work_permit', '2026-01-01', '2027-03-01')).toBe(true);
  });
});
