import type { Category, Procedure } from '../../../../../src/contract/procedures';
import type { SectionName } from '../../../../../src/contract/sections';
import { DICTIONARIES, type MessageKey } from '../../../i18n';
import type { I18n } from '../../../i18n/context';
import { SECTION_FIELDS, isOptional, labelKey, toValues, type FieldSpec } from '../../../lib/sections';

/*
 * A section's stored data as the lines of the examination screen: one line a field (an address on
 * one line), each shown, missing (asked but not given) or hidden by law for the reader.
 */

export interface Row {
  section: SectionName;
  /** The field's path, or the address's. */
  path: string;
  label: string;
  value: string;
  state: 'shown' | 'missing' | 'hidden';
}

/** Turns a field's stored value (as the form's strings) into what a reader reads. */
export type Display = (spec: FieldSpec, raw: string) => string;

const ADDRESS_PART = 'f.address.';
const isAddressPart = (spec: FieldSpec) => spec.label?.startsWith(ADDRESS_PART) === true;
const parent = (path: string) => path.slice(0, path.lastIndexOf('.'));
const top = (path: string) => path.split('.')[0] ?? path;

function at(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

/** Every value of an object by its dotted path. */
function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return prefix ? [[prefix, obj]] : [];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

const known = (key: string): key is MessageKey => key in DICTIONARIES.en;

export function sectionRows(input: {
  section: SectionName;
  stored: Record<string, unknown>;
  procedure: Procedure;
  category: Category;
  /** When the law shows this reader only some fields of the section: those. */
  fieldsShown: readonly string[] | undefined;
  t: I18n['t'];
  countryName: I18n['countryName'];
  formatDate: I18n['formatDate'];
  display: Display;
}): Row[] {
  const { section, stored, fieldsShown, t, display } = input;
  const values = toValues(section, stored);
  const ctx = { procedure: input.procedure, category: input.category, values };
  const rows: Row[] = [];
  const covered = new Set<string>();
  const addresses = new Set<string>();
  const hiddenByLaw = (path: string) => fieldsShown !== undefined && !fieldsShown.includes(top(path));

  for (const spec of SECTION_FIELDS[section]) {
    if (spec.local) continue;
    const applies = !spec.when || spec.when(ctx);
    if (isAddressPart(spec)) {
      const prefix = parent(spec.path);
      if (addresses.has(prefix)) continue;
      addresses.add(prefix);
      covered.add(prefix);
      const label = spec.group ? t(spec.group) : prefix;
      const address = at(stored, prefix);
      if (hiddenByLaw(prefix)) {
        if (!spec.when) rows.push({ section, path: prefix, label, value: '', state: 'hidden' });
      } else if (address && typeof address === 'object') {
        rows.push({ section, path: prefix, label, value: addressText(address, input), state: 'shown' });
      } else if (applies) {
        rows.push({ section, path: prefix, label, value: '', state: 'missing' });
      }
      continue;
    }
    covered.add(spec.path);
    const label = t(labelKey(section, spec));
    const raw = values[spec.path];
    if (hiddenByLaw(spec.path)) {
      if (!spec.when && !spec.optional)
        rows.push({ section, path: spec.path, label, value: '', state: 'hidden' });
    } else if (raw !== undefined && raw !== '') {
      rows.push({ section, path: spec.path, label, value: display(spec, raw), state: 'shown' });
    } else if (applies && !isOptional(section, spec, ctx)) {
      rows.push({ section, path: spec.path, label, value: '', state: 'missing' });
    }
  }

  // Stored data the form does not ask (any more) is shown too: an examiner sees all that was filed.
  for (const [path, value] of leaves(stored)) {
    if ([...covered].some((c) => path === c || path.startsWith(`${c}.`))) continue;
    if (value === null || value === undefined || value === '') continue;
    const key = `f.${section}.${path}`;
    rows.push({
      section,
      path,
      label: known(key) ? t(key) : path,
      value: leftoverText(value, input),
      state: 'shown',
    });
  }
  return rows;
}

function addressText(
  address: object,
  { t, countryName }: { t: I18n['t']; countryName: I18n['countryName'] },
): string {
  const a = address as Record<string, unknown>;
  const s = (k: string) => (typeof a[k] === 'string' ? (a[k]) : '');
  const street = [s('street'), s('number')].filter(Boolean).join(' ');
  const box = s('box') ? ` (${t('f.address.box')} ${s('box')})` : '';
  const place = [s('postcode'), s('municipality')].filter(Boolean).join(' ');
  const country = s('country') ? countryName(s('country')) : '';
  return [`${street}${box}`, place, country].filter(Boolean).join(', ');
}

function leftoverText(
  value: unknown,
  { t, formatDate }: { t: I18n['t']; formatDate: I18n['formatDate'] },
): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
