import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { SarOperation } from '@shared/sar/contract.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';
import { connectWs } from '../helpers/ws.js';

type Cookie = Pick<TestUser, 'cookie'>;

/** A square search sector south-east of Tijuana (closed ring, longitude first). */
const square = (lon = -116.9, lat = 32.5, size = 0.02) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

describe(`search and rescue (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const clock = new ManualClock(new Date('2026-07-04T22:00:00Z'));

  const send = (user: Cookie | null, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) =>
    app.inject({ method, url: path, headers: user ? { cookie: user.cookie } : {}, payload: payload as object });
  const ok = async (user: Cookie, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) => {
    const res = await send(user, method, path, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as SarOperation;
  };
  const handOff = async (user: Cookie, id: string, statuses: string[]) => {
    for (const status of statuses) {
      const { version } = (await send(user, 'GET', `/api/incidents/${id}`)).json();
      const res = await send(user, 'PATCH', `/api/incidents/${id}`, { version, status });
      expect(res.statusCode, res.body).toBe(200);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('opens an operation with teams from both sides, assets, sectors and progress, all on the incident timeline', async () => {
    const usLiaison = await signedInUser(app, officers.usLiaison);
    const mxConsul = await signedInUser(app, officers.mxConsul);
    const incident = await reportIncident(app, usLiaison, { location: places.tijuana });
    const base = `/api/incidents/${incident.id}/sar`;

    // No operation yet is an ordinary answer (the incident page asks on every visit), not an error.
    const none = await send(usLiaison, 'GET', base);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    const opened = await send(usLiaison, 'POST', base, { note: 'Six missing east of Otay Mesa' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      incidentId: incident.id,
      mechanismId: 'san-diego-tijuana',
      status: 'open',
      exercise: false,
      teams: [],
    });

    const borstar = (
      await ok(usLiaison, 'POST', `${base}/teams`, {
        kind: 'borstar',
        side: 'US',
        name: 'BORSTAR San Diego',
        contact: 'Radio ch. 4',
      })
    ).teams[0]!;
    const withBeta = await ok(mxConsul, 'POST', `${base}/teams`, {
      kind: 'grupo_beta',
      side: 'MX',
      name: 'Grupo Beta Tijuana',
    });
    expect(withBeta.teams.map((t) => [t.kind, t.side, t.contact])).toEqual([
      ['borstar', 'US', 'Radio ch. 4'],
      ['grupo_beta', 'MX', null],
    ]);
    const withAsset = await ok(usLiaison, 'POST', `${base}/assets`, {
      kind: 'aircraft',
      description: 'AMO helicopter',
      teamId: borstar.id,
    });
    expect(withAsset.assets).toEqual([expect.objectContaining({ kind: 'aircraft', teamId: borstar.id })]);
    const withSector = await ok(usLiaison, 'POST', `${base}/sectors`, {
      name: 'A1',
      polygon: square(),
      teamId: borstar.id,
    });
    const sector = withSector.sectors[0]!;
    expect(sector).toMatchObject({ name: 'A1', status: 'assigned', teamId: borstar.id, polygon: square() });

    const searched = await ok(mxConsul, 'PATCH', `${base}/sectors/${sector.id}`, { status: 'searched' });
    expect(searched.sectors[0]).toMatchObject({ status: 'searched', updatedBy: mxConsul.displayName });
    await ok(usLiaison, 'POST', `${base}/progress`, { note: 'Tracks found heading south' });

    const read = await ok(mxConsul, 'GET', base);
    expect(read.version).toBe(7);
    expect(read.log.map((e) => e.data.change)).toEqual([
      'opened',
      'team',
      'team',
      'asset',
      'sector',
      'sectorStatus',
      'progress',
    ]);
    expect(read.log[0]).toMatchObject({
      kind: 'sar',
      text: 'Six missing east of Otay Mesa',
      by: usLiaison.displayName,
    });
    expect(read.log[5]!.data).toMatchObject({ sector: 'A1', from: 'assigned', to: 'searched' });
    // The incident's own timeline carries the same entries.
    const detail = (await send(mxConsul, 'GET', `/api/incidents/${incident.id}`)).json();
    expect(detail.timeline.filter((e: { kind: string }) => e.kind === 'sar')).toHaveLength(7);
  });

  it('refuses a second operation, bad sectors field by field in both languages, and unknown teams, writing nothing', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const incident = await reportIncident(app, liaison);
    const base = `/api/incidents/${incident.id}/sar`;
    await ok(liaison, 'POST', base, {});
    expect((await send(liaison, 'POST', base, {})).json()).toMatchObject({ statusCode: 409, code: 'sar_exists' });

    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [-117, 32.5],
          [-116.9, 32.6],
          [-116.9, 32.5],
          [-117, 32.65],
          [-117, 32.5],
        ],
      ],
    };
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [-117, 32.5],
          [-116.9, 32.5],
          [-116.9, 32.6],
          [-117, 32.6],
        ],
      ],
    };
    const outOfRange = square(-200, 32.5);
    const crosses = await send(liaison, 'POST', `${base}/sectors`, { name: 'B', polygon: bowTie });
    expect(crosses.statusCode).toBe(400);
    expect(crosses.json().fields).toEqual([
      {
        path: 'polygon.coordinates',
        message: {
          en: expect.stringMatching(/^the outline crosses itself near latitude 32\.5\d*, longitude -116\.9\d*$/),
          es: expect.stringMatching(/^el contorno se cruza consigo mismo cerca de latitud 32\.5\d*/),
        },
      },
    ]);
    const notClosed = (await send(liaison, 'POST', `${base}/sectors`, { name: 'B', polygon: open })).json();
    expect(notClosed.fields[0]).toMatchObject({
      path: 'polygon.coordinates.0',
      message: { es: expect.stringContaining('abierto') },
    });
    const far = (await send(liaison, 'POST', `${base}/sectors`, { name: 'B', polygon: outOfRange })).json();
    expect(far.fields[0]).toMatchObject({
      path: 'polygon.coordinates.0.0',
      message: { en: expect.stringContaining('off the Earth'), es: expect.stringContaining('fuera de la Tierra') },
    });
    const unnamed = (await send(liaison, 'POST', `${base}/sectors`, { name: ' ', polygon: square() })).json();
    expect(unnamed.fields.map((f: { path: string }) => f.path)).toEqual(['name']);

    const stranger = '00000000-0000-4000-8000-000000000000';
    const unknownTeam = await send(liaison, 'POST', `${base}/sectors`, {
      name: 'B',
      polygon: square(),
      teamId: stranger,
    });
    expect(unknownTeam.statusCode).toBe(400);
    expect(unknownTeam.json().fields).toEqual([
      {
        path: 'teamId',
        message: { en: 'this team is not part of the operation', es: 'este equipo no forma parte de la operación' },
      },
    ]);
    const calledOff = await send(liaison, 'POST', `${base}/close`, { outcome: 'called_off' });
    expect(calledOff.json().fields[0]).toMatchObject({
      path: 'note',
      message: { es: 'indique por qué se suspendió la búsqueda' },
    });

    const after = await ok(liaison, 'GET', base);
    expect(after).toMatchObject({ version: 1, status: 'open', sectors: [] });
    expect(after.log).toHaveLength(1);
  });

  it('lets only officers of the mechanism (and overseers) coordinate; readers follow the incident’s rules', async () => {
    const tijuana = await signedInUser(app, officers.usLiaison);
    const supervisor = await signedInUser(app, officers.mxSupervisor);
    const laredo = await signedInUser(app, { role: 'liaison', country: 'US', mechanismId: 'laredo-nuevo-laredo' });
    const incident = await reportIncident(app, tijuana);
    const base = `/api/incidents/${incident.id}/sar`;

    expect((await send(laredo, 'POST', base, {})).json()).toMatchObject({ statusCode: 403, code: 'out_of_scope' });
    await ok(supervisor, 'POST', base, {});
    expect((await send(laredo, 'GET', base)).statusCode).toBe(403);
    expect((await send(laredo, 'POST', `${base}/teams`, { kind: 'other', side: 'US', name: 'X' })).statusCode).toBe(
      403,
    );
    expect((await send(null, 'GET', base)).statusCode).toBe(401);
    // The reporter follows their report anywhere (incident.read's rule), even from another mechanism.
    const reporter = await signedInUser(app, { role: 'liaison', country: 'US', mechanismId: 'laredo-nuevo-laredo' });
    const elsewhere = await reportIncident(app, reporter, { location: places.tijuana });
    await ok(supervisor, 'POST', `/api/incidents/${elsewhere.id}/sar`, {});
    expect((await send(reporter, 'GET', `/api/incidents/${elsewhere.id}/sar`)).statusCode).toBe(200);
    expect(
      (await send(reporter, 'POST', `/api/incidents/${elsewhere.id}/sar/progress`, { note: 'x' })).statusCode,
    ).toBe(403);
  });

  it('writes the change, its timeline entry, audit row and sar.updated event in one transaction, heard live by both sides and the central desks', async () => {
    const usLiaison = await signedInUser(app, officers.usLiaison);
    const mxConsul = await signedInUser(app, officers.mxConsul);
    const central = await signedInUser(app, officers.mxCentral);
    const laredo = await signedInUser(app, { role: 'consular', country: 'MX', mechanismId: 'laredo-nuevo-laredo' });
    const incident = await reportIncident(app, usLiaison);
    const base = `/api/incidents/${incident.id}/sar`;
    await ok(usLiaison, 'POST', base, {});

    const sockets = await Promise.all([mxConsul, central, laredo].map((u) => connectWs(url, u.cookie)));
    for (const ws of sockets) ws.send({ type: 'subscribe' });
    const operation = await ok(usLiaison, 'POST', `${base}/sectors`, { name: 'North wash', polygon: square() });
    const sectorId = operation.sectors[0]!.id;
    const isSector = (m: Record<string, unknown>) =>
      m.kind === 'sar.updated' && (m.data as { incidentId: string }).incidentId === incident.id;
    for (const ws of sockets.slice(0, 2)) {
      const event = await ws.waitFor(isSector);
      expect(event.data).toMatchObject({
        change: 'sector',
        operation: { sectors: [{ id: sectorId, status: 'assigned' }] },
      });
    }

    const xmin = async (query: ReturnType<typeof sql>) => {
      const { rows } = (await app.db.execute(query)) as unknown as { rows: Array<{ x: string }> };
      return rows.map((r) => String(r.x));
    };
    const [sectorTx] = await xmin(sql`select xmin::text as x from sar_sectors where id = ${sectorId}`);
    const auditTx = await xmin(
      sql`select xmin::text as x from audit_log where action = 'sar.sector' and entity_id = ${sectorId}`,
    );
    const eventTx = await xmin(
      sql`select xmin::text as x from events where kind = 'sar.updated' and data->>'change' = 'sector' and data->>'incidentId' = ${incident.id}`,
    );
    const timelineTx = await xmin(
      sql`select xmin::text as x from incident_events where incident_id = ${incident.id} and kind = 'sar' and data->>'change' = 'sector'`,
    );
    expect(sectorTx).toBeTruthy();
    expect([auditTx, eventTx, timelineTx]).toEqual([[sectorTx], [sectorTx], [sectorTx]]);

    // Another mechanism's officer never hears of it.
    await ok(usLiaison, 'POST', `${base}/progress`, { note: 'Marker' });
    await sockets[0]!.waitFor((m) => isSector(m) && (m.data as { change: string }).change === 'progress');
    expect(sockets[2]!.messages.some(isSector)).toBe(false);
    await Promise.all(sockets.map((ws) => ws.close()));
  });

  it('closes with the outcome, then refuses every change; a closed incident gets no new operation', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const incident = await reportIncident(app, liaison);
    const base = `/api/incidents/${incident.id}/sar`;
    await ok(liaison, 'POST', base, {});
    const { sectors } = await ok(liaison, 'POST', `${base}/sectors`, { name: 'A', polygon: square() });
    const closed = await ok(liaison, 'POST', `${base}/close`, {
      outcome: 'found_alive',
      note: 'Six found near the canal',
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'found_alive', closedBy: liaison.displayName });
    const refusals = await Promise.all([
      send(liaison, 'POST', `${base}/teams`, { kind: 'other', side: 'MX', name: 'Late' }),
      send(liaison, 'PATCH', `${base}/sectors/${sectors[0]!.id}`, { status: 'cleared' }),
      send(liaison, 'POST', `${base}/progress`, { note: 'Late' }),
      send(liaison, 'POST', `${base}/close`, { outcome: 'not_found' }),
    ]);
    for (const res of refusals) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'sar_closed', messageEs: expect.stringContaining('está cerrada') });
    }
    expect((await ok(liaison, 'GET', base)).outcome).toBe('found_alive');

    const other = await reportIncident(app, liaison);
    await handOff(liaison, other.id, ['responding', 'resolved', 'closed']);
    const refused = await send(liaison, 'POST', `/api/incidents/${other.id}/sar`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'incident_closed', messageEs: expect.stringContaining('cerrado') });
  });
});

describe(`exercise mode (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(new Date('2026-07-04T22:00:00Z')) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('stores the exercise flag on the incident, its events and its SAR operation', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const drill = await reportIncident(app, liaison, { exercise: true });
    const real = await reportIncident(app, liaison);
    expect([drill.exercise, real.exercise]).toEqual([true, false]);
    const detail = (
      await app.inject({ url: `/api/incidents/${drill.id}`, headers: { cookie: liaison.cookie } })
    ).json();
    expect(detail).toMatchObject({ exercise: true, timeline: [{ kind: 'reported', data: { exercise: true } }] });
    const feed = (await app.inject({ url: '/api/incidents?limit=500', headers: { cookie: liaison.cookie } })).json();
    expect(feed.items.find((i: { id: string }) => i.id === drill.id).exercise).toBe(true);
    const geojson = (await app.inject({ url: '/api/incidents.geojson', headers: { cookie: liaison.cookie } })).json();
    const feature = geojson.features.find((f: { id: string }) => f.id === drill.id);
    expect(feature.properties.exercise).toBe(true);
    const opened = await app.inject({
      method: 'POST',
      url: `/api/incidents/${drill.id}/sar`,
      headers: { cookie: liaison.cookie },
      payload: {},
    });
    expect(opened.json()).toMatchObject({ exercise: true, log: [{ data: { change: 'opened', exercise: true } }] });
  });

  it('exercise data excluded from statistics: the SAR summary counts real operations only', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const summary = async () =>
      (
        await app.inject({
          url: '/api/sar/summary?from=2026-07-01T00:00:00Z&to=2026-07-31T00:00:00Z',
          headers: { cookie: supervisor.cookie },
        })
      ).json();
    const before = await summary();
    const run = async (exercise: boolean, outcome: string | null) => {
      const incident = await reportIncident(app, supervisor, { exercise });
      const base = `/api/incidents/${incident.id}/sar`;
      await app.inject({ method: 'POST', url: base, headers: { cookie: supervisor.cookie }, payload: {} });
      if (outcome)
        await app.inject({
          method: 'POST',
          url: `${base}/close`,
          headers: { cookie: supervisor.cookie },
          payload: { outcome, note: 'Done' },
        });
    };
    await run(false, 'found_alive');
    await run(false, null);
    await run(true, 'found_alive');
    await run(true, 'found_deceased');
    await run(true, null);
    const after = await summary();
    expect(after.operations - before.operations).toBe(2);
    expect(after.open - before.open).toBe(1);
    expect(after.byOutcome.found_alive - before.byOutcome.found_alive).toBe(1);
    expect(after.byOutcome.found_deceased - before.byOutcome.found_deceased).toBe(0);
  });
});
