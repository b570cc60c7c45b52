import fp from 'fastify-plugin';
import type { AreaShape, MechanismArea } from '@shared/geo.js';
import type { Mechanism, PolygonGeometry, Port } from '@shared/reference/contract.js';
import type { PlaceGeography } from '@shared/reference/place.js';
import type { Executor } from '@server/core/db.js';
import { cached } from './cache.js';
import {
  findMechanism,
  listMechanisms,
  listPorts,
  listPortSummaries,
  preparedPortSummaries,
  referenceGeography,
  setMechanismArea,
  type PortSummary,
} from './repository.js';

export type { PortSummary } from './repository.js';
import { referenceRoutes } from './routes.js';
import { ReferenceService } from './service.js';

/** How long another instance's change to the reference geography may go unseen here. */
const GEOGRAPHY_CACHE_MS = 60_000;

/** The public API of the reference feature: the geography other features assign and describe things by. */
export interface GeographyApi {
  /** High-risk areas and mechanism areas for `assignFromGeometry` / `responsibleMechanismFor` (shared/geo.ts). */
  forAssignment(): Promise<{ areas: AreaShape[]; mechanisms: MechanismArea[] }>;
  /** Ports, area and mechanism names for `describePlace` (shared/reference/place.ts). */
  forPlaces(): Promise<PlaceGeography>;
  /** Drops the cached geography: whoever changes ports, areas or mechanisms calls it after committing. */
  invalidate(): void;
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
 * Ports, mechanisms, high-risk areas, stations and sources (seeded reference data), and the
 * one thing about them that changes in operation: a port's status (open, restricted, closed).
 * The geography is read once and cached: every incident report assigns and describes by it.
 */
export default fp(
  async (app) => {
    const geography = cached(
      () => referenceGeography(app.db, app.areas.forGeography),
      GEOGRAPHY_CACHE_MS,
      () => app.clock.now().getTime(),
    );
    // Incidents reported after an area changes are assigned and described by the new outline.
    app.areas.onChange(geography.invalidate);
    const pooledSummaries = preparedPortSummaries(app.db);
    app.decorate('geography', {
      forAssignment: async () => (await geography.get()).assignment,
      forPlaces: async () => (await geography.get()).places,
      invalidate: geography.invalidate,
      mechanisms: listMechanisms,
      mechanism: findMechanism,
      setMechanismArea,
      ports: (db = app.db) => listPorts(db),
      portSummaries: (db = app.db) => (db === app.db ? pooledSummaries() : listPortSummaries(db)),
    } satisfies GeographyApi);
    const service = new ReferenceService({
      db: app.db,
      changes: app.changes,
      clock: app.clock,
      changed: geography.invalidate,
    });
    await app.register(referenceRoutes, { service });
  },
  { name: 'reference', dependencies: ['db', 'access', 'changes', 'clock', 'areas'] },
);
