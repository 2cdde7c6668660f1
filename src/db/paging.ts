import { sql, type SelectQueryBuilder } from 'kysely';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';

/** The sort key of a list: a time column and the id column that breaks its ties. */
export interface PageKey {
  at: string;
  id: string;
}

/**
 * Newest first, after the cursor's position when there is one: every list pages the same way, by
 * `(at, id)` descending, so pages neither repeat nor skip rows when new ones arrive meanwhile.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  key: PageKey,
  after: readonly [Date, string] | undefined,
): SelectQueryBuilder<DB, TB, O> {
  const at = sql.ref(key.at);
  const id = sql.ref(key.id);
  return query
    .$if(after !== undefined, (q) =>
      q.where(
        sql<boolean>`(${at}, ${id}) < (${after?.[0] ?? null}::timestamptz, ${after?.[1] ?? null}::uuid)`,
      ),
    )
    .orderBy(at, 'desc')
    .orderBy(id, 'desc');
}

/** The position a request's cursor names, if any (a malformed cursor is a catalogued 422). */
export const positionOf = (cursor: string | undefined): [Date, string] | undefined =>
  cursor ? decodeCursor(cursor) : undefined;

/**
 * One page of a list fetched with one row more than the limit, which says whether more follow;
 * the cursor names the last row shown.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => readonly [Date, string],
  show: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const key = last && keyOf(last);
  return {
    items: page.map(show),
    nextCursor: rows.length > limit && key ? encodeCursor(key[0], key[1]) : null,
  };
}
