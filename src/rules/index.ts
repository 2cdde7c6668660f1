/** The rule tables of the platform: data with effective dates and a legal source per row. */
export { AGREEMENT_SIGNED, effectiveAt, isIsoDate, overlappingRows, type RuleRow } from './effective.js';
export {
  CATEGORIES,
  CATEGORY_RULES,
  PERMIT_TYPES,
  PERMIT_TYPE_RULES,
  PROCEDURES,
  categoriesOf,
  isCategoryOf,
  permitTypeOf,
  procedureOfCategory,
  type Category,
  type CategoryRule,
  type PermitType,
  type PermitTypeRule,
  type Procedure,
} from './procedures.js';
export {
  GERMAN_SPEAKING_MUNICIPALITIES,
  MUNICIPALITIES,
  POSTCODES,
  POSTCODE_REGION_RULES,
  REGIONAL_AUTHORITIES,
  REGIONS,
  isKnownPostcode,
  localitiesOfPostcode,
  regionOfPostcode,
  type Municipality,
  type PostcodeRegionRule,
  type Region,
  type RegionalAuthority,
} from './regions.js';
export {
  EU_EEA_CH,
  isCountryCode,
  isEuEeaChNational,
  nissKind,
  parseEnterpriseNumber,
  parseNiss,
  parseStructuredReference,
  structuredReferenceFor,
} from './identifiers.js';
export { ACCEPTED_USER_ASSIGNED, ISO_3166_ALPHA2 } from './countries.js';
export {
  ACCEPTED_MEDIA_TYPES,
  CONDITIONS,
  DATA_CATEGORIES,
  DOCUMENT_CATEGORY,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  REQUIRED_DOCUMENT_RULES,
  requiredDocuments,
  type AcceptedMediaType,
  type Condition,
  type DataCategory,
  type DocumentType,
  type DossierFacts,
  type RequiredDocument,
  type RequiredDocumentRule,
} from './documents.js';
export { DEADLINE_RULES, deadlineRule, type DeadlineRule } from './deadlines.js';
export { FEE_RULES, feeFor, type FeeRule } from './fees.js';
