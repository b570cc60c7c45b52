import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/index.js';
import { seed } from './seed.js';

/** `npm run db:seed`: reference geography, plus demo accounts on the embedded database or with SEED_DEMO=1. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  await database.exclusively(() => seed(database.db, { demo: config.seedDemo }));
  console.log(`Seeded (${database.kind}${config.seedDemo ? ', with demo accounts' : ''}).`);
} finally {
  await database.close();
}
