import { z } from 'zod';
import { isIsoDate } from './dates.js';
import type { FieldErrorCode } from './field-messages.js';
import {
  isCountryCode,
  isEuEeaChNational,
  parseEnterpriseNumber,
  parseNiss,
  parseStructuredReference,
} from './identifiers.js';
import { isKnownPostcode } from './postcodes.js';
import { EU_EEA_CH } from './countries.js';
import { APPLICATION_KINDS, PERMIT_REASONS } from './statistics.js';

/** A refinement whose failure carries a catalogued field code (see FIELD_MESSAGES). */
const fail = (ctx: z.RefinementCtx, code: FieldErrorCode, path: PropertyKey[] = []) => {
  ctx.addIssue({ code: 'custom', params: { code }, path, message: code });
};

const text = (max = 200) => z.string().trim().min(1).max(max);

const isoDate = z.string().superRefine((v, ctx) => {
  if (!isIsoDate(v)) fail(ctx, 'invalid_date');
});

const country = z.string().superRefine((v, ctx) => {
  if (!isCountryCode(v)) fail(ctx, 'invalid_country');
});

/** These procedures are for third-country nationals only (Art. 4; EU free movement). */
const thirdCountry = z.string().superRefine((v, ctx) => {
  if (!isCountryCode(v)) fail(ctx, 'invalid_country');
  else if (isEuEeaChNational(v)) fail(ctx, 'eu_national');
});

/** Long-term mobility comes from another Member State of the Union (Directives 2014/66/EU, 2016/801/EU). */
const previousMemberState = z.string().superRefine((v, ctx) => {
  if (!isCountryCode(v)) fail(ctx, 'invalid_country');
  else if (v === 'BE' || !EU_EEA_CH.slice(0, 27).includes(v)) fail(ctx, 'not_other_member_state');
});

const niss = z.string().transform((v, ctx) => {
  const compact = parseNiss(v);
  if (!compact) {
    fail(ctx, 'invalid_niss');
    return z.NEVER;
  }
  return compact;
});

const enterpriseNumber = z.string().transform((v, ctx) => {
  const compact = parseEnterpriseNumber(v);
  if (!compact) {
    fail(ctx, 'invalid_enterprise_number');
    return z.NEVER;
  }
  return compact;
});

/** The same identifier checks for a search as for a section, so both refuse alike. */
export { niss as nissField, enterpriseNumber as enterpriseNumberField };

const structuredReference = z.string().transform((v, ctx) => {
  const canonical = parseStructuredReference(v);
  if (!canonical) {
    fail(ctx, 'invalid_structured_reference');
    return z.NEVER;
  }
  return canonical;
});

const belgianPostcode = z.string().superRefine((v, ctx) => {
  if (!isKnownPostcode(v)) fail(ctx, 'unknown_postcode');
});

const email = z.email().max(254);
const phone = z.string().regex(/^\+?[0-9 ()./-]{6,25}$/);

export const Address = z
  .object({
    street: text(),
    number: text(20),
    box: text(20).optional(),
    postcode: text(20),
    municipality: text(100),
    country,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.country === 'BE' && !isKnownPostcode(a.postcode)) fail(ctx, 'unknown_postcode', ['postcode']);
  });

export const Workplace = z
  .object({ street: text(), number: text(20), postcode: belgianPostcode, municipality: text(100) })
  .strict();

const Registration = z
  .object({ legalForm: text(50), name: text(), seatAddress: Address, startDate: isoDate })
  .strict();

export const IdentitySection = z
  .object({
    givenNames: text(),
    familyName: text(),
    birthDate: isoDate,
    birthPlace: text(),
    birthCountry: country,
    sex: z.enum(['F', 'M', 'X']),
    nationality: thirdCountry,
    civilStatus: text(50),
    niss,
    address: Address,
  })
  .partial()
  .strict();

