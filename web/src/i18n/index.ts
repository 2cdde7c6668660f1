import { de } from './de';
import { en, type Dictionary, type MessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { Dictionary, MessageKey } from './en';

export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each dictionary is typed against the English one: a missing or extra key does not compile. */
export const DICTIONARIES: Record<Lang, Dictionary> = { nl, fr, de, en };

/** Language names are written in their own language, so a person finds theirs whatever is shown. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

export const STORAGE_KEY = 'sw.language';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice first, then the browser's preferences in order, then English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Belgian conventions for dates and amounts, in the language shown. */
export const localeOf = (lang: Lang): string => `${lang}-BE`;
