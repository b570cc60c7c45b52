import fp from 'fastify-plugin';
import { checklistRoutes } from './routes.js';
import { ChecklistService } from './service.js';

/**
 * Checklists per emergency kind (Plan of Action V, Emergency Management and Response
 * Mechanisms), followed and ticked on an incident; the incident comes through the incidents
 * feature's public API (`app.incidents`).
 */
export default fp(
  async (app) => {
    const service = new ChecklistService({
      db: app.db,
      changes: app.changes,
      incidents: app.incidents,
      clock: app.clock,
    });
    await app.register(checklistRoutes, { service });
  },
  { name: 'checklists', dependencies: ['clock', 'db', 'changes', 'access', 'incidents'] },
);
