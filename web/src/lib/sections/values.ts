import { SECTION_SCHEMAS, type SectionName } from '../../../../src/contract/sections';
import { fieldErrorsOf, type IssueLike } from '../../../../src/contract/validation';
import { FIELD_MESSAGES, type FieldErrorCode } from '../../../../src/contract/field-messages';
import type { Lang } from '../../i18n';
import { SECTION_FIELDS, type Context, type Kind } from './fields';

/* Between the typed strings of the inputs and the section the API stores, and its validation. */

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
    case 'counter':
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
