import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';

/** The console as a separate process for the benchmark, so clients and server don't share a core. */
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: '1' });
const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo });
const app = await buildApp(config, { database });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
process.on(
  'disconnect',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
