import fp from 'fastify-plugin';
import { systemRoutes } from './routes.js';
import { SystemService } from './service.js';

/** Health and client settings. */
export default fp(
  async (app) => {
    const service = new SystemService({ db: app.db, databaseKind: app.database.kind, config: app.config });
    await app.register(systemRoutes, { service });
  },
  { name: 'system', dependencies: ['config', 'db', 'access'] },
);
