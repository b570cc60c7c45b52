import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import { adminUrl, databaseUrlFor } from '../helpers/postgres.js';
import { benchRepatriationEngine, type BenchFigure } from './repatriation-engine.js';
import { benchRepatriationHttp } from './repatriation-http.js';
import type { Database } from '@server/core/db.js';
import { benchIncidentTiles, seedTenYears, TILE_INCIDENTS, TILE_YEARS } from './incident-tiles.js';
import {
  benchIncidentsGeojson,
  benchMapInBrowser,
  mapBenchSizes,
  openThisWeek,
  seedBrowserIncidents,
} from './operations-map.js';
import { benchReports, reportBenchSizes } from './reports.js';

/**
 * `npm run bench` (issues 3, 14, 16): alert fan-out to 1,000 websocket clients beside a bare `ws`
 * broadcast, incident-create throughput beside the same transaction in bare `pg`, and the
 * repatriation engine and `POST /api/repatriation/check` beside their baselines, each pair
 * measured in the same run on this machine. Needs PostgreSQL (DATABASE_URL, or the local
 * server at 127.0.0.1:5432); it creates and drops its own database.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDb = `boc_bench_${process.pid}`;
const benchUrl = databaseUrlFor(serverUrl, benchDb);

function start(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server the bench starts (NODE_OPTIONS may not carry --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(script, {
    execArgv: ['--import', 'tsx', ...profile],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, base: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Opens `n` sockets; `onMessage` sees each raw message with its arrival time. */
async function openClients(
  url: string,
  n: number,
  headers: Array<Record<string, string>>,
  onMessage: (raw: string, at: number) => void,
  subscribe: boolean,
) {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += 100) {
    await Promise.all(
      Array.from(
        { length: Math.min(100, n - i) },
        (_, j) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(url, { headers: headers[(i + j) % headers.length] });
            ws.on('message', (data) => {
              const raw = String(data);
              if (subscribe && raw.startsWith('{"type":"hello"')) {
                ws.send(JSON.stringify({ type: 'subscribe', since: JSON.parse(raw).seq }));
                resolve();
                return;
              }
              onMessage(raw, performance.now());
            });
            ws.once('open', () => !subscribe && resolve());
            ws.once('error', reject);
            sockets.push(ws);
          }),
      ),
    );
  }
  return sockets;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Fires `send()` and resolves when `CLIENTS` deliveries tagged `tag` have arrived. */
function timeFanOut(
  pending: Map<string, { left: number; done: (at: number) => void }>,
  tag: string,
  send: () => Promise<unknown>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    pending.set(tag, { left: CLIENTS, done: (at) => resolve(at - t0) });
    send().catch(reject);
  });
}

function arrivalCounter() {
  const pending = new Map<string, { left: number; done: (at: number) => void }>();
  const arrive = (tag: string | undefined, at: number) => {
    const p = tag ? pending.get(tag) : undefined;
    if (p && --p.left === 0) {
      pending.delete(tag!);
      p.done(at);
    }
  };
  return { pending, arrive };
}

const incidentBody = (i: number) =>
  JSON.stringify({
    type: 'migrant_distress',
    severity: 'high',
    summary: `Bench incident ${i}: group reported in distress near the levee`,
    location: { lat: 32.54, lon: -117.03 },
    occurredAt: new Date().toISOString(),
  });

