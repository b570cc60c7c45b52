import fp from 'fastify-plugin';
import { registerIncidentJobs } from './jobs.js';
import { incidentRoutes } from './routes.js';
import { IncidentService } from './service.js';

/**
 * Rapid Response (Plan of Action V): incidents, their timeline and investigation; alerts
 * through the alerts feature's public API, geography through the reference feature's.
 */
export default fp(
  async (app) => {
    const service = new IncidentService({
      changes: app.changes,
      alerts: app.alerts,
      geography: app.geography,
      dueWork: app.dueWork,
      clock: app.clock,
    });
    registerIncidentJobs(app.dueWork, service);
    await app.register(incidentRoutes, { service });
  },
  { name: 'incidents', dependencies: ['clock', 'db', 'changes', 'access', 'due-work', 'alerts', 'reference'] },
);
