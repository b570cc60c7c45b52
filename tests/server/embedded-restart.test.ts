import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../helpers/db.js';
import { signIn, startConsole, testConfig } from '../helpers/app.js';

// `npm start` on the embedded default: the first start creates, migrates and seeds DATA_DIR;
// the next one reuses it. (On Postgres the database outlives the server by definition.)
describe.skipIf(onPostgres)('embedded database across restarts', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps what the first start stored, without seeding twice', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'boc-restart-'));
    const config = testConfig({ DATA_DIR: path.join(dir, 'data') });

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
});
