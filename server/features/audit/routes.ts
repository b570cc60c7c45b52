import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '@shared/audit/contract.js';
import { auditPageOf } from './repository.js';

/** The append-only audit log, newest first, for admins and supervisors. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Who changed what, when (newest first)',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => auditPageOf(app.db, request.query.limit, request.query.before),
  );
};
