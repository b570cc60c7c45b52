import fp from 'fastify-plugin';
import { sarRoutes } from './routes.js';
import { SarService } from './service.js';

/**
 * Search-and-rescue operations on an incident (Plan of Action V, Emergency Management;
 * Plan I, search-and-rescue plans in dangerous areas). The incident and its timeline through
 * the incidents feature's public API (`app.incidents`).
 */
export default fp(
  async (app) => {
    const service = new SarService({ db: app.db, changes: app.changes, incidents: app.incidents, clock: app.clock });
    await app.register(sarRoutes, { service });
  },
  { name: 'sar', dependencies: ['clock', 'db', 'changes', 'access', 'incidents'] },
);
