import { z } from 'zod';
import { clientConfig } from '@shared/client-config.js';
import { endpoint } from '@shared/http/endpoint.js';

const tags = ['system'];
const databaseKind = z.enum(['pglite', 'postgres']);

/** Health and the client's settings: the HTTP contract (server routes, client calls, OpenAPI). */
export const systemEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    tags,
    access: 'public',
    // The 503 is an answer too: a load balancer reads which database is away.
    responses: {
      200: z.object({ status: z.literal('ok'), db: databaseKind }),
      503: z.object({ status: z.literal('error'), db: databaseKind }),
    },
  }),
  config: endpoint({
    method: 'GET',
    path: '/api/config',
    summary: 'Client settings of this deployment',
    tags,
    access: { permission: 'config.read' },
    responses: { 200: clientConfig },
  }),
};
