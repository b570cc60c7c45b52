import type { FastifyPluginAsync } from 'fastify';
import { checklistEndpoints as endpoints } from '@shared/checklists/endpoints.js';
import { route } from '@server/core/route.js';
import type { ChecklistService } from './service.js';

/** Checklists per emergency kind, on an incident (Plan of Action V). */
export const checklistRoutes: FastifyPluginAsync<{ service: ChecklistService }> = async (app, { service }) => {
  route(app, endpoints.list, ({ user, params }) => service.list(user, params.id));
  route(app, endpoints.start, ({ user, params, body }) => service.start(user, params.id, body.kind));
  route(app, endpoints.tick, ({ user, params, body }) =>
    service.tick(user, params.id, params.kind, params.stepId, body.done),
  );
};
