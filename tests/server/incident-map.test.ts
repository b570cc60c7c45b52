import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Point, Polygon } from 'geojson';
import { incidentMapCollection, type MapIncidentProperties } from '@shared/incidents/map-filter.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

type Cookie = Pick<TestUser, 'cookie'>;
type MapFeature = Feature<Point, MapIncidentProperties>;

const NOW = new Date('2026-07-04T21:40:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

/** Inside the All-American Canal polygon, east of `places.canal`. */
const canalEast = { lat: 32.73, lon: -114.8 };
/** Inside the canal polygon's bounding box, but north of the polygon itself. */
const canalBoxOnly = { lat: 32.75, lon: -115.6 };

async function mapOf(app: FastifyInstance, user: Cookie, query: string) {
  const res = await app.inject({ url: `/api/incidents.geojson?${query}`, headers: { cookie: user.cookie } });
  return res;
}

describe(`operations map: incidents.geojson and area statistics (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: TestUser;

  const ids = async (query: string) => {
    const res = await mapOf(app, supervisor, query);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().features as MapFeature[]).map((f) => String(f.id));
  };
  const stats = (areaId: string, query: string) =>
    app.inject({ url: `/api/areas/${areaId}/stats?${query}`, headers: { cookie: supervisor.cookie } });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(NOW) });
    supervisor = await signedInUser(app, officers.mxSupervisor);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('counts an area’s incidents by type, month and people, only those whose point lies in the polygon', async () => {
    const at = (day: string) => `${day}T10:00:00-07:00`;
    const counted = [
      { location: places.canal, type: 'drowning', occurredAt: at('2019-01-10'), people: p(0, 0, 1) },
      { location: canalEast, type: 'migrant_distress', occurredAt: at('2019-01-20'), people: p(4, 1, 0) },
      { location: places.canal, type: 'migrant_distress', occurredAt: at('2019-03-05'), people: p(2, 0, 0) },
    ] as const;
    const notCounted = [
      // In the bounding box, not in the polygon: the SQL prefilter alone would count it.
      { location: canalBoxOnly, type: 'death', occurredAt: at('2019-02-01'), people: p(0, 0, 1) },
      { location: places.tijuana, type: 'drowning', occurredAt: at('2019-02-01'), people: p(0, 0, 1) },
      // After the window.
      { location: places.canal, type: 'heat_exposure', occurredAt: at('2019-04-02'), people: p(3, 0, 0) },
      // A drill inside the area and the window: marked as exercise, left out of statistics (issue 18).
      { location: places.canal, type: 'drowning', occurredAt: at('2019-01-12'), people: p(5, 0, 1), exercise: true },
    ] as const;
    for (const over of [...counted, ...notCounted]) await reportIncident(app, supervisor, over);

    // January to March on the canal's clocks (Calexico – Mexicali's, Pacific time): its months are those.
    const window = 'from=2019-01-01T00:00:00-08:00&to=2019-03-31T23:59:59-07:00';
    const res = await stats('all-american-canal', window);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      areaId: 'all-american-canal',
      from: '2019-01-01T00:00:00-08:00',
      to: '2019-03-31T23:59:59-07:00',
      timeZone: 'America/Tijuana',
      total: 3,
      byType: { drowning: 1, migrant_distress: 2 },
      byMonth: [
        { month: '2019-01', count: 2 },
        { month: '2019-02', count: 0 },
        { month: '2019-03', count: 1 },
      ],
      people: { rescued: 6, injured: 1, deceased: 1 },
    });

    const distress = (await stats('all-american-canal', `${window}&type=migrant_distress`)).json();
    expect(distress).toMatchObject({
      total: 2,
      byType: { migrant_distress: 2 },
      people: { rescued: 6, injured: 1, deceased: 0 },
    });
    const both = (await stats('all-american-canal', `${window}&type=migrant_distress,drowning`)).json();
    expect(both.total).toBe(3);
    // Widened to April, the heat exposure case counts too.
    expect(
      (await stats('all-american-canal', 'from=2019-01-01T00:00:00Z&to=2019-04-30T23:59:59Z')).json(),
    ).toMatchObject({ total: 4, byType: { drowning: 1, migrant_distress: 2, heat_exposure: 1 } });
  });

  it('counts as turf reads GeoJSON: an outer edge and a hole’s edge are the area’s, a hole’s inside is not', async () => {
    // A square near Sasabe with a square hole (no seeded area there).
    const outer = [
      [-111.6, 31.45],
      [-111.5, 31.45],
      [-111.5, 31.55],
      [-111.6, 31.55],
      [-111.6, 31.45],
    ];
    const hole = [
      [-111.57, 31.48],
      [-111.57, 31.52],
      [-111.53, 31.52],
      [-111.53, 31.48],
      [-111.57, 31.48],
    ];
    const geometry = { type: 'Polygon' as const, coordinates: [outer, hole] };
    const created = await app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { cookie: supervisor.cookie },
      payload: {
        type: 'Feature',
        geometry,
        properties: {
          name: { en: 'Sasabe ring', es: 'Anillo de Sásabe' },
          hazard: { en: 'Heat', es: 'Calor' },
          season: { en: 'Summer', es: 'Verano' },
          riskLevel: 'moderate',
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const areaId = created.json().properties.id as string;
    const points = {
      insideRing: { lon: -111.59, lat: 31.46 },
      insideHole: { lon: -111.55, lat: 31.5 },
      onHoleEdge: { lon: -111.57, lat: 31.5 },
      onOuterEdge: { lon: -111.6, lat: 31.5 },
      outside: { lon: -111.45, lat: 31.5 },
    };
    for (const location of Object.values(points))
      await reportIncident(app, supervisor, {
        location,
        type: 'heat_exposure',
        occurredAt: '2019-06-10T10:00:00-07:00',
      });
    const expected = Object.values(points).filter((at) =>
      booleanPointInPolygon([at.lon, at.lat], geometry as Polygon),
    ).length;
    expect(expected).toBe(3);
    const res = await stats(areaId, 'from=2019-06-01T00:00:00-07:00&to=2019-06-30T23:59:59-07:00');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(expected);
    expect(res.json().byType).toEqual({ heat_exposure: expected });
  });

  it('starts “this season” at midnight on the area’s own clocks and counts months on them (issue 23)', async () => {
    // 4 July is in the heat season: from 1 May, 00:00 Pacific Daylight Time at the canal (07:00 UTC).
    const before = await reportIncident(app, supervisor, {
      location: canalEast,
      type: 'heat_exposure',
      occurredAt: '2026-05-01T03:00:00Z', // 30 April, 20:00 PDT: the cool season locally
    });
    const first = await reportIncident(app, supervisor, {
      location: canalEast,
      type: 'heat_exposure',
      occurredAt: '2026-05-01T08:00:00Z', // 1 May, 01:00 PDT
    });
    const endOfMay = await reportIncident(app, supervisor, {
      location: canalEast,
      type: 'heat_exposure',
      occurredAt: '2026-06-01T03:00:00Z', // 31 May, 20:00 PDT: May on the canal's clocks
    });
    expect([before, first, endOfMay].every((i) => i.id)).toBe(true);

    const res = await stats('all-american-canal', 'range=season&type=heat_exposure');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      from: '2026-05-01T07:00:00.000Z',
      to: NOW.toISOString(),
      timeZone: 'America/Tijuana',
      total: 2,
      byMonth: [
        { month: '2026-05', count: 2 },
        { month: '2026-06', count: 0 },
        { month: '2026-07', count: 0 },
      ],
    });
    // On Central time (Laredo) the same season starts two hours earlier.
    const laredo = (await stats('rio-grande-laredo', 'range=season')).json();
    expect(laredo).toMatchObject({ from: '2026-05-01T05:00:00.000Z', timeZone: 'America/Matamoros' });
  });

  it('refuses bad statistics requests: unknown area 404, reversed window and unknown type 400 in both languages', async () => {
    expect((await stats('atlantis', '')).statusCode).toBe(404);
    const reversed = await stats('all-american-canal', 'from=2019-03-01T00:00:00Z&to=2019-01-01T00:00:00Z');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().fields).toEqual([
      {
        path: 'querystring.to',
        message: {
          en: 'the end of the date range is before its start',
          es: 'el final del intervalo de fechas es anterior a su inicio',
        },
      },
    ]);
    const unknown = await stats('all-american-canal', 'type=drowning,volcano');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('querystring.type');
    expect(unknown.json().fields[0].message.en).toContain('“volcano” is not one of');
    expect(unknown.json().fields[0].message.es).toContain('«volcano» no es uno de');
  });

  it('draws open incidents of the last 7 days by default, with lean properties; presets and filters narrow it', async () => {
    const recent = await reportIncident(app, supervisor, {
      type: 'drowning',
      severity: 'critical',
      location: places.canal,
      occurredAt: hoursAgo(2),
    });
    const threeDays = await reportIncident(app, supervisor, {
      type: 'migrant_distress',
      severity: 'low',
      location: places.laredo,
      occurredAt: hoursAgo(72),
    });
    const twentyDays = await reportIncident(app, supervisor, { type: 'heat_exposure', occurredAt: hoursAgo(480) });
    const closed = await reportIncident(app, supervisor, { occurredAt: hoursAgo(3) });
    for (const [version, status] of [
      [1, 'responding'],
      [2, 'resolved'],
      [3, 'closed'],
    ] as const) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/incidents/${closed.id}`,
        headers: { cookie: supervisor.cookie },
        payload: { version, status },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mine = new Set([recent.id, threeDays.id, twentyDays.id, closed.id]);
    const shown = async (query: string) => (await ids(query)).filter((id) => mine.has(id)).sort();
    const sorted = (...xs: string[]) => [...xs].sort();

    const res = await mapOf(app, supervisor, '');
    expect(res.headers['content-type']).toContain('application/geo+json');
    const body = incidentMapCollection.parse(res.json());
    expect(body).toMatchObject({ type: 'FeatureCollection', truncated: false, limit: 50_000 });
    expect(body.total).toBe(body.features.length);
    expect(body.from).toBe(hoursAgo(7 * 24));
    expect(body.to).toBe(NOW.toISOString());
    const feature = (body.features as MapFeature[]).find((f) => f.id === recent.id);
    expect(feature).toEqual({
      type: 'Feature',
      id: recent.id,
      geometry: { type: 'Point', coordinates: [places.canal.lon, places.canal.lat] },
      properties: {
        id: recent.id,
        type: 'drowning',
        severity: 'critical',
        status: 'reported',
        occurredAt: hoursAgo(2),
        mechanismId: 'calexico-mexicali',
        exercise: false,
      },
    });

    expect(await shown('')).toEqual(sorted(recent.id, threeDays.id));
    expect(await shown('range=24h')).toEqual([recent.id]);
    // The season of 4 July is the heat season, from 1 May.
    expect(await shown('range=season')).toEqual(sorted(recent.id, threeDays.id, twentyDays.id));
    expect(await shown('range=24h&status=closed')).toEqual([closed.id]);
    expect(await shown('range=24h&status=reported,closed')).toEqual(sorted(recent.id, closed.id));
    expect(await shown('type=drowning,heat_exposure&range=season')).toEqual(sorted(recent.id, twentyDays.id));
    expect(await shown('severity=low')).toEqual([threeDays.id]);
    expect(await shown('mechanism=laredo-nuevo-laredo')).toEqual([threeDays.id]);
    expect(await shown('bbox=-116,32,-114,33')).toEqual([recent.id]);
    expect(await shown(`from=${hoursAgo(100)}&to=${hoursAgo(48)}`)).toEqual([threeDays.id]);
    expect(await shown(`range=custom&from=${hoursAgo(500)}`)).toEqual(sorted(recent.id, threeDays.id, twentyDays.id));

    // The whole map spans three zones: a season starts at midnight on the reader's clocks (issue 23).
    const seasonFrom = async (query: string) => (await mapOf(app, supervisor, query)).json().from as string;
    expect(await seasonFrom('range=season')).toBe('2026-05-01T00:00:00.000Z');
    expect(await seasonFrom('range=season&tz=America/Tijuana')).toBe('2026-05-01T07:00:00.000Z');
    expect(await seasonFrom('range=season&tz=America/Matamoros')).toBe('2026-05-01T05:00:00.000Z');
  });

  it('answers 400 field by field, in both languages, for filters it cannot read', async () => {
    const cases: Array<[string, string]> = [
      ['type=drowning,volcano', 'querystring.type'],
      ['status=open', 'querystring.status'],
      ['severity=extreme', 'querystring.severity'],
      ['range=fortnight', 'querystring.range'],
      ['from=yesterday', 'querystring.from'],
      ['bbox=1,2,3', 'querystring.bbox'],
      ['bbox=-100,40,-110,30', 'querystring.bbox'],
      ['bbox=-200,20,-90,37', 'querystring.bbox'],
      ['from=2026-07-02T00:00:00Z&to=2026-07-01T00:00:00Z', 'querystring.to'],
      ['limit=0', 'querystring.limit'],
      ['limit=50001', 'querystring.limit'],
      ['range=season&tz=Pacific/Nowhere', 'querystring.tz'],
    ];
    for (const [query, path] of cases) {
      const res = await mapOf(app, supervisor, query);
      expect(res.statusCode, query).toBe(400);
      const fields = res.json().fields as Array<{ path: string; message: { en: string; es: string } }>;
      expect(
        fields.map((f) => f.path),
        query,
      ).toContain(path);
      for (const { message } of fields) {
        expect(message.en.length, query).toBeGreaterThan(0);
        expect(message.es, query).not.toBe(message.en);
      }
    }
    const order = (await mapOf(app, supervisor, 'bbox=-100,40,-110,30')).json();
    expect(order.fields[0].message.en).toContain('minimum longitude (-100) is greater than the maximum (-110)');
    expect(order.fields[0].message.es).toContain('longitud mínima (-100) es mayor que la máxima (-110)');
  });
});

