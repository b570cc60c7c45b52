import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A JSON schema of the OpenAPI document, as far as the tests that read it (fuzz, authorization matrix) need. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Rows of a raw query on the app's database. */
const rowsOf = async <T>(app: FastifyInstance, query: string): Promise<T[]> =>
  ((await app.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

/** Tables that change without anyone's request succeeding: sign-ins, throttling, the due-work queue. */
const VOLATILE_TABLES = new Set(['sessions', 'login_attempts', 'due_work']);

/** Every table of the public schema a refused request must leave as it was. */
export async function watchedTables(app: FastifyInstance): Promise<string[]> {
  const found = await rowsOf<{ table_name: string }>(
    app,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return found.map((r) => r.table_name).filter((t) => !VOLATILE_TABLES.has(t));
}

interface DocumentedResponse {
  content?: Record<string, { schema?: object }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, DocumentedResponse> }>>;
}

/** `/api/incidents/{id}` → the JSON pointer segment `~1api~1incidents~1{id}`. */
const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Checks answers against the OpenAPI document: the status is one the operation documents, the
 * content type one it documents for that status (none for a body-less answer), and a JSON body
 * valid against the documented schema. Returns what disagrees, or null.
 */
export function contractChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: false });
  addFormats.default(ajv);
  ajv.addSchema(doc as object, 'doc');
  const validators = new Map<string, ValidateFunction>();

  return (method: string, path: string, answer: { status: number; contentType: string | undefined; body: string }) => {
    const operation = doc.paths[path]?.[method.toLowerCase()];
    if (!operation) return `${method} ${path} is not documented`;
    const documented = operation.responses?.[String(answer.status)];
    if (!documented) return `status ${answer.status} is not documented`;
    const types = Object.keys(documented.content ?? {});
    const mediaType = answer.contentType?.split(';')[0]?.trim().toLowerCase();
    if (types.length === 0)
      return answer.body.length === 0 ? null : `status ${answer.status} is documented without a body, but has one`;
    if (!mediaType || !types.includes(mediaType))
      return `status ${answer.status} answered ${mediaType ?? 'no content type'}, documented ${types.join(', ')}`;
    if (!mediaType.includes('json')) return null;
    const ref = `doc#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${answer.status}/content/${pointer(mediaType)}/schema`;
    let validate = validators.get(ref);
    if (!validate) validators.set(ref, (validate = ajv.compile({ $ref: ref })));
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return `status ${answer.status} is not JSON`;
    }
    return validate(body) ? null : `status ${answer.status} body: ${ajv.errorsText(validate.errors)}`;
  };
}
