import { z } from 'zod';
import type { ErrorCode } from '@shared/errors.js';
import type { Permission } from '@shared/permissions.js';

/**
 * The HTTP contract, one endpoint at a time. A feature's `shared/<feature>/endpoints.ts` lists
 * its endpoints with `endpoint({...})`; the server registers each with `route()`
 * (server/core/route.ts), the client calls it with `call()` (client/src/lib/api-client.ts), and
 * the OpenAPI document is generated from the registered routes. Nothing is said twice.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A success answer that is not JSON: a file (CSV, iCalendar, GeoJSON, CAP XML, Atom). */
export interface FileResponse {
  readonly file: string;
  /** Bytes, not text (a vector tile): the handler answers a Uint8Array. */
  readonly binary?: true;
  /** What a JSON file (GeoJSON) holds, for the API reference; other files are documented as text. */
  readonly schema?: z.ZodType;
}
/** 204: nothing in the body. */
export const noContent = { noContent: true } as const;
export type NoContent = typeof noContent;

export type SuccessResponse = z.ZodType | FileResponse | NoContent;

/** A file answer of this content type (`text/csv`, `text/calendar`, …). */
export const file = (contentType: string, schema?: z.ZodType): FileResponse => ({ file: contentType, schema });
/** A binary file answer of this content type (a vector tile). */
export const binaryFile = (contentType: string) => ({ file: contentType, binary: true }) as const;

export interface EndpointSpec {
  readonly method: Method;
  /** Fastify's form: `/api/incidents/:id/sar`. */
  readonly path: `/api/${string}`;
  /** One line for the API reference. */
  readonly summary: string;
  readonly tags: readonly string[];
  /** What the caller must be allowed to do; `public` needs no session (login, health, the public feeds). */
  readonly access: { readonly permission: Permission } | 'public';
  readonly params?: z.ZodType<Record<string, string>>;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success answers by status. */
  readonly responses: { readonly [status: number]: SuccessResponse };
  /**
   * The refusals this endpoint may answer beyond the ones every endpoint of its shape has
   * (validation, session, permission, not found, limits): status → the codes it uses, and a
   * schema where the body carries more than the common error body (`current` on a conflict).
   */
  readonly errors?: {
    readonly [status: number]: readonly ErrorCode[] | { codes: readonly ErrorCode[]; body: z.ZodType };
  };
  /** A body that is not JSON (KML): its content types, read raw. */
  readonly bodyContentTypes?: readonly string[];
}

/** Keeps the literal types of an endpoint so server and client read its exact shape. */
export const endpoint = <const E extends EndpointSpec>(spec: E): E => spec;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type InferInput<S> = S extends z.ZodType ? z.input<S> : undefined;

export type ParamsOf<E extends EndpointSpec> = Infer<E['params']>;
export type QueryOf<E extends EndpointSpec> = Infer<E['query']>;
export type BodyOf<E extends EndpointSpec> = Infer<E['body']>;

/** The success statuses of an endpoint, as numbers. */
type SuccessStatus<E extends EndpointSpec> = Extract<keyof E['responses'], number>;
/** A 204 answers nothing: `void`, so a handler that only awaits its work fits. */
type AnswerOf<R> = R extends z.ZodType
  ? z.infer<R>
  : R extends { binary: true }
    ? Uint8Array
    : R extends FileResponse
      ? string
      : void;
/** What a successful call answers (the union when an endpoint has several success statuses). */
export type ResponseOf<E extends EndpointSpec> = AnswerOf<E['responses'][SuccessStatus<E>]>;

/** What the client passes: the path parameters, the query and the body, each as the schema takes it. */
export type CallInput<E extends EndpointSpec> = (E['params'] extends z.ZodType
  ? { params: InferInput<E['params']> }
  : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: InferInput<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: InferInput<E['body']> } : { body?: undefined });

export const isFileResponse = (response: SuccessResponse): response is FileResponse =>
  typeof response === 'object' && response !== null && 'file' in response;
export const isNoContent = (response: SuccessResponse): response is NoContent =>
  typeof response === 'object' && response !== null && 'noContent' in response;

/** `/api/incidents/:id/sar` with `{ id: 'a b' }` → `/api/incidents/a%20b/sar`. */
export function pathOf(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}

/** A query string from the defined, non-empty values only (`?a=1&b=x`), or ''. */
export function queryString(query: object | undefined): string {
  if (!query) return '';
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([key, String(one)]);
  }
  return pairs.length ? `?${new URLSearchParams(pairs)}` : '';
}
