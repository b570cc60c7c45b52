import { z } from 'zod';
import { bilingual } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';

/** U+0000: valid JSON, but PostgreSQL refuses it in `text` (and it means nothing to a reader). */
const NUL = '\u0000';
/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 encoding exists for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Free text a user types (a summary, a note, a name): any Unicode text that can be stored
 * and shown, so a NUL or an unpaired surrogate is a 400 with a bilingual reason instead of
 * a database error. Every free-text field of every request schema starts from it; chain
 * `.trim().min().max()` as for `z.string()`.
 */
export function safeText() {
  return z.string().superRefine((value, ctx) => {
    if (value.includes(NUL)) ctx.addIssue({ code: 'custom', ...customIssue(bilingual('validation.nul')) });
    else if (LONE_SURROGATE.test(value))
      ctx.addIssue({ code: 'custom', ...customIssue(bilingual('validation.loneSurrogate')) });
  });
}
