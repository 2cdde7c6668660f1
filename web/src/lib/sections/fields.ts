import type { SectionName } from '../../../../src/contract/sections';
import type { Category, Procedure } from '../../../../src/contract/procedures';
import type { MessageKey } from '../../i18n';

/**
 * The form of each section as data: which fields, in which order and group, when they apply and
 * how a typed value becomes the value the API stores. Validation is the server's own Zod schema.
 */

export type Kind =
  | 'text'
  | 'date'
  | 'email'
  | 'tel'
  | 'country'
  | 'sex'
  | 'abroad'
  | 'yesno'
  | 'post'
  | 'municipality'
  | 'counter'
  | 'ictRole'
  | 'number'
  | 'money';

export interface Context {
  procedure: Procedure;
  category: Category;
  values: Record<string, string>;
}

export interface FieldSpec {
  /** Dotted path inside the section. */
  path: string;
  kind: Kind;
  /** Defaults to `f.<section>.<path>`; a unit test checks every label and hint exists. */
  label?: MessageKey;
  hint?: MessageKey | true;
  optional?: boolean;
  group?: MessageKey;
  when?: (ctx: Context) => boolean;
  width?: 'short' | 'medium';
  autoComplete?: string;
  /** Asked on the page only, never sent (e.g. "is the worker posted?" decides whether `posting` is asked). */
  local?: boolean;
}

/** An address as the form asks it; a Belgian one (a workplace) has no box and no country. */
const address = (prefix: string, group: MessageKey, { country = true } = {}): FieldSpec[] =>
  (
    [
      ['street', {}],
      ['number', { width: 'short' }],
      ...(country ? [['box', { width: 'short', optional: true }] as const] : []),
      ['postcode', { width: 'short' }],
      ['municipality', {}],
      ...(country ? [['country', { kind: 'country' }] as const] : []),
    ] as const
  ).map(([part, spec]) => ({
    path: `${prefix}.${part}`,
    kind: 'text',
    label: `f.address.${part}`,
    group,
    ...spec,
  }));

const isCategory =
  (...categories: Category[]) =>
  (ctx: Context) =>
    categories.includes(ctx.category);
const noEnterpriseNumber = (key: string) => (ctx: Context) => (ctx.values[key] ?? '').trim() === '';

