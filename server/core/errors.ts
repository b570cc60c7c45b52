import type { BilingualText, ErrorCode, FieldError } from '@shared/errors.js';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import type { MessageRef } from '@shared/i18n/define.js';

/**
 * A failure the client caused or may act on. The error handler turns it into
 * `{statusCode, code, message, messageEs, fields?}`; `extra` adds fields such as `current`.
 */
export class AppError extends Error {
  readonly messageEs: string;
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    text: BilingualText,
    readonly options: { fields?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(text.en);
    this.messageEs = text.es;
  }
}

export const unauthorized = () => new AppError(401, 'unauthorized', bilingual('error.unauthorized'));
export const forbidden = () => new AppError(403, 'forbidden', bilingual('error.forbidden'));
export const outOfScope = () => new AppError(403, 'out_of_scope', bilingual('error.outOfScope'));
export const notFound = () => new AppError(404, 'not_found', bilingual('error.notFound'));

/** 400 for one field whose value is well-formed but not acceptable now; the reason is a message built with `ref()`. */
export function invalidField(path: string, reason: MessageRef): AppError {
  const message = bilingualRef(reason);
  return new AppError(
    400,
    'validation_failed',
    { en: `${path}: ${message.en}`, es: `${path}: ${message.es}` },
    { fields: [{ path, message }] },
  );
}
