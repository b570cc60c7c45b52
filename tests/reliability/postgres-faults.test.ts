import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '@server/core/db.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { listen, signIn, startApp } from '../helpers/app.js';
import { incidentReport } from '../helpers/factories.js';
import { startFaultProxy, type FaultProxy } from '../helpers/tcp-proxy.js';
import { connectWs, type TestSocket } from '../helpers/ws.js';

/**
 * What officers see when PostgreSQL goes away under load, on two instances sharing one
 * database: a restart (every connection cut, new ones refused for a while), every app
 * connection terminated by the server (pg_terminate_backend: admin shutdown), and a server
 * that stops answering (frozen). No process dies, a request during the outage is a 503 with
 * Retry-After (never a 500 or a hang past the timeouts), both recover without a restart,
 * every 201 exists, and live delivery carries on. A process that would die of it shows here
 * as vitest's unhandled error, which fails the run. The embedded database has no connection
 * to lose: PostgreSQL only.
 */
const TIMEOUTS = { connectMs: 1_000, statementMs: 1_000, idleInTransactionMs: 5_000, poolMax: 8 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  retryAfter: string | undefined;
  id?: string;
  ms: number;
}

describe.runIf(onPostgres)('PostgreSQL faults under write load on two instances', () => {
  let db: TestDatabase;
  let proxy: FaultProxy;
  const databases: Database[] = [];
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];
  const cookies: string[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url!);
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    for (let i = 0; i < 2; i++) {
      const database = await db.open({ through: proxy.through, timeouts: TIMEOUTS });
      databases.push(database);
      const app = await startApp(database, { env: { EVENTS_POLL_MS: '500' } });
      apps.push(app);
      urls.push(await listen(app));
      cookies.push(await signIn(app, 'supervisor.us'));
    }
    for (const [i, url] of urls.entries()) {
      const ws = await connectWs(url, cookies[i]!);
      await ws.waitFor((m) => m.type === 'hello');
      ws.send({ type: 'subscribe' });
      sockets.push(ws);
    }
  }, 60_000);
  afterAll(async () => {
    for (const ws of sockets) await ws.close();
    for (const app of apps) await app.close();
    await proxy?.close();
    await db?.dispose();
  });

  /** Reports incidents on both instances, `concurrency` at a time, until `stop` resolves. */
  async function writeLoad(stop: Promise<void>, concurrency = 4): Promise<Answer[]> {
    const answers: Answer[] = [];
    let stopped = false;
    void stop.then(() => (stopped = true));
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let n = 0; !stopped; n++) {
          const i = (worker + n) % apps.length;
          const started = Date.now();
          const res = await apps[i]!.inject({
            method: 'POST',
            url: '/api/incidents',
            headers: { cookie: cookies[i]! },
            payload: incidentReport({ summary: `Fault drill report ${worker}-${n}` }),
          });
          answers.push({
            status: res.statusCode,
            retryAfter: res.headers['retry-after'] as string | undefined,
            id: res.statusCode === 201 ? (res.json() as { id: string }).id : undefined,
            ms: Date.now() - started,
          });
          // A client told to wait does: the next try goes out a little later.
          if (res.statusCode === 503) await sleep(100);
        }
      }),
    );
    return answers;
  }

  const stored = async (ids: string[]) => {
    const client = await db.client();
    try {
      const { rows } = await client.query<{ id: string }>('select id from incidents where id = any($1)', [ids]);
      return new Set(rows.map((r) => r.id));
    } finally {
      await client.end();
    }
  };

  const recovered = async () => {
    for (const app of apps) {
      let status = 0;
      for (let tries = 0; tries < 50 && status !== 200; tries++) {
        status = (await app.inject({ url: '/api/health' })).statusCode;
        if (status !== 200) await sleep(200);
      }
      expect(status).toBe(200);
    }
  };

  const expectOutageAnswers = (answers: Answer[]) => {
    const statuses = new Set(answers.map((a) => a.status));
    // Only created or "try again shortly": never a 500, never anything else.
    expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 503).every((a) => a.retryAfter === '5')).toBe(true);
    expect(statuses.has(503)).toBe(true); // the fault was felt
    expect(statuses.has(201)).toBe(true);
  };

  const everyCreatedDelivered = async (ids: string[]) => {
    const deadline = Date.now() + 15_000;
    for (const ws of sockets) {
      for (;;) {
        const seen = new Set(
          ws.messages
            .filter((m) => m.type === 'event' && m.kind === 'incident.created')
            .map((m) => (m.data as { incidentId: string }).incidentId),
        );
        const missing = ids.filter((id) => !seen.has(id));
        if (missing.length === 0) break;
        if (Date.now() > deadline) throw new Error(`${missing.length} of ${ids.length} incidents never delivered live`);
        await sleep(200);
      }
    }
  };

  /**
   * Writes on both instances through `fault`, then checks what officers would: only 201s and
   * 503s with Retry-After, both instances healthy again, every 201 stored and delivered live.
   */
  async function throughFault(fault: () => Promise<void>): Promise<void> {
    let stop!: () => void;
    const load = writeLoad(new Promise((resolve) => (stop = resolve)));
    await fault();
    stop();
    const answers = await load;
    expectOutageAnswers(answers);
    await recovered();
    const ids = answers.flatMap((a) => (a.id ? [a.id] : []));
    expect((await stored(ids)).size).toBe(ids.length);
    await everyCreatedDelivered(ids);
  }

  const terminateAppConnections = async (rounds: number, pauseMs: number) => {
    const killer = await db.client();
    const name = new URL(db.url!).pathname.slice(1);
    for (let round = 0; round < rounds; round++) {
      await killer.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await sleep(pauseMs);
    }
    await killer.end();
  };

  it('a restart: 503s with Retry-After while it is down, then both recover; every 201 stored and delivered', async () => {
    await throughFault(async () => {
      await sleep(800);
      await proxy.restart(1_500);
      await sleep(1_500);
    });
  }, 60_000);

  it('every app connection terminated by the server: no process dies, recovery without a restart', async () => {
    await throughFault(async () => {
      await sleep(500);
      await terminateAppConnections(5, 150);
      await sleep(1_000);
    });
  }, 60_000);

  it('a server that stops answering: health and requests answer 503 within their timeouts, not after the freeze', async () => {
    const freeze = proxy.freeze(6_000);
    await sleep(200);
    const started = Date.now();
    const [health, feed] = await Promise.all([
      apps[0]!.inject({ url: '/api/health' }),
      apps[1]!.inject({ url: '/api/incidents', headers: { cookie: cookies[1]! } }),
    ]);
    const waited = Date.now() - started;
    expect(health.statusCode).toBe(503);
    expect(feed.statusCode).toBe(503);
    expect(feed.headers['retry-after']).toBe('5');
    expect(feed.json()).toMatchObject({
      code: 'database_unavailable',
      messageEs: expect.stringMatching(/base de datos/),
    });
    // Both answered by their deadlines (health 2 s, a statement 1 s + 2 s of grace), well before the 6 s freeze ends.
    expect(waited).toBeLessThan(5_000);
    await freeze;
    await recovered();
  }, 60_000);

  it('leaks no connection: after connections die in every state, a full pool of transactions still runs', async () => {
    const database = databases[0]!;
    const churn = Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(${(i % 4) * 0.02})`);
        }),
      ),
    );
    await terminateAppConnections(10, 20);
    await churn;
    // As many transactions at once as the pool has connections, each holding its own: with one
    // connection leaked, the last would wait for a connection that never comes back.
    const results = await Promise.allSettled(
      Array.from({ length: TIMEOUTS.poolMax }, () =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.3)`);
          return 'done';
        }),
      ),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual(
      Array(TIMEOUTS.poolMax).fill('done'),
    );
  }, 60_000);
});
