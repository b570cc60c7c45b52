import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';
import type { Database } from '@server/core/db.js';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import type { BenchFigure } from './repatriation-engine.js';

/*
 * What the in-process benchmarks (the console on a database, asked through `inject`) share: the
 * same figures on a prepared PostgreSQL database and on a PGlite one in a folder of its own, and
 * their timing.
 */

export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** `rounds` timings of `run` after one warm-up, in milliseconds. */
export async function timed(rounds: number, run: () => Promise<void>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/** `figures` on PostgreSQL at `postgresUrl`, then on PGlite, each database migrated and seeded with the demo. */
export async function onBothDatabases(
  postgresUrl: string,
  figures: (database: Database, label: 'PostgreSQL' | 'PGlite') => Promise<BenchFigure[]>,
  env: Record<string, string> = {},
): Promise<BenchFigure[]> {
  const results: BenchFigure[] = [];
  const base = { LOG_LEVEL: 'warn', SEED_DEMO: '1', ...env };
  const pg = await openPreparedDatabase(loadConfig({ ...process.env, ...base, DATABASE_URL: postgresUrl }), {
    seed: true,
    demo: true,
  });
  try {
    results.push(...(await figures(pg, 'PostgreSQL')));
  } finally {
    await pg.close();
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'boc-bench-'));
  try {
    const { DATABASE_URL: _pg, ...withoutPostgres } = process.env;
    const lite = await openPreparedDatabase(loadConfig({ ...withoutPostgres, ...base, DATA_DIR: dir }), {
      seed: true,
      demo: true,
    });
    try {
      results.push(...(await figures(lite, 'PGlite')));
    } finally {
      await lite.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

/** A demo supervisor's session cookie, signed in through the API. */
export async function supervisorCookie(app: FastifyInstance): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'supervisor.mx', password: DEMO_PASSWORD },
  });
  return `sid=${login.cookies.find((c) => c.name === 'sid')!.value}`;
}

/** The p50 and p99 of each timed series, each beside the same percentile of the baseline's timings. */
export function figuresBeside(
  label: string,
  baseline: { name: string; times: number[] },
  series: ReadonlyArray<[name: string, times: number[]]>,
): BenchFigure[] {
  return series.flatMap(([name, times]) =>
    [50, 99].map((p) => ({
      name: `${label} ${name} p${p}`,
      value: percentile(times, p),
      unit: 'ms',
      baselineName: `${baseline.name} p${p}`,
      baseline: percentile(baseline.times, p),
    })),
  );
}
