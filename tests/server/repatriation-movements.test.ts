import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, desc, eq, gt } from 'drizzle-orm';
import { audienceIncludes } from '@shared/audience.js';
import type { Audience } from '@shared/audience.js';
import type { CheckBody, Movement, MovementDetail } from '@shared/repatriation/contract.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { movementEvents, movementRefusals, movements } from '@server/db/schema/repatriation.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, signedInUser, type TestUser, type UserTraits } from '../helpers/factories.js';
import { connectWs } from '../helpers/ws.js';
import { CheckSnapshots } from '@server/features/repatriation/check-snapshots.js';
import { movementsForCheck } from '@server/features/repatriation/repository.js';

type Cookie = Pick<TestUser, 'cookie'>;

/** Monday 8 June 2026, 08:00 at Tijuana (PDT, UTC−7). */
const NOW = new Date('2026-06-08T15:00:00Z');
const HOUR = 3_600_000;

/** Tuesday 10:00 at Tijuana: inside the San Ysidro window and its daylight hours, 26 h from now. */
const TUESDAY_10 = '2026-06-09T10:00:00-07:00';
/** Monday 09:30 at Tijuana, 1.5 h from now: reception (from 2 h before) can be confirmed already. */
const SOON = '2026-06-08T09:30:00-07:00';

const mxTijuanaLiaison: UserTraits = { role: 'liaison', country: 'MX', mechanismId: 'san-diego-tijuana' };
const mxLaredoConsul: UserTraits = { role: 'consular', country: 'MX', mechanismId: 'laredo-nuevo-laredo' };
const usLaredoLiaison: UserTraits = { role: 'liaison', country: 'US', mechanismId: 'laredo-nuevo-laredo' };

const plan = (over: Record<string, unknown> = {}) => ({
  portId: 'san-ysidro',
  at: TUESDAY_10,
  fromFacility: 'Otay Mesa Detention Center',
  persons: [
    { nationality: 'MX', category: 'adult_female', familyId: `fam-${Math.random().toString(36).slice(2, 8)}` },
    { nationality: 'MX', category: 'accompanied_minor' },
  ].map((p, _i, all) => ({ ...p, familyId: all[0]!.familyId })),
  ...over,
});

