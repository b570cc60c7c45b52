import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { checklistProcedures } from '@shared/checklists/contract.js';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, places, reportIncident, signedInUser, type TestUser } from '../helpers/factories.js';

describe(`checklists on an incident (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  /** A second app instance on the same database (Postgres: its own pool), for ticks that really race. */
  let other: FastifyInstance;
  let usLiaison: TestUser;
  let mxConsul: TestUser;
  let central: TestUser;
  let laredoLiaison: TestUser;

  const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: user ? { cookie: user.cookie } : {}, ...(payload ? { payload } : {}) });
  const base = (id: string) => `/api/incidents/${id}/checklists`;
  const tick = (user: TestUser, id: string, kind: string, step: string, done = true, via = app) =>
    via.inject({
      method: 'PUT',
      url: `${base(id)}/${kind}/steps/${step}`,
      headers: { cookie: user.cookie },
      payload: { done },
    });
  const bombThreat = () => reportIncident(app, usLiaison, { type: 'bomb_threat', location: places.tijuana });

  beforeAll(async () => {
    db = await createTestDatabase();
    // One stopped clock for both instances: nothing a report schedules (its escalation) falls due mid-suite.
    const clock = new ManualClock(new Date('2026-07-04T21:40:00Z'));
    app = await startApp(await db.open(), { clock });
    other = onPostgres ? await startApp(await db.open(), { clock }) : app;
    usLiaison = await signedInUser(app, officers.usLiaison);
    mxConsul = await signedInUser(app, officers.mxConsul);
    central = await signedInUser(app, officers.mxCentral);
    laredoLiaison = await signedInUser(app, { role: 'liaison', country: 'US', mechanismId: 'laredo-nuevo-laredo' });
  });
  afterAll(async () => {
    if (other !== app) await other?.close();
    await app?.close();
    await db?.dispose();
  });

  it('suggests the checklist of the incident type, starts it, and ticks steps with who and when on both sides', async () => {
    const incident = await bombThreat();
    const empty = await call(mxConsul, 'GET', base(incident.id));
    expect(empty.json()).toEqual({ checklists: [], suggested: ['bomb_threat'], readOnlyReason: null });

    const started = await call(mxConsul, 'POST', base(incident.id), { kind: 'bomb_threat' });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ kind: 'bomb_threat', startedBy: mxConsul.displayName });
    expect(started.json().steps).toHaveLength(checklistProcedures.bomb_threat.length);
    expect(started.json().steps[2]).toMatchObject({
      id: 'evacuate_us',
      jurisdiction: 'US',
      done: false,
      text: { en: expect.stringContaining('U.S. side'), es: expect.stringContaining('lado estadounidense') },
    });
    expect((await call(usLiaison, 'POST', base(incident.id), { kind: 'bomb_threat' })).json()).toMatchObject({
      code: 'checklist_started',
    });

    const ticked = await tick(usLiaison, incident.id, 'bomb_threat', 'evacuate_us');
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().steps.find((s: { id: string }) => s.id === 'evacuate_us')).toMatchObject({
      done: true,
      by: usLiaison.displayName,
      at: expect.any(String),
    });
    // The Mexican consul sees the U.S. tick; unticks it; the timeline has all three.
    const read = (await call(mxConsul, 'GET', base(incident.id))).json();
    expect(read.checklists[0].steps[2]).toMatchObject({ done: true, by: usLiaison.displayName });
    const unticked = await tick(mxConsul, incident.id, 'bomb_threat', 'evacuate_us', false);
    expect(unticked.json().steps[2]).toMatchObject({ done: false, by: null, at: null });

    const detail = (await call(mxConsul, 'GET', `/api/incidents/${incident.id}`)).json();
    const entries = detail.timeline.filter((e: { kind: string }) => e.kind === 'checklist');
    expect(entries).toMatchObject([
      { by: mxConsul.displayName, data: { checklist: 'bomb_threat', step: null, done: null } },
      { by: usLiaison.displayName, data: { checklist: 'bomb_threat', step: 'evacuate_us', done: true } },
      { by: mxConsul.displayName, data: { checklist: 'bomb_threat', step: 'evacuate_us', done: false } },
    ]);
  });

  it('each of the border’s emergency types suggests its own checklist and never bomb threat, and starts it', async () => {
    const emergencies = [
      ['migrant_distress', 'migrant_distress'],
      ['drowning', 'drowning'],
      ['heat_exposure', 'heat_exposure'],
      ['death', 'death'],
      ['violence_against_migrants', 'violence_against_migrants'],
    ] as const;
    for (const [type, kind] of emergencies) {
      const incident = await reportIncident(app, usLiaison, { type, location: places.tijuana });
      const read = (await call(mxConsul, 'GET', base(incident.id))).json();
      expect(read.suggested[0], type).toBe(kind);
      expect(read.suggested, type).not.toContain('bomb_threat');
      // The database knows the new kinds: the suggested checklist starts, with each step's side.
      const started = await call(mxConsul, 'POST', base(incident.id), { kind });
      expect(started.statusCode, type).toBe(201);
      expect(started.json().steps.map((s: { id: string; jurisdiction: string }) => [s.id, s.jurisdiction])).toEqual(
        checklistProcedures[kind].map((s) => [s.id, s.jurisdiction]),
      );
    }
    // A type no checklist fits suggests none (the console then preselects none).
    const smuggling = await reportIncident(app, usLiaison, { type: 'smuggling', location: places.tijuana });
    expect((await call(mxConsul, 'GET', base(smuggling.id))).json().suggested).toEqual([]);
  });

  it('announces each change to the incident’s audience, with its audit row, in the same transaction', async () => {
    const incident = await bombThreat();
    await call(usLiaison, 'POST', base(incident.id), { kind: 'bomb_threat' });
    await tick(usLiaison, incident.id, 'bomb_threat', 'alert_other_side');
    const announced = (
      await app.db.select().from(events).where(eq(events.kind, 'checklist.updated')).orderBy(asc(events.seq))
    ).filter((e) => (e.data as { incidentId: string }).incidentId === incident.id);
    expect(announced.map((e) => (e.data as { stepId: string | null }).stepId)).toEqual([null, 'alert_other_side']);
    const last = announced.at(-1)!;
    // The incident's mechanism (both sides, and the central desks by the scope rule) and its reporter.
    expect(last.audience).toEqual([{ mechanismIds: ['san-diego-tijuana'] }, { userIds: [usLiaison.id] }]);
    expect(last.data).toMatchObject({ kind: 'bomb_threat', done: true, by: usLiaison.displayName });
    const audits = await app.db.select().from(auditLog).where(eq(auditLog.action, 'checklist.tick'));
    const audit = audits.find((a) => a.entityId === (last.data as { checklistId: string }).checklistId)!;
    expect(audit).toMatchObject({ after: { id: 'alert_other_side', done: true }, before: { done: false } });
    // One transaction: both rows default `at` to now(), PostgreSQL's transaction start time.
    expect(audit.at.getTime()).toBe(last.at.getTime());
    // A no-op (ticking a ticked step) writes nothing.
    await tick(mxConsul, incident.id, 'bomb_threat', 'alert_other_side');
    const after = (await app.db.select().from(events).where(eq(events.kind, 'checklist.updated'))).filter(
      (e) => (e.data as { incidentId: string }).incidentId === incident.id,
    );
    expect(after).toHaveLength(2);
  });

  it('lands both of two ticks made at once (no lost update), and the last event carries both', async () => {
    const incident = await bombThreat();
    await call(usLiaison, 'POST', base(incident.id), { kind: 'bomb_threat' });
    const steps = checklistProcedures.bomb_threat.map((s) => s.id);
    const results = await Promise.all(
      steps.map((step, i) =>
        tick(i % 2 ? mxConsul : usLiaison, incident.id, 'bomb_threat', step, true, i % 2 ? other : app),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(steps.map(() => 200));
    const read = (await call(central, 'GET', base(incident.id))).json();
    expect(read.checklists[0].steps.every((s: { done: boolean }) => s.done)).toBe(true);
    const announced = (
      await app.db.select().from(events).where(eq(events.kind, 'checklist.updated')).orderBy(asc(events.seq))
    ).filter((e) => (e.data as { incidentId: string }).incidentId === incident.id);
    const last = announced.at(-1)!.data as { checklist: { steps: { done: boolean }[] } };
    expect(last.checklist.steps.every((s) => s.done)).toBe(true);
  });

  it('refuses officers of another mechanism, bad input with the field in both languages, and unknown things', async () => {
    const incident = await bombThreat();
    await call(usLiaison, 'POST', base(incident.id), { kind: 'bomb_threat' });
    expect((await call(laredoLiaison, 'GET', base(incident.id))).json()).toMatchObject({ code: 'out_of_scope' });
    expect((await tick(laredoLiaison, incident.id, 'bomb_threat', 'evacuate_us')).statusCode).toBe(403);
    expect((await call(null, 'GET', base(incident.id))).statusCode).toBe(401);
    // The central desks oversee every mechanism: they may read and tick.
    expect((await tick(central, incident.id, 'bomb_threat', 'inform_central')).statusCode).toBe(200);

    const badKind = await call(usLiaison, 'POST', base(incident.id), { kind: 'earthquake' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().fields).toEqual([
      { path: 'kind', message: { en: expect.any(String), es: expect.any(String) } },
    ]);
    const badStep = await tick(usLiaison, incident.id, 'bomb_threat', 'dance');
    expect(badStep.statusCode).toBe(400);
    expect(badStep.json().fields).toEqual([
      {
        path: 'stepId',
        message: {
          en: 'is not a step of this checklist: dance',
          es: 'no es un paso de esta lista: dance',
        },
      },
    ]);
    const badDone = await call(usLiaison, 'PUT', `${base(incident.id)}/bomb_threat/steps/evacuate_us`, {
      done: 'yes',
    });
    expect(badDone.json().fields.map((f: { path: string }) => f.path)).toEqual(['done']);
    expect((await tick(usLiaison, incident.id, 'flood', 'advisory')).json()).toMatchObject({
      code: 'checklist_not_started',
    });
    expect((await call(usLiaison, 'GET', base('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });

  it('keeps a closed incident’s checklists read-only, saying why', async () => {
    const incident = await bombThreat();
    await call(usLiaison, 'POST', base(incident.id), { kind: 'bomb_threat' });
    await call(mxConsul, 'POST', `/api/incidents/${incident.id}/acknowledge`);
    for (const [status, version] of [
      ['responding', 2],
      ['resolved', 3],
      ['closed', 4],
    ] as const) {
      const res = await call(usLiaison, 'PATCH', `/api/incidents/${incident.id}`, { status, version });
      expect(res.statusCode, status).toBe(200);
    }
    const refused = await tick(usLiaison, incident.id, 'bomb_threat', 'evacuate_us');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'incident_closed',
      message: 'The incident is closed: its checklists are read-only.',
      messageEs: 'El incidente está cerrado: sus listas son de solo lectura.',
    });
    expect((await call(usLiaison, 'POST', base(incident.id), { kind: 'flood' })).statusCode).toBe(409);
    const read = (await call(usLiaison, 'GET', base(incident.id))).json();
    expect(read.readOnlyReason).toEqual({
      en: 'The incident is closed: its checklists are read-only.',
      es: 'El incidente está cerrado: sus listas son de solo lectura.',
    });
    expect(read.checklists[0].steps.some((s: { done: boolean }) => s.done)).toBe(false);
  });
});
