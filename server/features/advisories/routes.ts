import type { FastifyPluginAsync } from 'fastify';
import { CAP_IMPORT_CONTENT_TYPES } from '@shared/advisories/contract.js';
import { advisoryEndpoints as endpoints } from '@shared/advisories/endpoints.js';
import { route } from '@server/core/route.js';
import { CAP_BODY_LIMIT } from './cap.js';
import type { AdvisoryService } from './service.js';

export const advisoryRoutes: FastifyPluginAsync<{ service: AdvisoryService }> = async (app, { service }) => {
  // CAP arrives as XML (a file or pasted text). Read as a string, with a limit of its own;
  // parsing happens in cap.ts, which refuses DTDs before anything else.
  app.addContentTypeParser(
    [...CAP_IMPORT_CONTENT_TYPES],
    { parseAs: 'string', bodyLimit: CAP_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  route(app, endpoints.create, ({ user, body }) => service.create(user, body));
  route(app, endpoints.list, async ({ user, query }) => ({ items: await service.list(user, query.active === 'true') }));
  route(app, endpoints.feed, () => service.feed());
  route(app, endpoints.capMessage, ({ params }) => service.capMessage(params.id));
  route(app, endpoints.importCap, ({ user, body }) => service.importCap(user, body));
  route(app, endpoints.detail, ({ user, params }) => service.detail(user, params.id));
  route(app, endpoints.update, ({ user, params, body }) => service.update(user, params.id, body));
  route(app, endpoints.publish, ({ user, params }) => service.publish(user, params.id));
  route(app, endpoints.cancel, ({ user, params, body }) => service.cancel(user, params.id, body?.reason ?? null));
};
