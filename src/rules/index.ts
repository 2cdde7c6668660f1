/** The rule tables of the platform: data with effective dates and a legal source per row. */
export { AGREEMENT_SIGNED, effectiveAt, isIsoDate, overlappingRows, type RuleRow } from './effective.js';
export { CATEGORIES, PROCEDURES, type Category, type Procedure } from '../contract/procedures.js';
export {
  CATEGORY_RULES,
  PERMIT_TYPES,
  PERMIT_TYPE_RULES,
  categoriesOf,
  isCategoryOf,
  permitTypeOf,
  procedureOfCategory,
  type CategoryRule,
  type PermitType,
  type PermitTypeRule,
} from './procedures.js';
export {
  GERMAN_SPEAKING_MUNICIPALITIES,
  MUNICIPALITIES,
  POSTCODES,
  POSTCODE_REGION_RULES,
  REGIONAL_AUTHORITIES,
  localitiesOfPostcode,
  regionOfPostcode,
  type Municipality,
  type PostcodeRegionRule,
  type RegionalAuthority,
} from './regions.js';
export { isKnownPostcode } from '../contract/postcodes.js';
export { REGIONS, type Region } from '../contract/regions.js';
export {
  EU_EEA_CH,
  isCountryCode,
  isEuEeaChNational,
  nissKind,
  parseEnterpriseNumber,
  parseNiss,
  parseStructuredReference,
  structuredReferenceFor,
} from '../contract/identifiers.js';
export { ACCEPTED_USER_ASSIGNED, ISO_3166_ALPHA2 } from '../contract/countries.js';
export {
  ACCEPTED_MEDIA_TYPES,
  DOCUMENT_CATEGORY,
  MAX_DOCUMENT_BYTES,
  requiredDocuments,
  type AcceptedMediaType,
  type DossierFacts,
  type RequiredDocument,
} from './documents.js';
export { REQUIRED_DOCUMENT_RULES } from './required-documents.js';
export { CONDITIONS, type Condition, type RequiredDocumentRule } from './required-documents.js';
export {
  DATA_CATEGORIES,
  DOCUMENT_TYPES,
  type DataCategory,
  type DocumentType,
} from '../contract/documents.js';
export { DEADLINE_RULES, deadlineRule, type DeadlineRule } from './deadlines.js';
export { FEE_RULES, feeFor, type FeeRule } from './fees.js';
