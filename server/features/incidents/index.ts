import fp from 'fastify-plugin';
import type { SessionUser } from '@shared/auth.js';
import type { Incident } from '@shared/incidents/contract.js';
import type { Permission } from '@shared/permissions.js';
import type { TimelineEntryOf, TimelineKind } from '@shared/timeline.js';
import type { Executor } from '@server/core/db.js';
import { registerIncidentJobs } from './jobs.js';
import { MapIndexFeed, pointOf } from './map-index-feed.js';
import { mapPointsPage, timelineOf, toIncident } from './repository.js';
import { incidentRoutes } from './routes.js';
import { INCIDENTS_BULK_LOADED } from '@server/db/schema/incidents.js';
import { TileCache } from './tile-cache.js';
import { IncidentService } from './service.js';
import { appendTimeline, type TimelineAuthor, type TimelineRecord } from './timeline.js';

export type { TimelineAuthor, TimelineRecord } from './timeline.js';

/** What the operations map's tile cache may hold: a few thousand tiles. */
const TILE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The public API of the incidents feature, what other features may call (as `app.incidents`):
 * checklists and search and rescue (server/features/checklists, sar) hang on an incident and
 * write on its timeline, each in the kinds it declares (shared/<feature>/timeline.ts).
 * Writes take the caller's transaction: the entry commits with the change it records.
 */
export interface IncidentsApi {
  /**
   * The incident if `user` may do `permission` on it (a scoped permission checks its
   * mechanism, or its reporter): 404 unknown, 403 otherwise. `forUpdate` locks it.
   */
  authorised(
    db: Executor,
    user: SessionUser,
    id: string,
    permission: Permission,
    forUpdate?: boolean,
  ): Promise<Incident>;
  /** Entries on the incident's timeline, built and checked as the incident's own are. */
  appendTimeline(
    tx: Executor,
    incidentId: string,
    author: TimelineAuthor,
    entries: readonly TimelineRecord[],
  ): Promise<void>;
  /** The timeline's entries of one kind, oldest first. */
  timelineOf<K extends TimelineKind>(db: Executor, incidentId: string, kind: K): Promise<TimelineEntryOf<K>[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    incidents: IncidentsApi;
  }
}

/**
 * Rapid Response (Plan of Action V): incidents, their timeline and investigation; alerts
 * through the alerts feature's public API, geography through the reference feature's.
 */
export default fp(
  async (app) => {
    // Every instance reads every event: a report to any of them reaches the map's index here
    // and drops the tiles that hold it.
    const tiles = new TileCache(TILE_CACHE_BYTES);
    const map = new MapIndexFeed(
      (page) => mapPointsPage(app.db, page),
      (count, ms) => {
        tiles.clear();
        app.log.info({ incidents: count, ms: Math.round(ms) }, 'map index loaded');
      },
    );
    app.eventHub.onEvent((event) => {
      if (event.kind !== 'incident.created' && event.kind !== 'incident.updated') return;
      const { incident } = event.data as { incident: Incident };
      map.apply(pointOf(incident));
      tiles.dropPlace(incident.location.lon, incident.location.lat);
    });
    const logMapError = (error: unknown) => app.log.error({ err: error }, 'map index');
    // Loaded as the console starts, without holding it back: a tile waits for it, nothing else does.
    let unlisten: (() => Promise<void>) | undefined;
    app.addHook('onReady', async () => {
      void map.current().catch(logMapError);
      unlisten = await app.database.listen(INCIDENTS_BULK_LOADED, () => void map.reload().catch(logMapError));
    });
    app.addHook('preClose', async () => {
      await unlisten?.();
      await map.settled();
    });
    const service = new IncidentService({
      tiles,
      map,
      db: app.db,
      changes: app.changes,
      alerts: app.alerts,
      geography: app.geography,
      dueWork: app.dueWork,
      clock: app.clock,
      maxReportDistanceKm: app.config.maxReportDistanceKm,
      demoPlayer: app.config.demoPlayer,
    });
    registerIncidentJobs(app.dueWork, service);
    app.decorate('incidents', {
      authorised: async (db, user, id, permission, forUpdate) =>
        toIncident(await service.authorised(db, user, id, permission, forUpdate)),
      appendTimeline,
      timelineOf,
    } satisfies IncidentsApi);
    await app.register(incidentRoutes, { service });
  },
  {
    name: 'incidents',
    dependencies: ['config', 'clock', 'db', 'changes', 'access', 'event-hub', 'due-work', 'alerts', 'reference'],
  },
);
