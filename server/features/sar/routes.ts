import type { FastifyPluginAsync } from 'fastify';
import { ref } from '@shared/i18n/index.js';
import { sarEndpoints as endpoints } from '@shared/sar/endpoints.js';
import { invalidField } from '@server/core/errors.js';
import { route } from '@server/core/route.js';
import type { SarService } from './service.js';

export const sarRoutes: FastifyPluginAsync<{ service: SarService }> = async (app, { service }) => {
  route(app, endpoints.get, ({ user, params }) => service.get(user, params.id));
  route(app, endpoints.open, ({ user, params, body }) => service.open(user, params.id, body));
  route(app, endpoints.addTeam, ({ user, params, body }) => service.addTeam(user, params.id, body));
  route(app, endpoints.addAsset, ({ user, params, body }) => service.addAsset(user, params.id, body));
  route(app, endpoints.addSector, ({ user, params, body }) => service.addSector(user, params.id, body));
  route(app, endpoints.updateSector, ({ user, params, body }) =>
    service.updateSector(user, params.id, params.sectorId, body),
  );
  route(app, endpoints.logProgress, ({ user, params, body }) => service.logProgress(user, params.id, body));
  route(app, endpoints.close, ({ user, params, body }) => service.close(user, params.id, body));
  route(app, endpoints.summary, async ({ user, query }) => {
    const { from = null, to = null } = query;
    if (from && to && Date.parse(from) > Date.parse(to)) throw invalidField('to', ref('incidentError.rangeOrder'));
    return service.summary(user, from, to);
  });
};
