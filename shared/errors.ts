import { z } from 'zod';

/** A message a user may read, in both languages of the console. */
export const bilingualText = z.object({ en: z.string(), es: z.string() });
export type BilingualText = z.infer<typeof bilingualText>;

/** One invalid field: `path` is dotted (`location.lat`), `message` is bilingual. */
export const fieldError = z.object({ path: z.string(), message: bilingualText });
export type FieldError = z.infer<typeof fieldError>;

/** Every 4xx/5xx body the API sends. `code` is stable for programs; `message` is English for logs. */
export const errorBody = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  messageEs: z.string().optional(),
  fields: z.array(fieldError).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;
