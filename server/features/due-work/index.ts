import fp from 'fastify-plugin';
import { dueWorkRoutes } from './routes.js';
import { DueWorkService } from './service.js';

/**
 * Work set aside (dead-lettered) by the due-work runner, where administrators see it and
 * retry it. The runner itself is core (`app.dueWork`); this is its window for people.
 */
export default fp(
  async (app) => {
    const service = new DueWorkService({ db: app.db, changes: app.changes, clock: app.clock });
    await app.register(dueWorkRoutes, { service });
  },
  { name: 'due-work-admin', dependencies: ['clock', 'db', 'changes', 'access', 'due-work'] },
);
