import { defineMessages } from './define.js';

/**
 * Why a date or a time a request gives is refused (shared/time-bounds.ts), whichever feature
 * asks for it. English and Spanish side by side.
 */
export const timeMessages = defineMessages({
  'time.instantRange': {
    en: 'must be from {earliest} to {latest} (UTC, once the offset is applied): check the year',
    es: 'debe estar entre {earliest} y {latest} (UTC, una vez aplicado el desfase): revise el año',
  },
  'time.dateRange': {
    en: 'must be a date from {earliest} to {latest}: check the year',
    es: 'debe ser una fecha entre {earliest} y {latest}: revise el año',
  },
  'time.date': {
    en: 'must be a calendar date written YYYY-MM-DD, e.g. 2026-07-09',
    es: 'debe ser una fecha del calendario escrita AAAA-MM-DD, p. ej. 2026-07-09',
  },
  'time.localDateTime': {
    en: 'must be a local date and time such as 2026-07-09T10:00',
    es: 'debe ser una fecha y hora local como 2026-07-09T10:00',
  },
});
