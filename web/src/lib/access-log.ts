import type { AccessLogEntry } from './types';

/** Reads this close together, by the same person for the same purpose, are one consultation. */
export const SAME_VISIT_MS = 60_000;

/**
 * One line per consultation rather than per API call: opening a dossier reads it and its history,
 * which the log records as two reads. Neighbouring entries (in the order given) by the same person
 * of the same organisation, with the same purpose, within a minute, become one entry with the
 * union of the categories read. Nothing is dropped: every category read still shows.
 */
export function visits(entries: readonly AccessLogEntry[]): AccessLogEntry[] {
  const out: AccessLogEntry[] = [];
  for (const entry of entries) {
    const last = out.at(-1);
    if (
      last &&
      last.user.id === entry.user.id &&
      last.organisation.id === entry.organisation.id &&
      last.purpose === entry.purpose &&
      Math.abs(Date.parse(last.at) - Date.parse(entry.at)) <= SAME_VISIT_MS
    ) {
      out[out.length - 1] = {
        ...last,
        categories: [...last.categories, ...entry.categories.filter((c) => !last.categories.includes(c))],
      };
    } else {
      out.push(entry);
    }
  }
  return out;
}
