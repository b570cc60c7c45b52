import type { FastifyPluginAsync } from 'fastify';
import { reportEndpoints as endpoints } from '@shared/reports/endpoints.js';
import { route } from '@server/core/route.js';
import type { ReportService } from './service.js';

export const reportRoutes: FastifyPluginAsync<{ service: ReportService }> = async (app, { service }) => {
  route(app, endpoints.summary, ({ user, query }) => service.summary(user, query));
  route(app, endpoints.csv, async ({ user, params, query, reply }) => {
    reply.header('content-disposition', `attachment; filename="report-${params.table}-${query.from}-${query.to}.csv"`);
    return service.csv(user, params.table, query);
  });
};
