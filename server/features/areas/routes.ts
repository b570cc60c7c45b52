import type { FastifyPluginAsync } from 'fastify';
import { AREA_IMPORT_LIMIT, GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE } from '@shared/areas/contract.js';
import { areaEndpoints as endpoints } from '@shared/areas/endpoints.js';
import { route } from '@server/core/route.js';
import type { AreaService } from './service.js';

/** Downloads are saved under these names rather than shown. */
const attachment = (name: string) => `attachment; filename="${name}"`;

export const areaRoutes: FastifyPluginAsync<{ service: AreaService }> = async (app, { service }) => {
  // Imported files arrive as they are, with a limit of their own (413 beyond); import.ts parses them.
  app.addContentTypeParser(
    [GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE],
    { parseAs: 'string', bodyLimit: AREA_IMPORT_LIMIT },
    (_request, body, done) => done(null, body),
  );

  route(app, endpoints.list, () => service.collection());
  route(app, endpoints.geoJsonFile, async ({ reply }) => {
    reply.header('content-disposition', attachment('high-risk-areas.geojson'));
    return service.geoJsonFile();
  });
  route(app, endpoints.csvFile, async ({ reply }) => {
    reply.header('content-disposition', attachment('high-risk-areas.csv'));
    return service.csvFile();
  });
  route(app, endpoints.create, ({ user, body }) => service.create(user, body));
  route(app, endpoints.import, ({ user, body, query, request }) => {
    const format = request.headers['content-type']?.startsWith(KML_CONTENT_TYPE) ? 'kml' : 'geojson';
    return service.import(user, body, format, query);
  });
  route(app, endpoints.update, ({ user, params, body }) => service.update(user, params.id, body));
  route(app, endpoints.remove, ({ user, params }) => service.remove(user, params.id));
};
