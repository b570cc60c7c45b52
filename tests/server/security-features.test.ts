import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AdvisoryBody } from '@shared/advisories/contract.js';
import { TIMELINE_PAGE, type TimelineEntry } from '@shared/incidents/contract.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { incidentReport, officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

/** Issue #22, the feature items: the public feed's links, cancelling without a body, reports off the map, paged timelines. */
describe(`security of the features (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
  const PUBLIC_URL = 'https://console.example';

  const send = (user: Pick<TestUser, 'cookie'>, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: user.cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock, env: { PUBLIC_URL } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  describe('advisories', () => {
    const heat = (): AdvisoryBody => ({
      hazard: 'heat',
      severity: 'extreme',
      areaIds: ['az-west-desert-high-risk-zone'],
      validFrom: clock.now().toISOString(),
      validTo: new Date(clock.now().getTime() + 48 * 3_600_000).toISOString(),
      text: { en: 'Extreme heat: carry water.', es: 'Calor extremo: lleve agua.' },
    });
    const published = async (supervisor: TestUser) => {
      const draft = await send(supervisor, 'POST', '/api/advisories', heat());
      expect(draft.statusCode, draft.body).toBe(201);
      const live = await send(supervisor, 'POST', `/api/advisories/${draft.json().id}/publish`);
      expect(live.statusCode, live.body).toBe(200);
      return live.json() as { id: string };
    };

    it('builds the public feed from PUBLIC_URL, never from the Host header', async () => {
      const supervisor = await signedInUser(app, officers.usSupervisor);
      const advisory = await published(supervisor);
      const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

      const feed = await app.inject({ url: '/api/advisories.cap', headers: evil });
      expect(feed.statusCode).toBe(200);
      expect(feed.body).not.toContain('evil.example');
      expect(feed.body).toContain(`<id>${PUBLIC_URL}/api/advisories.cap</id>`);
      expect(feed.body).toContain(`href="${PUBLIC_URL}/api/advisories/${advisory.id}.cap"`);

      const cap = await app.inject({ url: `/api/advisories/${advisory.id}.cap`, headers: evil });
      expect(cap.statusCode).toBe(200);
      expect(cap.body).not.toContain('evil.example');
    });

    it('falls back to http://localhost:PORT without PUBLIC_URL, still not the Host header', async () => {
      const local = await startApp(await db.open(), { clock, env: { PORT: '4321' } });
      try {
        const feed = await local.inject({ url: '/api/advisories.cap', headers: { host: 'evil.example' } });
        expect(feed.body).not.toContain('evil.example');
        expect(feed.body).toContain('<id>http://localhost:4321/api/advisories.cap</id>');
      } finally {
        await local.close();
      }
    });

    it('cancels with no body at all, or an empty object: the reason is optional', async () => {
      const supervisor = await signedInUser(app, officers.mxSupervisor);
      for (const payload of [undefined, {}]) {
        const advisory = await published(supervisor);
        const res = await send(supervisor, 'POST', `/api/advisories/${advisory.id}/cancel`, payload);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: null });
      }
      // A reason, when given, is still held to its bounds.
      const advisory = await published(supervisor);
      const blank = await send(supervisor, 'POST', `/api/advisories/${advisory.id}/cancel`, { reason: '  ' });
      expect(blank.statusCode).toBe(400);
    });

    it('opens a search-and-rescue operation with no body at all: the note is optional there too', async () => {
      const supervisor = await signedInUser(app, officers.usSupervisor);
      const incident = await reportIncident(app, supervisor);
      const res = await send(supervisor, 'POST', `/api/incidents/${incident.id}/sar`, undefined);
      expect(res.statusCode, res.body).toBe(201);
    });
  });

  describe('reports off the map of this border', () => {
    const farAway = {
      tokyo: { lat: 35.68, lon: 139.69 },
      honolulu: { lat: 21.31, lon: -157.86 },
      southPole: { lat: -90, lon: 0 },
      nullIsland: { lat: 0, lon: 0 },
      // 368 km north of El Paso: near, but past the default 300 km.
      albuquerque: { lat: 35.08, lon: -106.65 },
    };

    it('refuses a place farther than 300 km from the US–Mexico line, on `location`, naming the distance in both languages', async () => {
      const liaison = await signedInUser(app, officers.usLiaison);
      const before = (await send(liaison, 'GET', '/api/incidents?limit=500')).json().items.length;
      for (const [name, location] of Object.entries(farAway)) {
        const res = await send(liaison, 'POST', '/api/incidents', incidentReport({ location }));
        expect(res.statusCode, name).toBe(400);
        const [field, ...rest] = res.json().fields;
        expect(rest).toEqual([]);
        expect(field.path).toBe('location');
        expect(field.message.en).toMatch(
          /^is [\d,]+ km from the US–Mexico border; reports are taken within 300 km of it$/,
        );
        expect(field.message.es).toMatch(
          /^está a [\d,]+ km de la frontera México–Estados Unidos; se reciben reportes a no más de 300 km de ella$/,
        );
        const km = Number(/is ([\d,]+) km/.exec(field.message.en)![1]!.replaceAll(',', ''));
        expect(km, name).toBeGreaterThan(300);
        if (name === 'nullIsland') expect(km).toBeGreaterThan(10_000);
      }
      expect((await send(liaison, 'GET', '/api/incidents?limit=500')).json().items.length).toBe(before);
    });

    it('still takes reports anywhere within reach, from any officer, assigned to the nearest mechanism', async () => {
      // A San Diego liaison reporting in Laredo, and in Monterrey (150 km inland): scope never refuses a report.
      const liaison = await signedInUser(app, officers.usLiaison);
      expect(await reportIncident(app, liaison, { location: places.laredo })).toMatchObject({
        mechanismId: 'laredo-nuevo-laredo',
      });
      const monterrey = await reportIncident(app, liaison, { location: { lat: 25.67, lon: -100.31 } });
      expect(monterrey.mechanismId).not.toBeNull();
      expect((await reportIncident(app, liaison, { location: places.tijuana })).mechanismId).toBe('san-diego-tijuana');
    });

    it('takes the distance from MAX_REPORT_DISTANCE_KM', async () => {
      const wider = await startApp(await db.open(), { clock, env: { MAX_REPORT_DISTANCE_KM: '400' } });
      try {
        const liaison = await signedInUser(wider, officers.usLiaison);
        const incident = await reportIncident(wider, liaison, { location: farAway.albuquerque });
        expect(incident.mechanismId).toBe('el-paso-ciudad-juarez');
        const res = await wider.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: { cookie: liaison.cookie },
          payload: incidentReport({ location: farAway.nullIsland }),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().fields[0].message.en).toMatch(/reports are taken within 400 km of it$/);
      } finally {
        await wider.close();
      }
    });
  });

  describe('incident timeline', () => {
    it('pages 300 notes: the incident holds the newest page, the cursor reads every older entry once, in order', async () => {
      const supervisor = await signedInUser(app, officers.usSupervisor);
      const incident = await reportIncident(app, supervisor);
      const note = 'x'.repeat(1_900);
      await app.incidents.appendTimeline(
        app.db,
        incident.id,
        { by: supervisor.displayName, at: clock.now() },
        Array.from({ length: 300 }, (_, i) => ({ kind: 'note' as const, text: `note ${i + 1} ${note}`, data: {} })),
      );

      const detail = await send(supervisor, 'GET', `/api/incidents/${incident.id}`);
      expect(detail.statusCode).toBe(200);
      const first = detail.json() as { timeline: TimelineEntry[]; timelineNextCursor: string | null };
      expect(first.timeline.length).toBeGreaterThan(0);
      expect(first.timeline.length).toBeLessThanOrEqual(TIMELINE_PAGE);
      expect(first.timeline.at(-1)!.text).toMatch(/^note 300 /);
      expect(first.timelineNextCursor).not.toBeNull();
      expect(detail.body.length).toBeLessThan(300 * note.length);

      const entries = [...first.timeline];
      let cursor = first.timelineNextCursor;
      for (let pages = 0; cursor !== null; pages++) {
        expect(pages).toBeLessThan(10);
        const res = await send(supervisor, 'GET', `/api/incidents/${incident.id}/timeline?before=${cursor}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as { items: TimelineEntry[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(TIMELINE_PAGE);
        entries.unshift(...page.items);
        cursor = page.nextCursor;
      }

      expect(entries.map((e) => e.kind)).toEqual(['reported', ...Array<string>(300).fill('note')]);
      expect(entries.slice(1).map((e) => /^note (\d+) /.exec(e.text!)![1])).toEqual(
        Array.from({ length: 300 }, (_, i) => String(i + 1)),
      );
      expect(new Set(entries.map((e) => e.id)).size).toBe(301);

      // The timeline route alone gives the newest page too, and takes a smaller page.
      const newest = (await send(supervisor, 'GET', `/api/incidents/${incident.id}/timeline?limit=5`)).json();
      expect(newest.items.map((e: TimelineEntry) => e.id)).toEqual(entries.slice(-5).map((e) => e.id));
    });

    it('refuses a malformed cursor or limit, and an incident outside the officer’s mechanism', async () => {
      const supervisor = await signedInUser(app, officers.usSupervisor);
      const incident = await reportIncident(app, supervisor, { location: places.laredo });
      const url = `/api/incidents/${incident.id}/timeline`;
      for (const query of ['before=abc', 'before=-1', `before=${'9'.repeat(16)}`, 'limit=0', 'limit=501']) {
        expect((await send(supervisor, 'GET', `${url}?${query}`)).statusCode, query).toBe(400);
      }
      const liaison = await signedInUser(app, officers.usLiaison);
      expect((await send(liaison, 'GET', url)).statusCode).toBe(403);
      // A cursor older than the incident's first entry: an empty page, not another incident's entries.
      const empty = (await send(supervisor, 'GET', `${url}?before=1`)).json();
      expect(empty).toEqual({ items: [], nextCursor: null });
    });
  });
});
