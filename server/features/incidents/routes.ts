import type { FastifyPluginAsync } from 'fastify';
import { incidentEndpoints as endpoints } from '@shared/incidents/endpoints.js';
import { route } from '@server/core/route.js';
import type { IncidentService } from './service.js';

export const incidentRoutes: FastifyPluginAsync<{ service: IncidentService }> = async (app, { service }) => {
  route(app, endpoints.create, ({ user, body }) => service.create(user, body));
  route(app, endpoints.list, ({ user, query }) => service.list(user, query));
  route(app, endpoints.map, async ({ user, query, reply }) => {
    const { geojson, count, total, truncated } = await service.mapIncidents(user, query);
    if (truncated) reply.header('x-truncated', `${count} of ${total}`);
    // A string goes out as it is: no schema walk over 50,000 features (the shape is tested
    // against incidentMapCollection and MapIncidentProperties).
    return geojson;
  });
  route(app, endpoints.tile, ({ user, params, query }) => service.tile(user, params, query));
  route(app, endpoints.areaStats, ({ user, params, query }) => service.areaStats(user, params.id, query));
  route(app, endpoints.awaiting, ({ user }) => service.awaitingAcknowledgement(user));
  route(app, endpoints.get, ({ user, params }) => service.detail(user, params.id));
  route(app, endpoints.timeline, ({ user, params, query }) => service.timeline(user, params.id, query));
  route(app, endpoints.update, ({ user, params, body }) => service.update(user, params.id, body));
  route(app, endpoints.acknowledge, ({ user, params }) => service.acknowledge(user, params.id));
  route(app, endpoints.saveInvestigation, ({ user, params, body }) => service.setInvestigation(user, params.id, body));
  route(app, endpoints.escalations, () => service.escalations());
  route(app, endpoints.investigations, ({ user }) => service.investigationFollowUps(user));
};
