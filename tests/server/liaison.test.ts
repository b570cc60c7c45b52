import ICAL from 'ical.js';
import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { MechanismDetail, MechanismSummary, OnDuty, PlaceOnDuty } from '@shared/liaison/contract.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, reportIncident, signedInUser, type TestUser, type UserTraits } from '../helpers/factories.js';

type Cookie = Pick<TestUser, 'cookie'>;

/** Jacumba Hot Springs, San Diego County: the 80 km circles gave it to Calexico – Mexicali. */
const jacumba = { lat: 32.617, lon: -116.19 };
/** Albuquerque: outside the border band, north of every mechanism's area. */
const albuquerque = { lat: 35.08, lon: -106.65 };

const chairOf = (mechanismId: string): UserTraits => ({ role: 'consular', country: 'MX', mechanismId });

describe(`liaison mechanisms (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  // A Wednesday, 12:00 in Tijuana (PDT).
  const clock = new ManualClock(new Date('2026-07-08T19:00:00Z'));
  let supervisor: TestUser;

  const get = (user: Cookie, url: string) => app.inject({ url, headers: { cookie: user.cookie } });
  const send = (user: Cookie, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: user.cookie }, ...(payload === undefined ? {} : { payload }) });
  const detail = async (id: string): Promise<MechanismDetail> =>
    (await get(supervisor, `/api/mechanisms/${id}`)).json();
  const lastEvent = async (kind: string) =>
    (await app.db.select().from(events).where(eq(events.kind, kind)).orderBy(desc(events.seq)).limit(1))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    supervisor = await signedInUser(app, officers.usSupervisor);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  describe('reading', () => {
    it('lists the ten BLMs and the illustrative ICMs with kind, sister cities, time zone, area and flags', async () => {
      const res = await get(supervisor, '/api/mechanisms');
      expect(res.statusCode).toBe(200);
      const list: MechanismSummary[] = res.json();
      expect(list.filter((m) => m.kind === 'BLM')).toHaveLength(10);
      const sandiego = list.find((m) => m.id === 'san-diego-tijuana')!;
      expect(sandiego).toMatchObject({
        kind: 'BLM',
        usCity: 'San Diego',
        mxCity: 'Tijuana',
        timeZone: 'America/Tijuana',
        areaMethod: 'border_band_partition',
        approx: true,
        illustrative: false,
      });
      expect(sandiego.area?.type).toBe('Polygon');
      expect(sandiego.area!.coordinates[0]!.length).toBeGreaterThan(4);
      const icms = list.filter((m) => m.kind === 'ICM');
      expect(icms.length).toBeGreaterThan(0);
      for (const icm of icms) expect(icm).toMatchObject({ illustrative: true, mxCity: null });
      // Douglas – Agua Prieta leaves Saturday mornings' second call order empty every week.
      expect(list.find((m) => m.id === 'douglas-agua-prieta')!.flags.coverageGap).toBe(true);
      expect(sandiego.flags).toEqual(
        expect.objectContaining({ coverageGap: false, membersNotVerified: expect.any(Number) }),
      );
    });

    it('shows a mechanism with its members on both sides, each with contacts and when they were verified', async () => {
      const res = await get(supervisor, '/api/mechanisms/san-diego-tijuana');
      expect(res.statusCode).toBe(200);
      const mechanism: MechanismDetail = res.json();
      expect(new Set(mechanism.members.map((m) => m.country))).toEqual(new Set(['US', 'MX']));
      for (const m of mechanism.members) {
        expect(m).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            name: expect.any(String),
            role: expect.any(String),
            agency: expect.any(String),
            verifiedAt: expect.any(String),
          }),
        );
        expect(m.contacts.length).toBeGreaterThan(0);
      }
      expect(mechanism.shifts.length).toBeGreaterThan(0);
      expect((await get(supervisor, '/api/mechanisms/atlantis')).statusCode).toBe(404);
    });

    it('answers who is on duty at an instant on each side, in escalation order, across midnight', async () => {
      const noon: OnDuty = (
        await get(supervisor, '/api/mechanisms/san-diego-tijuana/on-duty?at=2026-07-08T12:00:00-07:00')
      ).json();
      expect(noon.mechanismId).toBe('san-diego-tijuana');
      expect(noon.US.map((c) => c.escalation)).toEqual([1, 2]);
      expect(noon.MX.map((c) => c.escalation)).toEqual([1, 2]);
      expect(noon.US[1]!.role).toBe('consul');
      expect(noon.MX[1]!.role).toBe('consul');
      for (const c of [...noon.US, ...noon.MX]) {
        expect(c.phone).toMatch(/^\+\d{11,12}$/);
        expect(c.telUri).toMatch(/^tel:\+/);
      }
      expect(noon.gaps).toEqual([]);

      // 02:00 on Thursday is still Wednesday's night shift, which ends at 06:00 (U.S.) and 07:00 (Mexico).
      const night: OnDuty = (
        await get(supervisor, '/api/mechanisms/san-diego-tijuana/on-duty?at=2026-07-09T02:00:00-07:00')
      ).json();
      expect(night.US.map((c) => c.until)).toEqual(['2026-07-09T06:00:00-07:00']);
      expect(night.MX.map((c) => c.until)).toEqual(['2026-07-09T07:00:00-07:00']);
      expect(night.US[0]!.memberId).not.toBe(noon.US[0]!.memberId);
    });

    it('finds who to call for a place: the area that holds it, or the nearest with its distance', async () => {
      const place = async (query: string) => get(supervisor, `/api/contacts/on-duty?${query}`);
      const atJacumba: PlaceOnDuty = (
        await place(`lat=${jacumba.lat}&lon=${jacumba.lon}&at=2026-07-08T12:00:00-07:00`)
      ).json();
      expect(atJacumba).toMatchObject({ mechanismId: 'san-diego-tijuana', how: 'contains' });
      expect(atJacumba.distanceKm).toBeUndefined();
      expect(atJacumba.US.length).toBeGreaterThan(0);
      expect(atJacumba.MX.length).toBeGreaterThan(0);

      const desert: PlaceOnDuty = (await place('lat=32.0&lon=-113.0')).json();
      expect(desert.how).toBe('contains');
      const far: PlaceOnDuty = (await place(`lat=${albuquerque.lat}&lon=${albuquerque.lon}`)).json();
      expect(far.how).toBe('nearest');
      expect(far.mechanismId).toBe('el-paso-ciudad-juarez');
      expect(far.distanceKm).toBeGreaterThan(100);
    });

    it('refuses bad coordinates with a message per field', async () => {
      for (const [query, field] of [
        ['lat=95&lon=-116', 'querystring.lat'],
        ['lat=32&lon=west', 'querystring.lon'],
        ['lon=-116', 'querystring.lat'],
        ['lat=32&lon=-116&at=yesterday', 'querystring.at'],
      ] as const) {
        const res = await get(supervisor, `/api/contacts/on-duty?${query}`);
        expect(res.statusCode, query).toBe(400);
        const paths = res.json().fields.map((f: { path: string }) => f.path);
        expect(paths, query).toContain(field);
        expect(res.json().fields[0].message.es).toBeTruthy();
      }
    });

    it('assigns an incident reported at Jacumba to San Diego – Tijuana', async () => {
      const incident = await reportIncident(app, supervisor, { location: jacumba });
      expect(incident.mechanismId).toBe('san-diego-tijuana');
    });

    it('needs a session for everything, the contact exports included', async () => {
      for (const url of [
        '/api/mechanisms',
        '/api/mechanisms/san-diego-tijuana/contacts.vcf',
        '/api/mechanisms/san-diego-tijuana/on-duty.ics',
        '/api/contacts/on-duty?lat=32.5&lon=-117',
      ])
        expect((await app.inject({ url })).statusCode, url).toBe(401);
    });
  });

  describe('exports', () => {
    it('writes the roster as vCards an independent parser reads: one card per member with FN, ORG, TITLE, TEL/EMAIL', async () => {
      const res = await get(supervisor, '/api/mechanisms/san-diego-tijuana/contacts.vcf?lang=es');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/vcard/);
      // Personal contact details: saved as a file, kept by no cache.
      expect(res.headers['content-disposition']).toBe('attachment; filename="san-diego-tijuana.vcf"');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const members = (await detail('san-diego-tijuana')).members;
      type Prop = [string, Record<string, unknown>, string, unknown];
      const cards = (ICAL.parse(res.body) as unknown as Array<[string, Prop[]]>).map(([, props]) => props);
      expect(cards).toHaveLength(members.length);
      const value = (card: Prop[], name: string) => card.find((p) => p[0] === name)?.[3];
      for (const card of cards) {
        expect(value(card, 'version')).toBe('4.0');
        expect(members.map((m) => m.name)).toContain(value(card, 'fn'));
        expect(value(card, 'org')).toBeTruthy();
        expect(value(card, 'title')).toBeTruthy();
        expect(card.some((p) => p[0] === 'tel' || p[0] === 'email')).toBe(true);
      }
      // Titles in the reader's language.
      expect(cards.map((c) => value(c, 'title'))).toContain('Cónsul (preside el mecanismo)');
    });

    it('writes the on-duty schedule as iCalendar that parses', async () => {
      const res = await get(supervisor, '/api/mechanisms/douglas-agua-prieta/on-duty.ics');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="douglas-agua-prieta-on-duty.ics"');
      const calendar = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
      const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(vevents.length).toBeGreaterThan(20);
      // Douglas's weekly empty shift shows as an event of its own, never silently missing.
      expect(vevents.some((e) => e.summary.startsWith('Empty shift'))).toBe(true);
      const tooLong = await get(
        supervisor,
        '/api/mechanisms/douglas-agua-prieta/on-duty.ics?from=2026-07-01T00:00:00Z&to=2027-07-01T00:00:00Z',
      );
      expect(tooLong.statusCode).toBe(400);
    });
  });

  describe('who may change a roster', () => {
    const newMember = {
      name: 'Irma Prueba Salas',
      role: 'consular_protection',
      agency: 'Consulado General de México en Laredo',
      country: 'MX',
      contacts: [{ kind: 'phone', value: '867 000 0199' }],
    };

    it("lets a mechanism's chair, supervisors and admins edit, and refuses everyone else with 403", async () => {
      const sdChair = await signedInUser(app, chairOf('san-diego-tijuana'));
      const liaison = await signedInUser(app, officers.usLiaison);
      const central = await signedInUser(app, officers.mxCentral);
      const url = '/api/mechanisms/laredo-nuevo-laredo/members';
      const before = (await detail('laredo-nuevo-laredo')).members.length;

      const otherChair = await send(sdChair, 'POST', url, newMember);
      expect(otherChair.statusCode).toBe(403);
      expect(otherChair.json().code).toBe('out_of_scope');
      expect(
        (await send(sdChair, 'PUT', '/api/mechanisms/laredo-nuevo-laredo/rotations', { shifts: [] })).statusCode,
      ).toBe(403);
      expect((await send(liaison, 'POST', url, newMember)).statusCode).toBe(403);
      expect((await send(central, 'POST', url, newMember)).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url, payload: newMember })).statusCode).toBe(401);
      const after = await detail('laredo-nuevo-laredo');
      expect(after.members).toHaveLength(before);
      expect(after.shifts.length).toBeGreaterThan(0);

      const laredoChair = await signedInUser(app, chairOf('laredo-nuevo-laredo'));
      const created = await send(laredoChair, 'POST', url, newMember);
      expect(created.statusCode).toBe(201);
      // A phone typed without the country code is read in the member's country and kept as E.164.
      expect(created.json().contacts[0].value).toBe('+528670000199');
      expect((await send(supervisor, 'DELETE', `${url}/${created.json().id}`)).statusCode).toBe(204);
      expect((await detail('laredo-nuevo-laredo')).members).toHaveLength(before);
    });

    it('refuses bad input with field messages in both languages and writes nothing', async () => {
      const id = 'brownsville-matamoros';
      const before = await detail(id);
      const cases: Array<[string, 'POST' | 'PUT', object, string]> = [
        [`members`, 'POST', { ...newMember, contacts: [{ kind: 'phone', value: '12345' }] }, 'contacts.0.value'],
        [`members`, 'POST', { ...newMember, contacts: [{ kind: 'email', value: 'irma@' }] }, 'contacts.0.value'],
        [
          `members`,
          'POST',
          { ...newMember, contacts: [{ kind: 'phone', value: '+52 1 868 000 0199' }] },
          'contacts.0.value',
        ],
        [`members`, 'POST', { ...newMember, country: 'CA' }, 'country'],
        [
          `rotations`,
          'PUT',
          { shifts: [{ side: 'US', days: [1], start: '25:00', end: '08:00', memberId: null }] },
          'shifts.0.start',
        ],
        [
          `rotations`,
          'PUT',
          { shifts: [{ side: 'US', days: [8], start: '08:00', end: '16:00', memberId: null }] },
          'shifts.0.days.0',
        ],
        [
          `rotations`,
          'PUT',
          {
            shifts: [
              { side: 'US', days: [1, 2], start: '08:00', end: '20:00', memberId: null },
              { side: 'US', days: [2], start: '19:00', end: '23:00', memberId: null },
            ],
          },
          'shifts.1.start',
        ],
        [
          `rotations`,
          'PUT',
          {
            shifts: [
              {
                side: 'US',
                days: [1],
                start: '08:00',
                end: '16:00',
                memberId: before.members.find((m) => m.country === 'MX')!.id,
              },
            ],
          },
          'shifts.0.memberId',
        ],
        [
          `overrides`,
          'POST',
          { side: 'US', start: '2026-07-10T08:00:00-05:00', end: '2026-07-10T06:00:00-05:00', memberId: null },
          'end',
        ],
        [
          `meetings`,
          'POST',
          { startsAt: '2026-13-01T10:00', timeZone: 'America/Matamoros', place: 'Consulado' },
          'startsAt',
        ],
        [`commitments`, 'POST', { text: 'Send figures', owner: 'INM', dueDate: '2026-02-30' }, 'dueDate'],
      ];
      for (const [path, method, body, field] of cases) {
        const res = await send(supervisor, method, `/api/mechanisms/${id}/${path}`, body);
        expect(res.statusCode, `${path} ${field}`).toBe(400);
        const error = res.json().fields.find((f: { path: string }) => f.path === field);
        expect(error, `${path} ${field}: ${res.body}`).toBeDefined();
        expect(error.message.en).not.toBe(error.message.es);
      }
      const phone = await send(supervisor, 'POST', `/api/mechanisms/${id}/members`, {
        ...newMember,
        contacts: [{ kind: 'phone', value: '+52 1 868 000 0199' }],
      });
      expect(phone.json().fields[0].message.en).toContain('+52 868 000 0199');
      const after = await detail(id);
      expect(after.members).toEqual(before.members);
      expect(after.shifts).toEqual(before.shifts);
      expect(after.overrides).toEqual(before.overrides);
      expect((await get(supervisor, `/api/mechanisms/${id}/meetings`)).json()).toEqual([]);
    });
  });

  describe('rotations, overrides and gaps', () => {
    const id = 'icm-denver';
    const at = (wall: string) => encodeURIComponent(`${wall}-06:00`); // Denver, MDT

    it('replaces the rotation; an empty shift shows as a gap, an override wins, an intended gap is not flagged', async () => {
      const { members } = await detail(id);
      const [us1, us2] = members.filter((m) => m.country === 'US');
      const [mx1] = members.filter((m) => m.country === 'MX');
      const rotation = {
        shifts: [
          { side: 'US', days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00', memberId: us1!.id },
          { side: 'US', days: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '08:00', memberId: null },
          { side: 'MX', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00', memberId: mx1!.id },
        ],
      };
      const put = await send(supervisor, 'PUT', `/api/mechanisms/${id}/rotations`, rotation);
      expect(put.statusCode).toBe(200);
      expect(put.json().shifts).toHaveLength(3);
      const updated = await lastEvent('roster.updated');
      expect(updated!.data).toEqual({ mechanismId: id, what: 'rotation', id: null });
      expect(updated!.audience).toEqual([{ mechanismIds: [id] }]);

      const night: OnDuty = (
        await get(supervisor, `/api/mechanisms/${id}/on-duty?at=${at('2026-07-08T22:00:00')}`)
      ).json();
      expect(night.US).toEqual([]);
      expect(night.MX.map((c) => c.memberId)).toEqual([mx1!.id]);
      expect(night.gaps).toEqual([
        expect.objectContaining({ side: 'US', start: '2026-07-08T20:00:00-06:00', end: '2026-07-09T08:00:00-06:00' }),
      ]);
      const list: MechanismSummary[] = (await get(supervisor, '/api/mechanisms')).json();
      expect(list.find((m) => m.id === id)!.flags.coverageGap).toBe(true);

      const override = await send(supervisor, 'POST', `/api/mechanisms/${id}/overrides`, {
        side: 'US',
        start: '2026-07-08T20:00:00-06:00',
        end: '2026-07-09T08:00:00-06:00',
        memberId: us2!.id,
        reason: 'Covers Wednesday night',
      });
      expect(override.statusCode).toBe(201);
      const covered: OnDuty = (
        await get(supervisor, `/api/mechanisms/${id}/on-duty?at=${at('2026-07-08T22:00:00')}`)
      ).json();
      expect(covered.US).toEqual([expect.objectContaining({ memberId: us2!.id, byOverride: true })]);
      expect(covered.gaps).toEqual([]);
      const overlapping = await send(supervisor, 'POST', `/api/mechanisms/${id}/overrides`, {
        side: 'US',
        start: '2026-07-09T06:00:00-06:00',
        end: '2026-07-09T10:00:00-06:00',
        memberId: null,
      });
      expect(overlapping.statusCode).toBe(400);
      expect(overlapping.json().fields.map((f: { path: string }) => f.path)).toEqual(['start']);

      // Every other night of the coming week, left uncovered on purpose.
      const nights = Array.from({ length: 8 }, (_, day) => {
        const date = new Date(Date.UTC(2026, 6, 9 + day)).toISOString().slice(0, 10);
        const next = new Date(Date.UTC(2026, 6, 10 + day)).toISOString().slice(0, 10);
        return { side: 'US', start: `${date}T20:00:00-06:00`, end: `${next}T08:00:00-06:00`, reason: 'Office closed' };
      });
      for (const gap of nights)
        expect((await send(supervisor, 'POST', `/api/mechanisms/${id}/intended-gaps`, gap)).statusCode).toBe(201);
      const flagged: MechanismSummary[] = (await get(supervisor, '/api/mechanisms')).json();
      expect(flagged.find((m) => m.id === id)!.flags.coverageGap).toBe(false);
    });

    it('leaves a deleted member’s shifts empty, shown as gaps', async () => {
      const { members, shifts } = await detail(id);
      const mx = shifts.find((s) => s.side === 'MX')!.memberId!;
      expect(members.some((m) => m.id === mx)).toBe(true);
      expect((await send(supervisor, 'DELETE', `/api/mechanisms/${id}/members/${mx}`)).statusCode).toBe(204);
      const after = await detail(id);
      expect(after.shifts.find((s) => s.side === 'MX')!.memberId).toBeNull();
      const onDuty: OnDuty = (
        await get(supervisor, `/api/mechanisms/${id}/on-duty?at=${at('2026-07-08T12:00:00')}`)
      ).json();
      expect(onDuty.MX).toEqual([]);
      expect(onDuty.gaps.map((g) => g.side)).toContain('MX');
    });

    it('warns the mechanism a day before an unintended gap starts (due work)', async () => {
      const chicago = 'icm-chicago';
      const { members } = await detail(chicago);
      const [us] = members.filter((m) => m.country === 'US');
      const [mx] = members.filter((m) => m.country === 'MX');
      // Saturdays 10:00–14:00 nobody holds the U.S. side; the clock says Wednesday.
      const rotation = {
        shifts: [
          { side: 'US', days: [1, 2, 3, 4, 5, 7], start: '00:00', end: '00:00', memberId: us!.id },
          { side: 'US', days: [6], start: '00:00', end: '10:00', memberId: us!.id },
          { side: 'US', days: [6], start: '14:00', end: '00:00', memberId: us!.id },
          { side: 'MX', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00', memberId: mx!.id },
        ],
      };
      expect((await send(supervisor, 'PUT', `/api/mechanisms/${chicago}/rotations`, rotation)).statusCode).toBe(200);
      const seen = async () =>
        (await app.db.select().from(events).where(eq(events.kind, 'roster.gap_ahead'))).filter(
          (e) => (e.data as { mechanismId: string }).mechanismId === chicago,
        );
      await app.dueWork.tick();
      expect(await seen()).toEqual([]);
      // Friday 10:00 in Chicago (CDT): 24 h before the gap.
      const start = clock.now();
      clock.advance((Date.parse('2026-07-10T15:00:00Z') - start.getTime()) / 60_000);
      await app.dueWork.tick();
      const warnings = await seen();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.data).toEqual({
        mechanismId: chicago,
        gap: expect.objectContaining({ side: 'US', kind: 'uncovered', start: '2026-07-11T10:00:00-05:00' }),
      });
      expect(warnings[0]!.audience).toEqual([{ mechanismIds: [chicago] }]);
      clock.advance(-(Date.parse('2026-07-10T15:00:00Z') - start.getTime()) / 60_000);
    });
  });

  describe('the records a coordinator keeps', () => {
    const id = 'icm-atlanta';
    const actions = async (entityId: string) =>
      (await app.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id))).map(
        (row) => row.action,
      );
    const memberOf = async (memberId: string) => (await detail(id)).members.find((m) => m.id === memberId);

    it('adds, changes and removes a contact, each change audited and announced to the mechanism', async () => {
      const officer = (await detail(id)).members.find((m) => m.country === 'US')!;
      const url = `/api/mechanisms/${id}/members/${officer.id}/contacts`;
      const added = await send(supervisor, 'POST', url, { kind: 'phone', label: 'desk', value: '404 555 0123' });
      expect(added.statusCode).toBe(201);
      const contact = added.json();
      // Read in the member's country, kept as E.164.
      expect(contact).toMatchObject({ kind: 'phone', label: 'desk', value: '+14045550123', working: true });
      expect((await lastEvent('roster.updated'))!.data).toEqual({ mechanismId: id, what: 'contact', id: contact.id });

      const changed = await send(supervisor, 'PUT', `${url}/${contact.id}`, { ...contact, working: false });
      expect(changed.statusCode).toBe(200);
      expect((await memberOf(officer.id))!.contacts.find((c) => c.id === contact.id)).toMatchObject({ working: false });

      const removed = await send(supervisor, 'DELETE', `${url}/${contact.id}`);
      expect(removed.statusCode).toBe(204);
      expect(removed.body).toBe('');
      expect((await memberOf(officer.id))!.contacts.map((c) => c.id)).not.toContain(contact.id);
      expect(await actions(contact.id)).toEqual([
        'liaison.contact.create',
        'liaison.contact.update',
        'liaison.contact.delete',
      ]);
    });

    it('keeps a member on the rotation on their side, stamps a verification now, keeps contacts an update leaves out', async () => {
      const { members, shifts } = await detail(id);
      const onRotation = members.find((m) => shifts.some((s) => s.memberId === m.id))!;
      const { id: memberId, contacts, verifiedAt: _v, familyName: _f, ...details } = onRotation;
      const url = `/api/mechanisms/${id}/members/${memberId}`;
      const otherSide = onRotation.country === 'US' ? 'MX' : 'US';

      const moved = await send(supervisor, 'PUT', url, { ...details, country: otherSide });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().fields.map((f: { path: string }) => f.path)).toEqual(['country']);
      const renamed = await send(supervisor, 'PUT', url, { ...details, name: 'Renamed Officer' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ name: 'Renamed Officer', contacts, verifiedAt: onRotation.verifiedAt });

      const verified = await send(supervisor, 'POST', `${url}/verify`);
      expect(verified.statusCode).toBe(200);
      expect(Date.parse(verified.json().verifiedAt)).toBe(clock.now().getTime());
      expect(await actions(memberId)).toEqual(['liaison.member.update', 'liaison.member.verify']);
    });

    it('changes and removes an override and an intended gap', async () => {
      const { members } = await detail(id);
      const us = members.find((m) => m.country === 'US')!;
      const cover = {
        side: 'US',
        escalation: 3,
        start: '2026-07-20T08:00:00-04:00',
        end: '2026-07-20T12:00:00-04:00',
        memberId: us.id,
      };
      const override = (await send(supervisor, 'POST', `/api/mechanisms/${id}/overrides`, cover)).json();
      const longer = await send(supervisor, 'PUT', `/api/mechanisms/${id}/overrides/${override.id}`, {
        ...cover,
        end: '2026-07-20T14:00:00-04:00',
        reason: 'Training',
      });
      expect(longer.statusCode).toBe(200);
      expect(longer.json()).toMatchObject({ end: '2026-07-20T14:00:00-04:00', reason: 'Training' });
      expect((await detail(id)).overrides).toEqual([longer.json()]);
      expect((await send(supervisor, 'DELETE', `/api/mechanisms/${id}/overrides/${override.id}`)).statusCode).toBe(204);
      expect((await detail(id)).overrides).toEqual([]);

      const gap = { side: 'MX', start: '2026-07-21T18:00:00-04:00', end: '2026-07-22T08:00:00-04:00' };
      const marked = (await send(supervisor, 'POST', `/api/mechanisms/${id}/intended-gaps`, gap)).json();
      const moved = await send(supervisor, 'PUT', `/api/mechanisms/${id}/intended-gaps/${marked.id}`, {
        ...gap,
        reason: 'Holiday',
      });
      expect(moved.json()).toMatchObject({ reason: 'Holiday' });
      expect((await send(supervisor, 'DELETE', `/api/mechanisms/${id}/intended-gaps/${marked.id}`)).statusCode).toBe(
        204,
      );
      expect((await detail(id)).intendedGaps).toEqual([]);
      expect(await actions(override.id)).toEqual([
        'liaison.override.create',
        'liaison.override.update',
        'liaison.override.delete',
      ]);
      expect(await actions(marked.id)).toEqual([
        'liaison.intendedGap.create',
        'liaison.intendedGap.update',
        'liaison.intendedGap.delete',
      ]);
    });

    it("finds a record only in its own mechanism: another mechanism's is not found, and stays as it was", async () => {
      const theirs = await detail('san-diego-tijuana');
      const member = theirs.members[0]!;
      const contact = member.contacts[0]!;
      const ours = (await detail(id)).members[0]!;
      const phone = { kind: 'phone', value: '+14045550199' };
      const requests: Array<['POST' | 'PUT' | 'DELETE', string, object?]> = [
        ['PUT', `members/${member.id}`, { name: 'X', role: 'consul', agency: 'Y', country: member.country }],
        ['DELETE', `members/${member.id}`],
        ['POST', `members/${member.id}/verify`],
        ['POST', `members/${member.id}/contacts`, phone],
        ['PUT', `members/${member.id}/contacts/${contact.id}`, phone],
        // A contact of another member, under one of ours.
        ['DELETE', `members/${ours.id}/contacts/${contact.id}`],
        ['DELETE', 'overrides/none'],
        ['PUT', 'intended-gaps/none', { side: 'US', start: '2026-07-21T18:00:00Z', end: '2026-07-21T20:00:00Z' }],
        ['PUT', 'meetings/none', { startsAt: '2026-07-20T10:00', timeZone: 'America/New_York', place: 'Consulado' }],
        ['PUT', 'commitments/none', { text: 'Send figures', owner: 'ICE', dueDate: '2026-07-30' }],
      ];
      for (const [method, path, body] of requests)
        expect((await send(supervisor, method, `/api/mechanisms/${id}/${path}`, body)).statusCode, path).toBe(404);
      expect(await detail('san-diego-tijuana')).toEqual(theirs);
    });

    it("refuses a commitment for another mechanism's meeting", async () => {
      const meeting = (
        await send(supervisor, 'POST', '/api/mechanisms/icm-denver/meetings', {
          startsAt: '2026-07-20T10:00',
          timeZone: 'America/Denver',
          place: 'Consulado de México en Denver',
        })
      ).json();
      const res = await send(supervisor, 'POST', `/api/mechanisms/${id}/commitments`, {
        meetingId: meeting.id,
        text: 'Send figures',
        owner: 'ICE',
        dueDate: '2026-07-30',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(['meetingId']);
      expect((await get(supervisor, `/api/mechanisms/${id}/commitments`)).json()).toEqual([]);
    });
  });

  describe('meetings and commitments', () => {
    const id = 'nogales-nogales';

    it('schedules a meeting (announced), records commitments with owners and due dates, flags the overdue, marks done', async () => {
      const chair = await signedInUser(app, chairOf(id));
      const scheduled = await send(chair, 'POST', `/api/mechanisms/${id}/meetings`, {
        startsAt: '2026-07-20T10:00',
        timeZone: 'America/Hermosillo',
        place: 'Consulado de México en Nogales, Arizona',
        agenda: '1. Heat season',
      });
      expect(scheduled.statusCode).toBe(201);
      const meeting = scheduled.json();
      const announced = await lastEvent('meeting.scheduled');
      expect(announced!.data).toEqual({
        mechanismId: id,
        meetingId: meeting.id,
        startsAt: '2026-07-20T10:00',
        timeZone: 'America/Hermosillo',
        place: 'Consulado de México en Nogales, Arizona',
      });
      expect(announced!.audience).toEqual([{ mechanismIds: [id] }]);

      const late = await send(chair, 'POST', `/api/mechanisms/${id}/commitments`, {
        meetingId: meeting.id,
        text: 'Share the heat-season rescue plan',
        owner: 'U.S. Border Patrol, Tucson Sector',
        dueDate: '2026-07-07',
      });
      expect(late.statusCode).toBe(201);
      expect(late.json()).toMatchObject({
        owner: 'U.S. Border Patrol, Tucson Sector',
        dueDate: '2026-07-07',
        overdue: true,
      });
      const today = await send(chair, 'POST', `/api/mechanisms/${id}/commitments`, {
        meetingId: meeting.id,
        text: 'Confirmar el número de guardia del Grupo Beta',
        owner: 'Grupo Beta Nogales (INM)',
        dueDate: '2026-07-08',
      });
      expect(today.json().overdue).toBe(false);

      const meetings = (await get(chair, `/api/mechanisms/${id}/meetings`)).json();
      expect(meetings[0]).toMatchObject({ id: meeting.id, commitments: [{ overdue: true }, { overdue: false }] });
      const list: MechanismSummary[] = (await get(chair, '/api/mechanisms')).json();
      expect(list.find((m) => m.id === id)!.flags.overdueCommitments).toBe(1);

      const done = await send(chair, 'PUT', `/api/mechanisms/${id}/commitments/${late.json().id}`, {
        ...late.json(),
        done: true,
      });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ done: true, overdue: false });
      const minutes = await send(chair, 'PUT', `/api/mechanisms/${id}/meetings/${meeting.id}`, {
        startsAt: '2026-07-20T10:00',
        timeZone: 'America/Hermosillo',
        place: 'Consulado de México en Nogales, Arizona',
        minutes: 'Plan shared.',
      });
      expect(minutes.json().minutes).toBe('Plan shared.');

      const other = await signedInUser(app, chairOf('san-diego-tijuana'));
      expect((await send(other, 'POST', `/api/mechanisms/${id}/meetings`, meeting)).statusCode).toBe(403);
    });
  });

  describe('areas', () => {
    it('lets only administrators redraw an area, and new incidents follow it', async () => {
      const admin = await signedInUser(app, { role: 'admin', country: 'US', mechanismId: null });
      const square = {
        type: 'Polygon',
        coordinates: [
          [
            [-90.5, 41.5],
            [-87, 41.5],
            [-87, 43.5],
            [-90.5, 43.5],
            [-90.5, 41.5],
          ],
        ],
      };
      // 250 km from Chicago: outside its seeded 150 km circle, inside the square.
      const farWisconsin = '/api/contacts/on-duty?lat=43.3&lon=-90.3';
      expect((await get(supervisor, farWisconsin)).json()).toMatchObject({
        mechanismId: 'icm-chicago',
        how: 'nearest',
      });
      const bowTie = {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      };
      expect((await send(supervisor, 'PUT', '/api/mechanisms/icm-chicago/area', { area: square })).statusCode).toBe(
        403,
      );
      const crossing = await send(admin, 'PUT', '/api/mechanisms/icm-chicago/area', { area: bowTie });
      expect(crossing.statusCode).toBe(400);
      const res = await send(admin, 'PUT', '/api/mechanisms/icm-chicago/area', { area: square });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ areaMethod: 'drawn', area: square });
      const place: PlaceOnDuty = (await get(supervisor, farWisconsin)).json();
      expect(place).toMatchObject({ mechanismId: 'icm-chicago', how: 'contains' });
    });
  });
});
