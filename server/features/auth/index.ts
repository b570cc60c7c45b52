import fp from 'fastify-plugin';
import { authRoutes } from './routes.js';

/** Sign in, sign out, who am I. Sessions themselves are core (server/core/sessions.ts). */
export default fp(
  async (app) => {
    await app.register(authRoutes);
  },
  { name: 'auth', dependencies: ['config', 'clock', 'db', 'changes', 'access', 'event-hub'] },
);