async function fanOut(base: string, cookies: string[]) {
  // The tag is in the incident summary; the bare server sends the very message the console sent.
  const tagOf = (raw: string) => /Bench incident (\d+):/.exec(raw)?.[1];
  const consoleCounter = arrivalCounter();
  /** What the console's clients got for each incident: the bare server broadcasts the same bytes. */
  const received = new Map<string, string>();
  const sockets = await openClients(
    `${base.replace('http', 'ws')}/ws`,
    CLIENTS,
    cookies.map((cookie) => ({ cookie })),
    (raw, at) => {
      if (!raw.includes('"kind":"incident.created"')) return;
      const tag = tagOf(raw);
      if (tag && !received.has(tag)) received.set(tag, raw);
      consoleCounter.arrive(tag, at);
    },
    true,
  );

  const bare = await start('tests/bench/bare-broadcast.ts', {});
  const bareCounter = arrivalCounter();
  const bareSockets = await openClients(
    bare.base.replace('http', 'ws'),
    CLIENTS,
    [{}],
    (raw, at) => bareCounter.arrive(tagOf(raw), at),
    false,
  );

  const consoleTimes: number[] = [];
  const bareTimes: number[] = [];
  const warmUp = 10;
  for (let i = 0; i < INCIDENTS + warmUp; i++) {
    const body = incidentBody(i);
    const c = await timeFanOut(consoleCounter.pending, String(i), () =>
      fetch(`${base}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[0]! },
        body,
      }).then((r) => r.arrayBuffer()),
    );
    const payload = received.get(String(i))!;
    received.delete(String(i));
    const b = await timeFanOut(bareCounter.pending, String(i), () =>
      fetch(`${bare.base}/broadcast`, { method: 'POST', body: payload }),
    );
    if (i >= warmUp) {
      consoleTimes.push(c);
      bareTimes.push(b);
    }
  }
  for (const s of [...sockets, ...bareSockets]) s.terminate();
  bare.child.disconnect();
  return { consoleTimes, bareTimes };
}

/** Runs `task(0)` … `task(CREATES - 1)` with CONCURRENCY in flight; resolves to tasks per second. */
async function perSecond(task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CREATES) await task(next++);
    }),
  );
  return CREATES / ((performance.now() - t0) / 1000);
}

/**
 * Reports posted with `node:http` on kept-alive connections: the load generator shares the two
 * cores with the console and PostgreSQL, and `fetch` spends 0.87 ms of CPU per request where
 * `node:http` spends 0.24 (measured beside each other; docs/benchmarks.md).
 */
function createThroughput(base: string, cookie: string): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie };
      const req = http.request(`${base}/api/incidents`, { method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`create: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  return perSecond((i) => post(incidentBody(i))).finally(() => agent.destroy());
}

/**
 * Baseline: the transaction one report writes, with bare `pg` at the same concurrency —
 * the incident, its timeline entry, the local alert, the reporting government's
 * acknowledgement, the escalation's due work, two audit rows, three outbox events and the
 * NOTIFY — as parameterised statements, no framework. What the console adds on top is
 * HTTP, the session, validation, assignment and the place description.
 */
async function bareTransactionThroughput(): Promise<number> {
  const pool = new pg.Pool({ connectionString: benchUrl, max: CONCURRENCY });
  const [user] = (await pool.query(`select id, display_name from users where username = 'supervisor.us'`)).rows as [
    { id: string; display_name: string },
  ];
  const audience = JSON.stringify([{ mechanismIds: ['san-diego-tijuana'] }, { userIds: [user.id] }]);
  const rate = await perSecond(async (i) => {
    const client = await pool.connect();
    try {
      const summary = `Bench incident ${i}: group reported in distress near the levee`;
      const now = new Date();
      const deadline = new Date(now.getTime() + 20 * 60_000);
      await client.query('begin');
      const { rows: incidentRows } = await client.query(
        `insert into incidents (type, severity, summary, location, occurred_at, mechanism_id, area_ids, reported_by, reporting_agency, reporting_country, created_at, updated_at)
           values ('migrant_distress', 'high', $1, point(-117.03, 32.54), $2, 'san-diego-tijuana', '[]', $3, 'U.S. Border Patrol', 'US', $2, $2)
         returning *`,
        [summary, now, user.id],
      );
      const incident = incidentRows[0] as { id: string };
      await client.query(
        `insert into incident_events (incident_id, kind, text, data, actor_name, at) values ($1, 'reported', $2, $3, $4, $5)`,
        [incident.id, summary, JSON.stringify({ type: 'migrant_distress', severity: 'high' }), user.display_name, now],
      );
      const { rows: alertRows } = await client.query(
        `insert into alerts (incident_id, tier, raised_at, ack_deadline) values ($1, 'local', $2, $3) returning id`,
        [incident.id, now, deadline],
      );
      const alertId = (alertRows[0] as { id: string }).id;
      await client.query(
        `insert into acknowledgements (alert_id, government, user_id, user_name, at, with_report) values ($1, 'US', $2, $3, $4, true)`,
        [alertId, user.id, user.display_name, now],
      );
      await client.query(
        `insert into due_work (kind, subject_id, due_at, payload) values ('incident.escalation', $1, $2, $3)`,
        [incident.id, deadline, JSON.stringify({ alertId })],
      );
      await client.query(
        `insert into audit_log (actor_id, actor_username, action, entity, entity_id, after)
           values ($1, 'supervisor.us', 'incident.create', 'incident', $2, $3), ($1, 'supervisor.us', 'alert.acknowledge', 'alert', $4, $5)`,
        [
          user.id,
          incident.id,
          JSON.stringify(incident),
          alertId,
          JSON.stringify({ government: 'US', withReport: true }),
        ],
      );
      await client.query(
        `insert into events (kind, data, audience) values ('incident.created', $1, $4), ('alert.raised', $2, $4), ('alert.acknowledged', $3, $4)`,
        [
          JSON.stringify({ incidentId: incident.id, incident }),
          JSON.stringify({ incidentId: incident.id, alertId, tier: 'local', ackDeadline: deadline }),
          JSON.stringify({ incidentId: incident.id, alertId, tier: 'local', government: 'US', by: user.display_name }),
          audience,
        ],
      );
      await client.query(`select pg_notify('events', '')`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  });
  await pool.end();
  return rate;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
  await admin.connect();
  // `BENCH_ONLY=map npm run bench`: the operations map's figures alone.
  if (process.env.BENCH_ONLY === 'map') {
    await benchOperationsMap(admin);
    await admin.end();
    return;
  }
  // `BENCH_ONLY=reports npm run bench`: the review report's figures alone.
  if (process.env.BENCH_ONLY === 'reports') {
    await benchReportSummary(admin);
    await admin.end();
    return;
  }
  // `BENCH_ONLY=fanout npm run bench`: alert fan-out and create throughput alone.
  const fanOutOnly = process.env.BENCH_ONLY === 'fanout';
  await admin.query(`create database ${benchDb}`);
  const server = await start('tests/bench/server.ts', { DATABASE_URL: benchUrl, ACK_MINUTES_HIGH: '1440' });
  try {
    const cookies = await Promise.all(
      ['supervisor.us', 'supervisor.mx', 'central.us', 'central.mx', 'consul.tijuana', 'liaison.sandiego', 'admin'].map(
        (u) => signIn(server.base, u),
      ),
    );
    const { consoleTimes, bareTimes } = await fanOut(server.base, cookies);
    const createRate = await createThroughput(server.base, cookies[0]!);
    const transactionRate = await bareTransactionThroughput();

    const rows = [
      ['fan-out p50 (ms)', percentile(consoleTimes, 50), percentile(bareTimes, 50)],
      ['fan-out p99 (ms)', percentile(consoleTimes, 99), percentile(bareTimes, 99)],
    ];
    console.log(
      `\nAlert fan-out: POST /api/incidents → last of ${CLIENTS} websocket clients has incident.created (${consoleTimes.length} incidents)`,
    );
    console.log('figure               console   baseline (bare ws broadcast)   ratio');
    for (const [name, c, b] of rows)
      console.log(
        `${String(name).padEnd(20)} ${Number(c).toFixed(1).padStart(7)}   ${Number(b).toFixed(1).padStart(7)}                        ${(Number(c) / Number(b)).toFixed(2)}×`,
      );
    console.log(`\nIncident create throughput at concurrency ${CONCURRENCY} (${CREATES} requests)`);
    console.log('figure               console   baseline (same transaction, bare pg)   ratio');
    console.log(
      `${'creates/s'.padEnd(20)} ${createRate.toFixed(0).padStart(7)}   ${transactionRate.toFixed(0).padStart(7)}                                ${(createRate / transactionRate).toFixed(2)}×`,
    );
    printFigures(
      'Repatriation engine, pure, in process (issue 14; goal ≥ 50,000 evaluations/s)',
      await benchRepatriationEngine(),
    );
  } finally {
    server.child.disconnect();
    await new Promise((r) => server.child.once('exit', r));
    await admin.query(`drop database if exists ${benchDb} with (force)`);
  }
  if (fanOutOnly) return void (await admin.end());
  // The check's latency on its own server and database, so the fan-out run's rows don't weigh on it.
  const repatriationDb = `${benchDb}_repatriation`;
  await admin.query(`create database ${repatriationDb}`);
  try {
    printFigures(
      'POST /api/repatriation/check at concurrency 16 (issue 14; goal p99 ≤ 3× health)',
      await benchRepatriationHttp({ databaseUrl: databaseUrlFor(serverUrl, repatriationDb) }),
    );
  } finally {
    await admin.query(`drop database if exists ${repatriationDb} with (force)`);
  }
  await benchOperationsMap(admin);
  await benchReportSummary(admin);
  await admin.end();
}

/** Issue 25: the review report for a year over 100,000 incidents and 50,000 movements, on both databases. */
async function benchReportSummary(admin: pg.Client) {
  const reportsDb = `${benchDb}_reports`;
  await admin.query(`create database ${reportsDb}`);
  try {
    printFigures(
      `GET /api/reports/summary, a year over ${reportBenchSizes.INCIDENTS} incidents and ${reportBenchSizes.MOVEMENTS} movements, in process (issue 25; goal < 1 s)`,
      await benchReports(databaseUrlFor(serverUrl, reportsDb)),
    );
  } finally {
    await admin.query(`drop database if exists ${reportsDb} with (force)`);
  }
}

/**
 * Issues 17 and 26: incidents.geojson at 100,000 stored incidents and the vector tiles at a
 * million on both databases, in process; then the map in Chromium on PostgreSQL with 50,000
 * incidents in its default view and with a million over ten years.
 */
async function benchOperationsMap(admin: pg.Client) {
  const geojsonDb = `${benchDb}_map`;
  await admin.query(`create database ${geojsonDb}`);
  try {
    printFigures(
      `GET /api/incidents.geojson over ${mapBenchSizes.STORED} stored incidents, in process (issue 17; goal well under a second)`,
      await benchIncidentsGeojson(databaseUrlFor(serverUrl, geojsonDb)),
    );
  } finally {
    await admin.query(`drop database if exists ${geojsonDb} with (force)`);
  }
  // `BENCH_MAP_SKIP_TILES=1`: the browser's figures alone.
  if (!process.env.BENCH_MAP_SKIP_TILES) {
    const tilesDb = `${benchDb}_tiles`;
    await admin.query(`create database ${tilesDb}`);
    try {
      printFigures(
        `GET /api/incidents/tiles/:z/:x/:y over ${TILE_INCIDENTS} incidents in ${TILE_YEARS} years, in process (issue 26; goals: tile p99 < 150 ms, area statistics < 200 ms)`,
        await benchIncidentTiles(databaseUrlFor(serverUrl, tilesDb)),
      );
    } finally {
      await admin.query(`drop database if exists ${tilesDb} with (force)`);
    }
  }
  const stores = [
    // The page's own floor on this machine: everything but the incidents.
    ['no incidents (the page alone: basemap, reference layers, panels)', async () => {}],
    [`${mapBenchSizes.ON_MAP} open incidents, all in the default view (goal < 1.5 s)`, openThisWeek],
    [
      `${TILE_INCIDENTS} incidents over ${TILE_YEARS} years (goal < 2 s)`,
      (database: Database) => seedTenYears(database),
    ],
  ] as const;
  // The page alone's loads: the baseline the incidents' loads are read against (what they cost over the floor).
  let pageAlone: { load: number; reload: number } | undefined;
  // `BENCH_MAP_SKIP_BROWSER=1`: the in-process figures alone.
  for (const [title, incidents] of process.env.BENCH_MAP_SKIP_BROWSER ? [] : stores) {
    const browserDb = `${benchDb}_map_browser`;
    await admin.query(`create database ${browserDb}`);
    const url = databaseUrlFor(serverUrl, browserDb);
    await seedBrowserIncidents(url, incidents);
    const server = await start('tests/bench/server.ts', { DATABASE_URL: url });
    try {
      const f = await benchMapInBrowser(server.base);
      const rss = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${server.child.pid}/status`, 'utf8'))?.[1];
      console.log(`\nOperations map in headless Chromium on PostgreSQL, ${title} (issues 17, 26)`);
      console.log(`WebGL drawn by ${f.renderer}`);
      const loadMs = percentile(f.loads, 50);
      console.log(
        `page load → map idle: ${f.loads.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${loadMs.toFixed(0)} ms) beside the default view's GeoJSON fetched and parsed in the same page: median ${percentile(f.geojsonMs, 50).toFixed(0)} ms, ${(f.geojsonBytes / 1e6).toFixed(2)} MB (${(loadMs / percentile(f.geojsonMs, 50)).toFixed(2)}×)`,
      );
      const reloadMs = percentile(f.reloads, 50);
      console.log(
        `reloaded in its tab → map idle: ${f.reloads.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${reloadMs.toFixed(0)} ms)`,
      );
      if (!pageAlone) pageAlone = { load: loadMs, reload: reloadMs };
      else
        for (const [what, ms, alone] of [
          ['page load', loadMs, pageAlone.load],
          ['reload', reloadMs, pageAlone.reload],
        ] as const)
          console.log(
            `${what} → map idle beside the page alone in this run: ${ms.toFixed(0)} vs ${alone.toFixed(0)} ms (${(ms / alone).toFixed(2)}×, the incidents' cost ${(ms - alone).toFixed(0)} ms)`,
          );
      console.log(
        `one warm load fetched ${(f.apiBytes / 1e6).toFixed(2)} MB from the API (goal ≤ 2 MB), ${(f.tileBytes / 1024).toFixed(1)} kB of it in ${f.tileRequests} tiles`,
      );
      console.log(
        `type filter clicked → redrawn: ${f.filterMs.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${percentile(f.filterMs, 50).toFixed(0)} ms; goal < 500 ms), at most ${f.filterTiles} tiles fetched for ${f.tilesInView} in view`,
      );
      const live =
        f.liveMs >= 0
          ? `${f.liveMs.toFixed(0)} ms (POST sent → drawn ${f.postToDrawnMs.toFixed(0)} ms)`
          : ['marker drawn but no event seen', 'no event within 60 s', 'event seen, marker not drawn within 60 s'][
              -f.liveMs - 1
            ];
      console.log(
        `one live incident, websocket event → marker drawn: ${live} (goal < 300 ms); tiles fetched for it: ${f.tilesForLive}`,
      );
      console.log(`server RSS after: ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB (goal < 500 MB)`);
    } finally {
      server.child.disconnect();
      await new Promise((r) => server.child.once('exit', r));
      await admin.query(`drop database if exists ${browserDb} with (force)`);
    }
  }
}

function printFigures(title: string, figures: BenchFigure[]) {
  console.log(`\n${title}`);
  for (const f of figures) {
    console.log(
      `${f.name}: ${f.value.toFixed(1)} ${f.unit} beside ${f.baselineName}: ${f.baseline.toFixed(1)} (${(f.value / f.baseline).toFixed(2)}×)`,
    );
  }
}

await main();
