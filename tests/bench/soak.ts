import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import http from 'node:http';
import type { Socket } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import { adminUrl, databaseUrlFor, ignoreConnectionError } from '../helpers/postgres.js';
import { DeliveryBits, digitsAt, percentile, slope } from './soak-stats.js';

/**
 * `npm run soak` (issue #22): one console instance under steady load — 1,000 websocket clients,
 * 50 incident reports a second plus a few reads, for 3 minutes. Per window: p50/p99 alert
 * latency (POST sent → the last reading client has the incident's `incident.created`), read
 * latency, errors, CPU; the server's RSS every 5 s (start, end, max, trend over the second
 * half). Ten of the clients never read: the server should let them go (close 4009) rather than
 * buffer for them. Every reading client must get every incident's event exactly once, in seq
 * order; the exit code is 1 if not. Bounded: it stops by itself at duration + 60 s whatever
 * happens. Needs PostgreSQL (DATABASE_URL, or the local server at 127.0.0.1:5432); it creates
 * and drops its own database.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 1000);
const NON_READERS = Number(process.env.SOAK_NON_READERS ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 50);
const READS_PER_SECOND = Number(process.env.SOAK_READS ?? 4);
const WINDOW_S = SECONDS >= 120 ? 60 : 20;
const SAMPLE_MS = 5000;
/** How long after the last report the deliveries may still arrive before they count as missing. */
const DRAIN_MS = 20_000;
/** Reports waiting for an answer, at most (5 s of them): past it a due report is skipped and counted. */
const MAX_IN_FLIGHT = 5 * RATE;
const HARD_DEADLINE_MS = (SECONDS + 60) * 1000;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const soakDb = `boc_soak_${process.pid}`;
const READERS = CLIENTS - NON_READERS;
const MAX_INCIDENTS = Math.ceil(RATE * SECONDS) + 1;

/** Ports of entry along the line (seeds/border-reference.json, US side), so reports spread over the mechanisms. */
const places = [
  { lat: 32.5425, lon: -117.0288 }, // San Ysidro
  { lat: 32.5503, lon: -116.9385 }, // Otay Mesa
  { lat: 32.6789, lon: -115.4981 }, // Calexico West
  { lat: 32.485, lon: -114.7822 }, // San Luis
  { lat: 31.3328, lon: -110.9425 }, // Nogales
  { lat: 31.334, lon: -109.5603 }, // Douglas
  { lat: 31.7644, lon: -106.4512 }, // El Paso
  { lat: 29.3268, lon: -100.9276 }, // Del Rio
  { lat: 27.4996, lon: -99.5074 }, // Laredo
  { lat: 25.9516, lon: -97.4007 }, // Brownsville
];
/** Unscoped accounts: each sees every mechanism's events, so every reader expects every incident. */
const accounts = ['supervisor.us', 'supervisor.mx', 'central.us', 'central.mx', 'admin'];
const TAG = 'Soak incident #';

const t0 = performance.now();
const elapsed = () => performance.now() - t0;
const log = (line: string) => console.log(`[${(elapsed() / 1000).toFixed(1).padStart(6)} s] ${line}`);

// ---- the server -------------------------------------------------------------------------------

interface Server {
  child: ChildProcess;
  base: string;
  origin: string;
  logged: { warn: number; error: number; firstErrors: string[] };
}

function startServer(databaseUrl: string): Promise<Server> {
  const child = fork('tests/bench/server.ts', {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: databaseUrl, ACK_MINUTES_HIGH: '1440', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const logged = { warn: 0, error: 0, firstErrors: [] as string[] };
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on('line', (line) => {
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 50);
      if (level >= 50) {
        logged.error++;
        if (logged.firstErrors.length < 5) logged.firstErrors.push(line.slice(0, 400));
      } else if (level >= 40) logged.warn++;
    });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => {
      const base = `http://127.0.0.1:${m.port}`;
      resolve({ child, base, origin: base, logged });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
  });
}

/** The server's resident memory (MB) and CPU time so far (s), from /proc. */
function serverUsage(pid: number): { rssMb: number; cpuS: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMb: rssKb / 1024, cpuS: ticks / 100 };
}

// ---- HTTP ---------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request; resolves to its status (0 for a socket error or a 10 s timeout) and body. */
function request(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; setCookie: string[] }> {
  return new Promise((resolve) => {
    const req = http.request(`${base}${path}`, { method, headers, agent, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          setCookie: res.headers['set-cookie'] ?? [],
        }),
      );
      res.on('error', () => resolve({ status: 0, body: 'response error', setCookie: [] }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: e.message, setCookie: [] }));
    req.end(body);
  });
}

