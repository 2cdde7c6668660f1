import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { citationIn } from '../../../src/contract/legal-citations';
import { setApiLanguage } from '../lib/api';
import {
  STORAGE_KEY,
  initialLanguage,
  localeOf,
  translate,
  type Lang,
  type MessageKey,
  type Vars,
} from './index';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  formatDate: (iso: string | null | undefined) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  formatMoney: (cents: number) => string;
  countryName: (code: string) => string;
  /** A rule table's legal source in the page's language. */
  citation: (source: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** A date without time is a Belgian calendar day: read at noon UTC so no time zone moves it. */
function toDate(iso: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLanguage(readStored(), navigator.languages.length ? navigator.languages : [navigator.language]),
  );

  // <html lang> and the API's Accept-Language always follow the language shown.
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    setApiLanguage(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = localeOf(lang);
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    });
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const regions = new Intl.DisplayNames([locale, lang], { type: 'region' });
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      formatDate: (iso) => (iso ? dateFormat.format(toDate(iso)) : ''),
      formatDateTime: (iso) => (iso ? dateTimeFormat.format(toDate(iso)) : ''),
      formatMoney: (cents) => money.format(cents / 100),
      citation: (source) => citationIn(source, lang),
      countryName: (code) => {
        try {
          return regions.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
