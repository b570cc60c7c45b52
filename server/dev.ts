import { createServer } from 'vite';
import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';
import { listenHost } from '@server/startup.js';
import { demoAccountsPresent } from '@seeds/demo-users.js';

/** `npm run dev`: the API on PORT (3000) and Vite's dev server with hot reload on 5173, proxying to it. */
const config = loadConfig({ NODE_ENV: 'development', ...process.env });
const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo }, (error) =>
  console.error(error),
);
const app = await buildApp(config, { database });
await app.listen({ host: listenHost(config, await demoAccountsPresent(database.db)), port: config.port });
const vite = await createServer({ configFile: 'client/vite.config.ts' });
await vite.listen();
vite.printUrls();
