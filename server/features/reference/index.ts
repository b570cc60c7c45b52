import fp from 'fastify-plugin';
import type { AreaShape, MechanismReach } from '@shared/geo.js';
import { assignmentGeography } from './repository.js';
import { referenceRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    geography: { forAssignment(): Promise<{ areas: AreaShape[]; mechanisms: MechanismReach[] }> };
  }
}

export default fp(
  async (app) => {
    app.decorate('geography', { forAssignment: () => assignmentGeography(app.db) });
    await app.register(referenceRoutes);
  },
  { name: 'reference', dependencies: ['db', 'auth'] },
);
