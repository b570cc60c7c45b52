import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';

/** A JSON schema of the OpenAPI document, as far as the tests that read it (fuzz, authorization matrix) need. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
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
