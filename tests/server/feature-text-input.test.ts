import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { count } from 'drizzle-orm';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, signedInUser, type TestUser } from '../helpers/factories.js';

const NOW = new Date('2026-07-04T16:00:00Z');
const NUL = 'Centro de procesamiento\u0000 El Centro';
const LONE = 'Centro de procesamiento \ud83d El Centro';

/**
 * Issue 16: every free-text field of every schema refuses text PostgreSQL can't store. The
 * incident routes are walked field by field in incident-input.test.ts; here one text field of
 * each other feature's writing routes, through the same shared `safeText`.
 */
function cases(): Array<{
  route: string;
  field: string;
  url: string;
  body: (text: string) => Record<string, unknown>;
}> {
  return [
    {
      route: 'POST /api/repatriation/movements',
      field: 'fromFacility',
      url: '/api/repatriation/movements',
      body: (fromFacility) => ({
        portId: 'san-ysidro',
        at: '2026-07-06T10:00:00-07:00',
        persons: [{ nationality: 'MX', category: 'adult_male' }],
        fromFacility,
      }),
    },
    {
      route: 'POST /api/repatriation/arrangements',
      field: 'name',
      url: '/api/repatriation/arrangements',
      body: (name) => ({
        name,
        portIds: ['tecate'],
        windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' }],
        vulnerableWindow: { start: '09:00', end: '15:00' },
        noticeHours: 24,
        exConvict: { noticeHours: 72, portIds: [] },
        capacityPerWindow: 40,
      }),
    },
    {
      route: 'POST /api/mechanisms/:id/members',
      field: 'name',
      url: '/api/mechanisms/san-diego-tijuana/members',
      body: (name) => ({ name, role: 'border_patrol', agency: 'U.S. Border Patrol', country: 'US', contacts: [] }),
    },
    {
      route: 'POST /api/advisories',
      field: 'text.en',
      url: '/api/advisories',
      body: (en) => ({
        hazard: 'heat',
        severity: 'severe',
        areaIds: ['az-west-desert-high-risk-zone'],
        validFrom: '2026-07-04T17:00:00Z',
        validTo: '2026-07-05T03:00:00Z',
        text: { en, es: 'Calor extremo' },
      }),
    },
  ];
}

describe(`unstorable text in the repatriation, liaison and advisory APIs (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: TestUser;

  const written = async () => ({
    audit: (await app.db.select({ n: count() }).from(auditLog))[0]!.n,
    events: (await app.db.select({ n: count() }).from(events))[0]!.n,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(NOW) });
    supervisor = await signedInUser(app, officers.usSupervisor);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('answers a NUL or a lone surrogate with a bilingual 400 on the field, writing nothing', async () => {
    const before = await written();
    for (const { route, field, url, body } of cases()) {
      for (const text of [NUL, LONE]) {
        const res = await app.inject({
          method: 'POST',
          url,
          payload: body(text),
          headers: { cookie: supervisor.cookie },
        });
        expect(res.statusCode, `${route}: ${res.body}`).toBe(400);
        const message = (res.json().fields as Array<{ path: string; message: { en: string; es: string } }>).find(
          (f) => f.path === field,
        )?.message;
        expect(message, `${route} ${field}: ${res.body}`).toBeDefined();
        expect(message!.en).toMatch(text === NUL ? /NUL/ : /surrogate/);
        expect(message!.es).toMatch(text === NUL ? /NUL/ : /sustituto/);
      }
    }
    expect(await written()).toEqual(before);
  });
});
