import type { Opened } from '../access/gate.js';
import { concernsOf } from '../contract/check-fields.js';
import type { SourceCheckView } from '../contract/views.js';
import { assessPassport } from '../rules/stay-dates.js';

/*
 * The platform's own automated checks that depend on the day they are made: evaluated again at
 * every read, on the day of examination, so a dossier filed before the check existed, or whose
 * passport expired while it was examined, shows the finding all the same. Nothing is stored: the
 * data they rest on is the dossier's, and the answer changes with the calendar.
 */

/** Those who examine the application: they see the finding next to the field it concerns. */
const EXAMINING = new Set(['competent_region', 'dvz']);

/**
 * The passport check for an examining authority that may read both the passport (residence) and
 * the requested employment it is weighed against; nothing for anyone else or for a draft.
 */
export function passportFinding(opened: Opened, today: string, now: Date): SourceCheckView[] {
  const { record, grants, relations } = opened;
  if (!record.lifecycle.filedAt || !relations.some((r) => EXAMINING.has(r))) return [];
  const reads = (category: 'residence' | 'employment', field: string) =>
    grants[category].level === 'R' && (!grants[category].fields || grants[category].fields.includes(field));
  if (!reads('residence', 'passportExpiry') || !reads('employment', 'endDate')) return [];
  const assessment = assessPassport(record.sections, today);
  const { outcome } = assessment;
  const detail =
    assessment.outcome === 'not_applicable'
      ? {}
      : assessment.outcome === 'pass'
        ? { passportExpiry: assessment.passportExpiry, stayEnd: assessment.stayEnd, examinedOn: today }
        : assessment.reason === 'expired'
          ? { reason: 'expired', passportExpiry: assessment.passportExpiry, examinedOn: today }
          : {
              reason: 'expires_before_stay_end',
              passportExpiry: assessment.passportExpiry,
              stayEnd: assessment.stayEnd,
              stayEndField: `employment.${assessment.stayEndField}`,
              examinedOn: today,
            };
  return [
    {
      check: 'passport_valid_for_stay',
      source: 'platform',
      outcome,
      detail,
      fetchedAt: now.toISOString(),
      concerns: concernsOf('passport_valid_for_stay', record.procedure),
    },
  ];
}
