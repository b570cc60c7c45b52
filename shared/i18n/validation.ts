import type { core } from 'zod';
import { bilingualText, type BilingualText, type FieldError } from '@shared/errors.js';
import { bilingual } from './index.js';

/**
 * Turns a zod issue into a bilingual, field-level message. Used by the server's error
 * handler and by client forms, so a user reads the same words wherever the check ran.
 */
export function describeIssue(issue: core.$ZodIssue, root = ''): FieldError {
  const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
  return { path, message: messageFor(issue) };
}

function messageFor(issue: core.$ZodIssue) {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? bilingual('validation.required')
        : bilingual('validation.type', { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? bilingual('validation.tooShort')
          : bilingual('validation.tooSmall', { minimum: String(issue.minimum) });
      return bilingual('validation.tooSmall', { minimum: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? bilingual('validation.tooLong', { maximum: String(issue.maximum) })
        : bilingual('validation.tooBig', { maximum: String(issue.maximum) });
    case 'invalid_value':
      return bilingual('validation.oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      if (issue.format === 'datetime') return bilingual('validation.datetime');
      if (issue.format === 'regex') return bilingual('validation.pattern');
      return bilingual('validation.format', { format: issue.format });
    case 'unrecognized_keys':
      return bilingual('validation.unknownField');
    case 'custom':
      // Refinements carry their own bilingual reason (e.g. "windows 1 and 2 overlap on Monday").
      return customText(issue.params) ?? bilingual('validation.invalid');
    default:
      return bilingual('validation.invalid');
  }
}

function customText(params: unknown): BilingualText | null {
  const parsed = bilingualText.safeParse((params as { text?: unknown } | undefined)?.text);
  return parsed.success ? parsed.data : null;
}

/**
 * The fields of a zod custom issue (`ctx.addIssue({ code: 'custom', path, ...customIssue(text) })`
 * or a `refine` option) that carry a bilingual reason to `describeIssue`; `extra` rides along
 * for forms (e.g. the corrected phone number to offer). No `message`: zod would then skip the
 * error map the client's forms word issues with, and a Spanish form would show the English.
 */
export function customIssue(text: BilingualText, extra?: Record<string, string>) {
  return { params: { text, ...extra } };
}
