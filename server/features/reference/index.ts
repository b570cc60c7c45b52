import fp from 'fastify-plugin';
import type { AreaShape, MechanismArea } from '@shared/geo.js';
import type { Mechanism, PolygonGeometry } from '@shared/reference/contract.js';
import type { Executor } from '@server/core/db.js';
import { assignmentGeography, findMechanism, listMechanisms, setMechanismArea } from './repository.js';
import { referenceRoutes } from './routes.js';

/** The public API of the reference feature: the geography other features assign things by. */
export interface GeographyApi {
  /** High-risk areas and mechanism areas for `assignFromGeometry` / `responsibleMechanismFor` (shared/geo.ts). */
  forAssignment(): Promise<{ areas: AreaShape[]; mechanisms: MechanismArea[] }>;
  /** Every mechanism: the border ones west to east, then the interior ones. */
  mechanisms(db: Executor): Promise<Mechanism[]>;
  mechanism(db: Executor, id: string): Promise<Mechanism | null>;
  /** Replaces a mechanism's area (an administrator's drawing) in the caller's transaction; null if unknown. */
  setMechanismArea(db: Executor, id: string, area: PolygonGeometry): Promise<Mechanism | null>;
}

declare module 'fastify' {
  interface FastifyInstance {
    geography: GeographyApi;
  }
}

/** Ports, mechanisms, high-risk areas and stations (seeded reference data), read-only. */
export default fp(
  async (app) => {
    app.decorate('geography', {
      forAssignment: () => assignmentGeography(app.db),
      mechanisms: listMechanisms,
      mechanism: findMechanism,
      setMechanismArea,
    });
    await app.register(referenceRoutes);
  },
  { name: 'reference', dependencies: ['db', 'access'] },
);
