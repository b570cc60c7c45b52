import fp from 'fastify-plugin';
import type { SessionUser } from '@shared/auth.js';
import type { Incident, TimelineEntry } from '@shared/incidents/contract.js';
import type { Permission } from '@shared/permissions.js';
import type { Executor } from '@server/core/db.js';
import { registerIncidentJobs } from './jobs.js';
import { appendTimeline, timelineOf, toIncident } from './repository.js';
import { incidentRoutes } from './routes.js';
import { IncidentService } from './service.js';

/** One entry another feature adds to an incident's timeline (append-only). */
export interface TimelineAddition {
  kind: TimelineEntry['kind'];
  text: string | null;
  data: Record<string, unknown>;
  actorName: string;
  at: Date;
}

/**
 * The public API of the incidents feature, what other features may call (as `app.incidents`):
 * search and rescue (server/features/sar) hangs on an incident and writes to its timeline.
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
  appendTimeline(tx: Executor, incidentId: string, entries: TimelineAddition[]): Promise<void>;
  timelineOf(db: Executor, incidentId: string): Promise<TimelineEntry[]>;
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
    const service = new IncidentService({
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
      appendTimeline: (tx, incidentId, entries) =>
        appendTimeline(
          tx,
          entries.map((entry) => ({ ...entry, incidentId })),
        ),
      timelineOf,
    } satisfies IncidentsApi);
    await app.register(incidentRoutes, { service });
  },
  {
    name: 'incidents',
    dependencies: ['config', 'clock', 'db', 'changes', 'access', 'due-work', 'alerts', 'reference'],
  },
);
