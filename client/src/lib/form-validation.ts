import type { ZodType } from 'zod';
import type { BilingualText } from '@shared/errors.js';
import { describeIssue } from '@shared/i18n/validation.js';

export type FieldMessages = Record<string, BilingualText>;

/**
 * Checks a form's value with the same zod schema the server uses, and words each problem
 * with the same `describeIssue`, so instant feedback and server replies read alike.
 */
export function validate<T>(schema: ZodType<T>, value: unknown): { data: T; errors: null } | { data: null; errors: FieldMessages } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldMessages = {};
  for (const issue of result.error.issues) {
    const { path, message } = describeIssue(issue);
    errors[path] ??= message;
  }
  return { data: null, errors };
}
