import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, count, desc, eq, like } from 'drizzle-orm';
import type { AreaBodyInput } from '@shared/areas/contract.js';
import { signedArea } from '@shared/polygon.js';
import type { AreaFeature } from '@shared/reference/contract.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { areas } from '@server/db/schema/areas.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { startApp } from '../helpers/app.js';
import { incidentReport, officers, signedInUser, type TestUser } from '../helpers/factories.js';

type Cookie = Pick<TestUser, 'cookie'>;
const kmlFixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sonora-high-risk-areas.kml'), 'utf8');
const KML = 'application/vnd.google-earth.kml+xml';
const GEOJSON = 'application/geo+json';

/** A square near Sasabe, Arizona (in no seeded area), wound counter-clockwise. */
const square = (): [number, number][] => [
  [-111.6, 31.45],
  [-111.5, 31.45],
  [-111.5, 31.55],
  [-111.6, 31.55],
  [-111.6, 31.45],
];

const body = (over: { ring?: unknown[]; geometry?: unknown; name?: { en: string; es: string } } = {}): AreaBodyInput =>
  ({
    type: 'Feature',
    geometry: over.geometry ?? { type: 'Polygon', coordinates: [over.ring ?? square()] },
    properties: {
      name: over.name ?? { en: 'Sasabe wash', es: 'Arroyo de Sásabe' },
      hazard: { en: 'Flash floods in summer storms', es: 'Crecidas súbitas en tormentas de verano' },
      season: { en: 'July–September', es: 'julio–septiembre' },
      riskLevel: 'moderate',
    },
  }) as AreaBodyInput;

