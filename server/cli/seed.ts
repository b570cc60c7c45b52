import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';

/** `npm run db:seed`: reference geography, plus demo accounts on the embedded database or with SEED_DEMO=1. */
const config = loadConfig();
const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo });
console.log(`Seeded (${database.kind}${config.seedDemo ? ', with demo accounts' : ''}).`);
await database.close();
