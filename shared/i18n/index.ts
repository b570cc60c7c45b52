import { advisoryMessages } from '@shared/advisories/messages.js';
import { areaMessages } from '@shared/areas/messages.js';
import { checklistMessages } from '@shared/checklists/messages.js';
import { dueWorkMessages } from '@shared/due-work/messages.js';
import { mergeCatalogues } from '@shared/catalogues.js';
import type { BilingualText } from '@shared/errors.js';
import { incidentMessages } from '@shared/incidents/messages.js';
import { liaisonMessages } from '@shared/liaison/messages.js';
import { referenceMessages } from '@shared/reference/messages.js';
import { repatriationMessages } from '@shared/repatriation/catalogue.js';
import { reportMessages } from '@shared/reports/messages.js';
import { sarMessages } from '@shared/sar/messages.js';
import { commonMessages } from './common-messages.js';
import { polygonMessages } from './polygon-messages.js';
import { timeMessages } from './time-messages.js';
import { languages, render, type Language, type MessageRef, type ParamValue, type PlaceholdersOf } from './define.js';

export { languages, localeOf, type Language, type ParamValue } from './define.js';

/** Every catalogue of the console: the common words, then one per feature. */
export const messages = mergeCatalogues(
  'message key',
  commonMessages,
  polygonMessages,
  timeMessages,
  referenceMessages,
  incidentMessages,
  liaisonMessages,
  repatriationMessages,
  advisoryMessages,
  areaMessages,
  checklistMessages,
  sarMessages,
  reportMessages,
  dueWorkMessages,
);
export type MessageKey = keyof typeof messages;

/** The parameters a key takes; keys without placeholders take none. */
export type MessageParams<K extends MessageKey> = { [P in PlaceholdersOf<(typeof messages)[K]>]: ParamValue };
export type ParamArgs<K extends MessageKey> = [PlaceholdersOf<(typeof messages)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

/** A reference to a message, rendered later in whichever language the reader uses. */
export function ref<K extends MessageKey>(key: K, ...params: ParamArgs<K>): MessageRef {
  return { key, params: params[0] };
}

function lookup(language: Language) {
  const resolve = (r: MessageRef): string => render(language, messages[r.key as MessageKey], r.params ?? {}, resolve);
  return resolve;
}

export function t<K extends MessageKey>(language: Language, key: K, ...params: ParamArgs<K>): string {
  return render(language, messages[key], params[0] ?? {}, lookup(language));
}

/** The same message in both languages, for API answers a user may read. */
export function bilingual<K extends MessageKey>(key: K, ...params: ParamArgs<K>): BilingualText {
  return { en: t('en', key, ...params), es: t('es', key, ...params) };
}

/** Renders a reference built with `ref()` in both languages. */
export function bilingualRef(message: MessageRef): BilingualText {
  return { en: lookup('en')(message), es: lookup('es')(message) };
}

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** Keys that take no parameters: labels a component can hold as data (navigation, legends). */
export type LabelKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];
