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
import { formatClockIn, formatDateTimeIn, viewerTimeZone, zoneName } from './zoned-time.js';

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
  /**
   * A date and time with its zone's abbreviation, in `timeZone` (default: the browser's),
   * in the current language: "Jul 4, 2026, 2:30 PM PDT" / "4 jul 2026, 14:30 PDT".
   */
  formatTime: (iso: string, timeZone?: string) => string;
  /** Just the hour and minute with the zone's abbreviation, for clocks: "2:02 PM PDT" / "14:02 PDT". */
  formatClock: (iso: string, timeZone?: string) => string;
  /** A zone's name for readers ("Pacific Time" / "hora del Pacífico"), at `iso` (default now). */
  zoneName: (timeZone: string, iso?: string) => string;
  /** The zone the browser keeps its clock in. */
  viewerTimeZone: string;
  /** What to tell a user about a failed API call, in the current language. */
  describeError: (error: unknown) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** A field's reason reads as a sentence on its own: "An investigation … is required …". */
const capitalise = (text: string) =>
  (text.endsWith('.') ? text : `${text}.`).replace(/^\p{Ll}/u, (c) => c.toUpperCase());

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
    const viewer = viewerTimeZone();
    return {
      language,
      setLanguage,
      t,
      pick: (text) => text[language],
      formatNumber: (value) => numbers.format(value),
      formatTime: (iso, timeZone = viewer) => formatDateTimeIn(iso, timeZone, language),
      formatClock: (iso, timeZone = viewer) => formatClockIn(iso, timeZone, language),
      zoneName: (timeZone, iso) => zoneName(timeZone, iso ? new Date(iso) : new Date(), language),
      viewerTimeZone: viewer,
      describeError: (error) => {
        if (!(error instanceof ApiError)) return t('error.unexpected');
        if (!error.body) return error.status === 0 ? t('error.network') : t('error.internal');
        // The reasons field by field, in the reader's language, without the API's field names.
        const reasons = error.body.fields?.map((field) => capitalise(field.message[language])) ?? [];
        if (reasons.length > 0) return reasons.join(' ');
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
