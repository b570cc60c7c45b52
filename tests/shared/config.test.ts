import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@server/core/config.js';
import { textLine } from '@server/core/log.js';
import { describeDatabase, listenHost, startupMessage } from '@server/startup.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded database with demo accounts on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      seedDemo: true,
      ackDeadlineMinutes: { critical: 10, high: 20, medium: 60, low: 60 },
    });
  });

  it('has no demo accounts on real Postgres unless SEED_DEMO=1', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('fails listing every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ACK_MINUTES_CRITICAL: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'ACK_MINUTES_CRITICAL']) expect(message).toContain(name);
  });

  it('listens on this machine only while demo accounts exist, unless HOST says otherwise', () => {
    expect(listenHost(loadConfig({}), true)).toBe('127.0.0.1');
    expect(listenHost(loadConfig({}), false)).toBe('0.0.0.0');
    expect(listenHost(loadConfig({ HOST: '0.0.0.0' }), true)).toBe('0.0.0.0');
  });

  it('says at start-up where to open it, which database it uses and whether demo accounts are there', () => {
    const embedded = startupMessage({
      host: '127.0.0.1',
      port: 3000,
      database: describeDatabase(loadConfig({}), 'pglite'),
      demoAccounts: true,
      demoIncidentsSeeded: 19,
    });
    expect(embedded).toBe(
      'Border Operations Console at http://127.0.0.1:3000 · database: PGlite (embedded) in ./data · ' +
        'demo accounts seeded (password in README), 19 fictional demo incidents added · this machine only (HOST=0.0.0.0 to expose)',
    );
    const postgres = describeDatabase(
      loadConfig({ DATABASE_URL: 'postgres://boc:secret@db.internal:5432/boc' }),
      'postgres',
    );
    expect(postgres).toBe('PostgreSQL at db.internal:5432/boc');
    expect(
      startupMessage({ host: '0.0.0.0', port: 8080, database: postgres, demoAccounts: false, demoIncidentsSeeded: 0 }),
    ).toBe(
      'Border Operations Console at http://localhost:8080 · database: PostgreSQL at db.internal:5432/boc · no demo accounts · listening on 0.0.0.0',
    );
  });

  it('writes log entries as readable lines for a terminal', () => {
    const line = textLine(
      JSON.stringify({
        level: 30,
        time: Date.parse('2026-07-04T21:40:05Z'),
        pid: 1,
        hostname: 'h',
        msg: 'due work',
        kind: 'x',
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:05 INFO {2}due work kind=x\n$/);
  });
});
