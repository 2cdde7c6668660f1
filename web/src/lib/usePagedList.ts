import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/context';
import { api, problemText } from './api';

/** One page of a list as the API answers it. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** How many pages a whole list reads at the most. */
const MAX_PAGES = 20;

/** The search term a list query takes: two characters at least, else none. */
export const searchTerm = (q: string): string | undefined => (q.trim().length >= 2 ? q.trim() : undefined);

/**
 * A list the API answers page by page (`nextCursor`). The first page is read again each time the
 * filter is set (even to the same values) and when the language changes; `more` adds the next
 * page while there is one. With `whole`, every page at once (bounded), for a list the page sorts.
 * `queryOf` turns the filter into the query (empty values left out): a function defined once,
 * outside the component.
 */
export function usePagedList<T, F>(
  path: string,
  filter: F,
  queryOf: (filter: F) => Record<string, string | undefined>,
  { limit = 50, whole = false }: { limit?: number; whole?: boolean } = {},
) {
  const { t } = useI18n();
  const [items, setItems] = useState<T[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);

  const load = useCallback(
    async (after: string | null) => {
      const params = new URLSearchParams({ limit: String(limit) });
      for (const [name, value] of Object.entries(queryOf(filter))) if (value) params.set(name, value);
      try {
        const got: T[] = [];
        let next = after;
        for (let read = 0; read < (whole ? MAX_PAGES : 1); read++) {
          if (next) params.set('cursor', next);
          const page = await api<PageOf<T>>('GET', `${path}?${params.toString()}`);
          got.push(...page.items);
          next = page.nextCursor;
          if (!next) break;
        }
        setItems((prev) => (after && prev ? [...prev, ...got] : got));
        setCursor(whole ? null : next);
        setError(undefined);
      } catch (e) {
        setError(problemText(e, t('error.generic')));
        setItems((prev) => prev ?? []);
      }
    },
    [path, filter, queryOf, limit, whole, t],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    setItems,
    error,
    setError,
    /** Adds the next page; undefined once the last one is in. */
    more: cursor
      ? () => {
          void load(cursor);
        }
      : undefined,
  };
}
