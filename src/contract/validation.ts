import { FIELD_MESSAGES, type FieldError, type FieldErrorCode } from './field-messages.js';

const isFieldCode = (value: unknown): value is FieldErrorCode =>
  typeof value === 'string' && value in FIELD_MESSAGES;

/** The subset of a Zod issue the platform needs; both Zod's and Fastify's shapes fit it. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: unknown;
  minimum?: unknown;
  format?: unknown;
  keys?: readonly string[];
  params?: unknown;
}

/** Translates one schema issue into a catalogued field code that a person can act on. */
export function fieldErrorsOf(issue: IssueLike, prefix = ''): FieldError[] {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const custom = (issue.params as { code?: unknown } | undefined)?.code;
  if (issue.code === 'custom' && isFieldCode(custom)) return [{ field, code: custom }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, code: issue.message.endsWith('received undefined') ? 'required' : 'invalid_format' }];
    case 'too_small':
      if (issue.origin === 'string') return [{ field, code: issue.minimum === 1 ? 'required' : 'too_short' }];
      return [{ field, code: issue.origin === 'array' ? 'too_short' : 'out_of_range' }];
    case 'too_big':
      return [
        { field, code: issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'out_of_range' },
      ];
    case 'invalid_value':
      return [{ field, code: 'invalid_choice' }];
    case 'invalid_format':
      return [{ field, code: issue.format === 'date' ? 'invalid_date' : 'invalid_format' }];
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({
        field: field ? `${field}.${key}` : key,
        code: 'unknown_field',
      }));
    default:
      return [{ field, code: 'invalid_format' }];
  }
}
