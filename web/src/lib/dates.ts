import type { Lang } from '../i18n';

/*
 * Dates typed by people: day, month and year in the order Belgians write them, whatever the
 * browser's own locale, and the ISO calendar day the API stores.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendarDay(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? undefined : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The ISO day a typed date means, or undefined when it names none: `15/03/1994`, `15.3.1994`,
 * `15-03-1994`, `15 03 1994`, `15031994` (day first, as on every Belgian form) and `1994-03-15`.
 */
export function parseDateInput(text: string): string | undefined {
  const v = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst =
    /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(v) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(v);
  if (dayFirst) return calendarDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

/** The separator each language writes between day, month and year in Belgium. */
const SEPARATOR: Record<Lang, string> = { nl: '/', fr: '/', de: '.', en: '/' };

/** An ISO day as the page's language writes it in a date box: `15/03/1994`, `15.03.1994`. */
export function formatDateInput(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const s = SEPARATOR[lang];
  return `${m[3] ?? ''}${s}${m[2] ?? ''}${s}${m[1] ?? ''}`;
}
