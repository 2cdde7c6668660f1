import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from './dates';

describe('a date typed in a date box', () => {
  it('is read day first, with any of the separators Belgians use, or as ISO', () => {
    for (const typed of ['15/03/1994', '15.3.1994', '15-03-1994', ' 15 03 1994 ', '15031994', '1994-03-15']) {
      expect(parseDateInput(typed), typed).toBe('1994-03-15');
    }
  });

  it('names no day when the day does not exist or the year is cut short', () => {
    for (const typed of [
      '31/02/2027',
      '29/02/2027',
      '15/13/1994',
      '15/03/94',
      '03/15/1994x',
      '',
      'tomorrow',
    ]) {
      expect(parseDateInput(typed), typed).toBeUndefined();
    }
    expect(parseDateInput('29/02/2028')).toBe('2028-02-29');
  });

  it('is shown back in the order and with the separator of the page’s language', () => {
    expect(formatDateInput('2027-02-01', 'nl')).toBe('01/02/2027');
    expect(formatDateInput('2027-02-01', 'de')).toBe('01.02.2027');
    expect(formatDateInput('not a date', 'fr')).toBe('not a date');
  });
});
