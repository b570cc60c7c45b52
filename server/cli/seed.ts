import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';
import { seedDemoIncidents } from '@server/demo-incidents.js';

/**
 * `npm run db:seed`: reference geography, plus demo accounts and the fictional demo incidents
 * on the embedded database or with SEED_DEMO=1.
 */
const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo, force: true });
const incidents = config.seedDemo ? await seedDemoIncidents(database, config, new Date()) : 0;
const demo = config.seedDemo ? `, with demo accounts${incidents > 0 ? ` and ${incidents} demo incidents` : ''}` : '';
console.log(`Seeded (${database.kind}${demo}).`);
await database.close();