describe(`high-risk areas: editing, import, export (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: TestUser;

  const send = (user: Cookie | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: user ? { cookie: user.cookie } : {}, payload: payload as object });
  const upload = (user: Cookie, file: string, type: string, query = '') =>
    app.inject({
      method: 'POST',
      url: `/api/areas/import${query}`,
      headers: { cookie: user.cookie, 'content-type': type },
      payload: file,
    });
  const onMap = async (): Promise<AreaFeature[]> => (await send(supervisor, 'GET', '/api/areas')).json().features;
  const written = async () => ({
    areas: (await app.db.select({ n: count() }).from(areas))[0]!.n,
    audit: (await app.db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'area.%')))[0]!.n,
    events: (await app.db.select({ n: count() }).from(events).where(like(events.kind, 'area.%')))[0]!.n,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open());
    supervisor = await signedInUser(app, officers.mxSupervisor);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('keeps GET /api/areas as the seeded collection, with every area named in both languages', async () => {
    const features = await onMap();
    expect(features.length).toBeGreaterThanOrEqual(10);
    for (const area of features) {
      expect(area.properties.missing).toEqual([]);
      expect(area.properties.name.es).toBeTruthy();
      expect(['high', 'extreme']).toContain(area.properties.riskLevel);
    }
  });

  it('lets a supervisor draw an area: 201 with its id, audit row and an event to everyone in the same change', async () => {
    const before = await written();
    const res = await send(supervisor, 'POST', '/api/areas', body());
    expect(res.statusCode, res.body).toBe(201);
    const area = res.json() as AreaFeature;
    expect(area.id).toMatch(/^sasabe-wash-[0-9a-f]{6}$/);
    expect(area.properties).toMatchObject({
      name: { en: 'Sasabe wash', es: 'Arroyo de Sásabe' },
      riskLevel: 'moderate',
      season: { en: 'July–September', es: 'julio–septiembre' },
      missing: [],
    });
    expect((await onMap()).map((a) => a.id)).toContain(area.id);
    expect(await written()).toEqual({ areas: before.areas + 1, audit: before.audit + 1, events: before.events + 1 });
    const [event] = await app.db
      .select()
      .from(events)
      .where(eq(events.kind, 'area.created'))
      .orderBy(desc(events.seq))
      .limit(1);
    expect(event!.data).toMatchObject({ areaId: area.id, area: { id: area.id } });
    expect(event!.audience).toEqual([{}]);
    const [audit] = await app.db.select().from(auditLog).where(eq(auditLog.entityId, area.id));
    expect(audit).toMatchObject({ action: 'area.create', actorId: supervisor.id });
  });

  it('assigns incidents reported after a change by the new outline (the geography cache is dropped)', async () => {
    const area = (
      await send(supervisor, 'POST', '/api/areas', body({ name: { en: 'Sasabe east', es: 'Sásabe este' } }))
    ).json();
    const report = await send(
      supervisor,
      'POST',
      '/api/incidents',
      incidentReport({ location: { lat: 31.5, lon: -111.55 } }),
    );
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().areaIds).toContain(area.id);
    expect(report.json().place.areas.map((a: { name: { es: string } }) => a.name.es)).toContain('Sásabe este');

    expect((await send(supervisor, 'DELETE', `/api/areas/${area.id}`)).statusCode).toBe(204);
    const after = await send(
      supervisor,
      'POST',
      '/api/incidents',
      incidentReport({ location: { lat: 31.5, lon: -111.55 } }),
    );
    expect(after.json().areaIds).not.toContain(area.id);
    // The incident placed in it before keeps the area's name.
    const earlier = await send(supervisor, 'GET', `/api/incidents/${report.json().id}`);
    expect(earlier.json().place.areas.map((a: { name: { es: string } }) => a.name.es)).toContain('Sásabe este');
  });

  it('edits an area with PUT and deletes it with DELETE; both audited and announced; unknown ids are 404', async () => {
    const area = (await send(supervisor, 'POST', '/api/areas', body())).json() as AreaFeature;
    const edited = body({ name: { en: 'Sasabe wash (north)', es: 'Arroyo de Sásabe (norte)' } });
    const put = await send(supervisor, 'PUT', `/api/areas/${area.id}`, edited);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ id: area.id, properties: { name: { es: 'Arroyo de Sásabe (norte)' } } });
    const del = await send(supervisor, 'DELETE', `/api/areas/${area.id}`);
    expect(del.statusCode).toBe(204);
    expect((await onMap()).map((a) => a.id)).not.toContain(area.id);
    const actions = await app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, area.id))
      .orderBy(asc(auditLog.id));
    expect(actions.map((a) => a.action)).toEqual(['area.create', 'area.update', 'area.delete']);
    expect((await send(supervisor, 'PUT', `/api/areas/${area.id}`, edited)).statusCode).toBe(404);
    expect((await send(supervisor, 'DELETE', `/api/areas/${area.id}`)).statusCode).toBe(404);
    expect((await send(supervisor, 'PUT', '/api/areas/no-such-area', edited)).statusCode).toBe(404);
  });

  it('refuses consular and liaison officers (403 with the reason) and anonymous callers (401), writing nothing', async () => {
    const consul = await signedInUser(app, officers.mxConsul);
    const liaison = await signedInUser(app, officers.usLiaison);
    const seeded = (await onMap())[0]!;
    const before = await written();
    for (const officer of [consul, liaison]) {
      for (const [method, url] of [
        ['POST', '/api/areas'],
        ['PUT', `/api/areas/${seeded.id}`],
        ['DELETE', `/api/areas/${seeded.id}`],
      ] as const) {
        const res = await send(officer, method, url, method === 'DELETE' ? undefined : body());
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json()).toMatchObject({
          code: 'forbidden',
          message: expect.any(String),
          messageEs: expect.any(String),
        });
      }
      expect((await upload(officer, kmlFixture, KML)).statusCode).toBe(403);
    }
    expect((await send(null, 'POST', '/api/areas', body())).statusCode).toBe(401);
    expect(await written()).toEqual(before);
    // Reading stays open to every officer.
    expect((await send(consul, 'GET', '/api/areas')).statusCode).toBe(200);
  });

  describe('refuses outlines that are not areas, with the reason on the field, writing nothing', () => {
    const refusals: Array<[string, unknown, string, RegExp]> = [
      [
        'a self-intersecting ring (bow-tie)',
        {
          type: 'Polygon',
          coordinates: [
            [
              [-111.6, 31.45],
              [-111.5, 31.55],
              [-111.5, 31.45],
              [-111.6, 31.55],
              [-111.6, 31.45],
            ],
          ],
        },
        'geometry.coordinates',
        /crosses itself near latitude 31\.5, longitude -111\.55/,
      ],
      [
        'an open ring',
        { type: 'Polygon', coordinates: [square().slice(0, 4)] },
        'geometry.coordinates.0',
        /ring 1 is open/,
      ],
      [
        'fewer than 4 positions',
        {
          type: 'Polygon',
          coordinates: [
            [
              [-111.6, 31.45],
              [-111.5, 31.45],
              [-111.6, 31.45],
            ],
          ],
        },
        'geometry.coordinates.0',
        /ring 1 has 3 positions; a ring needs at least 4/,
      ],
      [
        'a longitude out of range',
        {
          type: 'Polygon',
          coordinates: [
            [
              [-111.6, 31.45],
              [-191.5, 31.45],
              [-111.5, 31.55],
              [-111.6, 31.45],
            ],
          ],
        },
        'geometry.coordinates.0.1',
        /position 2 of ring 1 \(-191\.5, 31\.45\) is off the Earth/,
      ],
      [
        'a latitude out of range',
        {
          type: 'MultiPolygon',
          coordinates: [
            [square()],
            [
              [
                [-111, 31],
                [-110, 31],
                [-110, 95],
                [-111, 31],
              ],
            ],
          ],
        },
        'geometry.coordinates.1.0.2',
        /position 3 of ring 2\.1 \(-110, 95\) is off the Earth/,
      ],
      [
        'a ring enclosing nothing',
        {
          type: 'Polygon',
          coordinates: [
            [
              [-111.6, 31.45],
              [-111.5, 31.45],
              [-111.4, 31.45],
              [-111.6, 31.45],
            ],
          ],
        },
        'geometry.coordinates.0',
        /encloses no area/,
      ],
    ];
    it.each(refusals)('%s', async (_name, geometry, path, reason) => {
      const before = await written();
      const res = await send(supervisor, 'POST', '/api/areas', body({ geometry }));
      expect(res.statusCode).toBe(400);
      const field = res.json().fields.find((f: { path: string }) => f.path === path);
      expect(field, res.body).toBeDefined();
      expect(field.message.en).toMatch(reason);
      expect(field.message.es).not.toBe(field.message.en);
      expect(await written()).toEqual(before);
    });
  });

  it('turns a clockwise ring around (RFC 7946 right-hand rule) instead of refusing it, and drops altitudes', async () => {
    const clockwise = [...square()].reverse().map(([lon, lat]) => [lon, lat, 312]);
    expect(signedArea(clockwise)).toBeLessThan(0);
    const res = await send(supervisor, 'POST', '/api/areas', body({ ring: clockwise }));
    expect(res.statusCode, res.body).toBe(201);
    const ring = res.json().geometry.coordinates[0];
    expect(signedArea(ring)).toBeGreaterThan(0);
    expect(ring).toEqual(square());
  });

  it.each([null, undefined])(
    'asks for the outline, in both languages, when an area is saved with geometry %s',
    async (geometry) => {
      const res = await send(supervisor, 'POST', '/api/areas', { ...body(), geometry });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([
        {
          path: 'geometry',
          message: { en: 'draw or paste the area’s outline', es: 'dibuje o pegue el contorno de la zona' },
        },
      ]);
    },
  );

  it('refuses wording missing in one language', async () => {
    const res = await send(supervisor, 'POST', '/api/areas', {
      ...body(),
      properties: { ...body().properties, name: { en: 'Only English' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toContain('properties.name.es');
  });

  it('imports a real-shaped KML file (folders, styles, a hole, a point): names in its language, the other left to fill', async () => {
    const before = await written();
    const res = await upload(supervisor, kmlFixture, KML, '?language=es&riskLevel=extreme');
    expect(res.statusCode, res.body).toBe(201);
    const { created } = res.json() as { created: string[] };
    expect(created).toHaveLength(2); // the Grupo Beta point is not an area
    expect(await written()).toEqual({ areas: before.areas + 2, audit: before.audit + 2, events: before.events + 2 });
    const imported = (await onMap()).filter((a) => created.includes(a.id));
    const altar = imported.find((a) => a.properties.name.es === 'Desierto de Altar – ruta Sonoyta')!;
    expect(altar.properties).toMatchObject({
      riskLevel: 'extreme',
      hazard: { es: 'Calor extremo y deshidratación; sin agua en 60 km.' },
      missing: ['name.en', 'hazard.en'],
      // Until an editor writes it, English readers see the file's name.
      name: { en: 'Desierto de Altar – ruta Sonoyta' },
    });
    // Wound clockwise in the file, counter-clockwise on the map; altitudes dropped.
    expect(altar.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-113.2, 31.7],
          [-112.6, 31.7],
          [-112.6, 32],
          [-113.2, 32],
          [-113.2, 31.7],
        ],
      ],
    });
    const pinacate = imported.find((a) => a.properties.name.es === 'Sierra del Pinacate')!;
    expect(pinacate.geometry.coordinates).toHaveLength(2); // the hole is kept
    // An editor completes the English wording: nothing is missing any more.
    const completed = await send(supervisor, 'PUT', `/api/areas/${altar.id}`, {
      type: 'Feature',
      geometry: altar.geometry,
      properties: {
        name: { en: 'Altar Desert – Sonoyta route', es: altar.properties.name.es },
        hazard: { en: 'Extreme heat and dehydration; no water for 60 km.', es: altar.properties.hazard.es },
        riskLevel: 'extreme',
      },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().properties.missing).toEqual([]);
  });

  it('imports GeoJSON: names from properties.name (or both languages, as our own export writes them)', async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Tohono wash', hazard: 'Heat' },
          geometry: { type: 'Polygon', coordinates: [square()] },
        },
        {
          type: 'Feature',
          properties: { name: { en: 'Two-language area', es: 'Zona en dos idiomas' }, riskLevel: 'moderate' },
          geometry: { type: 'MultiPolygon', coordinates: [[square()]] },
        },
        {
          type: 'Feature',
          properties: { name: 'A trailhead' },
          geometry: { type: 'Point', coordinates: [-111.5, 31.5] },
        },
      ],
    });
    const res = await upload(supervisor, file, GEOJSON);
    expect(res.statusCode, res.body).toBe(201);
    const imported = (await onMap()).filter((a) => res.json().created.includes(a.id));
    expect(imported.map((a) => [a.properties.name.en, a.properties.missing, a.properties.riskLevel]).sort()).toEqual([
      ['Tohono wash', ['name.es', 'hazard.es'], 'high'],
      ['Two-language area', ['hazard.en', 'hazard.es'], 'moderate'],
    ]);
  });

  describe('refuses files it should not read, writing nothing', () => {
    const big = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${'<!-- padding -->'.repeat(150_000)}</Document></kml>`;
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Fine' }, geometry: { type: 'Polygon', coordinates: [square()] } },
        {
          type: 'Feature',
          properties: { name: 'Bow-tie' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-111.6, 31.45],
                [-111.5, 31.55],
                [-111.5, 31.45],
                [-111.6, 31.55],
                [-111.6, 31.45],
              ],
            ],
          },
        },
      ],
    });
    const cases: Array<[string, string, string, number, RegExp]> = [
      [
        'a DOCTYPE (entity expansion)',
        `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>&a;</name></Document></kml>`,
        KML,
        400,
        /DOCTYPE/,
      ],
      [
        'malformed KML',
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark></Document></kml>',
        KML,
        400,
        /not well-formed/,
      ],
      ['XML that is not KML', '<?xml version="1.0"?><gpx><trk/></gpx>', KML, 400, /root element is not <kml>/],
      ['malformed GeoJSON', '{"type": "FeatureCollection", "features": [', GEOJSON, 400, /not well-formed/],
      [
        'GeoJSON with no polygons',
        JSON.stringify({ type: 'Point', coordinates: [-111, 31] }),
        GEOJSON,
        400,
        /no polygons/,
      ],
      ['one bad polygon among good ones (all or nothing)', bad, GEOJSON, 400, /“Bow-tie”: the outline crosses itself/],
      ['an oversized file', big, KML, 413, /too large/i],
      ['another content type', '{}', 'text/plain', 415, /./],
    ];
    it.each(cases)('%s', async (_name, file, type, status, reason) => {
      const before = await written();
      const res = await upload(supervisor, file, type);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toMatch(reason);
      expect(await written()).toEqual(before);
    });
  });

  it('exports areas as GeoJSON and CSV (names, hazard, risk, season, centroid)', async () => {
    const area = (
      await send(supervisor, 'POST', '/api/areas', body({ name: { en: '=HYPERLINK("x")', es: 'Zona, con coma' } }))
    ).json();
    const geojson = await send(supervisor, 'GET', '/api/areas.geojson');
    expect(geojson.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(geojson.json().features).toEqual((await send(supervisor, 'GET', '/api/areas')).json().features);
    const csv = await send(supervisor, 'GET', '/api/areas.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('high-risk-areas.csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,name_en,name_es,hazard_en,hazard_es,risk_level,season_en,season_es,centroid_lat,centroid_lon,missing',
    );
    expect(lines).toContain(
      `${area.id},"'=HYPERLINK(""x"")","Zona, con coma",Flash floods in summer storms,Crecidas súbitas en tormentas de verano,moderate,July–September,julio–septiembre,31.5,-111.55,`,
    );
    expect(lines.length).toBe((await onMap()).length + 1);
  });
});
