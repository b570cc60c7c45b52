import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '@server/db/schema/audit-log.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, signedInUser, type TestUser } from '../helpers/factories.js';
import { connectWs, type TestSocket } from '../helpers/ws.js';

/** Tuesday 9 June 2026, 09:00 at Tijuana (PDT, UTC−7). */
const NOW = new Date('2026-06-09T16:00:00Z');

describe(`ports and bridges board (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let clock: ManualClock;
  let usLiaison: TestUser;
  let mxConsul: TestUser;
  let supervisor: TestUser;
  let central: TestUser;
  let nogalesLiaison: TestUser;

  const call = (user: TestUser | null, method: 'GET' | 'POST', path: string, payload?: object) =>
    app.inject({ method, url: path, headers: user ? { cookie: user.cookie } : {}, ...(payload ? { payload } : {}) });
  const setStatus = (user: TestUser | null, port: string, body: object) =>
    call(user, 'POST', `/api/ports/${port}/status`, body);
  const portOf = async (id: string) =>
    ((await call(usLiaison, 'GET', '/api/ports')).json() as Array<Record<string, unknown>>).find((p) => p.id === id)!;

  beforeAll(async () => {
    db = await createTestDatabase();
    clock = new ManualClock(NOW);
    app = await startApp(await db.open(), { clock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    usLiaison = await signedInUser(app, officers.usLiaison);
    mxConsul = await signedInUser(app, officers.mxConsul);
    supervisor = await signedInUser(app, officers.mxSupervisor);
    central = await signedInUser(app, officers.mxCentral);
    nogalesLiaison = await signedInUser(app, { role: 'liaison', country: 'MX', mechanismId: 'nogales-nogales' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it("names each port's liaison mechanism, the one its own officers answer for", async () => {
    expect(await portOf('tecate')).toMatchObject({ mechanismId: 'san-diego-tijuana' });
    expect(await portOf('nogales')).toMatchObject({ mechanismId: 'nogales-nogales' });
    expect(await portOf('brownsville')).toMatchObject({ mechanismId: 'brownsville-matamoros' });
  });

  it("lets the port mechanism's liaison officers and supervisors change it; others read it and are told why not", async () => {
    // Liaison officer of another mechanism: 403 out_of_scope; a consul (no liaison role): 403 forbidden.
    const other = await setStatus(nogalesLiaison, 'tecate', { status: 'closed', reason: 'weather' });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'out_of_scope' });
    const consul = await setStatus(mxConsul, 'tecate', { status: 'closed', reason: 'weather' });
    expect(consul.statusCode).toBe(403);
    expect(consul.json()).toMatchObject({ code: 'forbidden' });
    expect(await portOf('tecate')).toMatchObject({ status: 'open' });

    const own = await setStatus(nogalesLiaison, 'nogales', { status: 'restricted', reason: 'weather' });
    expect(own.statusCode).toBe(200);
    const bySupervisor = await setStatus(supervisor, 'nogales', { status: 'open' });
    expect(bySupervisor.json()).toMatchObject({ status: 'open', statusChangedBy: supervisor.displayName });
  });

  it('requires a reason to close or restrict, with the field named in both languages; nothing is written', async () => {
    const before = (await call(usLiaison, 'GET', '/api/ports/tecate/status-history')).json() as unknown[];
    for (const status of ['closed', 'restricted']) {
      const res = await setStatus(usLiaison, 'tecate', { status, note: 'no reason given' });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([
        {
          path: 'reason',
          message: {
            en: 'is required when the port is restricted or closed',
            es: 'es obligatorio si el puerto se restringe o se cierra',
          },
        },
      ]);
    }
    const nul = await setStatus(usLiaison, 'tecate', { status: 'closed', reason: 'other', note: 'bad\u0000note' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields[0]).toMatchObject({ path: 'note', message: { es: expect.any(String) } });
    const badStatus = await setStatus(usLiaison, 'tecate', { status: 'half-open', reason: 'other' });
    expect(badStatus.json().fields.map((f: { path: string }) => f.path)).toEqual(['status']);
    expect((await call(usLiaison, 'GET', '/api/ports/tecate/status-history')).json()).toEqual(before);
    expect(await portOf('tecate')).toMatchObject({ status: 'open' });
  });

  it('keeps the history newest first: status, reason, note, who and when', async () => {
    await setStatus(usLiaison, 'otay-mesa', { status: 'closed', reason: 'bomb_threat', note: 'Package on lane 3' });
    clock.advance(90);
    await setStatus(usLiaison, 'otay-mesa', { status: 'open' });
    const history = await call(mxConsul, 'GET', '/api/ports/otay-mesa/status-history');
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject([
      { status: 'open', reason: null, note: null, by: usLiaison.displayName },
      {
        status: 'closed',
        reason: 'bomb_threat',
        note: 'Package on lane 3',
        by: usLiaison.displayName,
        at: NOW.toISOString(),
      },
    ]);
    expect((await call(mxConsul, 'GET', '/api/ports/atlantis/status-history')).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/ports/otay-mesa/status-history')).statusCode).toBe(401);
  });

  it('writes the change, its audit row and its event in one transaction, and alerts both sides and the central desks live', async () => {
    const sockets: TestSocket[] = [];
    for (const user of [mxConsul, usLiaison, central]) {
      const ws = await connectWs(url, user.cookie);
      await ws.waitFor((m) => m.type === 'hello');
      ws.send({ type: 'subscribe' });
      sockets.push(ws);
    }
    try {
      const res = await setStatus(supervisor, 'san-ysidro', { status: 'closed', reason: 'pursuit' });
      expect(res.statusCode).toBe(200);
      for (const ws of sockets) {
        const event = await ws.waitFor(
          (m) => m.kind === 'port.status' && (m.data as { portId: string }).portId === 'san-ysidro',
        );
        expect(event.data).toMatchObject({
          port: { status: 'closed', statusReason: 'pursuit', mechanismId: 'san-diego-tijuana' },
        });
      }
      const [event] = await app.db
        .select()
        .from(events)
        .where(eq(events.kind, 'port.status'))
        .orderBy(desc(events.seq))
        .limit(1);
      const [audit] = await app.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'port.status'))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(audit).toMatchObject({ entityId: 'san-ysidro', after: { status: 'closed' } });
      // One transaction: both rows default `at` to now(), PostgreSQL's transaction start time.
      expect(event!.at.getTime()).toBe(audit!.at.getTime());
    } finally {
      await setStatus(supervisor, 'san-ysidro', { status: 'open' });
      await Promise.all(sockets.map((ws) => ws.close()));
    }
  });

  it('blocks repatriation at a port closed by its liaison officer until it reopens', async () => {
    const body = {
      portId: 'san-ysidro',
      at: '2026-06-10T10:00:00-07:00',
      persons: [{ nationality: 'MX', category: 'adult_male' }],
    };
    const check = async () => (await call(mxConsul, 'POST', '/api/repatriation/check', body)).json();
    expect(await check()).toMatchObject({ allowed: true });
    await setStatus(usLiaison, 'san-ysidro', { status: 'closed', reason: 'bomb_threat' });
    const closed = await check();
    expect(closed.allowed).toBe(false);
    expect(closed.violations).toEqual([
      expect.objectContaining({
        code: 'PORT_CLOSED',
        message: expect.objectContaining({ en: expect.stringContaining('is closed; no repatriation goes through it') }),
      }),
    ]);
    await setStatus(usLiaison, 'san-ysidro', { status: 'open' });
    expect(await check()).toMatchObject({ allowed: true, violations: [] });
  });
});