describe(`repatriation movements (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let clock: ManualClock;
  let liaison: TestUser;
  let consul: TestUser;
  let supervisor: TestUser;

  const post = (user: Cookie, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: { cookie: user.cookie }, payload: payload as object });
  const get = (user: Cookie, url: string) => app.inject({ url, headers: { cookie: user.cookie } });
  const planned = async (user: Cookie, body = plan()): Promise<Movement> => {
    const res = await post(user, '/api/repatriation/movements', body);
    if (res.statusCode !== 201) throw new Error(`plan failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const step = (user: Cookie, id: string, action: string, body: unknown = {}) =>
    post(user, `/api/repatriation/movements/${id}/${action}`, body);
  const movementCount = async () => (await app.db.select().from(movements)).length;
  const eventsAfter = (seq: number) => app.db.select().from(events).where(gt(events.seq, seq)).orderBy(asc(events.seq));
  const headSeq = async () => (await app.db.select().from(events).orderBy(asc(events.seq))).at(-1)?.seq ?? 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock(NOW);
    app = await startApp(await db.open(), { clock });
    [liaison, consul, supervisor] = await Promise.all([
      signedInUser(app, officers.usLiaison),
      signedInUser(app, officers.mxConsul),
      signedInUser(app, officers.usSupervisor),
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('plans a movement (201) with its mechanism, notice deadline and timeline; lists it by port and range', async () => {
    const body = plan();
    const movement = await planned(liaison, body);
    expect(movement).toMatchObject({
      portId: 'san-ysidro',
      arrangementId: 'lra-california-baja-california',
      mechanismId: 'san-diego-tijuana',
      fromFacility: 'Otay Mesa Detention Center',
      at: '2026-06-09T17:00:00.000Z',
      persons: body.persons,
      status: 'planned',
      noticeDueAt: '2026-06-08T17:00:00.000Z',
      consularNotice: null,
      reception: null,
      cancellation: null,
      plannedBy: { id: liaison.id, name: liaison.displayName },
      version: 1,
    });
    const list = (
      await get(consul, '/api/repatriation/movements?port=san-ysidro&from=2026-06-09T00:00:00Z&to=2026-06-10T00:00:00Z')
    ).json() as Movement[];
    expect(list.map((m) => m.id)).toContain(movement.id);
    expect(
      (
        await get(
          consul,
          '/api/repatriation/movements?port=calexico-west&from=2026-06-09T00:00:00Z&to=2026-06-10T00:00:00Z',
        )
      ).json(),
    ).toEqual([]);
    const detail = (await get(consul, `/api/repatriation/movements/${movement.id}`)).json() as MovementDetail;
    expect(detail.timeline.map((e) => [e.kind, e.by])).toEqual([['planned', liaison.displayName]]);
    const [audit] = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, movement.id))
      .orderBy(asc(auditLog.id));
    expect(audit).toMatchObject({ action: 'movement.plan', actorUsername: liaison.username });
  });

  it('refuses with 422 and the same violations /check reports, writing no movement and telling no one; the rules that stopped it are kept for the reviews, audited', async () => {
    const body = plan({
      at: '2026-06-09T20:00:00-07:00',
      persons: [
        { nationality: 'MX', category: 'unaccompanied_minor' },
        { nationality: 'HN', category: 'adult_male' },
      ],
    });
    const { fromFacility: _, ...checkBody } = body;
    const verdict = (await post(liaison, '/api/repatriation/check', checkBody)).json();
    const [count, seq] = [await movementCount(), await headSeq()];
    const res = await post(liaison, '/api/repatriation/movements', body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      statusCode: 422,
      code: 'not_allowed',
      violations: verdict.violations,
      nextWindows: verdict.nextWindows,
    });
    expect(res.json().violations.map((v: { code: string }) => v.code)).toEqual([
      'VULNERABLE_OUTSIDE_DAYLIGHT',
      'NON_MEXICAN_NATIONAL',
    ]);
    expect(res.json().messageEs).toBe('No permitido: se incumplen 2 reglas.');
    expect(await movementCount()).toBe(count);
    expect(await eventsAfter(seq)).toEqual([]);
    const [refusal] = await app.db.select().from(movementRefusals).orderBy(desc(movementRefusals.id)).limit(1);
    expect(refusal).toMatchObject({
      action: 'plan',
      movementId: null,
      portId: 'san-ysidro',
      mechanismId: 'san-diego-tijuana',
      codes: ['VULNERABLE_OUTSIDE_DAYLIGHT', 'NON_MEXICAN_NATIONAL'],
      persons: 2,
      exercise: false,
      actorId: liaison.id,
      at: NOW,
    });
    const [audit] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'movement.plan-refused', actorUsername: liaison.username, entityId: null });
    // /check only advises as an officer types: it stops nothing, so it records nothing; nor does a
    // port the console doesn't know, a mistake in the request rather than a rule at work.
    const refusals = (await app.db.select().from(movementRefusals)).length;
    await post(liaison, '/api/repatriation/check', checkBody);
    const unknownPort = await post(liaison, '/api/repatriation/movements', plan({ portId: 'no-such-port' }));
    expect(unknownPort.json()).toMatchObject({ statusCode: 422, code: 'not_allowed' });
    expect((await app.db.select().from(movementRefusals)).length).toBe(refusals);
  });

  it('answers bad movement input with 400 and field paths, writing nothing', async () => {
    const count = await movementCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ fromFacility: '' }, 'fromFacility'],
      [{ fromFacility: undefined }, 'fromFacility'],
      [{ persons: [] }, 'persons'],
      [{ persons: [{ nationality: 'ZZ', category: 'adult_male' }] }, 'persons.0.nationality'],
      [{ persons: [{ nationality: 'MX', category: 'child' }] }, 'persons.0.category'],
      [{ at: 'tomorrow at ten' }, 'at'],
    ];
    for (const [over, path] of cases) {
      const res = await post(liaison, '/api/repatriation/movements', plan(over));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await step(liaison, 'not-a-uuid', 'cancel', { reason: 'x' })).statusCode).toBe(400);
    expect((await step(liaison, '00000000-0000-4000-8000-000000000000', 'cancel', { reason: 'x' })).statusCode).toBe(
      404,
    );
    expect(await movementCount()).toBe(count);
  });

  it('lets only liaison officers, supervisors and admins plan', async () => {
    expect((await post(consul, '/api/repatriation/movements', plan())).statusCode).toBe(403);
  });

  it('keeps a family in one movement: part of a planned family elsewhere is FAMILY_SPLIT', async () => {
    const first = await planned(liaison);
    const familyId = first.persons[0]!.familyId!;
    const res = await post(
      supervisor,
      '/api/repatriation/movements',
      plan({ portId: 'calexico-west', persons: [{ nationality: 'MX', category: 'adult_male', familyId }] }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().violations).toMatchObject([{ code: 'FAMILY_SPLIT', personIndexes: [0] }]);
    expect(res.json().violations[0].message.en).toContain(familyId);
    // Once that movement is cancelled the family is free to travel together elsewhere.
    await step(liaison, first.id, 'cancel', { reason: 'Family to travel with the father' });
    expect(
      (
        await post(
          supervisor,
          '/api/repatriation/movements',
          plan({
            portId: 'calexico-west',
            persons: [...first.persons, { nationality: 'MX', category: 'adult_male', familyId }],
          }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it('answers /check on what was just planned or cancelled, and on days before the checks’ snapshot', async () => {
    const codesOf = async (body: object) =>
      (
        (await post(liaison, '/api/repatriation/check', body)).json() as { violations: Array<{ code: string }> }
      ).violations.map((v) => v.code);
    const family = plan();
    // A week ago lies before what the checks keep in memory: the database answers, by the same rules
    // (and the time itself is refused: it has passed).
    const weekAgo = { ...family, at: '2026-06-02T10:00:00-07:00' };
    expect(await codesOf(family)).toEqual([]);
    expect(await codesOf(weekAgo)).toEqual(['TIME_OUT_OF_RANGE']);
    const first = await planned(liaison, family);
    // The same family in a second movement: the check sees the movement planned a moment ago.
    expect(await codesOf(family)).toEqual(['FAMILY_SPLIT']);
    expect(await codesOf(weekAgo)).toEqual(['TIME_OUT_OF_RANGE', 'FAMILY_SPLIT']);
    await step(liaison, first.id, 'cancel', { reason: 'Duplicate entry' });
    expect(await codesOf(family)).toEqual([]);
  });

  it('exercise mode: a drill and a real movement never see each other, from the snapshot or the database', async () => {
    const codesOf = async (body: object) =>
      (
        (await post(liaison, '/api/repatriation/check', body)).json() as { violations: Array<{ code: string }> }
      ).violations.map((v) => v.code);
    const { fromFacility: _, ...check } = plan();
    const weekAgo = { ...check, at: '2026-06-02T10:00:00-07:00' };
    const seq = await headSeq();
    // A drill holds the family: other drills see it; a real check (snapshot or database) does not.
    const drill = await planned(liaison, plan({ persons: check.persons, exercise: true }));
    expect(drill.exercise).toBe(true);
    for (const at of [check, weekAgo]) {
      // A week ago has passed, whatever the kind.
      const passed = at === weekAgo ? ['TIME_OUT_OF_RANGE'] : [];
      expect(await codesOf({ ...at, exercise: true })).toEqual([...passed, 'FAMILY_SPLIT']);
      expect(await codesOf(at)).toEqual(passed);
      expect(await codesOf({ ...at, exercise: false })).toEqual(passed);
    }
    // Planning decides in its transaction by the same rule: the real movement goes ahead…
    const real = await planned(liaison, plan({ persons: check.persons }));
    expect(real.exercise).toBe(false);
    // …and now holds the family for real checks, while a drill still sees only the drill.
    expect(await codesOf(check)).toEqual(['FAMILY_SPLIT']);
    // The two ways the server reads movements for a check hand the engine the same ones, of one kind.
    const snapshots = new CheckSnapshots(app.db, () => clock.now().getTime(), 60_000);
    for (const exercise of [false, true]) {
      const fromSnapshot = await snapshots.read({ ...(check as CheckBody), exercise });
      const fromSql = await movementsForCheck(app.db, {
        portId: check.portId,
        from: new Date('2026-06-07T17:00:00Z'),
        to: new Date('2026-06-24T17:00:00Z'),
        familyIds: [check.persons[0]!.familyId!],
        exercise,
      });
      const ids = (list: ReadonlyArray<{ id: string; exercise?: boolean }>) =>
        list.filter((m) => [drill.id, real.id].includes(m.id)).map((m) => [m.id, m.exercise]);
      expect(ids(fromSnapshot!.movements)).toEqual([exercise ? [drill.id, true] : [real.id, false]]);
      expect(ids(fromSql)).toEqual(ids(fromSnapshot!.movements));
      expect(fromSql.every((m) => m.exercise === exercise)).toBe(true);
      expect(fromSnapshot!.movements.every((m) => m.exercise === exercise)).toBe(true);
    }
    await step(liaison, drill.id, 'cancel', { reason: 'Drill over' });
    expect(await codesOf({ ...check, exercise: true })).toEqual([]);
    expect(await codesOf(check)).toEqual(['FAMILY_SPLIT']);
    expect(await codesOf(weekAgo)).toEqual(['TIME_OUT_OF_RANGE', 'FAMILY_SPLIT']);
    // Marked on its timeline and in every event about it.
    const detail = (await get(consul, `/api/repatriation/movements/${drill.id}`)).json() as MovementDetail;
    expect(detail).toMatchObject({ exercise: true, status: 'cancelled' });
    expect(detail.timeline[0]).toMatchObject({ kind: 'planned', data: { exercise: true } });
    const announced = (await eventsAfter(seq)).filter((e) => e.kind.startsWith('repatriation.'));
    expect(announced.map((e) => [e.kind, (e.data as { movement: Movement }).movement.exercise])).toEqual([
      ['repatriation.planned', true],
      ['repatriation.planned', false],
      ['repatriation.cancelled', true],
    ]);
    await step(liaison, real.id, 'cancel', { reason: 'Test over' });
  });

  it('counts persons already planned in the window against its capacity', async () => {
    const arrangement = await post(supervisor, '/api/repatriation/arrangements', {
      name: 'Tecate small window',
      portIds: ['tecate'],
      windows: [{ days: [2], start: '09:00', end: '12:00' }],
      vulnerableWindow: { start: '09:00', end: '12:00' },
      noticeHours: 0,
      exConvict: { noticeHours: 0, portIds: [] },
      capacityPerWindow: 3,
    });
    expect(arrangement.statusCode).toBe(201);
    const adults = (n: number) => Array.from({ length: n }, () => ({ nationality: 'MX', category: 'adult_male' }));
    await planned(liaison, plan({ portId: 'tecate', persons: adults(2) }));
    const over = await post(
      liaison,
      '/api/repatriation/movements',
      plan({ portId: 'tecate', at: '2026-06-09T11:00:00-07:00', persons: adults(2) }),
    );
    expect(over.json().violations.map((v: { code: string }) => v.code)).toEqual(['CAPACITY_EXCEEDED']);
    expect(over.json().nextWindows[0]).toMatchObject({ portId: 'tecate', start: '2026-06-16T09:00:00-07:00' });
    expect(
      (await post(liaison, '/api/repatriation/movements', plan({ portId: 'tecate', persons: adults(1) }))).statusCode,
    ).toBe(201);
    // An arrangement with planned movements can't be deleted out from under them.
    const refused = await app.inject({
      method: 'DELETE',
      url: `/api/repatriation/arrangements/${arrangement.json().id}`,
      headers: { cookie: supervisor.cookie },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'arrangement_has_movements', plannedMovements: 2 });
  });

  it('records the consular notice (Mexican consulate, in scope), once, on the timeline', async () => {
    const movement = await planned(liaison);
    const usConsular = await signedInUser(app, { role: 'consular', country: 'US', mechanismId: 'san-diego-tijuana' });
    const laredoConsul = await signedInUser(app, mxLaredoConsul);
    expect((await step(liaison, movement.id, 'notice')).statusCode).toBe(403);
    const wrongGovernment = await step(usConsular, movement.id, 'notice');
    expect(wrongGovernment.statusCode).toBe(403);
    expect(wrongGovernment.json().message).toBe(
      'The consular notice is recorded by the Mexican consulate or a supervisor.',
    );
    expect((await step(laredoConsul, movement.id, 'notice')).json()).toMatchObject({
      statusCode: 403,
      code: 'out_of_scope',
    });
    const future = await step(consul, movement.id, 'notice', { at: new Date(NOW.getTime() + HOUR).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('at');

    const res = await step(consul, movement.id, 'notice', { at: '2026-06-08T07:30:00-07:00' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      consularNotice: { at: '2026-06-08T14:30:00.000Z', by: consul.displayName },
      version: 2,
    });
    expect(res.json().timeline.at(-1)).toMatchObject({
      kind: 'notice',
      by: consul.displayName,
      data: { late: false, violations: [] },
    });
    expect((await step(consul, movement.id, 'notice')).json()).toMatchObject({
      statusCode: 409,
      code: 'notice_recorded',
    });
  });

  it('records a late notice as a fact with its violation; the movement must then be rescheduled past the notice period', async () => {
    const movement = await planned(liaison, plan({ at: '2026-06-08T15:00:00-07:00' }));
    const res = await step(consul, movement.id, 'notice');
    expect(res.statusCode).toBe(200);
    const entry = res.json().timeline.at(-1);
    expect(entry.data.late).toBe(true);
    expect(entry.data.violations.map((v: { code: string }) => v.code)).toEqual(['CONSULAR_NOTICE_LATE']);
    const stillThere = await step(liaison, movement.id, 'reschedule', { at: '2026-06-08T16:00:00-07:00', version: 2 });
    expect(stillThere.statusCode).toBe(422);
    expect(stillThere.json().violations.map((v: { code: string }) => v.code)).toEqual(['CONSULAR_NOTICE_LATE']);
    const slot = stillThere.json().nextWindows[0];
    expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(NOW.getTime() + 24 * HOUR);
    expect(
      (await step(liaison, movement.id, 'reschedule', { at: slot.start, portId: slot.portId, version: 2 })).statusCode,
    ).toBe(200);
  });

  it('lets only the Mexican side of the port confirm reception: a US officer gets 403, another mechanism 403', async () => {
    const movement = await planned(liaison, plan({ at: SOON }));
    const us = await step(liaison, movement.id, 'confirm-reception', { received: 2 });
    expect(us.statusCode).toBe(403);
    expect(us.json().messageEs).toBe('La recepción la confirma la parte mexicana del puerto.');
    expect(
      (await step(await signedInUser(app, mxLaredoConsul), movement.id, 'confirm-reception', { received: 2 })).json()
        .code,
    ).toBe('out_of_scope');
    expect((await step(consul, movement.id, 'confirm-reception', { received: 3 })).json().fields[0].path).toBe(
      'received',
    );
    expect((await step(consul, movement.id, 'confirm-reception', {})).statusCode).toBe(400);

    const mxLiaison = await signedInUser(app, mxTijuanaLiaison);
    const res = await step(mxLiaison, movement.id, 'confirm-reception', { received: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      reception: { by: mxLiaison.displayName, received: 2, at: NOW.toISOString() },
    });
    const again = await step(consul, movement.id, 'confirm-reception', { received: 2 });
    expect(again.json()).toMatchObject({
      statusCode: 409,
      code: 'movement_not_planned',
      message: 'The movement is received.',
      messageEs: 'El movimiento está recibido.',
    });
    expect((await step(liaison, movement.id, 'cancel', { reason: 'too late' })).statusCode).toBe(409);
    // An MX overseer confirms anywhere.
    const other = await planned(liaison, plan({ at: SOON }));
    expect(
      (await step(await signedInUser(app, officers.mxSupervisor), other.id, 'confirm-reception', { received: 1 }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses confirming reception before 2 h ahead of the planned time (409), saying from when at the port’s clock', async () => {
    // Monday 10:30 at Tijuana: reception opens at 08:30, half an hour from now.
    const movement = await planned(liaison, plan({ at: '2026-06-08T10:30:00-07:00' }));
    const early = await step(consul, movement.id, 'confirm-reception', { received: 2 });
    expect(early.json()).toMatchObject({
      statusCode: 409,
      code: 'reception_too_early',
      message:
        'Reception can be confirmed from Mon, Jun 8, 08:30 PDT, 2 h before the planned time: before then no one can have been received.',
      messageEs:
        'La recepción puede confirmarse a partir del lun 8 de jun, 08:30 PDT, 2 h antes de la hora prevista: antes no se ha podido recibir a nadie.',
      current: { id: movement.id, status: 'planned', reception: null },
    });
    expect((await get(consul, `/api/repatriation/movements/${movement.id}`)).json().timeline).toHaveLength(1);
    clock.advance(30);
    try {
      const res = await step(consul, movement.id, 'confirm-reception', { received: 2 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'confirmed', reception: { received: 2 } });
    } finally {
      clock.advance(-30);
    }
  });

  it('refuses a movement far in the past or the future (422) with the bound, on planning, /check and reschedule', async () => {
    const count = await movementCount();
    const past = await post(liaison, '/api/repatriation/movements', plan({ at: '1999-01-01T10:00:00-08:00' }));
    expect(past.statusCode).toBe(422);
    expect(past.json().violations).toEqual([
      {
        code: 'TIME_OUT_OF_RANGE',
        message: {
          en: 'Fri, Jan 1, 1999, 10:00 PST has already passed: a movement is planned from 1 h before now (Mon, Jun 8, 07:00 PDT) up to 180 days ahead.',
          es: 'El vie, 1 de ene de 1999, 10:00 PST ya pasó: un movimiento se prevé desde 1 h antes del momento actual (lun 8 de jun, 07:00 PDT) hasta 180 días después.',
        },
      },
    ]);
    expect(past.json().nextWindows).toEqual([]);

    const future = await post(liaison, '/api/repatriation/movements', plan({ at: '2099-01-01T10:00:00-08:00' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().violations.map((v: { code: string }) => v.code)).toEqual(['TIME_OUT_OF_RANGE']);
    expect(future.json().violations[0].message.en).toBe(
      'Thu, Jan 1, 2099, 10:00 PST is more than 180 days ahead: a movement is planned at most 180 days ahead (until Sat, Dec 5, 07:00 PST).',
    );
    expect(future.json().violations[0].message.es).toContain('2099');
    expect(await movementCount()).toBe(count);

    // The check answers the same, as the browser's does while the officer types.
    const checked = await post(liaison, '/api/repatriation/check', {
      portId: 'san-ysidro',
      at: '2099-01-01T10:00:00-08:00',
      persons: [{ nationality: 'MX', category: 'adult_male' }],
    } satisfies CheckBody);
    expect(checked.json()).toMatchObject({ allowed: false, violations: [{ code: 'TIME_OUT_OF_RANGE' }] });

    const movement = await planned(liaison);
    const moved = await step(liaison, movement.id, 'reschedule', { at: '2099-01-01T10:00:00-08:00', version: 1 });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().violations.map((v: { code: string }) => v.code)).toEqual(['TIME_OUT_OF_RANGE']);
    // A movement under way, planned half an hour late, is still taken.
    expect(
      (await post(liaison, '/api/repatriation/movements', plan({ at: '2026-06-08T07:30:00-07:00' }))).statusCode,
    ).toBe(201);
  });

  it('reschedules to a suggested slot, refuses a slot the engine refuses (422) and a stale version (409)', async () => {
    const movement = await planned(liaison, plan({ persons: [{ nationality: 'MX', category: 'pregnant' }] }));
    const refused = await step(liaison, movement.id, 'reschedule', { at: '2026-06-09T20:00:00-07:00', version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().violations.map((v: { code: string }) => v.code)).toEqual(['VULNERABLE_OUTSIDE_DAYLIGHT']);
    const [refusal] = await app.db.select().from(movementRefusals).orderBy(desc(movementRefusals.id)).limit(1);
    expect(refusal).toMatchObject({
      action: 'reschedule',
      movementId: movement.id,
      portId: 'san-ysidro',
      codes: ['VULNERABLE_OUTSIDE_DAYLIGHT'],
      persons: 1,
    });
    const slot = refused.json().nextWindows[0];
    const moved = await step(liaison, movement.id, 'reschedule', { at: slot.start, portId: slot.portId, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ at: new Date(slot.start).toISOString(), version: 2 });
    expect(moved.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['planned', 'rescheduled']);
    const stale = await step(liaison, movement.id, 'reschedule', { at: TUESDAY_10, version: 1 });
    expect(stale.json()).toMatchObject({ statusCode: 409, code: 'version_conflict', current: { version: 2 } });
    // Someone from another mechanism who did not plan it may not move it.
    expect(
      (
        await step(await signedInUser(app, usLaredoLiaison), movement.id, 'reschedule', { at: TUESDAY_10, version: 2 })
      ).json().code,
    ).toBe('out_of_scope');
  });

  it('cancels with a reason, audited and on the timeline', async () => {
    const movement = await planned(liaison);
    expect((await step(liaison, movement.id, 'cancel', {})).statusCode).toBe(400);
    const res = await step(liaison, movement.id, 'cancel', { reason: 'Transport unavailable' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'Transport unavailable', by: liaison.displayName },
    });
    expect(res.json().timeline.map((e: { kind: string; text: string | null }) => [e.kind, e.text])).toEqual([
      ['planned', 'Otay Mesa Detention Center'],
      ['cancelled', 'Transport unavailable'],
    ]);
    const audit = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, movement.id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['movement.plan', 'movement.cancel']);
    await expect(
      app.db.update(movementEvents).set({ text: 'rewritten' }).where(eq(movementEvents.movementId, movement.id)),
    ).rejects.toMatchObject({
      cause: { message: 'movement_events is append-only' },
    });
  });

  it('announces planned, confirmed and cancelled to the port’s mechanism on both sides and the central desks, not to other mechanisms', async () => {
    const seq = await headSeq();
    const a = await planned(liaison, plan({ at: SOON }));
    await step(consul, a.id, 'confirm-reception', { received: 2 });
    const b = await planned(liaison);
    await step(liaison, b.id, 'cancel', { reason: 'Court order' });
    const rows = (await eventsAfter(seq)).filter((e) => e.kind.startsWith('repatriation.'));
    expect(rows.map((e) => e.kind)).toEqual([
      'repatriation.planned',
      'repatriation.confirmed',
      'repatriation.planned',
      'repatriation.cancelled',
    ]);
    const reaches = (traits: UserTraits) =>
      rows.every((e) => audienceIncludes({ id: 'someone', ...traits }, e.audience as Audience));
    expect(reaches(officers.mxConsul)).toBe(true);
    expect(reaches(mxTijuanaLiaison)).toBe(true);
    expect(reaches(officers.mxCentral)).toBe(true);
    expect(reaches({ role: 'central', country: 'US', mechanismId: null })).toBe(true);
    expect(reaches(usLaredoLiaison)).toBe(false);
    expect(rows[0]!.data).toMatchObject({ movementId: a.id, movement: { id: a.id, status: 'planned' } });
  });

  it('delivers a planned movement live to the Mexican side of the port', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const ws = await connectWs(url, consul.cookie);
    await ws.waitFor((m) => m.type === 'hello');
    ws.send({ type: 'subscribe' });
    const movement = await planned(liaison);
    const event = await ws.waitFor(
      (m) =>
        m.type === 'event' &&
        m.kind === 'repatriation.planned' &&
        (m.data as { movementId: string }).movementId === movement.id,
    );
    expect(event.data).toMatchObject({
      movement: { portId: 'san-ysidro', fromFacility: 'Otay Mesa Detention Center' },
    });
    await ws.close();
  });

  it('tells the Mexican side when the notice deadline passes without a notice (due work), and not when the notice came', async () => {
    const late = await planned(liaison, plan({ at: '2026-06-10T10:00:00-07:00' }));
    const noticed = await planned(liaison, plan({ at: '2026-06-10T11:00:00-07:00' }));
    await step(consul, noticed.id, 'notice');
    const seq = await headSeq();
    clock.advance(26 * 60);
    await app.dueWork.tick();
    const rows = (await eventsAfter(seq)).filter((e) => e.kind === 'repatriation.notice-overdue');
    expect(rows.map((e) => (e.data as { movementId: string }).movementId)).toContain(late.id);
    expect(rows.map((e) => (e.data as { movementId: string }).movementId)).not.toContain(noticed.id);
    const event = rows.find((e) => (e.data as { movementId: string }).movementId === late.id)!;
    expect(audienceIncludes({ id: 'x', ...officers.mxConsul }, event.audience as Audience)).toBe(true);
    expect(audienceIncludes({ id: 'x', ...officers.usSupervisor }, event.audience as Audience)).toBe(false);
    expect(audienceIncludes({ id: liaison.id, ...officers.usLiaison }, event.audience as Audience)).toBe(true);
    // Sessions last 12 hours: sign in again after the clock moved.
    const detail = (
      await get(await signedInUser(app, officers.mxConsul), `/api/repatriation/movements/${late.id}`)
    ).json() as MovementDetail;
    expect(detail.timeline.map((e) => [e.kind, e.by])).toEqual([
      ['planned', liaison.displayName],
      ['notice_overdue', 'system'],
    ]);
  });
});
