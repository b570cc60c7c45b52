import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { FastifyInstance } from 'fastify';
import type { Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_TILE_LAYER, tileBounds, tileOf, type TileAddress } from '@shared/incidents/tiles.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

const NOW = new Date('2026-07-04T21:40:00Z');
const SYNTHETIC = 3_000;

interface TileFeature {
  lon: number;
  lat: number;
  properties: Record<string, string | number | boolean>;
}

/** The incidents layer of an MVT answer, each feature with its place in degrees. */
function decode(body: Buffer, { z, x, y }: TileAddress): TileFeature[] {
  const layer = new VectorTile(new PbfReader(body)).layers[INCIDENT_TILE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => {
    const feature = layer.feature(i);
    const [lon, lat] = (feature.toGeoJSON(x, y, z).geometry as Point).coordinates as [number, number];
    return { lon, lat, properties: feature.properties as TileFeature['properties'] };
  });
}

/** The tiles at zoom `z` that cover a box [west, south, east, north]. */
function tilesCovering([west, south, east, north]: number[], z: number): TileAddress[] {
  const nw = tileOf(west!, north!, z);
  const se = tileOf(east!, south!, z);
  const tiles: TileAddress[] = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}

/** The whole border band, Pacific to Gulf. */
const BORDER = [-118, 25, -96.5, 33.5];

