import { DOCUMENT_TYPES } from '../../../src/contract/documents';
import { RELATIONS } from '../../../src/contract/states';
import type { MessageKey } from '../i18n';
import type { I18n } from '../i18n/context';

/** "12 days left", "3 days late" or "due today": a deadline in words, not only a date. */
export function daysLeftText(t: I18n['t'], daysLeft: number | null | undefined): string {
  if (daysLeft === null || daysLeft === undefined) return '';
  if (daysLeft === 0) return t('clock.today');
  return daysLeft > 0 ? t('clock.daysLeft', { days: daysLeft }) : t('clock.overdue', { days: -daysLeft });
}

export function sizeText(bytes: number | undefined, lang: string): string {
  if (bytes === undefined) return '';
  const format = new Intl.NumberFormat(`${lang}-BE`, { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} kB`;
  return `${format.format(bytes / (1024 * 1024))} MB`;
}

/** Document types arrive as text from the API; unknown ones are shown as sent rather than hidden. */
export function documentLabel(t: I18n['t'], type: string): string {
  return DOCUMENT_KEYS.has(type) ? t(`doc.${type}` as MessageKey) : type;
}

// The platform's own lists, so a new document type or relation cannot be forgotten here.
const DOCUMENT_KEYS: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

export function relationLabel(t: I18n['t'], relation: string | null): string {
  if (!relation) return '';
  return RELATION_KEYS.has(relation) ? t(`relation.${relation}` as MessageKey) : relation;
}

const RELATION_KEYS: ReadonlySet<string> = new Set(RELATIONS);

/** The worker's name as a list shows it, or a dash when the caller may not read it. */
export function workerName(worker: { givenNames?: string; familyName?: string } | null): string {
  return worker ? `${worker.givenNames ?? ''} ${worker.familyName ?? ''}`.trim() || '—' : '—';
}
