import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, signIn, startApp } from '../helpers/app.js';

const tijuana = { lat: 32.54, lon: -117.03 };
/** Inside the All-American Canal high-risk polygon, near Calexico. */
const canal = { lat: 32.69, lon: -115.2 };
/** Laredo, far from San Diego – Tijuana. */
const laredo = { lat: 27.5, lon: -99.5 };

const report = (over: Record<string, unknown> = {}) => ({
  type: 'migrant_distress',
  severity: 'high',
  summary: 'Group of six reported lost near the line',
  location: tijuana,
  occurredAt: '2026-07-04T14:30:00-07:00',
  people: { rescued: 0, injured: 1, deceased: 0 },
  ...over,
});

describe(`incidents (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
  const cookies: Record<string, string> = {};

  const as = (user: string) => ({ cookie: cookies[user]! });
  const create = async (user: string, body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/incidents', headers: as(user), payload: body });
  const get = async (user: string, id: string) => app.inject({ url: `/api/incidents/${id}`, headers: as(user) });
  const patch = async (user: string, id: string, body: Record<string, unknown>) => app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: as(user), payload: body });
  const count = async () => (await app.inject({ url: '/api/incidents?limit=500', headers: as('supervisor.us') })).json().items.length as number;

  const signInEveryone = async () => {
    for (const u of ['liaison.sandiego', 'consul.tijuana', 'supervisor.us', 'supervisor.mx', 'central.us', 'central.mx']) cookies[u] = await signIn(app, u);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    await signInEveryone();
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('reports an incident, assigning its mechanism and high-risk areas from geometry', async () => {
    const res = await create('liaison.sandiego', report());
    expect(res.statusCode).toBe(201);
    const incident = res.json();
    expect(incident).toMatchObject({ type: 'migrant_distress', severity: 'high', status: 'reported', location: tijuana, mechanismId: 'san-diego-tijuana', areaIds: [], version: 1, reportingCountry: 'US' });
    expect(incident.occurredAt).toBe('2026-07-04T21:30:00.000Z');

    const inCanal = (await create('supervisor.us', report({ location: canal, type: 'drowning' }))).json();
    expect(inCanal.areaIds).toContain('all-american-canal');
    expect(inCanal.mechanismId).toBe('calexico-mexicali');
  });

  it('runs the lifecycle reported → acknowledged → responding → resolved → closed with a timeline', async () => {
    const { id } = (await create('liaison.sandiego', report())).json();
    await app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: as('liaison.sandiego') });
    await app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: as('consul.tijuana') });
    let detail = (await get('liaison.sandiego', id)).json();
    expect(detail.status).toBe('acknowledged');
    expect(detail.version).toBe(2);

    for (const [status, version] of [['responding', 2], ['resolved', 3], ['closed', 4]] as const) {
      const res = await patch('consul.tijuana', id, { version, status });
      expect(res.statusCode, status).toBe(200);
      detail = res.json();
      expect(detail.status).toBe(status);
    }
    const kinds = detail.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('reported');
    expect(kinds.filter((k: string) => k === 'status')).toHaveLength(4);
    expect(kinds.filter((k: string) => k === 'acknowledged')).toHaveLength(2);

    const reopen = await patch('consul.tijuana', id, { version: detail.version, status: 'responding' });
    expect(reopen.statusCode).toBe(400);
    expect(reopen.json().fields[0]).toEqual({ path: 'status', message: { en: 'cannot go from Closed to Responding', es: 'no puede pasar de Cerrado a En atención' } });
  });

  it('never lets two editors overwrite each other: a stale version gets 409 with the current state', async () => {
    const { id } = (await create('liaison.sandiego', report())).json();
    const first = await patch('liaison.sandiego', id, { version: 1, people: { rescued: 4, injured: 1, deceased: 0 }, note: 'Four rescued by Grupo Beta' });
    expect(first.statusCode).toBe(200);
    const second = await patch('consul.tijuana', id, { version: 1, severity: 'low' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    expect(second.json().current).toMatchObject({ id, version: 2, severity: 'high', people: { rescued: 4, injured: 1, deceased: 0 } });
    expect(second.json().current.timeline.some((e: { kind: string; text: string }) => e.kind === 'note' && e.text === 'Four rescued by Grupo Beta')).toBe(true);
  });

  it('records each government’s acknowledgement once: a second US acknowledgement does not count as MX', async () => {
    const { id } = (await create('liaison.sandiego', report({ severity: 'critical' }))).json();
    const first = await app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: as('liaison.sandiego') });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ incidentId: id, government: 'US' });
    const again = await app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: as('supervisor.us') });
    expect(again.statusCode).toBe(200);
    const detail = (await get('supervisor.us', id)).json();
    expect(detail.alerts).toHaveLength(1);
    expect(detail.alerts[0].acknowledgements).toEqual([expect.objectContaining({ government: 'US', by: 'Jordan Placeholder' })]);
    expect(detail.acknowledgements.map((a: { government: string }) => a.government)).toEqual(['US']);
    expect(detail.status).toBe('reported');

    const mx = await app.inject({ method: 'POST', url: `/api/incidents/${id}/acknowledge`, headers: as('consul.tijuana') });
    expect(mx.json().acknowledgements.map((a: { government: string }) => a.government).sort()).toEqual(['MX', 'US']);
    expect((await get('supervisor.us', id)).json().status).toBe('acknowledged');
  });

  it('requires an investigation before closing violent incidents, and flags stale ones for supervisors', async () => {
    const { id } = (await create('consul.tijuana', report({ type: 'violence_against_migrants', summary: 'Assault reported at the levee' }))).json();
    for (const [status, version] of [['responding', 1], ['resolved', 2]] as const) expect((await patch('consul.tijuana', id, { version, status })).statusCode).toBe(200);
    const refused = await patch('consul.tijuana', id, { version: 3, status: 'closed' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('status');
    expect(refused.json().fields[0].message.es).toContain('investigación');

    let list = (await app.inject({ url: '/api/investigations', headers: as('supervisor.mx') })).json();
    expect(list.items.find((i: { incident: { id: string } }) => i.incident.id === id).flag).toBe('missing');

    const put = await app.inject({ method: 'PUT', url: `/api/incidents/${id}/investigation`, headers: as('consul.tijuana'), payload: { leadAgency: 'U.S. Attorney, S.D. Cal.', caseReference: 'SD-2026-0412', status: 'open' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().investigation).toMatchObject({ caseReference: 'SD-2026-0412', stale: false });
    expect((await patch('consul.tijuana', id, { version: 3, status: 'closed' })).statusCode).toBe(200);

    list = (await app.inject({ url: '/api/investigations', headers: as('supervisor.mx') })).json();
    expect(list.items.find((i: { incident: { id: string } }) => i.incident.id === id).flag).toBe('current');
    clock.advance(31 * 24 * 60);
    // A month later the sessions have expired too.
    expect((await app.inject({ url: '/api/investigations', headers: as('supervisor.mx') })).statusCode).toBe(401);
    await signInEveryone();
    list = (await app.inject({ url: '/api/investigations', headers: as('supervisor.mx') })).json();
    expect(list.items.find((i: { incident: { id: string } }) => i.incident.id === id).flag).toBe('stale');
    expect((await app.inject({ url: '/api/investigations', headers: as('consul.tijuana') })).statusCode).toBe(403);
  });

  it('keeps a scoped officer to their own mechanism', async () => {
    const elsewhere = (await create('supervisor.us', report({ location: laredo }))).json();
    expect(elsewhere.mechanismId).toBe('laredo-nuevo-laredo');
    expect((await patch('consul.tijuana', elsewhere.id, { version: 1, status: 'responding' })).statusCode).toBe(403);
    expect((await get('consul.tijuana', elsewhere.id)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/incidents/${elsewhere.id}/acknowledge`, headers: as('consul.tijuana') })).statusCode).toBe(403);
    const feed = (await app.inject({ url: '/api/incidents?limit=500', headers: as('consul.tijuana') })).json();
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((i: { mechanismId: string }) => i.mechanismId === 'san-diego-tijuana')).toBe(true);
    expect((await create('consul.tijuana', report({ location: laredo }))).statusCode).toBe(403);
    expect((await get('supervisor.us', elsewhere.id)).json().version).toBe(1);
  });

  it('rejects bad input with 400 field messages and writes nothing', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [report({ location: { lat: 95, lon: -117 } }), 'location.lat'],
      [report({ location: { lat: 32.5, lon: -190 } }), 'location.lon'],
      [report({ type: 'alien_landing' }), 'type'],
      [report({ severity: 'apocalyptic' }), 'severity'],
      [report({ summary: 'x'.repeat(2001) }), 'summary'],
      [report({ summary: '   ' }), 'summary'],
      [report({ occurredAt: '2026-07-04T14:30:00' }), 'occurredAt'],
      [report({ people: { rescued: -1, injured: 0, deceased: 0 } }), 'people.rescued'],
      [{ severity: 'high', summary: 'missing type and location', occurredAt: '2026-07-04T14:30:00Z' }, 'type'],
    ];
    for (const [body, path] of cases) {
      const res = await create('liaison.sandiego', body);
      expect(res.statusCode, path).toBe(400);
      const fields = res.json().fields as Array<{ path: string; message: { en: string; es: string } }>;
      const field = fields.find((f) => f.path === path);
      expect(field, `${path} in ${JSON.stringify(fields)}`).toBeDefined();
      expect(field!.message.en.length).toBeGreaterThan(0);
      expect(field!.message.es.length).toBeGreaterThan(0);
    }
    const missing = await create('liaison.sandiego', { severity: 'high', summary: 'x', occurredAt: '2026-07-04T14:30:00Z' });
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['type', 'location']));
    expect(await count()).toBe(before);

    expect((await app.inject({ url: '/api/incidents/not-a-uuid', headers: as('supervisor.us') })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/incidents/00000000-0000-4000-8000-000000000000', headers: as('supervisor.us') })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/incidents?bbox=1,2,3', headers: as('supervisor.us') })).json().fields[0].path).toBe('querystring.bbox');
    expect((await app.inject({ url: '/api/incidents?bbox=-100,40,-120,30', headers: as('supervisor.us') })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/incidents?cursor=garbage', headers: as('supervisor.us') })).statusCode).toBe(400);
  });

  it('filters by bbox, status, type and time and pages with a keyset cursor without repeats', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await app.inject({ url: `/api/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: as('supervisor.us') })
      ).json();
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(await count());

    const texas = (await app.inject({ url: '/api/incidents?bbox=-106,25,-97,32', headers: as('supervisor.us') })).json();
    expect(texas.items.length).toBeGreaterThan(0);
    expect(texas.items.every((i: { location: { lon: number } }) => i.location.lon > -106)).toBe(true);

    const drownings = (await app.inject({ url: '/api/incidents?type=drowning', headers: as('supervisor.us') })).json();
    expect(drownings.items.map((i: { type: string }) => i.type)).toEqual(['drowning']);

    const closed = (await app.inject({ url: '/api/incidents?status=closed', headers: as('supervisor.us') })).json();
    expect(closed.items.length).toBeGreaterThan(0);
    expect(closed.items.every((i: { status: string }) => i.status === 'closed')).toBe(true);

    const none = (await app.inject({ url: '/api/incidents?from=2027-01-01T00:00:00Z', headers: as('supervisor.us') })).json();
    expect(none.items).toEqual([]);
  });

  it('exports RFC 7946 GeoJSON with [lon, lat] positions and the same filters', async () => {
    const res = await app.inject({ url: '/api/incidents.geojson?type=drowning', headers: as('supervisor.us') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point', coordinates: [canal.lon, canal.lat] }, properties: { type: 'drowning' } });
    expect(typeof fc.features[0].id).toBe('string');
  });

  it('audits every change with before and after', async () => {
    const { id } = (await create('liaison.sandiego', report())).json();
    await patch('liaison.sandiego', id, { version: 1, severity: 'critical' });
    const audit = (await app.inject({ url: '/api/audit?limit=50', headers: as('supervisor.us') })).json();
    const update = audit.items.find((e: { action: string; entityId: string }) => e.action === 'incident.update' && e.entityId === id);
    expect(update).toMatchObject({ actor: 'liaison.sandiego', before: { severity: 'high' }, after: { severity: 'critical', version: 2 } });
    expect(audit.items.some((e: { action: string; entityId: string }) => e.action === 'incident.create' && e.entityId === id)).toBe(true);
  });
});
