import fp from 'fastify-plugin';
import { registerLiaisonJobs } from './jobs.js';
import { liaisonRoutes } from './routes.js';
import { LiaisonService } from './service.js';

/**
 * The liaison mechanisms (Plan of Action VIII): rosters on both sides, duty rotations,
 * "who do I call now for this place", meetings and commitments, vCard and iCalendar.
 * Mechanisms and their areas come through the reference feature's public geography API.
 */
export default fp(
  async (app) => {
    const service = new LiaisonService({
      changes: app.changes,
      geography: app.geography,
      dueWork: app.dueWork,
      clock: app.clock,
    });
    registerLiaisonJobs(app.dueWork, service);
    await app.register(liaisonRoutes, { service });
  },
  { name: 'liaison', dependencies: ['clock', 'db', 'changes', 'access', 'due-work', 'reference'] },
);
