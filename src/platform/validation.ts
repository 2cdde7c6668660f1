import type { z } from 'zod';
import { AppError } from './errors.js';
import { fieldErrorsOf, type IssueLike } from '../contract/validation.js';

/** Parses input or throws the catalogued validation error listing every offending field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', {
    errors: result.error.issues.flatMap((issue) => fieldErrorsOf(issue as IssueLike, prefix)),
  });
}
