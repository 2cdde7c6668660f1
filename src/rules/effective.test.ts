import { describe, expect, it } from 'vitest';
import { parseCsvLine } from './csv.js';
import { effectiveAt, isIsoDate, overlappingRows, type RuleRow } from './effective.js';

interface Row extends RuleRow {
  key: string;
  value: number;
}

const rows: Row[] = [
  { key: 'a', value: 1, effectiveFrom: '2020-01-01', effectiveUntil: '2026-05-21', legalSource: 'old' },
  { key: 'a', value: 2, effectiveFrom: '2026-05-21', legalSource: 'new' },
  { key: 'b', value: 3, effectiveFrom: '2030-01-01', legalSource: 'future' },
];

describe('effectiveAt', () => {
  it('includes effectiveFrom and excludes effectiveUntil', () => {
    expect(effectiveAt(rows, '2026-05-20').map((r) => r.value)).toEqual([1]);
    expect(effectiveAt(rows, '2026-05-21').map((r) => r.value)).toEqual([2]);
    expect(effectiveAt(rows, '2020-01-01').map((r) => r.value)).toEqual([1]);
  });

  it('answers nothing before the first row and rows not yet in force stay out', () => {
    expect(effectiveAt(rows, '2019-12-31')).toEqual([]);
    expect(effectiveAt(rows, '2029-12-31').map((r) => r.value)).toEqual([2]);
    expect(effectiveAt(rows, '2030-01-01').map((r) => r.value)).toEqual([2, 3]);
  });

  it('refuses timestamps and malformed dates instead of comparing them', () => {
    expect(() => effectiveAt(rows, '2026-05-21T00:00:00Z')).toThrow(RangeError);
    expect(() => effectiveAt(rows, '21/05/2026')).toThrow(RangeError);
    expect(() => effectiveAt(rows, '2026-13-01')).toThrow(RangeError);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-2-28')).toBe(false);
  });
});

describe('overlappingRows', () => {
  it('finds two rows answering the same question on the same day', () => {
    expect(overlappingRows(rows, (r) => r.key)).toEqual([]);
    const clash: Row = { key: 'a', value: 9, effectiveFrom: '2025-01-01', legalSource: 'clash' };
    const found = overlappingRows([...rows, clash], (r) => r.key);
    expect(found.map(([x, y]) => [x.value, y.value])).toEqual([
      [1, 9],
      [2, 9],
    ]);
  });
});

describe('parseCsvLine', () => {
  it('splits on commas and honours quotes', () => {
    expect(parseCsvLine('1310,"La Hulpe",4.47,50.73')).toEqual(['1310', 'La Hulpe', '4.47', '50.73']);
    expect(parseCsvLine('"a,b","say ""hi""",')).toEqual(['a,b', 'say "hi"', '']);
  });
});
