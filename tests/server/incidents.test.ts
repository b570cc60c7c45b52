import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { CreateIncidentBody } from '@shared/incidents/contract.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, signIn, startApp } from '../helpers/app.js';
import { incidentReport, officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

type Cookie = Pick<TestUser, 'cookie'>;

describe(`incidents (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  const create = (user: Cookie, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: user.cookie }, payload: body });
  const get = (user: Cookie, id: string) =>
    app.inject({ url: `/api/incidents/${id}`, headers: { cookie: user.cookie } });
  const patch = (user: Cookie, id: string, body: Record<string, unknown>) =>
    app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: { cookie: user.cookie }, payload: body });
  const acknowledge = (user: Cookie, id: string) =>
    app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: { cookie: user.cookie } });
  const list = async (user: Cookie, query: string) =>
    (await app.inject({ url: `/api/incidents?${query}`, headers: { cookie: user.cookie } })).json();
  const report = (user: Cookie, over: Partial<CreateIncidentBody> = {}) => reportIncident(app, user, over);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(new Date('2026-07-04T21:40:00Z')) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('reports an incident, assigning its mechanism and high-risk areas from geometry', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const res = await create(liaison, incidentReport());
    expect(res.statusCode).toBe(201);
    const incident = res.json();
    expect(incident).toMatchObject({
      type: 'migrant_distress',
      severity: 'high',
      status: 'reported',
      location: places.tijuana,
      mechanismId: 'san-diego-tijuana',
      areaIds: [],
      version: 1,
      reportingCountry: 'US',
    });
    expect(incident.occurredAt).toBe('2026-07-04T21:30:00.000Z');

    const inCanal = await report(supervisor, { location: places.canal, type: 'drowning' });
    expect(inCanal.areaIds).toContain('all-american-canal');
    expect(inCanal.mechanismId).toBe('calexico-mexicali');
    // The place in words, for officers on the phone: mechanism, area, nearest town, local clock.
    expect(inCanal.place).toMatchObject({
      // Its mechanism's clock (Calexico–Mexicali keeps Pacific time, on Baja California's zone).
      timeZone: 'America/Tijuana',
      mechanism: { id: 'calexico-mexicali', name: { en: 'Calexico – Mexicali', es: 'Mexicali – Calexico' } },
      areas: [{ id: 'all-american-canal', name: { en: expect.stringContaining('All-American Canal') } }],
      nearest: { town: 'Calexico', country: 'US', km: 28, direction: 'E' },
    });
    const detail = (await get(supervisor, inCanal.id)).json();
    expect(detail.place).toEqual(inCanal.place);
    expect(detail.demo).toBe(false);
  });

  it('runs the lifecycle reported → acknowledged → responding → resolved → closed with a timeline', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await report(liaison);
    // The US acknowledged with the report; Mexico's acknowledgement completes the pair.
    await acknowledge(consul, id);
    let detail = (await get(liaison, id)).json();
    expect(detail.status).toBe('acknowledged');
    expect(detail.version).toBe(2);

    for (const [status, version] of [
      ['responding', 2],
      ['resolved', 3],
      ['closed', 4],
    ] as const) {
      const res = await patch(consul, id, { version, status });
      expect(res.statusCode, status).toBe(200);
      detail = res.json();
      expect(detail.status).toBe(status);
    }
    const kinds = detail.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('reported');
    expect(kinds.filter((k: string) => k === 'status')).toHaveLength(4);
    expect(kinds.filter((k: string) => k === 'acknowledged')).toHaveLength(1);

    // A closed incident is the record: nothing about it changes any more.
    const reopen = await patch(consul, id, { version: detail.version, status: 'responding' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({
      code: 'incident_closed',
      message: 'This incident is closed: it can no longer be changed.',
      messageEs: 'Este incidente está cerrado: ya no se puede modificar.',
    });
    expect((await patch(consul, id, { version: detail.version, note: 'one more thing' })).statusCode).toBe(409);
    expect((await get(consul, id)).json().version).toBe(detail.version);
  });

  it('never lets two editors overwrite each other: a stale version gets 409 with the current state', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await report(liaison);
    const first = await patch(liaison, id, {
      version: 1,
      people: { rescued: 4, injured: 1, deceased: 0 },
      note: 'Four rescued by Grupo Beta',
    });
    expect(first.statusCode).toBe(200);
    const second = await patch(consul, id, { version: 1, severity: 'low' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    expect(second.json().current).toMatchObject({
      id,
      version: 2,
      severity: 'high',
      people: { rescued: 4, injured: 1, deceased: 0 },
    });
    const timeline = second.json().current.timeline as Array<{ kind: string; text: string }>;
    expect(timeline.some((e) => e.kind === 'note' && e.text === 'Four rescued by Grupo Beta')).toBe(true);
  });

  it('records each government’s acknowledgement once: a second US acknowledgement does not count as MX', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const usSupervisor = await signedInUser(app, officers.usSupervisor);
    const consul = await signedInUser(app, officers.mxConsul);
    const { id } = await report(liaison, { severity: 'critical' });
    const first = await acknowledge(liaison, id);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ incidentId: id, government: 'US' });
    expect((await acknowledge(usSupervisor, id)).statusCode).toBe(200);
    const detail = (await get(usSupervisor, id)).json();
    expect(detail.alerts).toHaveLength(1);
    expect(detail.alerts[0].acknowledgements).toEqual([
      expect.objectContaining({ government: 'US', by: liaison.displayName, withReport: true }),
    ]);
    expect(detail.acknowledgements.map((a: { government: string }) => a.government)).toEqual(['US']);
    expect(detail.status).toBe('reported');

    const mx = await acknowledge(consul, id);
    expect(
      mx
        .json()
        .acknowledgements.map((a: { government: string }) => a.government)
        .sort(),
    ).toEqual(['MX', 'US']);
    expect((await get(usSupervisor, id)).json().status).toBe('acknowledged');
  });

  it('requires an investigation before closing violent incidents, and flags stale ones for supervisors', async () => {
    // A month passes in this test: it keeps its own clock, so no other test's time moves.
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    const own = await startApp(await db.open(), { clock });
    try {
      const consul = await signedInUser(own, officers.mxConsul);
      const supervisor = await signedInUser(own, officers.mxSupervisor);
      const as = (user: Cookie) => ({ cookie: user.cookie });
      const patchOwn = (id: string, body: Record<string, unknown>) =>
        own.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: as(consul), payload: body });
      const followUp = async (id: string) => {
        const res = await own.inject({ url: '/api/investigations', headers: as(supervisor) });
        return res.json().items.find((i: { incident: { id: string } }) => i.incident.id === id)?.flag;
      };

      const { id } = await reportIncident(own, consul, {
        type: 'violence_against_migrants',
        summary: 'Assault reported at the levee',
      });
      for (const [status, version] of [
        ['responding', 1],
        ['resolved', 2],
      ] as const) {
        expect((await patchOwn(id, { version, status })).statusCode).toBe(200);
      }
      const refused = await patchOwn(id, { version: 3, status: 'closed' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields[0].path).toBe('status');
      expect(refused.json().fields[0].message.es).toContain('investigación');
      expect(await followUp(id)).toBe('missing');

      const put = await own.inject({
        method: 'PUT',
        url: `/api/incidents/${id}/investigation`,
        headers: as(consul),
        payload: { leadAgency: 'U.S. Attorney, S.D. Cal.', caseReference: 'SD-2026-0412', status: 'open' },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json().investigation).toMatchObject({ caseReference: 'SD-2026-0412', stale: false });
      expect((await patchOwn(id, { version: 3, status: 'closed' })).statusCode).toBe(200);
      expect(await followUp(id)).toBe('current');

      clock.advance(31 * 24 * 60);
      // A month later the sessions have expired too.
      expect((await own.inject({ url: '/api/investigations', headers: as(supervisor) })).statusCode).toBe(401);
      supervisor.cookie = await signIn(own, supervisor.username, supervisor.password);
      consul.cookie = await signIn(own, consul.username, consul.password);
      expect(await followUp(id)).toBe('stale');
      expect((await own.inject({ url: '/api/investigations', headers: as(consul) })).statusCode).toBe(403);
    } finally {
      await own.close();
    }
  });

  it('keeps a scoped officer to their own mechanism for what others reported', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const consul = await signedInUser(app, officers.mxConsul);
    const own = await report(consul);
    const elsewhere = await report(supervisor, { location: places.laredo });
    expect(elsewhere.mechanismId).toBe('laredo-nuevo-laredo');
    expect((await patch(consul, elsewhere.id, { version: 1, status: 'responding' })).statusCode).toBe(403);
    expect((await get(consul, elsewhere.id)).statusCode).toBe(403);
    expect((await acknowledge(consul, elsewhere.id)).statusCode).toBe(403);
    const feed = await list(consul, 'limit=500');
    const ids = feed.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(elsewhere.id);
    expect((await get(supervisor, elsewhere.id)).json().version).toBe(1);
  });

  it('accepts a report from outside the reporter’s scope, routes it, and lets the reporter follow it', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const consul = await signedInUser(app, officers.mxConsul);
    const laredoLiaison = await signedInUser(app, { ...officers.usLiaison, mechanismId: 'laredo-nuevo-laredo' });
    // Jacumba, inside the seeded "mountains east of San Diego" area: another mechanism's ground.
    const jacumba = { lat: 32.617, lon: -116.19 };
    const res = await create(liaison, incidentReport({ location: jacumba, summary: 'Hikers lost above Jacumba' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().areaIds).toContain('east-san-diego-mountains');
    expect((await get(liaison, res.json().id)).statusCode).toBe(200);

    const canal = await create(liaison, incidentReport({ location: places.canal, type: 'drowning' }));
    expect(canal.statusCode).toBe(201);
    expect(canal.json().mechanismId).toBe('calexico-mexicali');
    const atLaredo = await create(laredoLiaison, incidentReport({ location: places.tijuana }));
    expect(atLaredo.json().mechanismId).toBe('san-diego-tijuana');

    // The reporter reads it and finds it in their feed, wherever it went.
    const followed = await get(liaison, canal.json().id);
    expect(followed.statusCode).toBe(200);
    expect((await list(liaison, 'limit=500')).items.map((i: { id: string }) => i.id)).toContain(canal.json().id);
    // Scope still limits editing and acknowledging what belongs to another mechanism.
    expect((await patch(liaison, canal.json().id, { version: 1, note: 'on my way' })).statusCode).toBe(403);
    expect((await acknowledge(liaison, canal.json().id)).statusCode).toBe(403);
    // Another scoped officer, of another mechanism, can neither read nor edit it.
    expect((await get(laredoLiaison, canal.json().id)).statusCode).toBe(403);
    expect((await patch(laredoLiaison, canal.json().id, { version: 1, severity: 'low' })).statusCode).toBe(403);
    // The mechanism it went to can: a San Diego consul edits the report the Laredo liaison made at Tijuana.
    expect((await patch(consul, atLaredo.json().id, { version: 1, severity: 'low' })).statusCode).toBe(200);
  });

  it('rejects bad input with 400 field messages and writes nothing', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const count = async () => (await list(supervisor, 'limit=500')).items.length as number;
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [incidentReport({ location: { lat: 95, lon: -117 } }), 'location.lat'],
      [incidentReport({ location: { lat: 32.5, lon: -190 } }), 'location.lon'],
      [{ ...incidentReport(), type: 'alien_landing' }, 'type'],
      [{ ...incidentReport(), severity: 'apocalyptic' }, 'severity'],
      [incidentReport({ summary: 'x'.repeat(2001) }), 'summary'],
      [incidentReport({ summary: '   ' }), 'summary'],
      [incidentReport({ occurredAt: '2026-07-04T14:30:00' }), 'occurredAt'],
      [incidentReport({ people: { rescued: -1, injured: 0, deceased: 0 } }), 'people.rescued'],
      [{ severity: 'high', summary: 'missing type and location', occurredAt: '2026-07-04T14:30:00Z' }, 'type'],
    ];
    for (const [body, path] of cases) {
      const res = await create(liaison, body);
      expect(res.statusCode, path).toBe(400);
      const fields = res.json().fields as Array<{ path: string; message: { en: string; es: string } }>;
      const field = fields.find((f) => f.path === path);
      expect(field, `${path} in ${JSON.stringify(fields)}`).toBeDefined();
      expect(field!.message.en.length).toBeGreaterThan(0);
      expect(field!.message.es.length).toBeGreaterThan(0);
    }
    const missing = await create(liaison, { severity: 'high', summary: 'x', occurredAt: '2026-07-04T14:30:00Z' });
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['type', 'location']),
    );
    expect(await count()).toBe(before);

    const query = (url: string) => app.inject({ url, headers: { cookie: supervisor.cookie } });
    expect((await query('/api/incidents/not-a-uuid')).statusCode).toBe(400);
    expect((await query('/api/incidents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await query('/api/incidents?bbox=1,2,3')).json().fields[0].path).toBe('querystring.bbox');
    expect((await query('/api/incidents?bbox=-100,40,-120,30')).statusCode).toBe(400);
    expect((await query('/api/incidents?cursor=garbage')).statusCode).toBe(400);
  });

  it('filters by bbox, status, type and time and pages with a keyset cursor without repeats', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    // This test's incidents happened in 2011 and no other's did: the time filter isolates them.
    const window = 'from=2011-01-01T00:00:00Z&to=2011-12-31T23:59:59Z';
    const in2011 = (month: number) => ({ occurredAt: `2011-0${month}-15T10:00:00-07:00` });
    const tijuana = await report(supervisor, in2011(1));
    const laredo = await report(supervisor, { ...in2011(2), location: places.laredo });
    const drowning = await report(supervisor, {
      ...in2011(3),
      location: places.canal,
      type: 'drowning',
      severity: 'critical',
    });
    const closed = await report(supervisor, in2011(4));
    for (const [status, version] of [
      ['responding', 1],
      ['resolved', 2],
      ['closed', 3],
    ] as const) {
      expect((await patch(supervisor, closed.id, { version, status })).statusCode).toBe(200);
    }
    const mine = [tijuana, laredo, drowning, closed].map((i) => i.id);
    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await list(
        supervisor,
        `${window}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    // Each once, none missing (all were created at the same instant, so their order is by id).
    expect(new Set(paged).size).toBe(paged.length);
    expect([...paged].sort()).toEqual([...mine].sort());

    expect(ids(await list(supervisor, `${window}&bbox=-106,25,-97,32`))).toEqual([laredo.id]);
    expect(ids(await list(supervisor, `${window}&type=drowning`))).toEqual([drowning.id]);
    expect(ids(await list(supervisor, `${window}&status=closed`))).toEqual([closed.id]);
    expect(ids(await list(supervisor, `${window}&severity=critical`))).toEqual([drowning.id]);
    expect(ids(await list(supervisor, `${window}&mechanismId=laredo-nuevo-laredo`))).toEqual([laredo.id]);
    const februaryToMarch = ids(await list(supervisor, 'from=2011-02-01T00:00:00Z&to=2011-03-31T23:59:59Z'));
    expect(februaryToMarch.sort()).toEqual([drowning.id, laredo.id].sort());
    expect((await list(supervisor, 'from=2041-01-01T00:00:00Z')).items).toEqual([]);
  });

  it('exports RFC 7946 GeoJSON with [lon, lat] positions and the same filters', async () => {
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const window = 'from=2012-01-01T00:00:00Z&to=2012-12-31T23:59:59Z';
    const drowning = await report(supervisor, {
      occurredAt: '2012-05-01T09:00:00-07:00',
      location: places.canal,
      type: 'drowning',
    });
    await report(supervisor, { occurredAt: '2012-05-01T09:00:00-07:00' });
    const res = await app.inject({
      url: `/api/incidents.geojson?${window}&type=drowning`,
      headers: { cookie: supervisor.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]).toMatchObject({
      type: 'Feature',
      id: drowning.id,
      geometry: { type: 'Point', coordinates: [places.canal.lon, places.canal.lat] },
      properties: { type: 'drowning' },
    });
  });

  it('audits every change with before and after', async () => {
    const liaison = await signedInUser(app, officers.usLiaison);
    const supervisor = await signedInUser(app, officers.usSupervisor);
    const { id } = await report(liaison);
    await patch(liaison, id, { version: 1, severity: 'critical' });
    const audit = (await app.inject({ url: '/api/audit?limit=50', headers: { cookie: supervisor.cookie } })).json();
    const entries = audit.items as Array<{ action: string; entityId: string }>;
    const update = entries.find((e) => e.action === 'incident.update' && e.entityId === id);
    expect(update).toMatchObject({
      actor: liaison.username,
      before: { severity: 'high' },
      after: { severity: 'critical', version: 2 },
    });
    expect(entries.some((e) => e.action === 'incident.create' && e.entityId === id)).toBe(true);
  });
});
