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

/** Whether `error` is the server refusing with this code (and, if given, this status). */
export const isRefusal = (error: unknown, code: ErrorCode): error is ApiError =>
  error instanceof ApiError && error.code === code;

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
 * parameters, the query, the body, and the answer typed from the contract.
 */
export async function call<E extends EndpointSpec>(spec: E, input: CallInput<E>): Promise<ResponseOf<E>> {
  const { params, query, body } = input as { params?: Record<string, string>; query?: object; body?: unknown };
  const url = `${pathOf(spec.path, params)}${queryString(query)}`;
  const answer = await api<unknown>(spec.method, url, body);
  if (checkAnswers) {
    const statuses = Object.keys(spec.responses).map(Number);
    const schema = spec.responses[statuses[0]!];
    if (schema && !isFileResponse(schema) && !isNoContent(schema) && statuses.length === 1) schema.parse(answer);
  }
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

/** The one way the client talks to the server: same origin, cookie session, JSON. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.status === 401 && !path.startsWith('/api/auth/')) sessionExpired();
  if (!response.ok) throw new ApiError(response.status, isErrorBody(payload) ? payload : null);
  return payload as T;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return errorBody.safeParse(value).success;
}

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
  );
  return defined.length ? `?${new URLSearchParams(defined.map(([k, v]) => [k, String(v)]))}` : '';
}
