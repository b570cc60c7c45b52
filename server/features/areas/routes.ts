import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AREA_IMPORT_LIMIT,
  areaBody,
  areaFeature,
  areaIdParams,
  areaImportQuery,
  areaImportResult,
  GEOJSON_CONTENT_TYPE,
  KML_CONTENT_TYPE,
} from '@shared/areas/contract.js';
import { errorBody } from '@shared/errors.js';
import { areaCollection } from '@shared/reference/contract.js';
import { areasCsv } from './csv.js';
import { listAreas } from './repository.js';
import type { AreaService } from './service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const read = { permission: 'reference.read' } as const;
const edit = { permission: 'area.edit' } as const;

export const areaRoutes: FastifyPluginAsyncZod<{ service: AreaService }> = async (app, { service }) => {
  // Imported files arrive as they are, with a limit of their own (413 beyond); import.ts parses them.
  app.addContentTypeParser(
    [GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE],
    { parseAs: 'string', bodyLimit: AREA_IMPORT_LIMIT },
    (_request, body, done) => done(null, body),
  );

  const collection = async () => ({ type: 'FeatureCollection' as const, features: await listAreas(app.db) });

  app.get(
    '/api/areas',
    {
      config: read,
      schema: {
        tags: ['areas'],
        summary: 'High-risk areas (GeoJSON FeatureCollection)',
        response: { 200: areaCollection },
      },
    },
    collection,
  );

  app.get(
    '/api/areas.geojson',
    {
      config: read,
      schema: {
        tags: ['areas'],
        summary: 'High-risk areas as a GeoJSON file to download (the same collection as GET /api/areas)',
        response: { 200: areaCollection },
      },
    },
    async (_request, reply) =>
      reply
        .type(`${GEOJSON_CONTENT_TYPE}; charset=utf-8`)
        .header('content-disposition', 'attachment; filename="high-risk-areas.geojson"')
        .send(await collection()),
  );

  app.get(
    '/api/areas.csv',
    {
      config: read,
      schema: {
        tags: ['areas'],
        summary: 'High-risk areas as CSV: names, hazard, risk, season (both languages) and centroid',
        response: { 200: z.string() },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="high-risk-areas.csv"')
        .send(areasCsv(await listAreas(app.db))),
  );

  app.post(
    '/api/areas',
    {
      config: edit,
      schema: {
        tags: ['areas'],
        summary:
          'Draw a high-risk area: a GeoJSON Feature (Polygon or MultiPolygon), names and hazard in both languages',
        body: areaBody,
        response: { 201: areaFeature, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.user!, request.body)),
  );

  app.post(
    '/api/areas/import',
    {
      config: { ...edit, accepts: [GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE] },
      schema: {
        tags: ['areas'],
        summary: `Import high-risk areas from a file: ${GEOJSON_CONTENT_TYPE} or ${KML_CONTENT_TYPE} body; all or nothing`,
        querystring: areaImportQuery,
        body: z.string().min(1),
        response: { 201: areaImportResult, 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (request, reply) => {
      const format = request.headers['content-type']?.startsWith(KML_CONTENT_TYPE) ? 'kml' : 'geojson';
      return reply.status(201).send(await service.import(request.user!, request.body, format, request.query));
    },
  );

  app.put(
    '/api/areas/:id',
    {
      config: edit,
      schema: {
        tags: ['areas'],
        summary: "Replace a high-risk area's outline and wording",
        params: areaIdParams,
        body: areaBody,
        response: { 200: areaFeature, ...errors },
      },
    },
    async (request) => service.update(request.user!, request.params.id, request.body),
  );

  app.delete(
    '/api/areas/:id',
    {
      config: edit,
      schema: {
        tags: ['areas'],
        summary: 'Delete a high-risk area: off the map and out of assignment (incidents placed in it keep its name)',
        params: areaIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.remove(request.user!, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
