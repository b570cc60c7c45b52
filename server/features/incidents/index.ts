import fp from 'fastify-plugin';
import type { SessionUser } from '@shared/auth.js';
import type { Incident, TimelineEntry } from '@shared/incidents/contract.js';
import type { Permission } from '@shared/permissions.js';
import type { Executor } from '@server/core/db.js';
import { registerIncidentJobs } from './jobs.js';
import { appendTimeline } from './repository.js';
import { incidentRoutes } from './routes.js';
import { IncidentService } from './service.js';

/** What another feature working on an incident (its checklists) needs to know of it. */
export type LinkedIncident = Pick<Incident, 'id' | 'type' | 'status' | 'mechanismId' | 'reportedBy'>;

/** One entry another feature adds to an incident's timeline, in the caller's transaction. */
export interface LinkedTimelineEntry {
  kind: TimelineEntry['kind'];
  text?: string | null;
  data: Record<string, unknown>;
  actorName: string;
  at: Date;
}

/**
 * The public API of the incidents feature (`app.incidents`) for features that hang off an
 * incident: the same access rule the incident routes apply, and its timeline, which the
 * incidents feature owns.
 */
export interface IncidentsApi {
  /**
   * The incident if `user` may do `permission` on it (404 unknown, 403 outside their
   * mechanism); `lock` holds it for the rest of the transaction, so a hand-off to closed and
   * a change made on the incident come one after the other.
   */
  authorised(
    db: Executor,
    user: SessionUser,
    id: string,
    permission: Permission,
    lock?: boolean,
  ): Promise<LinkedIncident>;
  appendTimeline(tx: Executor, incidentId: string, entry: LinkedTimelineEntry): Promise<void>;
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
    });
    app.decorate('incidents', {
      authorised: async (db, user, id, permission, lock = false) => {
        const { type, status, mechanismId, reportedBy } = await service.authorised(db, user, id, permission, lock);
        return { id, type, status, mechanismId, reportedBy };
      },
      appendTimeline: (tx, incidentId, entry) => appendTimeline(tx, [{ incidentId, text: null, ...entry }]),
    } satisfies IncidentsApi);
    registerIncidentJobs(app.dueWork, service);
    await app.register(incidentRoutes, { service });
  },
  { name: 'incidents', dependencies: ['clock', 'db', 'changes', 'access', 'due-work', 'alerts', 'reference'] },
);
