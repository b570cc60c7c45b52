import type { FastifyPluginAsync } from 'fastify';
import { auditEndpoints as endpoints } from '@shared/audit/endpoints.js';
import { route } from '@server/core/route.js';
import type { AuditService } from './service.js';

/** The append-only audit log, newest first, for admins and supervisors. */
export const auditRoutes: FastifyPluginAsync<{ service: AuditService }> = async (app, { service }) => {
  route(app, endpoints.page, ({ query }) => service.page(query.limit, query.before));
};
