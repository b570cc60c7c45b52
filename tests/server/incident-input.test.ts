import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { count } from 'drizzle-orm';
import { acknowledgements, alerts } from '@server/db/schema/alerts.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { incidentEvents, incidents, investigations } from '@server/db/schema/incidents.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { incidentReport, officers, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

const NOW = new Date('2026-07-04T21:40:00Z');

/** Text PostgreSQL cannot store, though JSON carries it: a NUL, and each half of a surrogate pair alone. */
const unstorable = {
  nul: 'Group of six\u0000 near the levee',
  loneHigh: 'Group of six \ud83d near the levee',
  loneLow: 'Group of six \ude0a near the levee',
};

/** Every free-text field of every incident route, and a valid body around it. */
function textFieldCases(id: string): Array<{ route: string; field: string; send: (text: string) => RouteCall }> {
  const investigation = { leadAgency: 'U.S. Attorney, S.D. Cal.', caseReference: 'SD-2026-0412', status: 'open' };
  return [
    { route: 'POST /api/incidents', field: 'summary', send: (summary) => post(incidentReport({ summary })) },
    { route: 'PATCH /api/incidents/:id', field: 'summary', send: (summary) => patch(id, { version: 1, summary }) },
    { route: 'PATCH /api/incidents/:id', field: 'note', send: (note) => patch(id, { version: 1, note }) },
    ...(['leadAgency', 'caseReference', 'notes'] as const).map((field) => ({
      route: 'PUT /api/incidents/:id/investigation',
      field,
      send: (text: string) => put(id, { ...investigation, [field]: text }),
    })),
  ];
}

interface RouteCall {
  method: 'POST' | 'PATCH' | 'PUT';
  url: string;
  payload: Record<string, unknown>;
}
const post = (payload: Record<string, unknown>): RouteCall => ({ method: 'POST', url: '/api/incidents', payload });
const patch = (id: string, payload: Record<string, unknown>): RouteCall => ({
  method: 'PATCH',
  url: `/api/incidents/${id}`,
  payload,
});
const put = (id: string, payload: Record<string, unknown>): RouteCall => ({
  method: 'PUT',
  url: `/api/incidents/${id}/investigation`,
  payload,
});

describe(`bad input to the incident API (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let consul: TestUser;

  /** Rows in every table an incident change writes. */
  async function rowCounts() {
    const tables = { incidents, incidentEvents, investigations, alerts, acknowledgements, auditLog, events };
    const entries = await Promise.all(
      Object.entries(tables).map(async ([name, table]) => [
        name,
        (await app.db.select({ n: count() }).from(table))[0]!.n,
      ]),
    );
    return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(NOW) });
    consul = await signedInUser(app, officers.mxConsul);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('refuses a NUL or a lone surrogate in every text field of every incident route with a bilingual 400, writing nothing', async () => {
    const { id } = await reportIncident(app, consul);
    const before = await rowCounts();
    for (const { route, field, send } of textFieldCases(id)) {
      for (const [what, text] of Object.entries(unstorable)) {
        const call = send(text);
        const res = await app.inject({ ...call, headers: { cookie: consul.cookie } });
        expect(res.statusCode, `${route} ${field} with ${what}`).toBe(400);
        const fields = res.json().fields as Array<{ path: string; message: { en: string; es: string } }>;
        const message = fields.find((f) => f.path === field)?.message;
        expect(message, `${route} ${field} with ${what}: ${res.body}`).toBeDefined();
        expect(message!.en).toMatch(what === 'nul' ? /NUL/ : /surrogate/);
        expect(message!.es).toMatch(what === 'nul' ? /NUL/ : /sustituto/);
      }
    }
    expect(await rowCounts()).toEqual(before);
    // The same fields take any other text, emoji pairs included.
    for (const { route, field, send } of textFieldCases(id).slice(0, 1)) {
      const res = await app.inject({ ...send('Grupo de seis 😊 cerca del bordo'), headers: { cookie: consul.cookie } });
      expect(res.statusCode, `${route} ${field}`).toBe(201);
    }
  });

  it('refuses a NUL in the sign-in name and in a query string rather than failing in the database', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'consul\u0000tijuana', password: 'whatever' },
    });
    expect(login.statusCode).toBe(400);
    const feed = await app.inject({
      url: '/api/incidents?mechanismId=san%00diego',
      headers: { cookie: consul.cookie },
    });
    expect(feed.statusCode).toBe(400);
    expect(feed.json().fields[0].path).toBe('querystring.mechanismId');
  });

  it('bounds occurredAt: not before 2000, not more than ten minutes ahead, in both languages', async () => {
    const send = (occurredAt: string) =>
      app.inject({ ...post(incidentReport({ occurredAt })), headers: { cookie: consul.cookie } });
    const before = await rowCounts();
    for (const [occurredAt, en, es] of [
      ['1900-01-01T00:00:00Z', 'must be on or after 1 January 2000', 'debe ser el 1 de enero de 2000 o posterior'],
      [
        '9999-01-01T00:00:00Z',
        'must not be more than 10 minutes ahead',
        'no debe estar más de 10 minutos en el futuro',
      ],
      [
        '2026-07-04T21:51:00Z',
        'must not be more than 10 minutes ahead',
        'no debe estar más de 10 minutos en el futuro',
      ],
    ] as const) {
      const res = await send(occurredAt);
      expect(res.statusCode, occurredAt).toBe(400);
      const [field] = res.json().fields;
      expect(field.path).toBe('occurredAt');
      expect(field.message.en).toContain(en);
      expect(field.message.es).toContain(es);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await send('2026-07-04T21:49:00Z')).statusCode).toBe(201);
    expect((await send('2001-06-22T10:00:00-07:00')).statusCode).toBe(201);
  });

  it('says which bounding-box coordinate is out of order, and why', async () => {
    const query = (bbox: string) =>
      app.inject({ url: `/api/incidents?bbox=${bbox}`, headers: { cookie: consul.cookie } });
    const lon = await query('-100,25,-120,35');
    expect(lon.statusCode).toBe(400);
    expect(lon.json().fields).toEqual([
      {
        path: 'bbox',
        message: {
          en: 'the minimum longitude (-100) is greater than the maximum (-120); give minLon,minLat,maxLon,maxLat',
          es: 'la longitud mínima (-100) es mayor que la máxima (-120); indique minLon,minLat,maxLon,maxLat',
        },
      },
    ]);
    const lat = await query('-120,35,-100,25');
    expect(lat.json().fields[0].message.en).toContain('minimum latitude (35) is greater than the maximum (25)');
    expect((await query('-200,25,-100,35')).json().fields[0].message.en).toContain('between -180 and 180');
  });
});
