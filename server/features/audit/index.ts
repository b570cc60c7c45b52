import fp from 'fastify-plugin';
import { auditRoutes } from './routes.js';

/** Reading the audit log; writing it is core (server/core/changes.ts), with every change. */
export default fp(
  async (app) => {
    await app.register(auditRoutes);
  },
  { name: 'audit', dependencies: ['db', 'access'] },
);
