import fp from 'fastify-plugin';
import { registerAdvisoryJobs } from './jobs.js';
import { advisoryRoutes } from './routes.js';
import { AdvisoryService } from './service.js';

/**
 * Weather advisories (Plan of Action V, Emergency Management: "publication of weather
 * advisories"): bilingual drafts, publication as live alerts to the mechanisms they touch,
 * the public CAP 1.2 feed and import of other agencies' CAP messages.
 */
export default fp(
  async (app) => {
    const service = new AdvisoryService({
      db: app.db,
      changes: app.changes,
      geography: app.geography,
      dueWork: app.dueWork,
      clock: app.clock,
      // Without PUBLIC_URL the feed's links point at this machine (http://localhost:PORT), right
      // for a console on one machine only: production sets PUBLIC_URL (README, configuration).
      baseUrl: app.config.publicUrl ?? `http://localhost:${app.config.port}`,
    });
    registerAdvisoryJobs(app.dueWork, service);
    await app.register(advisoryRoutes, { service });
  },
  { name: 'advisories', dependencies: ['config', 'clock', 'db', 'changes', 'access', 'due-work', 'reference'] },
);
