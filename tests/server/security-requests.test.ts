import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { signIn, startApp } from '../helpers/app.js';

/** A concrete URL for a route pattern: plausible values for its parameters. */
const concrete = (url: string) =>
  url
    .replace(/:id\.cap$/, '00000000-0000-4000-8000-000000000000.cap')
    .replace(/:(\w*[iI]d|id)\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:(\w+)/g, 'san-diego-tijuana');

/** The same path as an attacker might spell it: percent-encoded letters, dot segments, doubled slashes. */
function spellings(path: string): string[] {
  const [, first = '', rest = ''] = /^\/([^/]+)(.*)$/.exec(path)!;
  const encode = (s: string, i: number) =>
    s.slice(0, i) + `%${s.charCodeAt(i).toString(16).padStart(2, '0')}` + s.slice(i + 1);
  const out = [
    `/${encode(first!, 0)}${rest}`,
    `/${encode(first!, first!.length - 1)}${rest}`,
    `/${[...first!].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}${rest}`,
    `/${first!.toUpperCase()}${rest}`,
    `/x/../${first}${rest}`,
    `/./${first}${rest}`,
    `//${first}${rest}`,
    `/${first}%2f${rest.slice(1)}`,
  ];
  const segments = rest.split('/').filter(Boolean);
  if (segments[0]) out.push(`/${first}/${encode(segments[0], 0)}${rest.slice(segments[0].length + 1)}`);
  return out;
}

describe('requests that try their luck', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open());
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    cookie = await signIn(app, 'liaison.sandiego');
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('lets nobody in without a session, however the path of a guarded route is spelled', async () => {
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    const guarded = app.routeAccess().filter((r) => !r.public && r.url !== '/ws' && methods.includes(r.method));
    expect(guarded.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const route of guarded) {
      for (const url of [concrete(route.url), ...spellings(concrete(route.url))]) {
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          payload: route.method === 'GET' ? undefined : {},
        });
        if (res.statusCode < 400 || res.statusCode >= 500) leaks.push(`${route.method} ${url} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('opens the live connection to no one without a session, however /ws is spelled', async () => {
    const refused = async (path: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}${path}`);
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('error', () => resolve(-1));
      });
    for (const path of ['/ws', '/%77s', '/w%73', '/%77%73', '/WS', '/./ws'])
      expect.soft([path, await refused(path)]).not.toEqual([path, 101]);
  });

  it('takes a state change only from the console’s own pages', async () => {
    const change = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/ports/san-ysidro/status',
        headers: { cookie, ...headers },
        payload: { status: 'restricted', reason: 'other', note: 'Lane works' },
      });
    for (const headers of <Array<Record<string, string>>>[
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:80.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await change(headers);
      expect([JSON.stringify(headers), res.statusCode]).toEqual([JSON.stringify(headers), 403]);
      expect(res.json()).toMatchObject({ code: 'cross_site', messageEs: expect.stringMatching(/consola/) });
    }
    const history = await app.inject({ url: '/api/ports/san-ysidro/status-history', headers: { cookie } });
    expect(JSON.stringify(history.json())).not.toContain('Lane works');

    const own = await change({ origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode).toBe(200);
  });

  it('refuses a body of a type the route does not take (a text/plain form post acknowledges nothing)', async () => {
    const asText = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(asText.statusCode).toBe(415);
    expect(asText.json()).toMatchObject({
      code: 'unsupported_media_type',
      message: expect.stringContaining('application/json'),
    });
    // Still signed in.
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);

    const capAsJson = await app.inject({
      method: 'POST',
      url: '/api/advisories/import-cap',
      headers: { cookie: await signIn(app, 'supervisor.us'), 'content-type': 'application/json' },
      payload: JSON.stringify('<alert/>'),
    });
    expect(capAsJson.statusCode).toBe(415);
  });

  it('answers a known path with the wrong method 405 and the methods it takes', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/incidents', headers: { cookie } });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(res.json()).toMatchObject({ code: 'method_not_allowed', messageEs: expect.any(String) });
    expect((await app.inject({ url: '/api/no-such-thing', headers: { cookie } })).statusCode).toBe(404);
  });

  it('answers an over-long path parameter in the console’s own bilingual shape', async () => {
    for (const length of [150, 250]) {
      const res = await app.inject({ url: `/api/incidents/${'a'.repeat(length)}`, headers: { cookie } });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json()).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        messageEs: expect.any(String),
      });
    }
  });

  it('tells caches not to keep what a signed-in user reads', async () => {
    const res = await app.inject({ url: '/api/incidents', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS only where the cookie is Secure too', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'liaison.sandiego', password: 'border-demo-2001' },
    });
    expect(login.cookies.find((c) => c.name === 'sid')?.secure).toBeFalsy();
  });
});
