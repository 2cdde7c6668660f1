import type { SectionName } from '../../../../../src/contract/sections';
import { DICTIONARIES, type MessageKey } from '../../../i18n';
import type { I18n } from '../../../i18n/context';
import type { SourceCheckView } from '../../../lib/types';

/*
 * An automated check's finding goes beside the field it judges. The platform says which one
 * (`concerns`); a finding that does not, or names a field the reader does not see, still shows in
 * its part, so no finding is ever dropped from the screen.
 */

export interface Target {
  section: SectionName;
  field: string;
}

const SECTIONS: ReadonlySet<string> = new Set(['identity', 'residence', 'employment', 'selfEmployed', 'fee']);

/** Words in a check's name that tell which field it is about, for a check that does not say. */
const BY_NAME: readonly (readonly [RegExp, SectionName, string])[] = [
  [/passport/, 'residence', 'passportExpiry'],
  [/salary|wage/, 'employment', 'grossMonthlySalaryCents'],
  [/niss|national_number/, 'identity', 'niss'],
  [/birth/, 'identity', 'birthDate'],
  [/nationality/, 'identity', 'nationality'],
  [/enterprise|kbo|employer|mandate/, 'employment', 'employer.enterpriseNumber'],
  [/workplace|postcode/, 'employment', 'workplace'],
  [/fee|payment/, 'fee', 'structuredReference'],
  [/date|period|stay/, 'employment', 'startDate'],
];

export function targetOf(finding: SourceCheckView): Target | undefined {
  const c = finding.concerns;
  if (c && SECTIONS.has(c.section)) return { section: c.section as SectionName, field: c.field };
  const byName = BY_NAME.find(([pattern]) => pattern.test(finding.check));
  return byName && { section: byName[1], field: byName[2] };
}

/** Whether a finding about `field` belongs beside the row of `path` (a field, or an address). */
export const concernsRow = (target: Target, section: SectionName, path: string): boolean =>
  target.section === section &&
  (target.field === path || target.field.startsWith(`${path}.`) || path.startsWith(`${target.field}.`));

const known = (key: string): key is MessageKey => key in DICTIONARIES.en;

export const checkLabel = (t: I18n['t'], check: string): string => {
  const key = `check.${check}`;
  return known(key) ? t(key) : check.replace(/_/g, ' ');
};

export const outcomeLabel = (t: I18n['t'], outcome: string): string => {
  const key = `sources.outcome.${outcome}`;
  return known(key) ? t(key) : outcome;
};

/** A finding that needs the examiner's eye, not only one that failed outright. */
export const needsAttention = (f: SourceCheckView): boolean =>
  f.outcome === 'fail' || f.outcome === 'not_found';

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/**
 * What the finding says in words, where the platform's texts know its reason: the passport's
 * dates, a value that differs from what was declared.
 */
export function findingNotes(
  { t, formatDate }: Pick<I18n, 't' | 'formatDate'>,
  finding: SourceCheckView,
): string[] {
  const detail = record(finding.detail);
  const notes: string[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  if (finding.check === 'passport_valid_for_stay') {
    const expiry = formatDate(text(detail.passportExpiry));
    if (detail.reason === 'expired' && known('finding.passport.expired'))
      notes.push(t('finding.passport.expired', { expiry, today: formatDate(text(detail.examinedOn)) }));
    if (detail.reason === 'expires_before_stay_end' && known('finding.passport.expiresBeforeStayEnd'))
      notes.push(t('finding.passport.expiresBeforeStayEnd', { expiry, end: formatDate(text(detail.stayEnd)) }));
  }
  for (const [key, value] of Object.entries(detail)) {
    if (key.endsWith('MatchesDeclared') && value === false) notes.push(t('data.finding.differs'));
  }
  if (typeof detail.name === 'string' && detail.nameMatchesDeclared === false)
    notes.push(t('data.finding.sourceName', { name: detail.name }));
  return notes;
}
