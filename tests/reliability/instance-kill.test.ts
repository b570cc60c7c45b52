import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { incidentReport } from '../helpers/factories.js';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import WebSocket from 'ws';

/**
 * Two real server processes on one PostgreSQL database; one is killed with SIGKILL in the
 * middle of a burst of reports. Every client ends with every event exactly once and in
 * order (the killed instance's clients reconnect to the survivor and resume from their last
 * seq), and every report answered 201 is stored. PostgreSQL only: the embedded database
 * belongs to one process.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function startInstance(databaseUrl: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: '0',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      EVENTS_POLL_MS: '500',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 150; tries++) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, process: child };
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('server process did not become healthy');
}

/** A page's live connection as the client keeps it: resubscribes from its last seq on whatever instance is up. */
class Page {
  seqs: number[] = [];
  incidents = new Set<string>();
  private socket: WebSocket | null = null;
  private closed = false;
  constructor(
    private urls: () => string[],
    private cookie: string,
  ) {}
  connect(): Promise<void> {
    const [url] = this.urls();
    const socket = new WebSocket(`${url!.replace('http', 'ws')}/ws`, { headers: { cookie: this.cookie } });
    this.socket = socket;
    let last: number | null = this.seqs.at(-1) ?? null;
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as {
        type: string;
        seq: number;
        kind?: string;
        data?: { incidentId?: string };
      };
      if (message.type === 'hello') {
        last ??= message.seq;
        socket.send(JSON.stringify({ type: 'subscribe', since: last }));
      } else if (message.type === 'event') {
        this.seqs.push(message.seq);
        if (message.kind === 'incident.created' && message.data?.incidentId)
          this.incidents.add(message.data.incidentId);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!this.closed) setTimeout(() => void this.connect(), 100);
    });
    return new Promise((resolve) => socket.once('open', () => resolve()));
  }
  close() {
    this.closed = true;
    this.socket?.close();
  }
}

describe.runIf(onPostgres)('one of two server processes killed mid-burst', () => {
  let db: TestDatabase;
  const instances: Array<{ url: string; process: ChildProcess }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    instances.push(...(await Promise.all([startInstance(db.url!), startInstance(db.url!)])));
  }, 90_000);
  afterAll(async () => {
    for (const instance of instances) instance.process.kill('SIGKILL');
    await db?.dispose();
  });

  it('every client ends with every event once, in order; every 201 is stored', async () => {
    const cookies = await Promise.all(
      instances.map(async ({ url }) => {
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'supervisor.us', password: DEMO_PASSWORD }),
        });
        return res.headers.getSetCookie()[0]!.split(';')[0]!;
      }),
    );
    let alive = [0, 1];
    const pages = Array.from(
      { length: 20 },
      (_, i) => new Page(() => alive.map((a) => instances[a]!.url).slice(i % alive.length), cookies[i % 2]!),
    );
    await Promise.all(pages.map((p) => p.connect()));
    await sleep(300);

    const created: string[] = [];
    let stop = false;
    const burst = Promise.all(
      Array.from({ length: 16 }, async (_, worker) => {
        for (let n = 0; !stop; n++) {
          const target = alive[(worker + n) % alive.length]!;
          const res = await fetch(`${instances[target]!.url}/api/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: cookies[target]! },
            body: JSON.stringify(incidentReport({ summary: `Burst ${worker}-${n}` })),
          }).catch(() => null); // the killed instance answers nothing
          if (res?.status === 201) created.push(((await res.json()) as { id: string }).id);
        }
      }),
    );
    await sleep(1_500);
    instances[1]!.process.kill('SIGKILL');
    alive = [0];
    await sleep(2_000);
    stop = true;
    await burst;
    expect(created.length).toBeGreaterThan(20);

    // Stored: every answered report.
    const client = await db.client();
    const { rows } = await client.query<{ id: string }>('select id from incidents where id = any($1)', [created]);
    expect(rows.length).toBe(created.length);
    const { rows: logged } = await client.query<{ seq: string }>(
      `select seq from events where seq > (select min(seq) - 1 from events where data->>'incidentId' = any($1)) order by seq`,
      [created],
    );
    await client.end();

    // Delivered: each page has each event of the log once, in order, and every created incident.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && pages.some((p) => created.some((id) => !p.incidents.has(id)))) await sleep(200);
    const expectedTail = logged.map((r) => Number(r.seq));
    for (const page of pages) {
      expect(created.filter((id) => !page.incidents.has(id))).toEqual([]);
      expect(new Set(page.seqs).size).toBe(page.seqs.length);
      expect([...page.seqs].sort((a, b) => a - b)).toEqual(page.seqs);
      expect(expectedTail.filter((seq) => !page.seqs.includes(seq))).toEqual([]);
    }
    for (const page of pages) page.close();
  }, 120_000);
});