async function signIn(server: Server, username: string): Promise<string> {
  const res = await request(
    server.base,
    'POST',
    '/api/auth/login',
    { 'content-type': 'application/json', origin: server.origin },
    JSON.stringify({ username, password: DEMO_PASSWORD }),
  );
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${res.body}`);
  return res.setCookie.map((c) => c.split(';')[0]).join('; ');
}

// ---- what the clients see -------------------------------------------------------------------------

const EVENT_PREFIX = Buffer.from('{"type":"event","seq":');
const KIND_PREFIX = Buffer.from(',"kind":"');
const CREATED = Buffer.from('incident.created"');
const TAG_BYTES = Buffer.from(TAG);

const lastSeq = new Float64Array(CLIENTS);
const createdSeen = new Uint32Array(CLIENTS);
const bits = new DeliveryBits(CLIENTS, MAX_INCIDENTS);
const sentAt = new Float64Array(MAX_INCIDENTS);
const left = new Int32Array(MAX_INCIDENTS);
const latency = new Float64Array(MAX_INCIDENTS).fill(NaN);
/** 0 not sent, 1 in flight, 2 created (201), 3 refused or failed. */
const outcome = new Uint8Array(MAX_INCIDENTS);
const problems = { outOfOrder: 0, duplicates: 0, unknownTag: 0, unexpected: 0, readerClosed: 0, socketErrors: 0 };
const closes = new Map<string, number>();
const nonReaderIndexes = new Set(
  Array.from({ length: NON_READERS }, (_, k) => Math.floor((k * CLIENTS) / NON_READERS)),
);

/** The cheap path each message takes: seq order, and for `incident.created` its tag — no JSON.parse. */
function received(client: number, buf: Buffer): void {
  if (buf.length <= EVENT_PREFIX.length || buf.compare(EVENT_PREFIX, 0, EVENT_PREFIX.length, 0, EVENT_PREFIX.length)) {
    problems.unexpected++;
    return;
  }
  const seq = digitsAt(buf, EVENT_PREFIX.length);
  if (seq.value <= lastSeq[client]!) problems.outOfOrder++;
  lastSeq[client] = seq.value;
  const kindAt = seq.end + KIND_PREFIX.length;
  if (nonReaderIndexes.has(client) || buf.compare(CREATED, 0, CREATED.length, kindAt, kindAt + CREATED.length)) return;
  const tagAt = buf.indexOf(TAG_BYTES, kindAt);
  const tag = tagAt < 0 ? -1 : digitsAt(buf, tagAt + TAG_BYTES.length).value;
  if (tag < 0 || tag >= MAX_INCIDENTS || outcome[tag] === 0) {
    problems.unknownTag++;
    return;
  }
  if (!bits.mark(client, tag)) {
    problems.duplicates++;
    return;
  }
  createdSeen[client]!++;
  if (--left[tag]! === 0) {
    latency[tag] = performance.now() - sentAt[tag]!;
    progress.complete++;
  }
}

function openClients(server: Server, cookies: string[]): Promise<WebSocket[]> {
  const url = `${server.base.replace('http', 'ws')}/ws`;
  const sockets: WebSocket[] = [];
  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url, {
        headers: { cookie: cookies[i % cookies.length]!, origin: server.origin },
        perMessageDeflate: false,
        skipUTF8Validation: true,
      });
      sockets[i] = ws;
      let subscribed = false;
      ws.on('message', (data: Buffer) => {
        if (subscribed) return received(i, data);
        // The hello: subscribe from it (no `since`: everything after the hello).
        subscribed = true;
        ws.send('{"type":"subscribe"}');
        // A client that never reads: its socket stops taking data off the wire, so what the
        // server sends it piles up in the kernel and then in the server's buffer.
        if (nonReaderIndexes.has(i)) (ws as unknown as { _socket: Socket })._socket.pause();
        resolve();
      });
      ws.once('error', (e) => {
        problems.socketErrors++;
        reject(e);
      });
      ws.once('close', (code) => {
        const key = `${nonReaderIndexes.has(i) ? 'non-reader' : 'reader'} ${code}`;
        closes.set(key, (closes.get(key) ?? 0) + 1);
        if (!nonReaderIndexes.has(i) && !closing) problems.readerClosed++;
      });
    });
  return (async () => {
    for (let i = 0; i < CLIENTS; i += 100)
      await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, (_, j) => open(i + j)));
    return sockets;
  })();
}
let closing = false;
const progress = { sent: 0, created: 0, complete: 0, inFlight: 0 };

// ---- the load ---------------------------------------------------------------------------------------

interface Window {
  incidents: number;
  refused: number;
  reads: number[];
  readErrors: number;
  skipped: number;
  cpuServer: number;
  cpuClient: number;
  loopP99: number;
  rssEnd: number;
}

const windows: Window[] = Array.from({ length: Math.ceil(SECONDS / WINDOW_S) }, () => ({
  incidents: 0,
  refused: 0,
  reads: [],
  readErrors: 0,
  skipped: 0,
  cpuServer: 0,
  cpuClient: 0,
  loopP99: 0,
  rssEnd: NaN,
}));
const firstRefusals: string[] = [];

const incidentBody = (i: number) =>
  JSON.stringify({
    type: 'migrant_distress',
    severity: 'high',
    summary: `${TAG}${i}: group of six reported lost near the line`,
    location: places[i % places.length],
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    people: { rescued: 0, injured: 1, deceased: 0 },
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open loop: report i is due at start + i / RATE, whether or not earlier ones have answered. */
async function load(server: Server, cookie: string, loadStart: number): Promise<number> {
  const end = loadStart + SECONDS * 1000;
  let inFlight = 0;
  let sent = 0;
  let read = 0;
  const pending: Array<Promise<unknown>> = [];
  const headers = { 'content-type': 'application/json', cookie, origin: server.origin };
  const windowOf = (at: number) =>
    windows[Math.min(windows.length - 1, Math.floor((at - loadStart) / 1000 / WINDOW_S))]!;
  for (;;) {
    const nextReport = loadStart + (sent * 1000) / RATE;
    const nextRead = loadStart + (read * 1000) / READS_PER_SECOND + 7;
    const next = Math.min(nextReport, nextRead);
    if (next >= end) break;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    const w = windowOf(next);
    if (nextReport <= nextRead) {
      const i = sent++;
      if (inFlight >= MAX_IN_FLIGHT) {
        w.skipped++;
        continue;
      }
      inFlight++;
      progress.inFlight = inFlight;
      progress.sent = sent;
      w.incidents++;
      left[i] = READERS;
      outcome[i] = 1;
      sentAt[i] = performance.now();
      pending.push(
        request(server.base, 'POST', '/api/incidents', headers, incidentBody(i)).then((res) => {
          inFlight--;
          progress.inFlight = inFlight;
          outcome[i] = res.status === 201 ? 2 : 3;
          if (res.status === 201) progress.created++;
          if (res.status !== 201) {
            w.refused++;
            if (firstRefusals.length < 5) firstRefusals.push(`${res.status} ${res.body.slice(0, 300)}`);
          }
        }),
      );
    } else {
      const r = read++;
      const path = r % 2 === 0 ? '/api/incidents?limit=50' : '/api/health';
      const at = performance.now();
      pending.push(
        request(server.base, 'GET', path, { cookie }).then((res) => {
          if (res.status === 200) w.reads.push(performance.now() - at);
          else {
            w.readErrors++;
            if (firstRefusals.length < 5) firstRefusals.push(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
          }
        }),
      );
    }
  }
  // Answers still owed are waited for with the deliveries, not here: the load ends on time.
  void Promise.all(pending);
  return sent;
}

// ---- the run ---------------------------------------------------------------------------------------

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function main(): Promise<number> {
  const admin = ignoreConnectionError(new pg.Client({ connectionString: adminUrl(serverUrl) }));
  await admin.connect();
  await admin.query(`create database ${soakDb}`);
  let server: Server | null = null;
  let sockets: WebSocket[] = [];
  const abort = setTimeout(() => {
    console.error(`soak: hard deadline (${HARD_DEADLINE_MS / 1000} s) reached; stopping`);
    server?.child.kill('SIGKILL');
    for (const s of sockets) s?.terminate();
    void admin.query(`drop database if exists ${soakDb} with (force)`).finally(() => process.exit(2));
    setTimeout(() => process.exit(2), 5000).unref();
  }, HARD_DEADLINE_MS);
  try {
    server = await startServer(databaseUrlFor(serverUrl, soakDb));
    const pid = server.child.pid!;
    log(`server pid ${pid} at ${server.base}, RSS ${fmt(serverUsage(pid).rssMb)} MB before clients`);
    const cookies = [];
    for (const username of accounts) cookies.push(await signIn(server, username));
    sockets = await openClients(server, cookies);
    await sleep(1000);
    log(`${CLIENTS} clients subscribed (${NON_READERS} never reading) over ${accounts.length} sessions`);

    // Samples: RSS every 5 s; CPU and event-loop delay summed into the window they end in.
    const samples: Array<{ at: number; rssMb: number }> = [];
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const loadStart = performance.now();
    let last = { usage: serverUsage(pid), client: process.cpuUsage(), at: loadStart };
    samples.push({ at: 0, rssMb: last.usage.rssMb });
    const sample = () => {
      const now = performance.now();
      const usage = serverUsage(pid);
      const client = process.cpuUsage();
      const w = windows[Math.min(windows.length - 1, Math.floor((now - loadStart - 1) / 1000 / WINDOW_S))]!;
      w.cpuServer += usage.cpuS - last.usage.cpuS;
      w.cpuClient += (client.user + client.system - last.client.user - last.client.system) / 1e6;
      w.loopP99 = Math.max(w.loopP99, loop.percentile(99) / 1e6);
      w.rssEnd = usage.rssMb;
      loop.reset();
      samples.push({ at: (now - loadStart) / 1000, rssMb: usage.rssMb });
      log(
        `sent ${progress.sent}, created ${progress.created}, complete ${progress.complete}, in flight ${progress.inFlight}; server RSS ${fmt(usage.rssMb)} MB, CPU ${fmt((100 * (usage.cpuS - last.usage.cpuS)) / ((now - last.at) / 1000), 0)}%`,
      );
      last = { usage, client, at: now };
    };
    const sampler = setInterval(sample, SAMPLE_MS);

    const loadAvgBefore = loadavg()[0]!;
    log(`load: ${RATE} reports/s + ${READS_PER_SECOND} reads/s for ${SECONDS} s`);
    const sent = await load(server, cookies[0]!, loadStart);
    const loadEnd = performance.now();
    clearInterval(sampler);
    sample();
    loop.disable();
    const endUsage = serverUsage(pid);
    log(`load done: ${sent} reports due; waiting up to ${DRAIN_MS / 1000} s for deliveries`);
    // The drain ends in time for the rest (non-readers, teardown) to fit before the hard deadline.
    const drainUntil = Math.min(performance.now() + DRAIN_MS, t0 + HARD_DEADLINE_MS - 20_000);
    const created = () => outcome.reduce((n, o) => n + (o === 2 ? 1 : 0), 0);
    const complete = () => latency.reduce((n, l) => n + (Number.isNaN(l) ? 0 : 1), 0);
    while ((complete() < created() || progress.inFlight > 0) && performance.now() < drainUntil) await sleep(100);
    const unanswered = progress.inFlight;
    const afterDrain = serverUsage(pid);

    // The non-readers read again: what reached them, and how the server let them go.
    closing = true;
    for (const i of nonReaderIndexes) (sockets[i] as unknown as { _socket: Socket })._socket.resume();
    const resumeUntil = performance.now() + 5000;
    while (
      [...nonReaderIndexes].some((i) => sockets[i]!.readyState !== WebSocket.CLOSED) &&
      performance.now() < resumeUntil
    )
      await sleep(100);
    const nonReaderLastSeq = [...nonReaderIndexes].map((i) => lastSeq[i]!);
    const nonReaderOpen = [...nonReaderIndexes].filter((i) => sockets[i]!.readyState !== WebSocket.CLOSED).length;
    const readerLastSeq = Math.max(...Array.from(lastSeq).filter((_, i) => !nonReaderIndexes.has(i)));

    // Deliveries: every reading client must have every created incident's event.
    let missing = 0;
    let clientsMissing = 0;
    const createdCount = created();
    for (let c = 0; c < CLIENTS; c++) {
      if (nonReaderIndexes.has(c)) continue;
      if (createdSeen[c]! < createdCount) {
        clientsMissing++;
        for (let i = 0; i < MAX_INCIDENTS; i++) if (outcome[i] === 2 && !bits.has(c, i)) missing++;
      }
    }

    // ---- the report
    const second = samples.filter((s) => s.at >= SECONDS / 2);
    const trend = slope(second.map((s) => ({ x: s.at / 60, y: s.rssMb })));
    console.log(
      `\nSoak: ${CLIENTS} websocket clients (${NON_READERS} never reading), ${RATE} reports/s + ${READS_PER_SECOND} reads/s, ${SECONDS} s, one instance`,
    );
    console.log(
      'window      reports  not made  alert p50  alert p99  alert max  incomplete  reads  read p50  read p99  read err  srv CPU  cli CPU  loop p99  RSS end',
    );
    windows.forEach((w, k) => {
      const from = k * WINDOW_S;
      const ids: number[] = [];
      for (let i = 0; i < MAX_INCIDENTS; i++) {
        if (outcome[i] === 0) continue;
        const at = (sentAt[i]! - loadStart) / 1000;
        if (at >= from && (at < from + WINDOW_S || k === windows.length - 1)) ids.push(i);
      }
      const lat = ids.filter((i) => outcome[i] === 2 && !Number.isNaN(latency[i]!)).map((i) => latency[i]!);
      const incomplete = ids.filter((i) => outcome[i] === 2 && Number.isNaN(latency[i]!)).length;
      const span = Math.min(WINDOW_S, SECONDS - from);
      console.log(
        [
          `${from}–${from + span} s`.padEnd(10),
          String(w.incidents).padStart(8),
          String(w.refused + w.skipped).padStart(9),
          fmt(percentile(lat, 50)).padStart(10),
          fmt(percentile(lat, 99)).padStart(10),
          fmt(lat.length ? Math.max(...lat) : NaN).padStart(10),
          String(incomplete).padStart(11),
          String(w.reads.length).padStart(6),
          fmt(percentile(w.reads, 50)).padStart(9),
          fmt(percentile(w.reads, 99)).padStart(9),
          String(w.readErrors).padStart(9),
          `${fmt((100 * w.cpuServer) / span, 0)}%`.padStart(8),
          `${fmt((100 * w.cpuClient) / span, 0)}%`.padStart(8),
          fmt(w.loopP99).padStart(9),
          fmt(w.rssEnd).padStart(8),
        ].join(' '),
      );
    });
    const all = Array.from(latency).filter((l) => !Number.isNaN(l));
    console.log(
      `all         ${String(sent).padStart(8)} ${String(sent - createdCount).padStart(9)} ${fmt(percentile(all, 50)).padStart(10)} ${fmt(percentile(all, 99)).padStart(10)} ${fmt(all.length ? Math.max(...all) : NaN).padStart(10)}`,
    );
    console.log(
      `(alert latency ms: POST sent → last of ${READERS} reading clients has incident.created; read ms: GET /api/incidents?limit=50 and /api/health alternately; CPU: share of one core; loop p99: the client process's event-loop delay, ms)`,
    );
    console.log(
      `server RSS: start ${fmt(samples[0]!.rssMb)} MB, end ${fmt(endUsage.rssMb)} MB, max ${fmt(Math.max(...samples.map((s) => s.rssMb)))} MB, trend over the second half ${fmt(trend, 2)} MB/min (${second.length} samples every ${SAMPLE_MS / 1000} s)`,
    );
    console.log(
      `deliveries: ${createdCount} incidents created × ${READERS} readers; missing ${missing} (on ${clientsMissing} clients), duplicates ${problems.duplicates}, out of seq order ${problems.outOfOrder}, unknown tags ${problems.unknownTag}, unexpected messages ${problems.unexpected}`,
    );
    console.log(
      `errors: refused or failed reports ${outcome.reduce((n, o) => n + (o === 3 ? 1 : 0), 0)}, unanswered at the end ${unanswered}, skipped (over ${MAX_IN_FLIGHT} in flight) ${windows.reduce((n, w) => n + w.skipped, 0)}, read errors ${windows.reduce((n, w) => n + w.readErrors, 0)}, socket errors ${problems.socketErrors}, reading clients closed by the server ${problems.readerClosed}; server log: ${server.logged.error} errors, ${server.logged.warn} warnings`,
    );
    console.log(
      `closes: ${[...closes].map(([k, v]) => `${k}: ${v}`).join(', ') || 'none'}; non-readers still open after resuming: ${nonReaderOpen}; their last seq: ${nonReaderLastSeq.join(', ')} (readers' last: ${readerLastSeq})`,
    );
    console.log(
      `load ran ${fmt((loadEnd - loadStart) / 1000)} s; server RSS after the drain ${fmt(afterDrain.rssMb)} MB; machine load average (1 min) ${fmt(loadAvgBefore, 2)} before, ${fmt(loadavg()[0]!, 2)} at the end`,
    );
    for (const r of firstRefusals) console.log(`  refused: ${r}`);
    for (const e of server.logged.firstErrors) console.log(`  server error: ${e}`);

    const failed = missing > 0 || problems.duplicates > 0 || problems.outOfOrder > 0 || problems.unknownTag > 0;
    return failed ? 1 : 0;
  } finally {
    closing = true;
    for (const s of sockets) s?.terminate();
    agent.destroy();
    if (server) await stopServer(server.child);
    await admin.query(`drop database if exists ${soakDb} with (force)`);
    await admin.end();
    clearTimeout(abort);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
