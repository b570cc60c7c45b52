import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, lt, type SQL } from 'drizzle-orm';
import { auditPage, auditQuery } from '@shared/audit/contract.js';
import { auditLog } from '../../db/schema/audit-log.js';

/** The append-only audit log, newest first, for admins and supervisors. */
const audit: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      preHandler: app.authorize('admin', 'supervisor'),
      schema: { tags: ['audit'], summary: 'Who changed what, when (newest first)', querystring: auditQuery, response: { 200: auditPage } },
    },
    async (request) => {
      const { limit, before } = request.query;
      const filters: SQL[] = [];
      if (before) filters.push(lt(auditLog.id, before));
      const rows = await app.db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id, at: r.at.toISOString(), actor: r.actorUsername, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after,
        })),
        nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    },
  );
};
export default audit;
