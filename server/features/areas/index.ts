import fp from 'fastify-plugin';
import type { BilingualText } from '@shared/errors.js';
import type { AreaGeometry } from '@shared/reference/contract.js';
import type { Executor } from '@server/core/db.js';
import { geographyAreas } from './repository.js';
import { areaRoutes } from './routes.js';
import { AreaService } from './service.js';

/** An area as the reference geography keeps it: deleted ones still name the incidents placed in them. */
export interface GeographyArea {
  id: string;
  geometry: AreaGeometry;
  name: BilingualText;
  deleted: boolean;
}

/** The public API of the areas feature (`app.areas`). */
export interface AreasApi {
  /** Every area with its outline and name, deleted ones flagged. */
  forGeography(db: Executor): Promise<GeographyArea[]>;
  /** `listener` runs after every committed change to the areas (the reference feature drops its cache). */
  onChange(listener: () => void): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    areas: AreasApi;
  }
}

/**
 * High-risk areas (Plan of Action I): the map's areas, drawn, edited, imported (GeoJSON, KML)
 * and deleted by supervisors, exported as GeoJSON and CSV. The reference feature reads them
 * through `app.areas` for incident assignment and places in words.
 */
export default fp(
  async (app) => {
    const listeners: Array<() => void> = [];
    app.decorate('areas', {
      forGeography: geographyAreas,
      onChange: (listener) => void listeners.push(listener),
    } satisfies AreasApi);
    const service = new AreaService({
      db: app.db,
      changes: app.changes,
      clock: app.clock,
      changed: () => listeners.forEach((listener) => listener()),
    });
    await app.register(areaRoutes, { service });
  },
  { name: 'areas', dependencies: ['clock', 'db', 'changes', 'access'] },
);
