import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { signIn, startApp } from '../helpers/app.js';

describe(`foundation API (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: string;
  let consul: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open());
    supervisor = await signIn(app, 'supervisor.us');
    consul = await signIn(app, 'consul.tijuana');
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('reports health and which database it runs on, without a session', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: onPostgres ? 'postgres' : 'pglite' });
  });

  it('refuses every other API route without a session', async () => {
    for (const url of [
      '/api/ports',
      '/api/mechanisms',
      '/api/areas',
      '/api/incidents',
      '/api/auth/me',
      '/api/audit',
      '/api/docs',
      '/api/docs/json',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().messageEs, url).toBe('Inicie sesión.');
    }
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie, knows who you are, and signs out', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'liaison.sandiego', password: 'border-demo-2001' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({
      username: 'liaison.sandiego',
      role: 'liaison',
      country: 'US',
      mechanismId: 'san-diego-tijuana',
    });
    expect(login.json().user).not.toHaveProperty('passwordHash');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;

    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.username).toBe('liaison.sandiego');

    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('rejects a wrong password with a bilingual message, and records the attempt', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'central.mx', password: 'wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'bad_credentials',
      message: 'Wrong username or password.',
      messageEs: 'Usuario o contraseña incorrectos.',
    });
    const audit = await app.inject({ url: '/api/audit?limit=20', headers: { cookie: supervisor } });
    expect(
      audit.json().items.some(
        // Failed sign-ins are anonymous: the attempted name is a detail, never the actor.
        (e: { action: string; actor: string; after: unknown }) =>
          e.action === 'auth.login_failed' &&
          e.actor === 'anonymous' &&
          (e.after as { username?: string } | null)?.username === 'central.mx',
      ),
    ).toBe(true);
  });

  it('rate-limits repeated sign-in attempts for one account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: `guess-${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('answers bad input with 400 and field-level messages in both languages', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { path: 'username', message: { en: 'must not be empty', es: 'no debe estar vacío' } },
        { path: 'password', message: { en: 'is required', es: 'es obligatorio' } },
      ]),
    );
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).not.toMatch(/at .*\.ts/);
  });

  it('serves the seeded reference geography with sources and approx flags', async () => {
    const ports = (await app.inject({ url: '/api/ports', headers: { cookie: consul } })).json();
    expect(ports).toHaveLength(29);
    const sanYsidro = ports.find((p: { id: string }) => p.id === 'san-ysidro');
    expect(sanYsidro).toMatchObject({
      usName: 'San Ysidro',
      usTimeZone: 'America/Los_Angeles',
      mxTimeZone: 'America/Tijuana',
      approx: true,
    });
    expect(sanYsidro.sources.length).toBeGreaterThan(0);

    const mechanisms = (await app.inject({ url: '/api/mechanisms', headers: { cookie: consul } })).json();
    // The ten Border Liaison Mechanisms of the reference; the demo adds illustrative interior ones.
    expect(mechanisms.filter((m: { kind: string }) => m.kind === 'BLM')).toHaveLength(10);
    expect(mechanisms.map((m: { id: string }) => m.id)).toContain('san-diego-tijuana');

    const areas = (await app.inject({ url: '/api/areas', headers: { cookie: consul } })).json();
    expect(areas.type).toBe('FeatureCollection');
    expect(areas.features.length).toBeGreaterThanOrEqual(10);
    for (const f of areas.features) {
      expect(f.geometry.type).toBe('Polygon');
      expect(f.properties.name.es.length).toBeGreaterThan(0);
    }

    const stations = (await app.inject({ url: '/api/stations', headers: { cookie: consul } })).json();
    expect(stations.filter((s: { kind: string }) => s.kind === 'grupo_beta').length).toBe(14);
    expect(stations.filter((s: { kind: string }) => s.kind === 'border_patrol_sector').length).toBe(9);
  });

  it('shows the audit log to supervisors and admins only', async () => {
    expect((await app.inject({ url: '/api/audit', headers: { cookie: consul } })).statusCode).toBe(403);
    const res = await app.inject({ url: '/api/audit', headers: { cookie: supervisor } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toHaveProperty('action');
  });

  it('publishes an OpenAPI document built from the route schemas', async () => {
    const res = await app.inject({ url: '/api/docs/json', headers: { cookie: supervisor } });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/incidents'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/auth/login']).toBeDefined();
  });

  it('sends security headers', async () => {
    const res = await app.inject('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets browsers keep the built files Vite names by content, and revalidate the page and the basemap', async () => {
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    const script = await app.inject(asset!);
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject('/basemap/border.json')).headers['cache-control']).toBe('no-cache');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/nothing-here', headers: { cookie: supervisor } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', messageEs: 'No encontrado.' });
  });
});
