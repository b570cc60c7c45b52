import type { BilingualText } from '@shared/errors.js';
import { bilingualRef, type ParamValue } from '@shared/i18n/index.js';
import { liaisonMessages, type LiaisonMessageKey } from './messages.js';

export type LiaisonMessageParams = Record<string, ParamValue>;

/**
 * Both languages of one liaison message with its `{name}` parameters filled by the
 * console's one renderer (shared/i18n). Kept apart from the catalogue, which the composed
 * catalogue imports.
 */
export function liaisonText(key: LiaisonMessageKey, params: LiaisonMessageParams = {}): BilingualText {
  return bilingualRef({ key, params });
}

/** A member's role as a reader sees it: a known role key translated, an official's own title as written. */
export function roleLabel(role: string): BilingualText {
  const key = `liaison.role.${role}`;
  return key in liaisonMessages ? liaisonText(key as LiaisonMessageKey) : { en: role, es: role };
}
