import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

type Cookie = Pick<TestUser, 'cookie'>;
const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'nws-heat-warning-cap12.xml'), 'utf8');
/** The fixture's polygon (CAP "lat,lon" pairs), in both of its `<info>`s. */
const FIXTURE_POLYGON = '32.40,-113.20 32.40,-112.40 31.90,-112.40 31.90,-113.20 32.40,-113.20';

/**
 * Security issue #22's outline: `count` positions zig-zagging between two meridians, up one side
 * and down the other, so every edge crosses the next but one (about count²/8 crossings in all).
 */
function zigZag(count: number, lon = -116.95, lat = 32.5): [number, number][] {
  const ring = Array.from({ length: count }, (_, i): [number, number] => {
    const k = Math.floor(i / 2);
    return i % 2 === 0 ? [lon, lat + k * 0.0001] : [lon + 0.05, lat + (count / 2 - k) * 0.0001];
  });
  return [...ring, ring[0]!];
}

describe(`polygon and CAP import limits (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const clock = new ManualClock(new Date('2026-07-04T15:00:00Z'));

  const send = (user: Cookie, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: user.cookie }, payload: payload as object });
  const importCap = (user: Cookie, body: string) =>
    app.inject({
      method: 'POST',
      url: '/api/advisories/import-cap',
      headers: { cookie: user.cookie, 'content-type': 'application/xml' },
      payload: body,
    });
  const countAdvisories = async (user: Cookie) => (await send(user, 'GET', '/api/advisories')).json().items.length;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('refuses a 1,000-position zig-zag search sector on its field in both languages, and stays responsive', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const incident = await reportIncident(app, liaison, { occurredAt: '2026-07-04T07:30:00-07:00' });
    const base = `/api/incidents/${incident.id}/sar`;
    expect((await send(liaison, 'POST', base, {})).statusCode).toBe(201);

    const polygon = { type: 'Polygon', coordinates: [zigZag(1_000)] };
    expect(JSON.stringify(polygon).length).toBeGreaterThan(17_000); // the size the issue reports
    const started = performance.now();
    const [refused, health] = await Promise.all([
      send(liaison, 'POST', `${base}/sectors`, { name: 'Zig-zag', polygon }),
      app.inject({ url: '/api/health' }),
    ]);
    // Not a benchmark: the sweep refuses this in milliseconds; the pairwise check it replaced
    // took ~2 s here and grows with the square of the positions, so 5 s only catches that coming back.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().fields).toEqual([
      {
        path: 'polygon.coordinates',
        message: {
          en: expect.stringMatching(/^the outline crosses itself near latitude 32\.\d+, longitude -116\.9\d*$/),
          es: expect.stringMatching(
            /^el contorno se cruza consigo mismo cerca de latitud 32\.\d+, longitud -116\.9\d*$/,
          ),
        },
      },
    ]);
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');

    // 5,000 positions: ~a minute and gigabytes for the pairwise check, milliseconds now. Refused for
    // crossing under the default limit, or for its length once the contract passes the sector's.
    const longer = performance.now();
    const large = await send(liaison, 'POST', `${base}/sectors`, {
      name: 'Zig-zag',
      polygon: { type: 'Polygon', coordinates: [zigZag(5_000)] },
    });
    expect(performance.now() - longer).toBeLessThan(5_000);
    expect(large.statusCode).toBe(400);
    expect(large.json().fields).toEqual([
      {
        path: 'polygon.coordinates',
        message: {
          en: expect.stringMatching(/^the outline (crosses itself|has 5,001 positions)/),
          es: expect.any(String),
        },
      },
    ]);
    expect((await send(liaison, 'GET', base)).json()).toMatchObject({ sectors: [] });
  });

  it('refuses a CAP polygon over the advisory limit, naming the limit and the count', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const before = await countAdvisories(supervisor);
    // 2,500 corners around a small circle: a simple outline, only too long for an advisory.
    const corners = Array.from({ length: 2_500 }, (_, i) => {
      const a = (2 * Math.PI * i) / 2_500;
      return `${(32.1 + 0.2 * Math.sin(a)).toFixed(6)},${(-112.8 + 0.2 * Math.cos(a)).toFixed(6)}`;
    });
    const res = await importCap(supervisor, fixture.replaceAll(FIXTURE_POLYGON, [...corners, corners[0]].join(' ')));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_cap',
      message: 'CAP <polygon>: the outline has 2,501 positions; at most 2,000 are accepted here',
      messageEs: 'CAP <polygon>: el contorno tiene 2,501 posiciones; aquí se aceptan como máximo 2,000',
    });
    expect(await countAdvisories(supervisor)).toBe(before);
  });

  it('refuses CAP XML nested 2,000 deep with a 400 in both languages, not a 500', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const nested = fixture.replace('</alert>', `${'<note>'.repeat(2_000)}x${'</note>'.repeat(2_000)}</alert>`);
    const res = await importCap(supervisor, nested);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'xml_too_deep',
      message: expect.stringMatching(/nested more than 20 deep/),
      messageEs: expect.stringMatching(/más de 20 niveles/),
      fields: [{ path: 'body', message: { en: expect.any(String), es: expect.any(String) } }],
    });
  });

  const sent = '<sent>2026-07-04T09:00:00-07:00</sent>';
  const effective = '<effective>2026-07-04T10:00:00-07:00</effective>';
  const expires = '<expires>2026-07-06T20:00:00-07:00</expires>';
  it.each([
    ['sent', sent, '<sent>1969-12-31T09:00:00-07:00</sent>'],
    ['sent', sent, '<sent>2200-01-01T00:00:00-00:00</sent>'],
    ['effective', effective, '<effective>2200-07-04T10:00:00-07:00</effective>'],
    ['onset', effective, '<onset>1900-07-04T10:00:00-07:00</onset>'],
    ['onset', effective, `${effective}<onset>9999-07-04T10:00:00-07:00</onset>`],
    ['expires', expires, '<expires>2999-07-06T20:00:00-07:00</expires>'],
  ])('refuses a CAP <%s> outside 1970–2199 (%#)', async (field, from, to) => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const before = await countAdvisories(supervisor);
    const body = fixture.replaceAll(from, to);
    expect(body).not.toBe(fixture);
    const res = await importCap(supervisor, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_cap',
      message: `CAP <${field}>: must be a time from 1970 to 2199`,
      messageEs: `CAP <${field}>: debe ser una hora entre 1970 y 2199`,
    });
    expect(await countAdvisories(supervisor)).toBe(before);
  });
});