describe(`operations map over bulk-seeded incidents (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: TestUser;
  let all: MapFeature[];
  const SEEDED = 3000;
  const allStatuses = 'status=reported,acknowledged,responding,resolved,closed';
  const thirtyDays = `range=custom&from=${hoursAgo(30 * 24)}&to=${NOW.toISOString()}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    const database = await db.open();
    await seedSyntheticIncidents(database.db, { count: SEEDED, now: NOW, days: 30, finishedShare: 0.3, seed: 7 });
    app = await startApp(database, { clock: new ManualClock(NOW) });
    supervisor = await signedInUser(app, officers.usSupervisor);
    const res = await mapOf(app, supervisor, `${thirtyDays}&${allStatuses}`);
    all = res.json().features;
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  const query = async (q: string) => {
    const res = await mapOf(app, supervisor, q);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { features: MapFeature[]; truncated: boolean; total: number; limit: number };
  };
  const idsOf = (features: MapFeature[]) => features.map((f) => f.id).sort();

  it('holds every seeded incident, spread along the border from California to Texas', () => {
    expect(all).toHaveLength(SEEDED);
    const lons = all.map((f) => f.geometry.coordinates[0]!);
    expect(Math.min(...lons)).toBeLessThan(-116);
    expect(Math.max(...lons)).toBeGreaterThan(-100);
  });

  it('answers a bounding box with exactly the incidents inside it', async () => {
    const [minLon, minLat, maxLon, maxLat] = [-113, 31, -110, 32.5];
    const inside = all.filter(
      ({
        geometry: {
          coordinates: [lon, lat],
        },
      }) => {
        return lon! >= minLon && lon! <= maxLon && lat! >= minLat && lat! <= maxLat;
      },
    );
    expect(inside.length).toBeGreaterThan(50);
    const answer = await query(`${thirtyDays}&${allStatuses}&bbox=${minLon},${minLat},${maxLon},${maxLat}`);
    expect(idsOf(answer.features)).toEqual(idsOf(inside));
  });

  it('answers a time window and the open-status default with exactly the incidents in them', async () => {
    const [from, to] = [hoursAgo(10 * 24), hoursAgo(3 * 24)];
    const inWindow = all.filter((f) => f.properties.occurredAt >= from && f.properties.occurredAt <= to);
    expect((await query(`from=${from}&to=${to}&${allStatuses}`)).features.map((f) => f.id).sort()).toEqual(
      idsOf(inWindow),
    );
    const open = inWindow.filter((f) => !['resolved', 'closed'].includes(f.properties.status));
    expect(open.length).toBeLessThan(inWindow.length);
    expect(idsOf((await query(`from=${from}&to=${to}`)).features)).toEqual(idsOf(open));
    // Newest first.
    const answer = (await query(`from=${from}&to=${to}`)).features.map((f) => f.properties.occurredAt);
    expect(answer).toEqual([...answer].sort().reverse());
  });

  it('says when it is limited: truncated, the limit, the total that matched, and a header', async () => {
    const res = await mapOf(app, supervisor, `${thirtyDays}&${allStatuses}&limit=100`);
    const answer = res.json();
    expect(answer).toMatchObject({ truncated: true, limit: 100, total: SEEDED });
    expect(answer.features).toHaveLength(100);
    expect(res.headers['x-truncated']).toBe(`100 of ${SEEDED}`);
    // The newest 100.
    const newest = [...all].sort((a, b) => b.properties.occurredAt.localeCompare(a.properties.occurredAt));
    expect(idsOf(answer.features)).toEqual(idsOf(newest.slice(0, 100)));
    expect((await query(`${thirtyDays}&${allStatuses}&limit=${SEEDED}`)).truncated).toBe(false);
  });
});

function p(rescued: number, injured: number, deceased: number) {
  return { rescued, injured, deceased };
}
