import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BilingualText } from '@shared/errors.js';
import {
  isLanguage,
  localeOf,
  t as translate,
  type Language,
  type MessageKey,
  type ParamArgs,
} from '@shared/i18n/index.js';
import { ApiError } from './api-client.js';
import { readPreference, writePreference } from './preference.js';

const LANGUAGE_KEY = 'boc.language';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** A message of the catalogues (`shared/<feature>/messages.ts`) in the current language. */
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  /** Picks the current language from a bilingual API text. */
  pick: (text: BilingualText) => string;
  /** A number as the current language writes it (grouping and decimals of its locale). */
  formatNumber: (value: number) => string;
  /** A date and time in the current language and the browser's zone (Spanish: 24-hour). */
  formatTime: (iso: string) => string;
  /** Just the hour and minute, for clocks ("14:02"). */
  formatClock: (iso: string) => string;
  /** What to tell a user about a failed API call, in the current language. */
  describeError: (error: unknown) => string;
}

const I18nContext = createContext<I18n | null>(null);

function preferredLanguage(): Language {
  const stored = readPreference(LANGUAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The reader's language (remembered per browser) and everything worded or formatted in it. */
export function I18nProvider({ children, initialLanguage }: { children: ReactNode; initialLanguage?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initialLanguage ?? preferredLanguage());

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.title');
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    writePreference(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => translate(language, key, ...params);
    const locale = localeOf[language];
    const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 5 });
    const dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: language === 'es' ? 'h23' : undefined,
    });
    const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return {
      language,
      setLanguage,
      t,
      pick: (text) => text[language],
      formatNumber: (value) => numbers.format(value),
      formatTime: (iso) => dateTime.format(new Date(iso)),
      formatClock: (iso) => clock.format(new Date(iso)),
      describeError: (error) => {
        if (!(error instanceof ApiError)) return t('error.unexpected');
        if (!error.body) return error.status === 0 ? t('error.network') : t('error.internal');
        return language === 'es' && error.body.messageEs ? error.body.messageEs : error.body.message;
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
