import type { FieldError } from '../contract/field-messages.js';
import type { SectionName, Sections } from '../contract/sections.js';
import { effectiveAt, isIsoDate, type RuleRow } from './effective.js';

/*
 * The dates of an application that must agree with one another and with today: a passport valid
 * for the whole requested stay, a birth date and a payment that are not in the future. The same
 * passport rule is checked where the applicant types it and again, on the day of examination, as
 * an automated check the examining authorities see next to the field.
 */

/** The passport must remain valid for the requested stay; from when the platform refuses it at entry. */
export const PASSPORT_VALIDITY_RULES: readonly RuleRow[] = [
  {
    effectiveFrom: '2026-11-01',
    legalSource:
      'Law of 15 December 1980 Art. 2 and 61/25-2 (entry and stay with a valid passport); the passport stays valid until the end of the requested employment — checked at entry from this date, and at every examination whatever the filing date',
  },
];

/** Whether the platform refuses a passport that does not cover the stay where it is typed, on a date. */
export const passportRuleInForce = (on: string): boolean =>
  effectiveAt(PASSPORT_VALIDITY_RULES, on).length > 0;

/**
 * The last day of the requested stay as the application states it: the end of employment; for an
 * open-ended contract only its start is known, so the passport must at least be valid then.
 */
export function stayEndOf(
  employment: Sections['employment'] | undefined,
): { date: string; field: 'endDate' | 'startDate' } | undefined {
  const end = employment?.endDate;
  if (end && isIsoDate(end)) return { date: end, field: 'endDate' };
  const start = employment?.startDate;
  if (start && isIsoDate(start)) return { date: start, field: 'startDate' };
  return undefined;
}

/** What the passport's expiry date says about the stay, on a given day (the day of entry or of examination). */
export type PassportAssessment =
  | { outcome: 'pass'; passportExpiry: string; stayEnd: string | null }
  | { outcome: 'not_applicable' }
  | { outcome: 'fail'; reason: 'expired'; passportExpiry: string; on: string }
  | {
      outcome: 'fail';
      reason: 'expires_before_stay_end';
      passportExpiry: string;
      stayEnd: string;
      stayEndField: 'endDate' | 'startDate';
    };

export function assessPassport(sections: Partial<Sections>, on: string): PassportAssessment {
  const expiry = sections.residence?.passportExpiry;
  if (!expiry || !isIsoDate(expiry)) return { outcome: 'not_applicable' };
  // Same-length ISO dates order lexically as they do in time.
  if (expiry < on) return { outcome: 'fail', reason: 'expired', passportExpiry: expiry, on };
  const stay = stayEndOf(sections.employment);
  if (stay && expiry < stay.date) {
    return {
      outcome: 'fail',
      reason: 'expires_before_stay_end',
      passportExpiry: expiry,
      stayEnd: stay.date,
      stayEndField: stay.field,
    };
  }
  return { outcome: 'pass', passportExpiry: expiry, stayEnd: stay?.date ?? null };
}

/**
 * The date errors of the sections being written, each on the field the applicant can correct in
 * the step they are on: the passport's fields under residence, the stay's end under employment.
 */
export function dateErrors(
  sections: Partial<Sections>,
  touched: ReadonlySet<SectionName>,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const birthDate = sections.identity?.birthDate;
  if (touched.has('identity') && birthDate && birthDate > today) {
    errors.push({ field: 'identity.birthDate', code: 'birth_date_in_future' });
  }
  const paidAt = sections.fee?.paidAt;
  if (touched.has('fee') && paidAt && paidAt > today) {
    errors.push({ field: 'fee.paidAt', code: 'date_in_future' });
  }
  const registered = sections.employment?.registration?.startDate;
  if (touched.has('employment') && registered && registered > today) {
    errors.push({ field: 'employment.registration.startDate', code: 'date_in_future' });
  }
  if (!passportRuleInForce(today)) return errors;
  const passport = assessPassport(sections, today);
  if (passport.outcome !== 'fail') return errors;
  if (passport.reason === 'expired') {
    if (touched.has('residence'))
      errors.push({ field: 'residence.passportExpiry', code: 'passport_expired' });
  } else if (touched.has('residence')) {
    errors.push({ field: 'residence.passportExpiry', code: 'passport_expires_before_stay_end' });
  } else if (touched.has('employment')) {
    errors.push({ field: `employment.${passport.stayEndField}`, code: 'stay_ends_after_passport' });
  }
  return errors;
}