export const ResidenceSection = z
  .object({
    passportNumber: z.string().regex(/^[A-Za-z0-9]{5,20}$/),
    passportIssuingCountry: country,
    passportIssueDate: isoDate,
    passportExpiry: isoDate,
    currentPermit: z.object({ kind: text(100), number: text(50), validUntil: isoDate }).strict(),
    email,
    phone,
    abroad: z.boolean(),
    visaPost: z.uuid(),
    municipality: z.uuid(),
    /** Long-term mobility: the Member State that admitted the person first (Eurostat ICT and researcher tables). */
    previousMemberState,
  })
  .partial()
  .strict()
  .superRefine((r, ctx) => {
    // Same-length ISO dates order lexically as they do in time.
    const { passportIssueDate: issued, passportExpiry: expiry } = r;
    if (issued && expiry && isIsoDate(issued) && isIsoDate(expiry) && issued >= expiry) {
      fail(ctx, 'issued_after_expiry', ['passportIssueDate']);
    }
  });

export const EmploymentSection = z
  .object({
    employer: z
      .object({
        enterpriseNumber: enterpriseNumber.optional(),
        name: text(),
        seatAddress: Address,
        email,
        phone,
        jointCommittee: z
          .string()
          .regex(/^\d{3}(\.\d{2})?$/)
          .optional(),
        naceCode: z
          .string()
          .regex(/^\d{2}(\.?\d{1,3})?$/)
          .optional(),
      })
      .strict(),
    registration: Registration,
    onssNumber: z.string().regex(/^\d{7,10}$/),
    workplace: Workplace,
    jobTitle: text(),
    iscoCode: z.string().regex(/^\d{4}$/),
    startDate: isoDate,
    endDate: isoDate,
    hoursPerWeek: z.number().positive().max(60),
    grossMonthlySalaryCents: z.number().int().nonnegative().max(100_000_000),
    qualification: z
      .object({ title: text(), level: text(50).optional(), country: country.optional() })
      .strict(),
    posting: z.object({ limosaReference: text(50), postingCertificate: text(50) }).strict(),
    research: z
      .object({
        hostingAgreementReference: text(100),
        organisationAccreditation: text(100),
        subject: text(500),
        funding: text(500),
      })
      .strict(),
    seasonalSector: text(100),
    ictRole: z.enum(['manager', 'specialist', 'trainee']),
    /** First permit, renewal or change of employer, and the reason of a single permit (Eurostat, Art. 31). */
    applicationKind: z.enum(APPLICATION_KINDS),
    permitReason: z.enum(PERMIT_REASONS),
  })
  .partial()
  .strict()
  .superRefine((e, ctx) => {
    if (
      e.startDate &&
      e.endDate &&
      isIsoDate(e.startDate) &&
      isIsoDate(e.endDate) &&
      e.endDate <= e.startDate
    ) {
      fail(ctx, 'end_before_start', ['endDate']);
    }
  });

export const SelfEmployedSection = z
  .object({
    activity: text(500),
    naceCode: z.string().regex(/^\d{2}(\.?\d{1,3})?$/),
    enterpriseNumber,
    registration: Registration,
    activityAddress: Workplace,
    fiscalStatus: text(100),
    qualification: text(200),
    /** The accredited business counter through which the card is applied for (Art. 3). */
    businessCounter: z.uuid(),
  })
  .partial()
  .strict();

export const FeeSection = z.object({ structuredReference, paidAt: isoDate }).partial().strict();

export const SECTION_SCHEMAS = {
  identity: IdentitySection,
  residence: ResidenceSection,
  employment: EmploymentSection,
  selfEmployed: SelfEmployedSection,
  fee: FeeSection,
} as const;
export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];

export type Sections = {
  [K in SectionName]: z.output<(typeof SECTION_SCHEMAS)[K]>;
};

/** The body of PATCH /dossiers/{id}: any sections, each a partial update (null clears a field). */
export const SectionsPatch = z
  .object({
    identity: z.record(z.string(), z.unknown()),
    residence: z.record(z.string(), z.unknown()),
    employment: z.record(z.string(), z.unknown()),
    selfEmployed: z.record(z.string(), z.unknown()),
    fee: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict();
