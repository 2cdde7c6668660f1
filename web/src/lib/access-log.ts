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

/** One organisation's reads on one day: what it read, why, and when. */
export interface OrganisationDay {
  organisation: AccessLogEntry['organisation'];
  categories: AccessLogEntry['categories'];
  purposes: string[];
  times: string[];
}

export interface AccessDay {
  /** The calendar day in Brussels, YYYY-MM-DD. */
  day: string;
  organisations: OrganisationDay[];
}

const brusselsDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The log as a person reads it on a small screen: newest day first, and within a day one entry
 * per organisation with everything it read, its purposes and the times of its consultations.
 */
export function byOrganisationAndDay(entries: readonly AccessLogEntry[]): AccessDay[] {
  const days = new Map<string, Map<string, OrganisationDay>>();
  for (const entry of visits(entries)) {
    const day = brusselsDay.format(new Date(entry.at));
    const organisations = days.get(day) ?? new Map<string, OrganisationDay>();
    days.set(day, organisations);
    const group = organisations.get(entry.organisation.id) ?? {
      organisation: entry.organisation,
      categories: [],
      purposes: [],
      times: [],
    };
    organisations.set(entry.organisation.id, group);
    for (const c of entry.categories) if (!group.categories.includes(c)) group.categories.push(c);
    if (entry.purpose && !group.purposes.includes(entry.purpose)) group.purposes.push(entry.purpose);
    group.times.push(entry.at);
  }
  return [...days]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, organisations]) => ({ day, organisations: [...organisations.values()] }));
}
