import fp from 'fastify-plugin';
import { registerLiaisonJobs } from './jobs.js';
import type { LiaisonDependencies } from './mechanism-records.js';
import { MeetingService } from './meeting-service.js';
import { RosterService } from './roster-service.js';
import { liaisonRoutes } from './routes.js';
import { RotationService } from './rotation-service.js';

/**
 * The liaison mechanisms (Plan of Action VIII): rosters on both sides, duty rotations,
 * "who do I call now for this place", meetings and commitments, vCard and iCalendar.
 * Mechanisms and their areas come through the reference feature's public geography API.
 */
export default fp(
  async (app) => {
    const deps: LiaisonDependencies = {
      db: app.db,
      changes: app.changes,
      geography: app.geography,
      dueWork: app.dueWork,
      clock: app.clock,
    };
    const rotations = new RotationService(deps);
    registerLiaisonJobs(app.dueWork, rotations);
    await app.register(liaisonRoutes, {
      roster: new RosterService(deps),
      rotations,
      meetings: new MeetingService(deps),
    });
  },
  { name: 'liaison', dependencies: ['clock', 'db', 'changes', 'access', 'due-work', 'reference'] },
);
