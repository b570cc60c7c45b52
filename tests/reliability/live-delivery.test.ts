import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { SessionUser } from '@shared/auth.js';
import { liveCloseCodes } from '@shared/events.js';
import { events } from '@server/db/schema/events.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { listen, ManualClock, signIn, startApp } from '../helpers/app.js';
import { connectWs, type TestSocket } from '../helpers/ws.js';

/** A server-side socket that misbehaves as told: throws on send, or never drains. */
class OddSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  sent = 0;
  closedWith: number | null = null;
  constructor(readonly behaviour: { throws?: boolean; buffered?: number }) {
    super();
  }
  get bufferedAmount() {
    return this.behaviour.buffered ?? 0;
  }
  send() {
    if (this.behaviour.throws) throw new Error('socket exploded');
    this.sent++;
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
    this.emit('close');
  }
  terminate() {
    this.close(1006);
  }
}

const everyone = { countries: ['US', 'MX'] as ['US', 'MX'] };

describe(`live delivery keeps going whatever one client does (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock: new ManualClock(), env: { EVENTS_REPLAY_LIMIT: '100' } });
    url = await listen(app);
    cookie = await signIn(app, 'supervisor.us');
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  /** Writes events for everyone and wakes the hub, as a committed change does. */
  const announce = async (count: number) => {
    const rows = await app.db
      .insert(events)
      .values(
        Array.from({ length: count }, (_, i) => ({ kind: 'incident.updated', audience: [everyone], data: { i } })),
      )
      .returning({ seq: events.seq });
    await app.eventHub.wake();
    return rows.map((r) => r.seq);
  };

  const subscribed = async (since?: number): Promise<TestSocket> => {
    const ws = await connectWs(url, cookie);
    await ws.waitFor((m) => m.type === 'hello');
    ws.send(since === undefined ? { type: 'subscribe' } : { type: 'subscribe', since });
    // The subscription is live once an event written after it arrives.
    const [probe] = await announce(1);
    await ws.waitFor((m) => m.seq === probe);
    return ws;
  };

  const attachOdd = async (behaviour: { throws?: boolean; buffered?: number }, user?: SessionUser | null) => {
    const socket = new OddSocket(behaviour);
    const me = (await app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user as SessionUser;
    app.eventHub.attach(
      socket as unknown as WebSocket,
      (user === undefined ? me : user) as SessionUser,
      'odd-session',
      new Date(Date.now() + 3_600_000),
    );
    socket.emit('message', JSON.stringify({ type: 'subscribe' }));
    return socket;
  };

  it('a socket that throws, one with no user and one that never reads are let go; everyone else gets every event, in order', async () => {
    const officer = await subscribed();
    const throwing = await attachOdd({ throws: true });
    const anonymous = await attachOdd({}, null);
    const stalled = await attachOdd({});
    // Let the odd sockets' subscriptions go live; then one stops reading (8 MB wait in its buffer).
    await new Promise((resolve) => setTimeout(resolve, 100));
    stalled.behaviour.buffered = 8 << 20;
    const sentBeforeStalling = stalled.sent;
    const greetedOnly = anonymous.sent; // the hello, which names no event

    const seqs = await announce(20);
    const started = Date.now();
    await officer.waitFor((m) => m.seq === seqs.at(-1), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const received = officer.messages.filter((m) => m.type === 'event' && seqs.includes(m.seq as number));
    expect(received.map((m) => m.seq)).toEqual(seqs);

    expect(throwing.closedWith).toBe(1011);
    expect(anonymous.closedWith).toBe(1011);
    expect(stalled.closedWith).toBe(liveCloseCodes.resume);
    // Let go means let go: nothing more is tried on them.
    expect(anonymous.sent).toBe(greetedOnly);
    expect(stalled.sent).toBe(sentBeforeStalling);
    await officer.close();
  });

  it('answers a since beyond the log with a reset to the head, and then delivers live events', async () => {
    const ws = await connectWs(url, cookie);
    const hello = (await ws.waitFor((m) => m.type === 'hello')).seq as number;
    ws.send({ type: 'subscribe', since: hello + 1_000_000 });
    const reset = await ws.waitFor((m) => m.type === 'reset');
    expect(reset.seq).toBeGreaterThanOrEqual(hello);
    const [next] = await announce(1);
    await ws.waitFor((m) => m.seq === next);
    await ws.close();
  });

  it('resets a client further behind than the replay limit instead of replaying everything', async () => {
    const [first] = await announce(150);
    const ws = await connectWs(url, cookie);
    await ws.waitFor((m) => m.type === 'hello');
    ws.send({ type: 'subscribe', since: first! - 1 });
    await ws.waitFor((m) => m.type === 'reset');
    expect(ws.messages.filter((m) => m.type === 'event')).toEqual([]);
    await ws.close();
  });

  it('replays a client within the limit exactly, in order', async () => {
    const seqs = await announce(50);
    const ws = await subscribed(seqs[0]! - 1);
    const replayed = ws.messages.filter((m) => m.type === 'event').map((m) => m.seq as number);
    expect(replayed.slice(0, 50)).toEqual(seqs);
    await ws.close();
  });
});

describe(`a session that ends closes its sockets on every instance at once (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      // The periodic session check is 30 s: a close within seconds can only come from the announcement.
      const app = await startApp(await db.open(), { clock: new ManualClock() });
      apps.push(app);
      urls.push(await listen(app));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.dispose();
  });

  it('signing out on one instance closes the socket held by the other', async () => {
    const cookie = await signIn(apps[0]!, 'liaison.sandiego');
    const ws = await connectWs(urls[1]!, cookie);
    await ws.waitFor((m) => m.type === 'hello');
    const closed = new Promise<number>((resolve) => ws.socket.once('close', (code) => resolve(code)));
    const started = Date.now();
    const out = await apps[0]!.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(await closed).toBe(liveCloseCodes.sessionEnded);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
