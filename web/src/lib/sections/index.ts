import { ISO_3166_ALPHA2 } from '../../../../src/contract/countries';
import type { SectionName } from '../../../../src/contract/sections';
import type { MessageKey } from '../../i18n';
import { SECTION_FIELDS, type Context, type FieldSpec } from './fields';

/* The form of each section (fields.ts), its values (values.ts), and how a field is named and found. */

export { SECTION_FIELDS, type Context, type FieldSpec, type Kind } from './fields';
export { buildPatch, messageOf, toValues, validateSection, type FieldMessage } from './values';

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

/** Maps a field path of a message to the input that shows it (an object path goes to its first input). */
export function specFor(section: SectionName, path: string): FieldSpec | undefined {
  const specs = SECTION_FIELDS[section];
  return specs.find((s) => s.path === path) ?? specs.find((s) => s.path.startsWith(`${path}.`));
}

export const COUNTRY_CODES: readonly string[] = ISO_3166_ALPHA2;
