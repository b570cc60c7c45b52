/**
 * English catalogue: the reference set of keys. `{name}` placeholders are filled by `t()`.
 * Every key must exist in es.ts too (the type and tests/shared/i18n.test.ts enforce it).
 */
export const en = {
  'app.title': 'Border Operations Console',

  // Field-level validation messages the API returns (shared/i18n/validation.ts)
  'validation.required': 'is required',
  'validation.type': 'must be a {expected}',
  'validation.tooSmall': 'must be at least {minimum}',
  'validation.tooBig': 'must be at most {maximum}',
  'validation.tooShort': 'must not be empty',
  'validation.tooLong': 'must be at most {maximum} characters',
  'validation.oneOf': 'must be one of: {values}',
  'validation.format': 'is not a valid {format}',
  'validation.datetime': 'must be a date and time with a UTC offset, e.g. 2026-07-04T14:30:00-07:00',
  'validation.pattern': 'has the wrong format',
  'validation.unknownField': 'is not a known field',
  'validation.invalid': 'is invalid',
  'validation.body': 'the request body must be JSON',

  // API errors a user may read
  'error.unauthorized': 'Please sign in.',
  'error.badCredentials': 'Wrong username or password.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.outOfScope': 'This belongs to another liaison mechanism.',
  'error.notFound': 'Not found.',
  'error.tooManyRequests': 'Too many attempts. Wait a minute and try again.',
  'error.internal': 'Something went wrong on the server. The incident was not changed; try again.',
  'error.versionConflict': 'Someone else changed this incident. Review the current state and try again.',
  'error.transition': 'cannot go from {from} to {to}',
  'error.investigationRequired': 'an investigation (lead agency, case reference, status) is required before closing this type of incident',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
