import { z } from 'zod';

/** A message a user may read, in both languages of the console. */
export const bilingualText = z.object({ en: z.string(), es: z.string() });
export type BilingualText = z.infer<typeof bilingualText>;

/** One invalid field: `path` is dotted (`location.lat`), `message` is bilingual. */
export const fieldError = z.object({ path: z.string(), message: bilingualText });
export type FieldError = z.infer<typeof fieldError>;

/**
 * Every code an error body may carry: programs branch on these, never on the English message.
 * A feature that refuses in a new way adds its code here (and the endpoint that uses it lists it).
 */
export const errorCodes = [
  // Any endpoint, by its shape: input, session, permission, limits, the database.
  'validation_failed',
  'malformed_body',
  'unsupported_media_type',
  'payload_too_large',
  'uri_too_long',
  'bad_request',
  'unauthorized',
  'forbidden',
  'cross_site',
  'out_of_scope',
  'not_found',
  'method_not_allowed',
  'too_many_requests',
  'database_unavailable',
  'internal',
  // Sign-in.
  'bad_credentials',
  'too_many_sign_ins',
  // Editing what someone else changed meanwhile.
  'version_conflict',
  // Incidents and what hangs on them.
  'incident_closed',
  'checklist_started',
  'checklist_not_started',
  'sar_none',
  'sar_exists',
  'sar_closed',
  // Repatriation.
  'not_allowed',
  'notice_recorded',
  'port_in_other_arrangement',
  'arrangement_has_movements',
  'movement_not_planned',
  'reception_too_early',
  // Files read in: CAP messages, area files (KML, GeoJSON).
  'invalid_cap',
  'not_cap',
  'xml_malformed',
  'xml_doctype',
  'xml_too_deep',
  'malformed',
  'no_areas',
  'too_many_areas',
  'not_geojson',
  'not_kml',
] as const;
export const errorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCode>;

/** Every 4xx/5xx body the API sends. `code` is stable for programs; `message` is English for logs. */
export const errorBody = z.object({
  statusCode: z.number().int(),
  code: errorCode,
  message: z.string(),
  messageEs: z.string().optional(),
  fields: z.array(fieldError).optional(),
  /** On a 415: the content types the address takes. */
  accepts: z.array(z.string()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;
