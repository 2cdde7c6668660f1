import { describe, expect, it } from 'vitest';
import { DEADLINE_RULES, deadlineRule } from './deadlines.js';
import { overlappingRows } from './effective.js';
import { PROCEDURES } from '../contract/procedures.js';
import { isCategoryOf } from './procedures.js';

describe('deadline rows (R-PROC-7)', () => {
  it('never give two answers for one procedure and category on one day', () => {
    expect(overlappingRows(DEADLINE_RULES, (r) => `${r.procedure}/${String(r.category)}`)).toEqual([]);
    for (const row of DEADLINE_RULES) {
      if (row.category !== undefined) expect(isCategoryOf(row.procedure, row.category)).toBe(true);
      expect(row.decisionDays).toBeGreaterThan(0);
      expect(row.extensionDays).toBeGreaterThanOrEqual(0);
    }
  });

  it('switches the single permit from four months to 90 days on 21 May 2026', () => {
    const before = deadlineRule('single_permit', '2026-05-20');
    const after = deadlineRule('single_permit', '2026-05-21');
    expect(before.decisionDays).toBe(120);
    expect(after.decisionDays).toBe(90);
    expect(after.extensionDays).toBe(30);
    expect(after.legalSource).toContain('2024/1233');
  });

  it('keeps the directive limit of a category with its own row', () => {
    expect(deadlineRule('single_permit', '2026-01-15', 'eu_blue_card').decisionDays).toBe(90);
    expect(deadlineRule('single_permit', '2026-01-15', 'researcher').legalSource).toContain('2016/801');
    expect(deadlineRule('single_permit', '2026-01-15', 'single_permit').decisionDays).toBe(120);
    expect(deadlineRule('single_permit', '2026-01-15', 'other_eu_directive').decisionDays).toBe(120);
  });

  it('has a rule for every procedure today and marks the assumed ones', () => {
    for (const p of PROCEDURES) expect(deadlineRule(p, '2026-11-23').legalSource).not.toBe('');
    expect(deadlineRule('work_permit', '2026-11-23').configurationNote).toContain('CONFIGURED ASSUMPTION');
    expect(deadlineRule('professional_card', '2026-11-23').configurationNote).toContain(
      'CONFIGURED ASSUMPTION',
    );
  });

  it('throws when no row is in force — a configuration defect', () => {
    expect(() => deadlineRule('work_permit', '2020-01-01')).toThrow(/no deadline rule/);
  });
});
