import { POSTCODES } from './postcodes.generated.js';

const KNOWN = new Set(POSTCODES);

/** Whether bpost lists this postcode; the region it belongs to is a rule table's business (rules/regions). */
export function isKnownPostcode(postcode: string): boolean {
  return KNOWN.has(postcode.trim());
}
