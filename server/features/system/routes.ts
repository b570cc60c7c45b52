import type { FastifyPluginAsync } from 'fastify';
import { systemEndpoints as endpoints } from '@shared/system/endpoints.js';
import { route } from '@server/core/route.js';
import type { SystemService } from './service.js';

/** Health for load balancers and the deployment settings the signed-in client needs. */
export const systemRoutes: FastifyPluginAsync<{ service: SystemService }> = async (app, { service }) => {
  route(app, endpoints.health, async ({ request, reply }) => {
    const db = service.databaseKind;
    try {
      // A database that stopped answering is a 503 now, not a hang.
      await service.checkDatabase();
      return { status: 'ok' as const, db };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      reply.status(503);
      return { status: 'error' as const, db };
    }
  });

  route(app, endpoints.config, async () => service.clientConfig());
};