export const SECTION_FIELDS: Record<Exclude<SectionName, never>, FieldSpec[]> = {
  identity: [
    { path: 'givenNames', kind: 'text', hint: true },
    { path: 'familyName', kind: 'text', hint: true },
    { path: 'birthDate', kind: 'date' },
    { path: 'birthPlace', kind: 'text' },
    { path: 'birthCountry', kind: 'country' },
    { path: 'sex', kind: 'sex' },
    { path: 'nationality', kind: 'country', hint: true },
    { path: 'civilStatus', kind: 'text', optional: true },
    { path: 'niss', kind: 'text', hint: true, optional: true, width: 'medium' },
    ...address('address', 'g.identity.address'),
  ],
  residence: [
    { path: 'passportNumber', kind: 'text', hint: true, width: 'medium' },
    { path: 'passportIssuingCountry', kind: 'country' },
    { path: 'passportIssueDate', kind: 'date', optional: true },
    { path: 'passportExpiry', kind: 'date' },
    { path: 'email', kind: 'email', hint: true },
    { path: 'phone', kind: 'tel', optional: true },
    // Every procedure: the decision goes to the post for a visa D (Art. 21-23); a municipality issues a
    // temporary residence document for (a) and (b) only (Art. 21, 23 second para.; none in Art. 22).
    { path: 'abroad', kind: 'abroad' },
    { path: 'visaPost', kind: 'post', hint: true, when: (c) => c.values.abroad === 'true' },
    {
      path: 'municipality',
      kind: 'municipality',
      hint: true,
      when: (c) => c.values.abroad === 'false' && c.procedure !== 'professional_card',
    },
  ],
  employment: [
    {
      path: 'employer.enterpriseNumber',
      kind: 'text',
      hint: true,
      optional: true,
      group: 'g.employment.employer',
      width: 'medium',
    },
    { path: 'employer.name', kind: 'text', group: 'g.employment.employer' },
    { path: 'employer.email', kind: 'email', group: 'g.employment.employer' },
    { path: 'employer.phone', kind: 'tel', group: 'g.employment.employer' },
    {
      path: 'employer.jointCommittee',
      kind: 'text',
      hint: true,
      optional: true,
      group: 'g.employment.employer',
      width: 'short',
    },
    ...address('employer.seatAddress', 'g.employment.seat'),
    {
      path: 'onssNumber',
      kind: 'text',
      hint: true,
      // Once-only (Art. 14): with the enterprise number known the platform fetches it from ONSS.
      optional: true,
      group: 'g.employment.employer',
      width: 'medium',
      when: (c) => !noEnterpriseNumber('employer.enterpriseNumber')(c),
    },
    {
      path: 'registration.legalForm',
      kind: 'text',
      hint: true,
      group: 'g.employment.registration',
      when: noEnterpriseNumber('employer.enterpriseNumber'),
    },
    {
      path: 'registration.startDate',
      kind: 'date',
      group: 'g.employment.registration',
      when: noEnterpriseNumber('employer.enterpriseNumber'),
    },
    ...address('workplace', 'g.employment.workplace', { country: false }),
    { path: 'jobTitle', kind: 'text', group: 'g.employment.job' },
    { path: 'iscoCode', kind: 'text', hint: true, group: 'g.employment.job', width: 'short' },
    { path: 'startDate', kind: 'date', group: 'g.employment.job' },
    {
      path: 'endDate',
      kind: 'date',
      hint: true,
      group: 'g.employment.job',
    },
    { path: 'hoursPerWeek', kind: 'number', group: 'g.employment.job', width: 'short' },
    {
      path: 'grossMonthlySalaryCents',
      kind: 'money',
      hint: true,
      group: 'g.employment.job',
      width: 'medium',
    },
    { path: 'posted', kind: 'yesno', local: true, hint: true, group: 'g.employment.posting' },
    {
      path: 'posting.limosaReference',
      kind: 'text',
      group: 'g.employment.posting',
      when: (c) => c.values.posted === 'true',
    },
    {
      path: 'posting.postingCertificate',
      kind: 'text',
      hint: true,
      group: 'g.employment.posting',
      when: (c) => c.values.posted === 'true',
    },
    {
      path: 'qualification.title',
      kind: 'text',
      group: 'g.employment.qualification',
      when: isCategory('eu_blue_card', 'intra_corporate_transferee'),
    },
    {
      path: 'qualification.level',
      kind: 'text',
      optional: true,
      group: 'g.employment.qualification',
      when: isCategory('eu_blue_card', 'intra_corporate_transferee'),
    },
    {
      path: 'qualification.country',
      kind: 'country',
      optional: true,
      group: 'g.employment.qualification',
      when: isCategory('eu_blue_card', 'intra_corporate_transferee'),
    },
    {
      path: 'research.hostingAgreementReference',
      kind: 'text',
      group: 'g.employment.research',
      when: isCategory('researcher'),
    },
    {
      path: 'research.organisationAccreditation',
      kind: 'text',
      group: 'g.employment.research',
      when: isCategory('researcher'),
    },
    {
      path: 'research.subject',
      kind: 'text',
      group: 'g.employment.research',
      when: isCategory('researcher'),
    },
    {
      path: 'research.funding',
      kind: 'text',
      group: 'g.employment.research',
      when: isCategory('researcher'),
    },
    {
      path: 'seasonalSector',
      kind: 'text',
      hint: true,
      group: 'g.employment.job',
      when: isCategory('seasonal_worker'),
    },
    {
      path: 'ictRole',
      kind: 'ictRole',
      group: 'g.employment.job',
      when: isCategory('intra_corporate_transferee'),
    },
  ],
  selfEmployed: [
    { path: 'activity', kind: 'text', hint: true },
    { path: 'naceCode', kind: 'text', hint: true, width: 'short' },
    { path: 'enterpriseNumber', kind: 'text', hint: true, optional: true, width: 'medium' },
    {
      path: 'registration.legalForm',
      kind: 'text',
      hint: true,
      group: 'g.employment.registration',
      when: noEnterpriseNumber('enterpriseNumber'),
    },
    {
      path: 'registration.startDate',
      kind: 'date',
      group: 'g.employment.registration',
      when: noEnterpriseNumber('enterpriseNumber'),
    },
    ...address('activityAddress', 'g.selfEmployed.activityAddress', { country: false }),
    { path: 'fiscalStatus', kind: 'text' },
    { path: 'qualification', kind: 'text', optional: true },
    { path: 'businessCounter', kind: 'counter', hint: true },
  ],
  fee: [
    { path: 'structuredReference', kind: 'text', hint: true, width: 'medium' },
    { path: 'paidAt', kind: 'date' },
  ],
};
