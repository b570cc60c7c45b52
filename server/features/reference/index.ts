import fp from 'fastify-plugin';
import type { AreaShape, MechanismReach } from '@shared/geo.js';
import type { PlaceGeography } from '@shared/reference/place.js';
import { cached } from './cache.js';
import { referenceGeography } from './repository.js';
import { referenceRoutes } from './routes.js';

/** How long another instance's change to the reference geography may go unseen here. */
const GEOGRAPHY_CACHE_MS = 60_000;

/** The public API of the reference feature: the geography other features assign and describe things by. */
export interface GeographyApi {
  /** Areas and mechanism reaches for `assignFromGeometry` (shared/geo.ts). */
  forAssignment(): Promise<{ areas: AreaShape[]; mechanisms: MechanismReach[] }>;
  /** Ports, area and mechanism names for `describePlace` (shared/reference/place.ts). */
  forPlaces(): Promise<PlaceGeography>;
  /** Drops the cached geography: whoever changes ports, areas or mechanisms calls it after committing. */
  invalidate(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    geography: GeographyApi;
  }
}

/**
 * Ports, mechanisms, high-risk areas, stations and sources (seeded reference data), read-only.
 * The geography is read once and cached: every incident report assigns and describes by it.
 */
export default fp(
  async (app) => {
    const geography = cached(
      () => referenceGeography(app.db),
      GEOGRAPHY_CACHE_MS,
      () => app.clock.now().getTime(),
    );
    app.decorate('geography', {
      forAssignment: async () => (await geography.get()).assignment,
      forPlaces: async () => (await geography.get()).places,
      invalidate: geography.invalidate,
    } satisfies GeographyApi);
    await app.register(referenceRoutes);
  },
  { name: 'reference', dependencies: ['db', 'access', 'clock'] },
);
