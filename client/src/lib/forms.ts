import { useState, type BaseSyntheticEvent } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  get,
  useForm,
  type FieldError,
  type FieldPath,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import type { core, z } from 'zod';
import type { BilingualText } from '@shared/errors.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { ApiError } from './api-client.js';
import { useI18n } from './i18n.js';

/*
 * react-hook-form keeps one string per error. Ours hold both languages (JSON), so a
 * message shown before a language switch is shown in the new language after it.
 */
const encode = (text: BilingualText): string => JSON.stringify(text);
function decode(message: string): BilingualText {
  try {
    const text = JSON.parse(message) as BilingualText;
    if (typeof text.en === 'string' && typeof text.es === 'string') return text;
  } catch {
    // not one of ours: show it as it is
  }
  return { en: message, es: message };
}

/** Words every zod issue with the server's own `describeIssue`, so both sides read alike. */
const bilingualIssues = { error: (issue: unknown) => encode(describeIssue(issue as core.$ZodIssue).message) };

type FormSchema = z.ZodType<unknown, FieldValues>;

export type SchemaForm<S extends FormSchema> = UseFormReturn<z.input<S>, unknown, z.output<S>> & {
  /** The message beside a field, in the current language (client check or server `fields[]`). */
  errorFor: (name: FieldPath<z.input<S>>) => string | undefined;
  /** The last failed submission (shown with `describeError`), or null. */
  failure: unknown;
  /** A submit handler: validates with the schema, then sends; a 400's `fields[]` land on their fields. */
  submitWith: (send: (data: z.output<S>) => Promise<unknown>) => (event?: BaseSyntheticEvent) => Promise<void>;
};

/**
 * The one form idiom: react-hook-form validating with the shared zod schema (the server's
 * contract), messages beside each field in both languages, and the server's field errors
 * (`fields[].path`, dotted like the form's field names) shown on the same fields.
 */
export function useSchemaForm<S extends FormSchema>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver' | 'mode'> = {},
): SchemaForm<S> {
  const { pick } = useI18n();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    ...options,
    // Errors appear as a field changes, and for every field on submit.
    mode: 'onChange',
    resolver: zodResolver(schema, bilingualIssues),
  });

  const errorFor = (name: FieldPath<z.input<S>>) => {
    // A refinement of a whole list (overlapping windows) lands on the field array's `root`.
    const error = (get(form.formState.errors, name) ?? {}) as FieldError & { root?: FieldError };
    const message = error.message ?? error.root?.message;
    return message ? pick(decode(message)) : undefined;
  };

  const submitWith = (send: (data: z.output<S>) => Promise<unknown>) =>
    form.handleSubmit(async (data) => {
      setFailure(null);
      try {
        await send(data);
      } catch (error) {
        for (const field of error instanceof ApiError ? (error.body?.fields ?? []) : []) {
          form.setError(field.path as FieldPath<z.input<S>>, { type: 'server', message: encode(field.message) });
        }
        setFailure(error);
      }
    });

  return { ...form, errorFor, failure, submitWith };
}

/** For `register(name, numberInput)`: a blank input is "missing" (the schema says "is required"), not 0. */
export const numberInput = {
  setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value)),
} as const;
