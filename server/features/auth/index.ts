import fp from 'fastify-plugin';
import { authRoutes } from './routes.js';
import { AuthService } from './service.js';

/** Sign in, sign out, who am I. Sessions themselves are core (server/core/sessions.ts). */
export default fp(
  async (app) => {
    const service = new AuthService({
      db: app.db,
      changes: app.changes,
      clock: app.clock,
      sessionTtlHours: app.config.sessionTtlHours,
    });
    await app.register(authRoutes, { service });
  },
  { name: 'auth', dependencies: ['config', 'clock', 'db', 'changes', 'access', 'event-hub'] },
);
