import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import type { BenchFigure } from './repatriation-engine.js';

/**
 * Issue 14 benchmark: `POST /api/repatriation/check` latency (p50, p99) at concurrency 16, beside
 * `GET /api/health` at the same concurrency in the same run (goal: check p99 ≤ 3× health p99).
 * The console runs as a separate process listening on 127.0.0.1, on PostgreSQL when
 * `databaseUrl` is given (a database the caller created and drops), else on PGlite in a
 * temporary folder. Both request kinds carry the same session cookie, so both pay the session
 * lookup and the difference is the check itself: the port's arrangement, the movements around
 * the instant and the shared engine for 40 persons against a week of planned movements.
 */
const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
const CONCURRENCY = 16;
const PLANNED = Number(process.env.BENCH_HTTP_PLANNED ?? 300);
const HOUR = 3_600_000;

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'server.ts');
  const child = fork(script, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, base: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
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

/** Noon at Tijuana (19:00 or 20:00 UTC) `days` from now: inside the seeded window and its daylight hours. */
const middayAtTijuana = (days: number, minutes = 0) => {
  const day = new Date();
  day.setUTCHours(19, minutes, 0, 0);
  return new Date(day.getTime() + days * 24 * HOUR).toISOString();
};

/** A week of planned movements at San Ysidro and Calexico, 1–4 adults each, some families. */
async function planWeek(base: string, cookie: string): Promise<void> {
  for (let i = 0; i < PLANNED; i++) {
    const persons = Array.from({ length: 1 + (i % 4) }, (_, j) => ({
      nationality: 'MX',
      category: j === 0 ? 'adult_female' : 'adult_male',
      ...(i % 3 === 0 ? { familyId: `bench-family-${i}` } : {}),
    }));
    const res = await fetch(`${base}/api/repatriation/movements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        portId: i % 2 ? 'san-ysidro' : 'calexico-west',
        at: middayAtTijuana(1 + (i % 7), i % 60),
        fromFacility: 'Bench facility',
        persons,
      }),
    });
    if (res.status !== 201) throw new Error(`bench: planning movement ${i} answered ${res.status} ${await res.text()}`);
  }
}

/** 40 Mexican nationals: adults, families with their children, pregnant and ill persons. */
function checkRequest(): string {
  const categories = [
    'adult_male',
    'adult_female',
    'accompanied_minor',
    'adult_male',
    'pregnant',
    'ill',
    'adult_female',
    'adult_male',
  ];
  return JSON.stringify({
    portId: 'san-ysidro',
    at: middayAtTijuana(2),
    consularNoticeAt: new Date().toISOString(),
    persons: Array.from({ length: 40 }, (_, i) => ({
      nationality: 'MX',
      category: categories[i % categories.length],
      ...(i % 8 < 3 ? { familyId: `check-family-${Math.floor(i / 8)}` } : {}),
    })),
  });
}

/** Sends `count` requests, `CONCURRENCY` at a time; resolves to each one's latency in ms. */
async function latencies(count: number, send: () => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        const started = performance.now();
        const res = await send();
        await res.arrayBuffer();
        times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`bench: ${res.url} answered ${res.status}`);
      }
    }),
  );
  return times;
}

const percentile = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchRepatriationHttp(options: { databaseUrl?: string } = {}): Promise<BenchFigure[]> {
  const dataDir = options.databaseUrl ? null : await mkdtemp(path.join(tmpdir(), 'boc-bench-repatriation-'));
  const server = await startServer(
    options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: dataDir! },
  );
  try {
    const cookie = await signIn(server.base, 'liaison.sandiego');
    await planWeek(server.base, cookie);
    const body = checkRequest();
    const verdict = (await (
      await fetch(`${server.base}/api/repatriation/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body,
      })
    ).json()) as { allowed: boolean };
    if (!verdict.allowed) throw new Error(`bench: the checked movement was refused: ${JSON.stringify(verdict)}`);

    const health = () => fetch(`${server.base}/api/health`, { headers: { cookie } });
    const check = () =>
      fetch(`${server.base}/api/repatriation/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body,
      });
    await latencies(200, health);
    await latencies(200, check);
    // Alternating halves, so a drift of the machine during the run weighs on both alike.
    const [healthTimes, checkTimes]: [number[], number[]] = [[], []];
    for (let half = 0; half < 2; half++) {
      healthTimes.push(...(await latencies(REQUESTS / 2, health)));
      checkTimes.push(...(await latencies(REQUESTS / 2, check)));
    }
    const what = `40 persons, ${PLANNED} planned, concurrency ${CONCURRENCY}, ${REQUESTS} requests`;
    return [50, 99].map((p) => ({
      name: `POST /api/repatriation/check p${p} (${what})`,
      value: round(percentile(checkTimes, p)),
      unit: 'ms',
      baseline: round(percentile(healthTimes, p)),
      baselineName: `GET /api/health p${p}, same concurrency and session`,
    }));
  } finally {
    server.child.disconnect();
    await new Promise((resolve) => server.child.once('exit', resolve));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await benchRepatriationHttp({ databaseUrl: process.env.DATABASE_URL })) {
    console.log(
      `${figure.name}: ${figure.value} ${figure.unit} (${figure.baselineName}: ${figure.baseline} ${figure.unit}, ratio ${(figure.value / figure.baseline).toFixed(2)}×)`,
    );
  }
}
