import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';
import type { BilingualText } from '../errors.js';

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey, Messages };

export const catalogues: Record<Language, Messages> = { en, es };

export type MessageParams = Record<string, string | number>;

/** Looks a key up and fills `{name}` placeholders; a missing parameter stays visible. */
export function t(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function bilingual(key: MessageKey, params?: MessageParams): BilingualText {
  return { en: t('en', key, params), es: t('es', key, params) };
}
