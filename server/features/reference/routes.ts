import type { FastifyPluginAsync } from 'fastify';
import { referenceEndpoints as endpoints } from '@shared/reference/endpoints.js';
import { route } from '@server/core/route.js';
import type { ReferenceService } from './service.js';

/** Reference geography for the map and every feature's forms, west to east, and ports' status. */
export const referenceRoutes: FastifyPluginAsync<{ service: ReferenceService }> = async (app, { service }) => {
  route(app, endpoints.ports, () => service.ports());
  route(app, endpoints.setPortStatus, ({ user, params, body }) => service.setPortStatus(user, params.id, body));
  route(app, endpoints.portStatusHistory, ({ params }) => service.portStatusHistory(params.id));
  route(app, endpoints.stations, () => service.stations());
  route(app, endpoints.sources, () => service.sources());
};
