import fp from 'fastify-plugin';
import type { AreaShape, MechanismReach } from '@shared/geo.js';
import { assignmentGeography } from './repository.js';
import { referenceRoutes } from './routes.js';

/** The public API of the reference feature: the geography other features assign things by. */
export interface GeographyApi {
  /** Areas and mechanism reaches for `assignFromGeometry` (shared/geo.ts). */
  forAssignment(): Promise<{ areas: AreaShape[]; mechanisms: MechanismReach[] }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    geography: GeographyApi;
  }
}

/** Ports, mechanisms, high-risk areas and stations (seeded reference data), read-only. */
export default fp(
  async (app) => {
    app.decorate('geography', { forAssignment: () => assignmentGeography(app.db) });
    await app.register(referenceRoutes);
  },
  { name: 'reference', dependencies: ['db', 'access'] },
);
