import { AppError } from './errors.js';

/**
 * The opaque cursor of every list (api.md): the sort key of the last item returned, a time and an
 * id, so pages neither repeat nor skip rows when new ones arrive meanwhile.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeCursor = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

export function decodeCursor(cursor: string): [Date, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      UUID.test(value[1])
    ) {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return [at, value[1]];
    }
  } catch {
    // fall through to the catalogued error
  }
  throw new AppError('validation_failed', { errors: [{ field: 'query.cursor', code: 'invalid_format' }] });
}
