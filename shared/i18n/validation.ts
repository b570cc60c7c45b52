import type { core } from 'zod';
import { bilingualText, type BilingualText, type FieldError } from '@shared/errors.js';
import { bilingual, type MessageKey } from './index.js';

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
    case 'invalid_type': {
      const own = ownReason(issue.message);
      if (own) return own;
      // A field sent empty (null) is as missing as one left out; zod's type names are not the reader's words.
      if (issue.input === undefined || issue.input === null) return bilingual('validation.required');
      const name = typeNames[issue.expected];
      return name ? bilingual('validation.type', { type: { key: name } }) : bilingual('validation.invalid');
    }
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

const typeNames: Partial<Record<string, MessageKey>> = {
  string: 'validation.typeName.string',
  number: 'validation.typeName.number',
  int: 'validation.typeName.int',
  boolean: 'validation.typeName.boolean',
  array: 'validation.typeName.array',
  object: 'validation.typeName.object',
  date: 'validation.typeName.date',
};

/** A schema's own words for a missing value (`whenMissing`): its message, when that is one of ours. */
function ownReason(message: unknown): BilingualText | null {
  if (typeof message !== 'string' || !message.startsWith('{')) return null;
  try {
    const parsed = bilingualText.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A schema's `error` option saying what to do when its field is missing or null, where "is
 * required" would not ("draw or paste the area's outline"): `z.object({…}, whenMissing(() => …))`.
 * zod keeps it as the issue's message (JSON, both languages, as the client's forms keep
 * messages); `describeIssue` reads it back, on the server (the route's 400) and in forms.
 */
export function whenMissing(reason: () => BilingualText) {
  return {
    error: (issue: core.$ZodRawIssue) =>
      issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)
        ? JSON.stringify(reason())
        : undefined,
  };
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
