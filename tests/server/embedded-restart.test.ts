import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { openDatabase, type Database } from '@server/core/db.js';
import { mechanisms } from '@server/db/schema/reference.js';
import { pgliteTemplateFile } from '@server/core/pglite-template.js';
import { onPostgres } from '../helpers/db.js';
import { signIn, startConsole, testConfig } from '../helpers/app.js';

// `npm start` on the embedded default: the first start creates, migrates and seeds DATA_DIR;
// the next one reuses it. (On Postgres the database outlives the server by definition.)
describe.skipIf(onPostgres)('embedded database across restarts', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const freshFolder = async () => path.join((dir ??= await mkdtemp(path.join(tmpdir(), 'boc-restart-'))), randomUUID());

  it('keeps what the first start stored, without seeding twice', async () => {
    const config = testConfig({ DATA_DIR: await freshFolder() });

    const first = await startConsole(config);
    const cookie = await signIn(first, 'supervisor.us');
    const created = await first.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie },
      payload: {
        type: 'drowning',
        severity: 'critical',
        summary: 'Person swept away in the canal',
        location: { lat: 32.69, lon: -115.2 },
        occurredAt: '2026-07-04T14:30:00-07:00',
      },
    });
    expect(created.statusCode).toBe(201);
    await first.close();

    const second = await startConsole(config);
    const supervisor = await signIn(second, 'supervisor.mx');
    const feed = (await second.inject({ url: '/api/incidents', headers: { cookie: supervisor } })).json();
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual([created.json().id]);
    expect((await second.inject({ url: '/api/ports', headers: { cookie: supervisor } })).json()).toHaveLength(29);
    // Sessions are rows too: the first start's cookie still works.
    expect((await second.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await second.close();
  }, 120_000); // two starts on a fresh embedded database: well over 30 s on a busy machine

  it('seeds again only when what the seed data is made from changed', async () => {
    const config = testConfig({ DATA_DIR: await freshFolder() });
    const start = (seedInputsHash: string) => openPreparedDatabase(config, { seed: true, demo: false, seedInputsHash });
    const sanDiego = eq(mechanisms.id, 'san-diego-tijuana');
    const basis = async (database: Database) =>
      (await database.db.select({ basis: mechanisms.areaBasis }).from(mechanisms).where(sanDiego))[0]!.basis;

    let database = await start('inputs-1');
    const seeded = await basis(database);
    // Stands for any change made since: seeding would overwrite it.
    await database.db.update(mechanisms).set({ areaBasis: 'changed since' }).where(sanDiego);
    await database.close();

    database = await start('inputs-1');
    expect(await basis(database)).toBe('changed since'); // same inputs: a restart doesn't seed
    await database.close();

    database = await start('inputs-2');
    expect(await basis(database)).toBe(seeded); // new seed data: seeded again
    await database.close();
  }, 120_000);

  it.runIf(existsSync(pgliteTemplateFile()))(
    'starts a new data folder from the empty cluster npm install prepared, not from initdb',
    async () => {
      const systemId = async () => {
        const database = await openDatabase({ dataDir: await freshFolder() });
        try {
          const result = (await database.db.execute(
            sql`select system_identifier::text as id from pg_control_system()`,
          )) as unknown as { rows: Array<{ id: string }> };
          return result.rows[0]!.id;
        } finally {
          await database.close();
        }
      };
      // initdb gives every cluster its own identifier; two folders made from one tarball share it.
      expect(await systemId()).toBe(await systemId());
    },
    60_000,
  );
});
