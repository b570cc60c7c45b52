import fp from 'fastify-plugin';
import { ArrangementService } from './arrangement-service.js';
import { CheckService } from './check-service.js';
import { registerRepatriationJobs } from './jobs.js';
import { MovementService } from './movement-service.js';
import { repatriationRoutes } from './routes.js';
import { WindowService } from './window-service.js';

/**
 * Safe and orderly repatriation (Plan of Action VI and VII): arrangements, windows, the rule
 * engine's check, planned movements with consular notice and reception, an iCalendar feed.
 * Ports and their status come through the reference feature's public API.
 */
export default fp(
  async (app) => {
    const { db, geography, clock, dueWork } = app;
    const checks = new CheckService({ db, geography, clock });
    // Every change of arrangements or movements goes through these `changes`: the checks' snapshots follow it.
    const changes = checks.following(app.changes);
    const arrangements = new ArrangementService({ db, changes, geography, clock });
    const movements = new MovementService({ db, changes, checks, geography, dueWork, clock });
    const windows = new WindowService({ db, geography, clock });
    registerRepatriationJobs(dueWork, movements);
    await app.register(repatriationRoutes, { arrangements, windows, checks, movements });
  },
  { name: 'repatriation', dependencies: ['clock', 'db', 'changes', 'access', 'due-work', 'reference'] },
);
