import { describe, expect, it } from 'vitest';
import type { Sections } from '../contract/sections.js';
import { assessPassport, dateErrors, stayEndOf } from './stay-dates.js';

const sections = (passportExpiry: string, employment: Sections['employment']): Partial<Sections> => ({
  residence: { passportExpiry },
  employment,
});
const all = new Set(['identity', 'residence', 'employment', 'fee'] as const);

describe('the passport against the requested stay', () => {
  it('the stay ends with the employment; an open-ended one is known only by its start', () => {
    expect(stayEndOf({ startDate: '2027-02-01', endDate: '2028-01-31' })).toEqual({
      date: '2028-01-31',
      field: 'endDate',
    });
    expect(stayEndOf({ startDate: '2027-02-01' })).toEqual({ date: '2027-02-01', field: 'startDate' });
    expect(stayEndOf(undefined)).toBeUndefined();
  });

  it('expired on the day of examination, expiring before the end of the stay, or valid', () => {
    const stay = { startDate: '2027-02-01', endDate: '2028-01-31' };
    expect(assessPassport(sections('2026-11-30', stay), '2026-12-01')).toMatchObject({
      outcome: 'fail',
      reason: 'expired',
    });
    expect(assessPassport(sections('2027-06-30', stay), '2026-12-01')).toMatchObject({
      outcome: 'fail',
      reason: 'expires_before_stay_end',
      stayEnd: '2028-01-31',
    });
    expect(assessPassport(sections('2028-01-31', stay), '2026-12-01')).toMatchObject({ outcome: 'pass' });
    expect(assessPassport({}, '2026-12-01')).toEqual({ outcome: 'not_applicable' });
  });

  it('the error lands on the field of the step being saved', () => {
    const s = sections('2027-06-30', { startDate: '2027-02-01', endDate: '2028-01-31' });
    expect(dateErrors(s, new Set(['residence']), '2026-12-01')).toEqual([
      { field: 'residence.passportExpiry', code: 'passport_expires_before_stay_end' },
    ]);
    expect(dateErrors(s, new Set(['employment']), '2026-12-01')).toEqual([
      { field: 'employment.endDate', code: 'stay_ends_after_passport' },
    ]);
    expect(dateErrors(s, new Set(['identity']), '2026-12-01')).toEqual([]);
  });

  it('before the rule was in force, a filing was not refused for its passport', () => {
    const s = sections('2027-06-30', { startDate: '2027-02-01', endDate: '2028-01-31' });
    expect(dateErrors(s, all, '2026-10-12')).toEqual([]);
  });
});

describe('dates that cannot lie in the future', () => {
  it('a birth date, a payment date and an enterprise registration', () => {
    const s: Partial<Sections> = {
      identity: { birthDate: '2026-12-02' },
      fee: { paidAt: '2026-12-02' },
      employment: {
        registration: {
          legalForm: 'BV',
          name: 'X',
          seatAddress: { street: 'a', number: '1', postcode: '1000', municipality: 'B', country: 'BE' },
          startDate: '2026-12-02',
        },
      },
    };
    expect(dateErrors(s, all, '2026-12-01').map((e) => `${e.field}:${e.code}`)).toEqual([
      'identity.birthDate:birth_date_in_future',
      'fee.paidAt:date_in_future',
      'employment.registration.startDate:date_in_future',
    ]);
    expect(dateErrors(s, all, '2026-12-02')).toEqual([]);
  });
});
