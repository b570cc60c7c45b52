import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@server/core/config.js';

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
});
