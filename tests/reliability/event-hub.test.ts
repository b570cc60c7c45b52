import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { events } from '../../server/db/schema/events.js';
import { sessions } from '../../server/db/schema/users.js';
import { sessionIdOf } from '../../server/features/auth/service.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { signIn, startApp } from '../helpers/app.js';
import { connectWs, type TestSocket } from '../helpers/ws.js';

const report = (location = { lat: 32.54, lon: -117.03 }, summary = 'Person in distress in the canal') => ({
  type: 'migrant_distress', severity: 'high', summary, location, occurredAt: '2026-07-04T14:30:00-07:00',
});
const laredo = { lat: 27.5, lon: -99.5 };

type Event = { type: string; seq: number; kind: string; data: { incidentId: string } };
const isEvent = (m: Record<string, unknown>): m is Event => m.type === 'event';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function subscribe(url: string, cookie: string, since?: number): Promise<{ ws: TestSocket; hello: number }> {
  const ws = await connectWs(url, cookie);
  const hello = (await ws.waitFor((m) => m.type === 'hello')).seq as number;
  ws.send(since === undefined ? { type: 'subscribe' } : { type: 'subscribe', since });
  return { ws, hello };
}

describe(`event hub (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const cookies: Record<string, string> = {};
  const create = (user: string, body = report()) => app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: cookies[user]! }, payload: body });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open());
    url = await listen(app);
    for (const u of ['supervisor.us', 'consul.tijuana', 'liaison.sandiego']) cookies[u] = await signIn(app, u);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('refuses a websocket without a session, or opened by another site’s page', async () => {
    await expect(connectWs(url, 'sid=forged')).rejects.toThrow(/401/);
    const cookie = cookies['supervisor.us']!;
    await expect(connectWs(url, cookie, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const own = await connectWs(url, cookie, { origin: url });
    await own.close();
  });

  it('delivers incident.created and alert.raised live, carrying the incident id', async () => {
    const { ws } = await subscribe(url, cookies['consul.tijuana']!);
    const { id } = (await create('liaison.sandiego')).json();
    const created = await ws.waitFor((m) => isEvent(m) && m.kind === 'incident.created' && m.data.incidentId === id);
    expect((created as Event & { data: { incident: { summary: string } } }).data.incident.summary).toBe('Person in distress in the canal');
    await ws.waitFor((m) => isEvent(m) && m.kind === 'alert.raised' && m.data.incidentId === id);
    await ws.close();
  });

  it('keeps a scoped officer to their mechanism’s events', async () => {
    const { ws: consul } = await subscribe(url, cookies['consul.tijuana']!);
    const { ws: supervisor } = await subscribe(url, cookies['supervisor.us']!);
    const far = (await create('supervisor.us', report(laredo, 'Far away'))).json();
    const near = (await create('supervisor.us', report())).json();
    await supervisor.waitFor((m) => isEvent(m) && m.data.incidentId === far.id);
    await consul.waitFor((m) => isEvent(m) && m.data.incidentId === near.id);
    expect(consul.messages.some((m) => isEvent(m) && m.data.incidentId === far.id)).toBe(false);
    await Promise.all([consul.close(), supervisor.close()]);
  });

  it('replays exactly what a client missed after a reconnect: in order, no duplicates, then live', async () => {
    const first = await subscribe(url, cookies['supervisor.us']!);
    const seen = (await create('supervisor.us')).json();
    const last = (await first.ws.waitFor((m) => isEvent(m) && m.kind === 'alert.raised' && m.data.incidentId === seen.id)).seq as number;
    await first.ws.close();

    const missed: string[] = [];
    for (let i = 0; i < 3; i++) missed.push((await create('liaison.sandiego', report(undefined, `missed ${i}`))).json().id);

    const again = await subscribe(url, cookies['supervisor.us']!, last);
    const afterwards = (await create('supervisor.us')).json().id as string;
    await again.ws.waitFor((m) => isEvent(m) && m.kind === 'alert.raised' && m.data.incidentId === afterwards);

    const received = again.ws.messages.filter(isEvent);
    const seqs = received.map((e) => e.seq);
    expect(seqs[0]).toBe(last + 1);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(received.map((e) => `${e.kind}:${e.data.incidentId}`)).toEqual(
      [...missed, afterwards].flatMap((id) => [`incident.created:${id}`, `alert.raised:${id}`]),
    );
    await again.ws.close();
  });

  it('delivers an event whose notification was lost, through the slow poll', async () => {
    const { ws } = await subscribe(url, cookies['supervisor.us']!);
    // Written straight into the outbox with no NOTIFY, as if the notification were dropped.
    const [row] = await app.db.insert(events).values({ kind: 'incident.updated', mechanismId: null, data: { incidentId: 'no-notify' } }).returning();
    const got = await ws.waitFor((m) => isEvent(m) && m.data.incidentId === 'no-notify', 5000);
    expect(got.seq).toBe(row!.seq);
    await ws.close();
  });

  it('never skips an event when many changes commit at once', async () => {
    const { ws, hello } = await subscribe(url, cookies['supervisor.us']!);
    const ids = (await Promise.all(Array.from({ length: 20 }, () => create('liaison.sandiego')))).map((r) => r.json().id as string);
    await ws.waitFor(() => ids.every((id) => ws.messages.some((m) => isEvent(m) && m.kind === 'alert.raised' && m.data.incidentId === id)), 10_000);
    const seqs = ws.messages.filter(isEvent).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => hello + 1 + i));
    await ws.close();
  });

  it('closes the websockets of a session that signs out', async () => {
    const cookie = await signIn(app, 'liaison.sandiego');
    const { ws } = await subscribe(url, cookie);
    const closed = new Promise<number>((resolve) => ws.socket.once('close', (code) => resolve(code)));
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(await closed).toBe(4001);
  });

  it('closes the websockets of a session that ended elsewhere (another instance, or expiry)', async () => {
    const cookie = await signIn(app, 'consul.tijuana');
    const { ws } = await subscribe(url, cookie);
    const closed = new Promise<number>((resolve) => ws.socket.once('close', (code) => resolve(code)));
    await app.db.delete(sessions).where(eq(sessions.id, sessionIdOf(cookie.replace('sid=', ''))));
    await app.eventHub.closeEndedSessions();
    expect(await closed).toBe(4001);
  });
});

describe.skipIf(!onPostgres)('event order with concurrent writers (postgres)', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open());
    url = await listen(app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  /** A writer that takes its `seq` now and commits (or rolls back) when told. */
  async function slowWriter() {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: db.url! });
    await client.connect();
    await client.query('begin');
    const { rows } = await client.query(`insert into events (kind, mechanism_id, data) values ('incident.updated', null, '{"incidentId":"slow"}') returning seq`);
    return {
      seq: Number(rows[0].seq),
      finish: async (how: 'commit' | 'rollback') => {
        await client.query(how);
        await client.end();
      },
    };
  }

  for (const how of ['commit', 'rollback'] as const) {
    it(`holds later events back while an earlier writer is open, then delivers in order (${how})`, async () => {
      const { ws } = await subscribe(url, await signIn(app, 'supervisor.us'));
      const writer = await slowWriter();
      const fast = (await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: await signIn(app, 'liaison.sandiego') }, payload: report() })).json().id;
      await new Promise((r) => setTimeout(r, 300));
      expect(ws.messages.filter(isEvent)).toEqual([]);

      await writer.finish(how);
      await ws.waitFor((m) => isEvent(m) && m.kind === 'alert.raised' && m.data.incidentId === fast);
      const received = ws.messages.filter(isEvent);
      expect(received.map((e) => e.data.incidentId)).toEqual(how === 'commit' ? ['slow', fast, fast] : [fast, fast]);
      expect(received.map((e) => e.seq)).toEqual([...received.map((e) => e.seq)].sort((a, b) => a - b));
      if (how === 'commit') expect(received[0]!.seq).toBe(writer.seq);
      await ws.close();
    });
  }
});

describe.skipIf(!onPostgres)('event hub starting while a writer is in flight (postgres)', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.dispose();
  });

  it('starts from a settled head: an event committed after start-up with a lower seq still reaches clients', async () => {
    db = await createTestDatabase();
    const { default: pg } = await import('pg');
    const slow = new pg.Client({ connectionString: db.url! });
    await slow.connect();
    await slow.query('begin');
    const { rows } = await slow.query(`insert into events (kind, mechanism_id, data) values ('incident.updated', null, '{"incidentId":"in-flight"}') returning seq`);
    const booting = startApp(await db.open()).then((app) => {
      apps.push(app);
      return app;
    });
    await new Promise((r) => setTimeout(r, 300));
    await slow.query('commit');
    await slow.end();
    const app = await booting;
    const { ws, hello } = await subscribe(await listen(app), await signIn(app, 'supervisor.us'), Number(rows[0].seq) - 1);
    expect(hello).toBeGreaterThanOrEqual(Number(rows[0].seq));
    await ws.waitFor((m) => isEvent(m) && m.data.incidentId === 'in-flight');
    await ws.close();
  });
});

describe.skipIf(!onPostgres)('event hub across instances (postgres)', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) apps.push(await startApp(await db.open()));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await db?.dispose();
  });

  it('brings a change written through one instance to a websocket client of the other', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const bUrl = await listen(b);
    const { ws } = await subscribe(bUrl, await signIn(b, 'consul.tijuana'));
    const res = await a.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: await signIn(a, 'liaison.sandiego') }, payload: report() });
    expect(res.statusCode).toBe(201);
    const started = Date.now();
    await ws.waitFor((m) => isEvent(m) && m.kind === 'incident.created' && m.data.incidentId === res.json().id, 3000);
    // NOTIFY, not the 500 ms poll of the test config, should carry it.
    expect(Date.now() - started).toBeLessThan(1000);
    await ws.close();
  });
});
