import fp from 'fastify-plugin';
import type { AreaShape, MechanismArea } from '@shared/geo.js';
import type { Mechanism, PolygonGeometry, Port } from '@shared/reference/contract.js';
import type { Executor } from '@server/core/db.js';
import {
  assignmentGeography,
  findMechanism,
  listMechanisms,
  listPorts,
  listPortSummaries,
  preparedPortSummaries,
  setMechanismArea,
  type PortSummary,
} from './repository.js';

export type { PortSummary } from './repository.js';
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
  /** Every port with its current status; read in the caller's transaction when one is given. */
  ports(db?: Executor): Promise<Port[]>;
  /** Every port's names, clocks and current status: the lighter read for rules that run per request. */
  portSummaries(db?: Executor): Promise<PortSummary[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    geography: GeographyApi;
  }
}

/**
 * Ports, mechanisms, high-risk areas and stations (seeded reference data, read-only), and the
 * one thing about them that changes in operation: a port's status (open, restricted, closed).
 */
export default fp(
  async (app) => {
    const pooledSummaries = preparedPortSummaries(app.db);
    app.decorate('geography', {
      forAssignment: () => assignmentGeography(app.db),
      mechanisms: listMechanisms,
      mechanism: findMechanism,
      setMechanismArea,
      ports: (db = app.db) => listPorts(db),
      portSummaries: (db = app.db) => (db === app.db ? pooledSummaries() : listPortSummaries(db)),
    } satisfies GeographyApi);
    await app.register(referenceRoutes);
  },
  { name: 'reference', dependencies: ['db', 'access', 'changes', 'clock'] },
);
