import type { FieldError } from '../shared/errors.js';
import { bilingual, t, type MessageKey, type MessageParams } from '../shared/i18n/index.js';

/**
 * A failure the client caused or may act on. The error handler turns it into
 * `{statusCode, code, message, messageEs, fields?}`; `extra` adds fields such as `current`.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly options: { params?: MessageParams; fields?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(t('en', messageKey, options.params));
  }
  get messageEs(): string {
    return t('es', this.messageKey, this.options.params);
  }
}

export const unauthorized = () => new AppError(401, 'unauthorized', 'error.unauthorized');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const outOfScope = () => new AppError(403, 'out_of_scope', 'error.outOfScope');
export const notFound = () => new AppError(404, 'not_found', 'error.notFound');

/** 400 for one field whose value is well-formed but not acceptable now. */
export function invalidField(path: string, key: MessageKey, params?: MessageParams): AppError {
  return new AppError(400, 'validation_failed', 'validation.invalid', { fields: [{ path, message: bilingual(key, params) }] });
}
