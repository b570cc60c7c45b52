import { loadConfig } from '../config.js';
import { openDatabase } from './index.js';

/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
