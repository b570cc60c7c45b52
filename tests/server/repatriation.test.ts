import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, desc, eq } from 'drizzle-orm';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, signedInUser, type TestUser } from '../helpers/factories.js';

type Cookie = Pick<TestUser, 'cookie'> | null;

/** Monday 8 June 2026, 08:00 at Tijuana (PDT, UTC−7). */
const NOW = new Date('2026-06-08T15:00:00Z');

/** An arrangement body as a supervisor sends it; `over` replaces any field. */
const arrangementBody = (over: Record<string, unknown> = {}) => ({
  name: 'Tecate test arrangement',
  portIds: ['tecate'],
  windows: [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '19:00' }],
  vulnerableWindow: { start: '08:00', end: '17:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: [] },
  capacityPerWindow: 40,
  ...over,
});

describe(`repatriation: ports, arrangements, windows, check, calendar (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let supervisor: TestUser;
  let liaison: TestUser;

  const call = (user: Cookie, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: user ? { cookie: user.cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const check = (user: Cookie, body: unknown) => call(user, 'POST', '/api/repatriation/check', body);
  const arrangements = async () =>
    (await call(supervisor, 'GET', '/api/repatriation/arrangements')).json() as Array<Record<string, unknown>>;
  const auditCount = async () => (await app.db.select().from(auditLog)).length;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(NOW) });
    supervisor = await signedInUser(app, officers.usSupervisor);
    liaison = await signedInUser(app, officers.usLiaison);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  describe('port status', () => {
    it('closes a port with a reason, audited and announced to everyone; GET /api/ports says why, who and when', async () => {
      const res = await call(supervisor, 'POST', '/api/ports/otay-mesa/status', {
        status: 'closed',
        reason: 'bomb_threat',
        note: 'Suspicious package at the pedestrian crossing',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: 'otay-mesa',
        status: 'closed',
        statusReason: 'bomb_threat',
        statusChangedBy: supervisor.displayName,
        statusChangedAt: NOW.toISOString(),
      });

      const ports = (await call(liaison, 'GET', '/api/ports')).json() as Array<Record<string, unknown>>;
      expect(ports.find((p) => p.id === 'otay-mesa')).toMatchObject({
        status: 'closed',
        statusReason: 'bomb_threat',
        statusNote: 'Suspicious package at the pedestrian crossing',
      });
      expect(ports.find((p) => p.id === 'tecate')).toMatchObject({
        status: 'open',
        statusReason: null,
        statusChangedAt: null,
      });

      const [event] = await app.db
        .select()
        .from(events)
        .where(eq(events.kind, 'port.status'))
        .orderBy(desc(events.seq))
        .limit(1);
      expect(event).toMatchObject({ audience: [{}], data: { portId: 'otay-mesa', port: { status: 'closed' } } });
      const [audit] = await app.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'port.status'))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(audit).toMatchObject({
        entityId: 'otay-mesa',
        actorUsername: supervisor.username,
        before: { status: 'open' },
        after: { status: 'closed' },
      });

      const reopened = await call(supervisor, 'POST', '/api/ports/otay-mesa/status', { status: 'open' });
      expect(reopened.json()).toMatchObject({ status: 'open', statusReason: null });
    });

    it('lets only supervisors, admins and the port mechanism’s liaison officers set it, refuses unknown ports and closures without a reason', async () => {
      // The San Diego – Tijuana liaison officer may not close Nogales (another mechanism's port): tests/server/ports.test.ts.
      expect(
        (await call(liaison, 'POST', '/api/ports/nogales/status', { status: 'closed', reason: 'weather' })).statusCode,
      ).toBe(403);
      expect(
        (await call(null, 'POST', '/api/ports/tecate/status', { status: 'closed', reason: 'weather' })).statusCode,
      ).toBe(401);
      expect(
        (await call(supervisor, 'POST', '/api/ports/atlantis/status', { status: 'closed', reason: 'weather' }))
          .statusCode,
      ).toBe(404);
      const noReason = await call(supervisor, 'POST', '/api/ports/tecate/status', { status: 'restricted' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields).toEqual([
        {
          path: 'reason',
          message: {
            en: 'is required when the port is restricted or closed',
            es: 'es obligatorio si el puerto se restringe o se cierra',
          },
        },
      ]);
      const badReason = await call(supervisor, 'POST', '/api/ports/tecate/status', {
        status: 'closed',
        reason: 'aliens',
      });
      expect(badReason.json().fields[0].path).toBe('reason');
      const ports = (await call(liaison, 'GET', '/api/ports')).json() as Array<Record<string, unknown>>;
      expect(ports.find((p) => p.id === 'tecate')?.status).toBe('open');
    });

    it('blocks repatriation through a closed port (PORT_CLOSED), and reopening unblocks it', async () => {
      const body = {
        portId: 'san-ysidro',
        at: '2026-06-09T10:00:00-07:00',
        persons: [{ nationality: 'MX', category: 'adult_male' }],
      };
      expect((await check(liaison, body)).json().allowed).toBe(true);
      await call(supervisor, 'POST', '/api/ports/san-ysidro/status', { status: 'closed', reason: 'pursuit' });
      const closed = (await check(liaison, body)).json();
      expect(closed.allowed).toBe(false);
      expect(closed.violations.map((v: { code: string }) => v.code)).toEqual(['PORT_CLOSED']);
      // The other port of the arrangement is still open: the group is offered Calexico.
      expect(closed.nextWindows.every((w: { portId: string }) => w.portId === 'calexico-west')).toBe(true);
      await call(supervisor, 'POST', '/api/ports/san-ysidro/status', { status: 'open' });
      expect((await check(liaison, body)).json()).toMatchObject({ allowed: true, violations: [] });
    });
  });

  describe('arrangements', () => {
    it('lists the seeded illustrative arrangements with their basis and sources', async () => {
      const list = await arrangements();
      const california = list.find((a) => a.id === 'lra-california-baja-california');
      expect(california).toMatchObject({
        name: 'California – Baja California',
        portIds: ['san-ysidro', 'calexico-west'],
        windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '22:00' }],
        vulnerableWindow: { start: '08:00', end: '18:00' },
        exConvict: { noticeHours: 72, portIds: ['san-ysidro'] },
        illustrative: true,
        version: 1,
      });
      expect(california?.basis).toMatch(/Tijuana/);
      expect(california?.sources).toContain('diariotijuana-2020');
      expect(list.every((a) => a.illustrative === true)).toBe(true);
    });

    it('creates, edits with optimistic concurrency and deletes an arrangement, audited', async () => {
      const created = await call(
        supervisor,
        'POST',
        '/api/repatriation/arrangements',
        arrangementBody({ timeZone: 'America/Los_Angeles' }),
      );
      expect(created.statusCode).toBe(201);
      const { id } = created.json();
      expect(created.json()).toMatchObject({
        id,
        portIds: ['tecate'],
        timeZone: 'America/Los_Angeles',
        version: 1,
        illustrative: false,
        basis: null,
        sources: [],
      });
      expect((await call(liaison, 'GET', `/api/repatriation/arrangements/${id}`)).json().name).toBe(
        'Tecate test arrangement',
      );

      const edited = await call(supervisor, 'PUT', `/api/repatriation/arrangements/${id}`, {
        ...arrangementBody({ capacityPerWindow: 10 }),
        version: 1,
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ capacityPerWindow: 10, version: 2 });
      expect(edited.json().timeZone).toBeUndefined();

      const stale = await call(supervisor, 'PUT', `/api/repatriation/arrangements/${id}`, {
        ...arrangementBody({ capacityPerWindow: 99 }),
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { capacityPerWindow: 10, version: 2 } });

      expect((await call(supervisor, 'DELETE', `/api/repatriation/arrangements/${id}`)).statusCode).toBe(204);
      expect((await call(supervisor, 'GET', `/api/repatriation/arrangements/${id}`)).statusCode).toBe(404);
      const actions = (
        await app.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.id))
      ).map((a) => a.action);
      expect(actions).toEqual(['arrangement.create', 'arrangement.update', 'arrangement.delete']);
    });

    it('keeps a port in one arrangement at most: 409 with a bilingual message naming both, nothing written', async () => {
      const before = await arrangements();
      const audits = await auditCount();
      const res = await call(
        supervisor,
        'POST',
        '/api/repatriation/arrangements',
        arrangementBody({ portIds: ['tecate', 'san-ysidro'] }),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'port_in_other_arrangement',
        fields: [
          {
            path: 'portIds.1',
            message: {
              en: 'San Ysidro – Tijuana (El Chaparral / PedWest / PedEast) already belongs to the arrangement “California – Baja California”: a port belongs to one arrangement at most',
              es: 'San Ysidro – Tijuana (El Chaparral / PedWest / PedEast) ya pertenece al arreglo «California – Baja California»: un puerto pertenece a un solo arreglo',
            },
          },
        ],
      });
      expect(await arrangements()).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('answers bad input with 400 and field messages, writing nothing', async () => {
      const before = await arrangements();
      const audits = await auditCount();
      const cases: Array<[Record<string, unknown>, string, RegExp]> = [
        [{ windows: [{ days: [8], start: '07:00', end: '19:00' }] }, 'windows.0.days.0', /at most 7/],
        [{ windows: [{ days: [1], start: '25:00', end: '19:00' }] }, 'windows.0.start', /00:00 to 23:59/],
        [
          {
            windows: [
              { days: [1, 2], start: '07:00', end: '19:00' },
              { days: [2], start: '18:00', end: '20:00' },
            ],
          },
          'windows',
          /windows 1 \(07:00–19:00\) and 2 \(18:00–20:00\) overlap on Tuesday/,
        ],
        [{ portIds: ['atlantis'] }, 'portIds.0', /not a known port: atlantis/],
        [{ portIds: [] }, 'portIds', /at least 1/],
        [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA time zone/],
        [{ exConvict: { noticeHours: 72, portIds: ['nogales'] } }, 'exConvict.portIds.0', /ports of this arrangement/],
      ];
      for (const [over, path, message] of cases) {
        const res = await call(supervisor, 'POST', '/api/repatriation/arrangements', arrangementBody(over));
        expect(res.statusCode, path).toBe(400);
        const field = (res.json().fields as Array<{ path: string; message: { en: string; es: string } }>).find(
          (f) => f.path === path,
        );
        expect(field?.message.en, JSON.stringify(res.json().fields)).toMatch(message);
        expect(field?.message.es).toBeTruthy();
        expect(field?.message.es).not.toBe(field?.message.en);
      }
      expect(await arrangements()).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('lets only supervisors and admins edit', async () => {
      expect((await call(liaison, 'POST', '/api/repatriation/arrangements', arrangementBody())).statusCode).toBe(403);
      expect((await call(liaison, 'DELETE', '/api/repatriation/arrangements/lra-coahuila')).statusCode).toBe(403);
      expect((await call(liaison, 'GET', '/api/repatriation/arrangements')).statusCode).toBe(200);
      expect((await call(null, 'GET', '/api/repatriation/arrangements')).statusCode).toBe(401);
    });
  });

  describe('windows and the check', () => {
    it('lists window occurrences with the port’s UTC offset, across the fall-back change', async () => {
      const res = await call(
        liaison,
        'GET',
        '/api/repatriation/windows?port=san-ysidro&from=2026-10-31T00:00:00Z&to=2026-11-03T00:00:00Z',
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([
        // Saturday 31 Oct (from 00:00Z = Fri 17:00 PDT: Friday's window is still open).
        {
          portId: 'san-ysidro',
          arrangementId: 'lra-california-baja-california',
          start: '2026-10-30T06:00:00-07:00',
          end: '2026-10-30T22:00:00-07:00',
          vulnerableStart: '2026-10-30T08:00:00-07:00',
          vulnerableEnd: '2026-10-30T18:00:00-07:00',
        },
        {
          portId: 'san-ysidro',
          arrangementId: 'lra-california-baja-california',
          start: '2026-10-31T06:00:00-07:00',
          end: '2026-10-31T22:00:00-07:00',
          vulnerableStart: '2026-10-31T08:00:00-07:00',
          vulnerableEnd: '2026-10-31T18:00:00-07:00',
        },
        {
          portId: 'san-ysidro',
          arrangementId: 'lra-california-baja-california',
          start: '2026-11-01T06:00:00-08:00',
          end: '2026-11-01T22:00:00-08:00',
          vulnerableStart: '2026-11-01T08:00:00-08:00',
          vulnerableEnd: '2026-11-01T18:00:00-08:00',
        },
        {
          portId: 'san-ysidro',
          arrangementId: 'lra-california-baja-california',
          start: '2026-11-02T06:00:00-08:00',
          end: '2026-11-02T22:00:00-08:00',
          vulnerableStart: '2026-11-02T08:00:00-08:00',
          vulnerableEnd: '2026-11-02T18:00:00-08:00',
        },
      ]);
      const all = (await call(liaison, 'GET', '/api/repatriation/windows')).json() as Array<{
        portId: string;
        start: string;
      }>;
      expect(new Set(all.map((w) => w.portId))).toEqual(
        new Set([
          'san-ysidro',
          'calexico-west',
          'nogales',
          'douglas',
          'naco',
          'el-paso',
          'ysleta',
          'del-rio',
          'eagle-pass',
          'laredo',
          'hidalgo-pharr',
          'brownsville',
        ]),
      );
      expect(all.map((w) => Date.parse(w.start))).toEqual(
        [...all.map((w) => Date.parse(w.start))].sort((a, b) => a - b),
      );
      expect((await call(liaison, 'GET', '/api/repatriation/windows?port=roma')).json()).toEqual([]);
      const unknown = await call(liaison, 'GET', '/api/repatriation/windows?port=atlantis');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().fields[0].path).toBe('querystring.port');
      expect(
        (
          await call(liaison, 'GET', '/api/repatriation/windows?from=2026-06-10T00:00:00Z&to=2026-06-09T00:00:00Z')
        ).json().fields[0].path,
      ).toBe('querystring.to');
    });

    it('refuses an unaccompanied minor at 20:00 at San Ysidro with the daylight reason alone, and offers slots that check as allowed', async () => {
      const body = {
        portId: 'san-ysidro',
        at: '2026-06-08T20:00:00-07:00',
        persons: [{ nationality: 'MX', category: 'unaccompanied_minor' }],
      };
      const res = await check(liaison, body);
      expect(res.statusCode).toBe(200);
      const result = res.json();
      expect(result.allowed).toBe(false);
      expect(result.violations).toHaveLength(1);
      expect(result.violations[0]).toMatchObject({ code: 'VULNERABLE_OUTSIDE_DAYLIGHT', personIndexes: [0] });
      expect(result.violations[0].message.en).toContain('08:00–18:00');
      expect(result.violations[0].message.es).toContain('horario diurno');
      expect(result.window).toMatchObject({ portId: 'san-ysidro', start: '2026-06-08T06:00:00-07:00' });
      expect(result.nextWindows[0]).toEqual({
        portId: 'san-ysidro',
        start: '2026-06-09T08:00:00-07:00',
        end: '2026-06-09T18:00:00-07:00',
      });
      for (const slot of result.nextWindows as Array<{ portId: string; start: string }>) {
        const again = (await check(liaison, { ...body, portId: slot.portId, at: slot.start })).json();
        expect(again, slot.start).toMatchObject({ allowed: true, violations: [] });
      }
    });

    it('reports every rule broken at once, with no slot for a group refused everywhere', async () => {
      const result = (
        await check(liaison, {
          portId: 'calexico-west',
          at: '2026-06-08T23:30:00-07:00',
          consularNoticeAt: '2026-06-08T12:00:00-07:00',
          persons: [
            { nationality: 'GT', category: 'adult_male' },
            { nationality: 'MX', category: 'ex_convict' },
            { nationality: 'MX', category: 'accompanied_minor', familyId: 'F-1' },
            { nationality: 'MX', category: 'pregnant' },
          ],
        })
      ).json();
      expect(result.violations.map((v: { code: string }) => v.code).sort()).toEqual(
        [
          'CONSULAR_NOTICE_LATE',
          'EX_CONVICT_NOTICE_LATE',
          'EX_CONVICT_PORT',
          'EX_CONVICT_WITH_MINORS',
          'FAMILY_SPLIT',
          'NON_MEXICAN_NATIONAL',
          'OUTSIDE_WINDOW',
          'VULNERABLE_OUTSIDE_DAYLIGHT',
        ].sort(),
      );
      expect(result.nextWindows).toEqual([]);
      const notDesignated = (
        await check(liaison, {
          portId: 'roma',
          at: '2026-06-09T10:00:00-05:00',
          persons: [{ nationality: 'MX', category: 'adult_female' }],
        })
      ).json();
      expect(notDesignated.violations.map((v: { code: string }) => v.code)).toEqual(['PORT_NOT_DESIGNATED']);
    });

    it('answers bad input with 400 and the field at fault', async () => {
      const good = {
        portId: 'san-ysidro',
        at: '2026-06-09T10:00:00-07:00',
        persons: [{ nationality: 'MX', category: 'adult_male' }],
      };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ persons: [{ nationality: 'MX', category: 'tourist' }] }, 'persons.0.category'],
        [{ persons: [{ nationality: 'XX', category: 'adult_male' }] }, 'persons.0.nationality'],
        [{ persons: [{ nationality: 'mx', category: 'adult_male' }] }, 'persons.0.nationality'],
        [{ at: '2026-06-09 10:00' }, 'at'],
        [{ at: '2026-06-09T10:00:00' }, 'at'],
        [{ persons: [] }, 'persons'],
        [{ consularNoticeAt: 'yesterday' }, 'consularNoticeAt'],
        [{ at: '9999-12-31T23:59:59Z' }, 'at'],
      ];
      for (const [over, path] of cases) {
        const res = await check(liaison, { ...good, ...over });
        expect(res.statusCode, path).toBe(400);
        expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
      }
    });

    it('never answers 500, whatever the body', async () => {
      const bodies: unknown[] = [
        null,
        [],
        'text',
        {
          portId: 'x'.repeat(10_000),
          at: '2026-06-09T10:00:00Z',
          persons: [{ nationality: 'MX', category: 'adult_male' }],
        },
        { portId: 'san-ysidro', at: '9999-12-31T23:59:59Z', persons: [{ nationality: 'MX', category: 'adult_male' }] },
        {
          portId: 'san-ysidro',
          at: '0001-01-01T00:00:00Z',
          persons: [{ nationality: 'MX', category: 'adult_male', familyId: '' }],
        },
        {
          portId: 'san-ysidro',
          at: '2026-06-09T10:00:00.123456789+14:00',
          persons: [{ nationality: 'MX', category: 'adult_male', familyId: 'ü' }],
          movementId: 'nope',
        },
        {
          portId: 'san-ysidro',
          at: '2026-06-09T10:00:00Z',
          persons: Array.from({ length: 501 }, () => ({ nationality: 'MX', category: 'adult_male' })),
        },
        {
          portId: 'san-ysidro',
          at: '2026-06-09T10:00:00Z',
          persons: [{ nationality: 'MX', category: 'adult_male', extra: { deep: [1, 2] } }],
          consularNoticeAt: '2026-06-10T10:00:00Z',
        },
      ];
      for (const body of bodies) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/repatriation/check',
          headers: { cookie: liaison.cookie, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, JSON.stringify(body)?.slice(0, 80)).toBeLessThan(500);
      }
    });
  });

  describe('calendar feed', () => {
    it('serves a port’s windows over the next 8 weeks to a calendar client without a session, matching /windows', async () => {
      const res = await call(null, 'GET', '/api/repatriation/schedule.ics?port=nogales');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(res.body));
      for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
        ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
      const vevents = calendar.getAllSubcomponents('vevent');
      const fromIcs = vevents.map((v) => {
        const event = new ICAL.Event(v);
        return [event.startDate.toUnixTime() * 1000, event.endDate.toUnixTime() * 1000];
      });
      const to = new Date(NOW.getTime() + 56 * 86_400_000).toISOString();
      const windows = [
        ...(
          await call(
            liaison,
            'GET',
            `/api/repatriation/windows?port=nogales&from=${NOW.toISOString()}&to=2026-07-20T00:00:00Z`,
          )
        ).json(),
        ...(
          await call(liaison, 'GET', `/api/repatriation/windows?port=nogales&from=2026-07-20T00:00:00Z&to=${to}`)
        ).json(),
      ] as Array<{ start: string; end: string }>;
      const unique = [...new Map(windows.map((w) => [w.start, [Date.parse(w.start), Date.parse(w.end)]])).values()];
      expect(fromIcs).toEqual(unique);
      expect(fromIcs.length).toBeGreaterThanOrEqual(56);
      expect(vevents.every((v) => v.getFirstPropertyValue('transp') === 'TRANSPARENT')).toBe(true);
      expect(new Set(vevents.map((v) => v.getFirstPropertyValue('uid'))).size).toBe(vevents.length);
      expect(String(vevents[0]!.getFirstPropertyValue('description'))).toMatch(/Illustrative hours/);
    });

    it('serves an arrangement’s feed, bumps SEQUENCE on an edit, keeps UIDs, and refuses bad queries', async () => {
      const first = await call(null, 'GET', '/api/repatriation/schedule.ics?arrangement=lra-tamaulipas');
      const uids = (ics: string) =>
        new ICAL.Component(ICAL.parse(ics))
          .getAllSubcomponents('vevent')
          .map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('sequence')]);
      const before = uids(first.body);
      for (const port of ['laredo', 'hidalgo-pharr', 'brownsville'])
        expect(before.some(([uid]) => String(uid).includes(`-tamaulipas-${port}-`))).toBe(true);
      const current = (await call(supervisor, 'GET', '/api/repatriation/arrangements/lra-tamaulipas')).json();
      const { id: _id, updatedAt: _u, ...body } = current;
      expect(
        (
          await call(supervisor, 'PUT', '/api/repatriation/arrangements/lra-tamaulipas', {
            ...body,
            capacityPerWindow: 151,
          })
        ).statusCode,
      ).toBe(200);
      const after = uids((await call(null, 'GET', '/api/repatriation/schedule.ics?arrangement=lra-tamaulipas')).body);
      expect(after.map(([uid]) => uid)).toEqual(before.map(([uid]) => uid));
      expect(after.every(([, sequence]) => sequence === current.version + 1)).toBe(true);

      expect((await call(null, 'GET', '/api/repatriation/schedule.ics?arrangement=nope')).statusCode).toBe(404);
      expect((await call(null, 'GET', '/api/repatriation/schedule.ics?port=roma')).statusCode).toBe(404);
      expect((await call(null, 'GET', '/api/repatriation/schedule.ics')).statusCode).toBe(400);
      expect(
        (await call(null, 'GET', '/api/repatriation/schedule.ics?port=nogales&arrangement=lra-tamaulipas')).statusCode,
      ).toBe(400);
    });
  });
});
