import { ISO_3166_ALPHA2 } from '../../../src/contract/countries';
import { SECTION_SCHEMAS, type SectionName } from '../../../src/contract/sections';
import { fieldErrorsOf, type IssueLike } from '../../../src/contract/validation';
import { FIELD_MESSAGES, type FieldErrorCode } from '../../../src/contract/field-messages';
import type { Lang, MessageKey } from '../i18n';
import type { Category, Procedure } from '../../../src/contract/procedures';

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

const address = (
  prefix: string,
  group: MessageKey,
  opts: { country?: boolean; when?: FieldSpec['when'] } = {},
): FieldSpec[] => [
  {
    path: `${prefix}.street`,
    kind: 'text',
    label: 'f.address.street',
    group,
    ...(opts.when && { when: opts.when }),
  },
  {
    path: `${prefix}.number`,
    kind: 'text',
    label: 'f.address.number',
    group,
    width: 'short',
    ...(opts.when && { when: opts.when }),
  },
  ...(opts.country !== false
    ? [
        {
          path: `${prefix}.box`,
          kind: 'text',
          label: 'f.address.box',
          group,
          width: 'short',
          optional: true,
          ...(opts.when && { when: opts.when }),
        } as FieldSpec,
      ]
    : []),
  {
    path: `${prefix}.postcode`,
    kind: 'text',
    label: 'f.address.postcode',
    group,
    width: 'short',
    ...(opts.when && { when: opts.when }),
  },
  {
    path: `${prefix}.municipality`,
    kind: 'text',
    label: 'f.address.municipality',
    group,
    ...(opts.when && { when: opts.when }),
  },
  ...(opts.country !== false
    ? [
        {
          path: `${prefix}.country`,
          kind: 'country',
          label: 'f.address.country',
          group,
          ...(opts.when && { when: opts.when }),
        } as FieldSpec,
      ]
    : []),
];

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
    { path: 'passportExpiry', kind: 'date' },
    { path: 'email', kind: 'email', hint: true },
    { path: 'phone', kind: 'tel', optional: true },
    { path: 'abroad', kind: 'abroad', when: (c) => c.procedure === 'single_permit' },
    { path: 'visaPost', kind: 'post', hint: true, when: (c) => c.values.abroad === 'true' },
    { path: 'municipality', kind: 'municipality', hint: true, when: (c) => c.values.abroad === 'false' },
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
  ],
  fee: [
    { path: 'structuredReference', kind: 'text', hint: true, width: 'medium' },
    { path: 'paidAt', kind: 'date' },
  ],
};

/** Which fields an optional mark belongs on depends on the category for a few of them. */
export function isOptional(section: SectionName, spec: FieldSpec, ctx: Context): boolean {
  if (section === 'employment' && spec.path === 'endDate') {
    return !['seasonal_worker', 'trainee', 'volunteer', 'intra_corporate_transferee'].includes(ctx.category);
  }
  if (section === 'employment' && spec.path === 'qualification.title') return ctx.category !== 'eu_blue_card';
  if (section === 'residence' && spec.path === 'phone') return true;
  return spec.optional === true;
}

export const labelKey = (section: SectionName, spec: FieldSpec): MessageKey =>
  spec.label ?? (`f.${section}.${spec.path}` as MessageKey);

export const hintKey = (section: SectionName, spec: FieldSpec): MessageKey | undefined =>
  spec.hint === true ? (`h.${section}.${spec.path}` as MessageKey) : spec.hint;

export const inputId = (section: string, path: string): string => `f-${section}-${path.replace(/\./g, '-')}`;

function get(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

function put(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = obj;
  keys.slice(0, -1).forEach((k) => {
    if (!node[k] || typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] ?? ''] = value;
}

/** The stored section as the strings the inputs show. */
export function toValues(
  section: SectionName,
  stored: Record<string, unknown> | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const spec of SECTION_FIELDS[section]) {
    if (spec.local) continue;
    const v = get(stored, spec.path);
    if (v === undefined || v === null) continue;
    if (spec.kind === 'money' && typeof v === 'number') values[spec.path] = (v / 100).toFixed(2);
    else
      values[spec.path] =
        typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return values;
}

function convert(kind: Kind, raw: string): unknown {
  const v = raw.trim();
  switch (kind) {
    case 'abroad':
    case 'yesno':
      return v === 'true';
    case 'number':
      return Number(v.replace(',', '.'));
    case 'money': {
      const euros = Number(v.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(euros) ? Math.round(euros * 100) : Number.NaN;
    }
    case 'country':
      return v.toUpperCase();
    case 'text':
    case 'date':
    case 'email':
    case 'tel':
    case 'sex':
    case 'post':
    case 'municipality':
    case 'ictRole':
      return v;
  }
}

/**
 * The section to send: filled, applicable fields converted; every top-level field the form owns
 * that is now empty or no longer applies is sent as null, which clears it on the server.
 */
export function buildPatch(
  section: SectionName,
  ctx: Context,
  stored: Record<string, unknown> | undefined,
): { value: Record<string, unknown>; patch: Record<string, unknown> } {
  const value: Record<string, unknown> = {};
  for (const spec of SECTION_FIELDS[section]) {
    if (spec.local) continue;
    if (spec.when && !spec.when(ctx)) continue;
    const raw = ctx.values[spec.path] ?? '';
    if (raw.trim() === '') continue;
    put(value, spec.path, convert(spec.kind, raw));
  }
  // Registration repeats the employer's name and seat: asked once, sent where the schema wants it.
  const registration = value.registration as Record<string, unknown> | undefined;
  if (registration && section === 'employment') {
    const employer = value.employer as Record<string, unknown> | undefined;
    if (employer?.name !== undefined) registration.name = employer.name;
    if (employer?.seatAddress !== undefined) registration.seatAddress = employer.seatAddress;
  }
  if (registration && section === 'selfEmployed') {
    registration.name = value.activity;
    registration.seatAddress = value.activityAddress
      ? { ...(value.activityAddress as Record<string, unknown>), country: 'BE' }
      : undefined;
  }
  const owned = new Set(
    SECTION_FIELDS[section].filter((s) => !s.local).map((s) => s.path.split('.')[0] ?? ''),
  );
  const patch: Record<string, unknown> = { ...value };
  for (const key of owned) {
    if (!(key in value) && stored && key in stored) patch[key] = null;
  }
  return { value, patch };
}

export interface FieldMessage {
  /** Path inside the section, as the form knows it. */
  path: string;
  message: string;
}

/** The server's own schema, run in the page: the same rules, the same catalogued messages. */
export function validateSection(
  section: SectionName,
  value: Record<string, unknown>,
  lang: Lang,
): FieldMessage[] {
  const result = SECTION_SCHEMAS[section].safeParse(value);
  if (result.success) return [];
  return result.error.issues
    .flatMap((issue) => fieldErrorsOf(issue as unknown as IssueLike))
    .map((e) => ({ path: e.field, message: FIELD_MESSAGES[e.code][lang] }));
}

export function messageOf(code: string, lang: Lang): string | undefined {
  return code in FIELD_MESSAGES ? FIELD_MESSAGES[code as FieldErrorCode][lang] : undefined;
}

/** Maps a field path of a message to the input that shows it (an object path goes to its first input). */
export function specFor(section: SectionName, path: string): FieldSpec | undefined {
  const specs = SECTION_FIELDS[section];
  return specs.find((s) => s.path === path) ?? specs.find((s) => s.path.startsWith(`${path}.`));
}

export const COUNTRY_CODES: readonly string[] = ISO_3166_ALPHA2;
