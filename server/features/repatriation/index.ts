import fp from 'fastify-plugin';
import { registerRepatriationJobs } from './jobs.js';
import { repatriationRoutes } from './routes.js';
import { RepatriationService } from './service.js';

/**
 * Safe and orderly repatriation (Plan of Action VI and VII): arrangements, windows, the rule
 * engine's check, planned movements with consular notice and reception, an iCalendar feed.
 * Ports and their status come through the reference feature's public API.
 */
export default fp(
  async (app) => {
    const service = new RepatriationService({
      db: app.db,
      changes: app.changes,
      geography: app.geography,
      dueWork: app.dueWork,
      clock: app.clock,
    });
    registerRepatriationJobs(app.dueWork, service);
    await app.register(repatriationRoutes, { service });
  },
  { name: 'repatriation', dependencies: ['clock', 'db', 'changes', 'access', 'due-work', 'reference'] },
);
