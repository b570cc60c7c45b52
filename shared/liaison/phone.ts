import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import type { Country } from '@shared/auth.js';

export type PhoneCheck =
  | { ok: true; e164: string }
  | { ok: false; reason: 'invalid' }
  /** Mexico dropped the mobile "1" (and 044/045) on 3 Aug 2019; `suggestion` is the number without it. */
  | { ok: false; reason: 'old_mexican_mobile'; suggestion: string };

/**
 * Reads a phone number as typed. A number without "+" is read in the member's country
 * (a U.S. officer's "619 555 0123", a Mexican officer's "664 000 0101"); one with "+" is
 * read as written, so either side may list a number of the other country.
 */
export function checkPhone(input: string, defaultCountry: Country): PhoneCheck {
  const number = parsePhoneNumberFromString(input, defaultCountry);
  if (number?.isValid()) return { ok: true, e164: number.number };
  const fixed = withoutOldMexicanMobilePrefix(number);
  return fixed ? { ok: false, reason: 'old_mexican_mobile', suggestion: fixed } : { ok: false, reason: 'invalid' };
}

/** `+52 1 664 …` or `044 664 …` → `+52664…` when what remains is a valid Mexican number. */
function withoutOldMexicanMobilePrefix(number: PhoneNumber | undefined): string | null {
  if (!number || number.countryCallingCode !== '52') return null;
  const national = number.nationalNumber as string;
  const rest = national.startsWith('1') ? national.slice(1) : /^04[45]/.test(national) ? national.slice(3) : null;
  if (rest === null) return null;
  const candidate = parsePhoneNumberFromString(`+52${rest}`);
  return candidate?.isValid() ? candidate.number : null;
}

/**
 * How a stored E.164 number reads to a user: national format ("(619) 555-0123",
 * "664 000 0101") when the number is of the reader's country, else international.
 */
export function formatPhone(e164: string, readerCountry?: Country): string {
  const number = parsePhoneNumberFromString(e164);
  if (!number) return e164;
  return number.country === readerCountry ? number.formatNational() : number.formatInternational();
}

/** RFC 3966 `tel:` URI for click-to-call, written by the library. */
export function telUri(e164: string): string {
  return parsePhoneNumberFromString(e164)?.getURI() ?? `tel:${e164}`;
}
