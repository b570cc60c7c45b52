import fp from 'fastify-plugin';
import { auditRoutes } from './routes.js';
import { AuditService } from './service.js';

/** Reading the audit log; writing it is core (server/core/changes.ts), with every change. */
export default fp(
  async (app) => {
    await app.register(auditRoutes, { service: new AuditService({ db: app.db }) });
  },
  { name: 'audit', dependencies: ['db', 'access'] },
);
