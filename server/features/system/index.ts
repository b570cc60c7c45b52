import fp from 'fastify-plugin';
import { systemRoutes } from './routes.js';

/** Health and client settings. */
export default fp(
  async (app) => {
    await app.register(systemRoutes);
  },
  { name: 'system', dependencies: ['config', 'db', 'access'] },
);
