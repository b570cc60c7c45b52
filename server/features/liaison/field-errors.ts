import type { FieldError } from '@shared/errors.js';
import { AppError } from '@server/core/errors.js';

/** 400 with each field's bilingual reason; nothing was written. */
export function invalidFields(fields: FieldError[]): AppError {
  const text = (language: 'en' | 'es') => fields.map((f) => `${f.path}: ${f.message[language]}`).join('; ');
  return new AppError(400, 'validation_failed', { en: text('en'), es: text('es') }, { fields });
}

export const fieldError = (path: string, message: FieldError['message']): FieldError => ({ path, message });
