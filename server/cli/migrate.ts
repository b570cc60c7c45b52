import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';

/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
const config = loadConfig();
const database = await openPreparedDatabase(config, { seed: false, demo: false });
console.log(`Migrations applied (${database.kind}).`);
await database.close();
