import { vi } from 'vitest';

export interface Request {
  method: string;
  path: string;
  params: URLSearchParams;
  body: unknown;
}

type Handler = (request: Request) => Response | Promise<Response>;

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Stands in for the API: `fetch` answers from `routes` (`'GET /api/incidents'`), records
 * every request, and says 404 to anything else. Replaced for the test that calls it.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      const request: Request = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        params: url.searchParams,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      requests.push(request);
      const handler = routes[`${request.method} ${request.path}`];
      return handler ? handler(request) : json(404, { statusCode: 404, code: 'not_found', message: 'Not found.' });
    }),
  );
  return {
    requests,
    /** Requests to one endpoint, e.g. `to('GET /api/incidents')`. */
    to: (route: string) => requests.filter((r) => `${r.method} ${r.path}` === route),
  };
}
