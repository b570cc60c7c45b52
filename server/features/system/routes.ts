import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { clientConfig } from '@shared/client-config.js';

/** How long health waits for the database before answering 503 (a load balancer's probe waits about as long). */
const HEALTH_TIMEOUT_MS = 2_000;

/** Health for load balancers and the deployment settings the signed-in client needs. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }),
          503: z.object({ status: z.literal('error'), db: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async (request, reply) => {
      try {
        // Its own short deadline: a database that stopped answering is a 503 now, not a hang.
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('health check: no answer in time')), HEALTH_TIMEOUT_MS);
        });
        await Promise.race([app.db.execute(sql`select 1`), deadline]).finally(() => clearTimeout(timer));
        return { status: 'ok' as const, db: app.database.kind };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'error' as const, db: app.database.kind });
      }
    },
  );

  app.get(
    '/api/config',
    {
      config: { permission: 'config.read' },
      schema: { tags: ['system'], summary: 'Client settings of this deployment', response: { 200: clientConfig } },
    },
    () => ({ mapStyleUrl: app.config.mapStyleUrl, ackDeadlineMinutes: app.config.ackDeadlineMinutes }),
  );
};
