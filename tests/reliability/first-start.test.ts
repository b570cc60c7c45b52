import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import type { Database } from '@server/core/db.js';
import { seedDemoIncidents } from '@server/demo-incidents.js';
import { demoIncidents } from '@seeds/demo-incidents.js';
import { onPostgres } from '../helpers/db.js';
import { signIn, testConfig } from '../helpers/app.js';
import { databaseUrlFor, onAdminConnection } from '../helpers/postgres.js';

/**
 * Two instances started at once on an empty PostgreSQL database with demo seeding, each doing
 * what `npm start` does (server/main.ts): migrate and seed, play the demo incidents, serve.
 * Exactly one plays the demo, both serve, and every demo incident is stored as demo and
 * played to its end — none shown to officers as real. (The embedded database belongs to one
 * process: two instances can't share it.)
 */
describe.runIf(onPostgres)('two first starts at once on an empty database', () => {
  const name = `boc_first_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = databaseUrlFor(process.env.DATABASE_URL ?? 'postgres://unused/x', name);
  const started: Array<{ database: Database; app: FastifyInstance }> = [];

  afterAll(async () => {
    for (const { app, database } of started) {
      await app.close();
      await database.close();
    }
    await onAdminConnection(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('seeds once, serves twice, and stores every demo incident as demo and complete', async () => {
    await onAdminConnection(url, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const config = testConfig({ DATABASE_URL: url, SEED_DEMO: '1' });
    const now = new Date();
    const start = async () => {
      const database = await openPreparedDatabase(config, { seed: true, demo: true });
      const seeded = await seedDemoIncidents(database, config, now);
      const app = await buildApp(config, { database });
      await app.ready();
      started.push({ database, app });
      return seeded;
    };
    const seeded = await Promise.all([start(), start()]);
    expect(seeded.sort()).toEqual([0, demoIncidents.length]);

    const { database } = started[0]!;
    const rows = (await database.db.execute(
      sql`select demo, count(*)::int as n from incidents group by demo`,
    )) as unknown as { rows: Array<{ demo: boolean; n: number }> };
    expect(rows.rows).toEqual([{ demo: true, n: demoIncidents.length }]);

    // Played to the end: each demo incident reached the status its script ends in.
    for (const { app } of started) {
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
      const cookie = await signIn(app, 'supervisor.us');
      const feed = (await app.inject({ url: '/api/incidents?limit=500', headers: { cookie } })).json() as {
        items: Array<{ summary: string; status: string; demo: boolean }>;
      };
      for (const script of demoIncidents) {
        const finalStatus = [...script.steps].reverse().find((step) => 'status' in step);
        const shown = feed.items.find((i) => i.summary === script.summary);
        expect(shown?.demo, script.summary).toBe(true);
        if (finalStatus && 'status' in finalStatus) expect(shown?.status, script.summary).toBe(finalStatus.status);
      }
    }
  }, 240_000);
});
