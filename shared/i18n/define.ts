/**
 * The machinery of the typed catalogues. Each feature keeps its own catalogue
 * (`shared/<feature>/messages.ts`) with English and Spanish side by side per key;
 * `shared/i18n/index.ts` composes them. Placeholders are `{name}`; the parameter types are
 * read from the strings themselves, so a call that forgets one does not compile.
 */
export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

/** Locale used for numbers, dates and plural rules in each language of the console. */
export const localeOf: Record<Language, string> = { en: 'en-US', es: 'es-MX' };

/** Plural forms, chosen by `Intl.PluralRules` from the `count` parameter; `other` is the fallback. */
export interface PluralForms {
  one?: string;
  other: string;
}
export type MessageText = string | PluralForms;
export interface MessageEntry {
  en: MessageText;
  es: MessageText;
}

export function defineMessages<const M extends Record<string, MessageEntry>>(messages: M): M {
  return messages;
}

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type TextPlaceholders<T> = T extends string
  ? Placeholders<T>
  : T extends PluralForms
    ? Placeholders<T[keyof T] & string> | 'count'
    : never;
/** The placeholder names of one entry, in either language. */
export type PlaceholdersOf<E extends MessageEntry> = TextPlaceholders<E['en']> | TextPlaceholders<E['es']>;

/**
 * A parameter value: text as is, a number formatted for the language, or a reference to
 * another message (an enum label, say) rendered in the same language — so a Spanish
 * sentence never carries an English word or a raw code.
 */
export type ParamValue = string | number | MessageRef;
export interface MessageRef {
  key: string;
  params?: Record<string, ParamValue>;
}

const pluralRules = Object.fromEntries(languages.map((l) => [l, new Intl.PluralRules(localeOf[l])])) as Record<
  Language,
  Intl.PluralRules
>;
const numberFormats = Object.fromEntries(
  languages.map((l) => [l, new Intl.NumberFormat(localeOf[l], { maximumFractionDigits: 5 })]),
) as Record<Language, Intl.NumberFormat>;

/** Renders one entry; `lookup` resolves message references in the same catalogue. */
export function render(
  language: Language,
  entry: MessageEntry,
  params: Record<string, ParamValue>,
  lookup: (ref: MessageRef) => string,
): string {
  const text = entry[language];
  const chosen =
    typeof text === 'string'
      ? text
      : (text[pluralRules[language].select(Number(params.count)) as keyof PluralForms] ?? text.other);
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return numberFormats[language].format(value);
    return typeof value === 'string' ? value : lookup(value);
  });
}
