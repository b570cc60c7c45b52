import type { FastifyPluginAsync } from 'fastify';
import { dueWorkEndpoints as endpoints } from '@shared/due-work/endpoints.js';
import { route } from '@server/core/route.js';
import type { DueWorkService } from './service.js';

export const dueWorkRoutes: FastifyPluginAsync<{ service: DueWorkService }> = async (app, { service }) => {
  route(app, endpoints.setAside, () => service.setAside());
  route(app, endpoints.retry, ({ user, params }) => service.retry(user, params.id));
};
