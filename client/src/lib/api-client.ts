import type { z } from 'zod';
import { errorBody, type ErrorBody, type ErrorCode } from '@shared/errors.js';
import {
  isFileResponse,
  isNoContent,
  pathOf,
  queryString,
  type CallInput,
  type EndpointSpec,
  type Method,
  type ResponseOf,
} from '@shared/http/endpoint.js';

/** A failed API call: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }

  /** The refusal's code, when the server said one. */
  get code(): ErrorCode | null {
    return this.body?.code ?? null;
  }
}

/** Whether `error` is the server refusing with this code. */
export const isRefusal = (error: unknown, code: ErrorCode): error is ApiError =>
  error instanceof ApiError && error.code === code;

type DeclaredErrors<E extends EndpointSpec> = NonNullable<E['errors']>;
/** The statuses at which an endpoint declares a refusal body of its own (`errors: { 409: { codes, body } }`). */
type RefusalStatus<E extends EndpointSpec> = {
  [S in keyof DeclaredErrors<E>]: DeclaredErrors<E>[S] extends { body: z.ZodType } ? S : never;
}[keyof DeclaredErrors<E>] &
  number;
/** That refusal's body, as its schema reads it. */
export type RefusalOf<E extends EndpointSpec, S extends RefusalStatus<E>> = DeclaredErrors<E>[S] extends {
  body: infer B extends z.ZodType;
}
  ? z.infer<B>
  : never;

/**
 * `error` as the refusal `spec` declares at `status` with a body of its own (the record as it
 * stands on a 409, a verdict on a 422), read by that body's schema; null for any other error.
 */
export function refusalOf<E extends EndpointSpec, S extends RefusalStatus<E>>(
  spec: E,
  status: S,
  error: unknown,
): RefusalOf<E, S> | null {
  const errors: EndpointSpec['errors'] = spec.errors;
  const declared = errors?.[status];
  if (!(error instanceof ApiError) || error.status !== status || !declared || !('body' in declared)) return null;
  const body = declared.body.safeParse(error.body);
  // The schema is the one the type names (`errors[status].body`): only the generic index hides it.
  return body.success ? (body.data as RefusalOf<E, S>) : null;
}

/**
 * Component tests set this: every answer is then checked against the endpoint's schema, so a
 * fake server that drifts from the contract fails the test that uses it.
 */
let checkAnswers = false;
export function checkResponsesAgainstContract(on: boolean): void {
  checkAnswers = on;
}

/**
 * Calls one endpoint of a feature's catalogue (shared/<feature>/endpoints.ts): the path from its
 * parameters, the query, the body, and the answer typed from the contract. An endpoint that
 * reads a file (KML, CAP XML) is sent the file's text as it is, under `fileType`.
 */
export async function call<E extends EndpointSpec>(
  spec: E,
  input: CallInput<E>,
  fileType?: E['bodyContentTypes'] extends readonly string[] ? E['bodyContentTypes'][number] : never,
): Promise<ResponseOf<E>> {
  const { params, query, body } = input as { params?: Record<string, string>; query?: object; body?: unknown };
  const statuses = Object.keys(spec.responses).map(Number);
  const success = spec.responses[statuses[0]!];
  const answer = await send(spec.method, `${pathOf(spec.path, params)}${queryString(query)}`, {
    body: body === undefined ? undefined : fileType ? String(body) : JSON.stringify(body),
    contentType: fileType ?? 'application/json',
    // A file (CSV, GeoJSON, …) is answered as its text; the caller reads it.
    read: success && isFileResponse(success) ? 'text' : 'json',
  });
  if (checkAnswers && success && !isFileResponse(success) && !isNoContent(success) && statuses.length === 1)
    success.parse(answer);
  return answer as ResponseOf<E>;
}

let sessionExpired: () => void = () => {};

/** Registers what to do when the server says the session is gone (back to sign-in); returns the unregister. */
export function onSessionExpired(handler: () => void): () => void {
  sessionExpired = handler;
  return () => {
    if (sessionExpired === handler) sessionExpired = () => {};
  };
}

/** The one way the client talks to the server: same origin, cookie session. */
async function send(
  method: Method,
  path: string,
  { body, contentType, read }: { body: string | undefined; contentType: string; read: 'json' | 'text' },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': contentType },
      body,
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 204) return undefined;
  const payload: unknown =
    response.ok && read === 'text' ? await response.text() : await response.json().catch(() => null);
  if (response.status === 401 && !path.startsWith('/api/auth/')) sessionExpired();
  if (!response.ok) throw new ApiError(response.status, isErrorBody(payload) ? payload : null);
  return payload;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return errorBody.safeParse(value).success;
}