describe(`operations map: vector tiles (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: TestUser;

  const tile = (t: TileAddress, query = '', user: Pick<TestUser, 'cookie'> = supervisor) =>
    app.inject({ url: `/api/incidents/tiles/${t.z}/${t.x}/${t.y}?${query}`, headers: { cookie: user.cookie } });
  const featuresOf = async (t: TileAddress, query = '', user: Pick<TestUser, 'cookie'> = supervisor) => {
    const res = await tile(t, query, user);
    expect(res.statusCode, res.body).toBe(200);
    return decode(res.rawPayload, t);
  };
  /** Every incident the tiles at zoom `z` hold: clusters by their count, singles by id. */
  const countOnTiles = async (z: number, query = '', user: Pick<TestUser, 'cookie'> = supervisor, box = BORDER) => {
    let clustered = 0;
    const singles: string[] = [];
    for (const t of tilesCovering(box, z))
      for (const f of await featuresOf(t, query, user)) {
        if (typeof f.properties.point_count === 'number') clustered += f.properties.point_count;
        else singles.push(String(f.properties.id));
      }
    return { total: clustered + singles.length, clustered, singles };
  };
  const geojsonTotal = async (query = '', user: Pick<TestUser, 'cookie'> = supervisor) => {
    const res = await app.inject({ url: `/api/incidents.geojson?${query}`, headers: { cookie: user.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; features: Array<{ id: string; geometry: { coordinates: number[] } }> };
  };

  /** The box around every incident's place. */
  const extentOfAll = async () => {
    const { features } = await geojsonTotal();
    const lons = features.map((f) => f.geometry.coordinates[0]!);
    const lats = features.map((f) => f.geometry.coordinates[1]!);
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const database = await db.open();
    await seedSyntheticIncidents(database.db, { count: SYNTHETIC, now: NOW, days: 6.5, seed: 26 });
    app = await startApp(database, { clock: new ManualClock(NOW) });
    supervisor = await signedInUser(app, officers.mxSupervisor);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('holds every incident the filter matches at every zoom: clusters with counts at border zoom, points deeper', async () => {
    const expected = await geojsonTotal();
    expect(expected.total).toBe(SYNTHETIC);
    const atBorder = await countOnTiles(5);
    expect(atBorder.total).toBe(SYNTHETIC);
    expect(atBorder.clustered).toBeGreaterThan(SYNTHETIC / 2);
    // Each incident is on exactly one tile at every clustering zoom (cells' rows are found by
    // latitude): the tiles over every incident's place hold them all.
    const everywhere = await extentOfAll();
    for (const z of [3, 6, 8]) expect((await countOnTiles(z, '', supervisor, everywhere)).total).toBe(SYNTHETIC);

    const res = await tile(tileOf(places.tijuana.lon, places.tijuana.lat, 5));
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    const clusters = decode(res.rawPayload, tileOf(places.tijuana.lon, places.tijuana.lat, 5)).filter(
      (f) => typeof f.properties.point_count === 'number',
    );
    for (const c of clusters) {
      const count = c.properties.point_count as number;
      expect(c.properties.point_count_abbreviated).toBe(
        count >= 1000 ? `${Math.round(count / 100) / 10}k` : String(count),
      );
      expect(['low', 'medium', 'high', 'critical']).toContain(c.properties.severity);
    }

    // A filter narrows the tiles exactly as it narrows the GeoJSON answer.
    const drowning = await geojsonTotal('type=drowning');
    expect((await countOnTiles(4, 'type=drowning')).total).toBe(drowning.total);
  });

  it('never draws two clusters of a tile on top of each other: neighbours crowding their edge are one', async () => {
    /** A place in the world's pixels at zoom `z` (512-pixel tiles, as MapLibre draws them). */
    const pixel = (f: TileFeature, z: number) => {
      const sin = Math.sin((f.lat * Math.PI) / 180);
      const world = 512 * 2 ** z;
      return [((f.lon + 180) / 360) * world, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world] as const;
    };
    const everywhere = await extentOfAll();
    let drawn = 0;
    for (const z of [3, 4, 5, 6, 8]) {
      for (const t of tilesCovering(everywhere, z)) {
        const places = (await featuresOf(t)).map((f) => pixel(f, z));
        for (const [i, [x, y]] of places.entries())
          for (const [u, v] of places.slice(i + 1)) expect(Math.hypot(x - u, y - v)).toBeGreaterThanOrEqual(47);
        drawn += places.length;
      }
      // Nothing is lost in merging: the clusters still count every incident.
      expect((await countOnTiles(z, '', supervisor, everywhere)).total).toBe(SYNTHETIC);
    }
    expect(drawn).toBeGreaterThan(0);
  });

  it('draws each incident at its own place with its properties beyond the clustering zooms', async () => {
    const reported = await reportIncident(app, supervisor, {
      type: 'drowning',
      severity: 'critical',
      location: { lat: 32.5412, lon: -117.0307 },
      occurredAt: '2026-07-04T13:30:00-07:00',
    });
    const at = tileOf(-117.0307, 32.5412, 14);
    await expect
      .poll(async () => (await featuresOf(at)).find((f) => f.properties.id === reported.id), { timeout: 5000 })
      .toBeDefined();
    const drawn = (await featuresOf(at)).find((f) => f.properties.id === reported.id)!;
    const properties = {
      id: reported.id,
      type: 'drowning',
      severity: 'critical',
      status: 'reported',
      occurredAt: '2026-07-04T20:30:00.000Z',
      mechanismId: 'san-diego-tijuana',
      exercise: false,
    };
    expect(drawn.properties).toEqual(properties);
    // Alone in its cell at clustering zooms too (a filter leaves it alone), whether the tile finds
    // the cell's incident by its row's address (the border's zooms) or by its id (deeper).
    const alone = 'type=drowning&severity=critical&range=custom&from=2026-07-04T20:29:00Z&to=2026-07-04T20:31:00Z';
    for (const z of [4, 8]) {
      const cell = await featuresOf(tileOf(-117.0307, 32.5412, z), alone);
      expect(cell.map((f) => f.properties)).toEqual([properties]);
    }
    // Within a metre of where it was reported (a zoom-14 tile's unit is about 60 cm).
    expect(Math.abs(drawn.lon - -117.0307)).toBeLessThan(1e-5);
    expect(Math.abs(drawn.lat - 32.5412)).toBeLessThan(1e-5);
  });

  it('draws a report at every zoom as soon as its event arrives, over tiles already built', async () => {
    const place = { lat: 31.33, lon: -110.94 }; // Nogales
    const tiles = [3, 9, 13].map((z) => tileOf(place.lon, place.lat, z));
    const countIn = async (t: TileAddress) =>
      (await featuresOf(t)).reduce((sum, f) => sum + (Number(f.properties.point_count) || 1), 0);
    const inTile = async (t: TileAddress) => (await geojsonTotal(`bbox=${tileBounds(t).join(',')}`)).total;
    // The tiles as the database stands, built and cached: an earlier test's report may still be on its way.
    for (const t of tiles) {
      const now = await inTile(t);
      await expect.poll(() => countIn(t), { timeout: 5000 }).toBe(now);
    }
    const before = await Promise.all(tiles.map(countIn));

    // The report's event reaches the map's index and drops every tile holding its place.
    const { id } = await reportIncident(app, supervisor, { location: place, occurredAt: '2026-07-04T12:00:00-07:00' });
    for (const [i, t] of tiles.entries()) {
      expect(await inTile(t)).toBe(before[i]! + 1);
      await expect.poll(() => countIn(t), { timeout: 5000 }).toBe(before[i]! + 1);
    }

    // Resolved, it leaves the map of open incidents (the default view) at every zoom, and stays on a map of resolved ones.
    for (const [status, version] of [
      ['responding', 1],
      ['resolved', 2],
    ] as const) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/incidents/${id}`,
        headers: { cookie: supervisor.cookie },
        payload: { version, status },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const [i, t] of tiles.entries()) await expect.poll(() => countIn(t), { timeout: 5000 }).toBe(before[i]);
    const resolved = await featuresOf(tiles[2]!, 'status=resolved');
    expect(resolved.map((f) => f.properties.id)).toContain(id);
  });

  it('reads a bulk load written without events again, and draws it at every zoom', async () => {
    const everywhere = await extentOfAll();
    const before = (await geojsonTotal()).total;
    expect((await countOnTiles(5, '', supervisor, everywhere)).total).toBe(before);
    // Straight into the table, announced on its channel: every running console's index reads the table again.
    await seedSyntheticIncidents(app.db, { count: 200, now: NOW, days: 2, seed: 2026, inAreasShare: 0 });
    const after = await extentOfAll();
    expect((await geojsonTotal()).total).toBe(before + 200);
    await expect
      .poll(async () => (await countOnTiles(5, '', supervisor, after)).total, { timeout: 10_000 })
      .toBe(before + 200);
  });

  it('holds only what the officer may read: a scoped consul’s tiles, their mechanism’s incidents', async () => {
    const consul = await signedInUser(app, officers.mxConsul);
    const theirs = await geojsonTotal('', consul);
    expect(theirs.total).toBeGreaterThan(0);
    expect(theirs.total).toBeLessThan((await geojsonTotal()).total);
    expect((await countOnTiles(5, '', consul)).total).toBe(theirs.total);
  });

  it('refuses tiles that do not exist and filters it cannot read, field by field in both languages', async () => {
    const cases: Array<[string, string, string]> = [
      ['/15/0/0', 'params.z', 'must be a zoom from 0 to 14'],
      ['/3/8/0', 'params.x', 'must be from 0 to 7 at zoom 3'],
      ['/3/0/9', 'params.y', 'must be from 0 to 7 at zoom 3'],
      ['/3/1e1/0', 'params.x', ''],
      ['/3/0/0?type=volcano', 'querystring.type', '“volcano” is not one of'],
    ];
    for (const [path, field, english] of cases) {
      const res = await app.inject({ url: `/api/incidents/tiles${path}`, headers: { cookie: supervisor.cookie } });
      expect(res.statusCode, path).toBe(400);
      const fields = res.json().fields as Array<{ path: string; message: { en: string; es: string } }>;
      expect(
        fields.map((f) => f.path),
        path,
      ).toContain(field);
      const message = fields.find((f) => f.path === field)!.message;
      expect(message.en).toContain(english);
      expect(message.es.length).toBeGreaterThan(0);
      expect(message.es).not.toBe(message.en);
    }
    expect((await app.inject({ url: '/api/incidents/tiles/3/1/3' })).statusCode).toBe(401);
  });
});
