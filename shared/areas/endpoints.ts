import { z } from 'zod';
import { endpoint, file, noContent } from '@shared/http/endpoint.js';
import { areaCollection } from '@shared/reference/contract.js';
import {
  areaBody,
  areaFeature,
  areaIdParams,
  areaImportQuery,
  areaImportResult,
  GEOJSON_CONTENT_TYPE,
  KML_CONTENT_TYPE,
} from './contract.js';

const tags = ['areas'];
const read = { permission: 'reference.read' } as const;
const edit = { permission: 'area.edit' } as const;

/** High-risk areas: the HTTP contract (server routes, client calls, OpenAPI). */
export const areaEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/areas',
    summary: 'High-risk areas (GeoJSON FeatureCollection)',
    tags,
    access: read,
    responses: { 200: areaCollection },
  }),
  geoJsonFile: endpoint({
    method: 'GET',
    path: '/api/areas.geojson',
    summary: 'High-risk areas as a GeoJSON file to download (the same collection as GET /api/areas)',
    tags,
    access: read,
    responses: { 200: file(`${GEOJSON_CONTENT_TYPE}; charset=utf-8`, areaCollection) },
  }),
  csvFile: endpoint({
    method: 'GET',
    path: '/api/areas.csv',
    summary: 'High-risk areas as CSV: names, hazard, risk, season (both languages) and centroid',
    tags,
    access: read,
    responses: { 200: file('text/csv; charset=utf-8') },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/areas',
    summary: 'Draw a high-risk area: a GeoJSON Feature (Polygon or MultiPolygon), names and hazard in both languages',
    tags,
    access: edit,
    body: areaBody,
    responses: { 201: areaFeature },
  }),
  import: endpoint({
    method: 'POST',
    path: '/api/areas/import',
    summary: `Import high-risk areas from a file: ${GEOJSON_CONTENT_TYPE} or ${KML_CONTENT_TYPE} body; all or nothing`,
    tags,
    access: edit,
    query: areaImportQuery,
    body: z.string().min(1),
    bodyContentTypes: [GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE],
    responses: { 201: areaImportResult },
    errors: {
      400: [
        'validation_failed',
        'malformed',
        'not_geojson',
        'not_kml',
        'xml_doctype',
        'xml_malformed',
        'no_areas',
        'too_many_areas',
      ],
    },
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/areas/:id',
    summary: "Replace a high-risk area's outline and wording",
    tags,
    access: edit,
    params: areaIdParams,
    body: areaBody,
    responses: { 200: areaFeature },
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/areas/:id',
    summary: 'Delete a high-risk area: off the map and out of assignment (incidents placed in it keep its name)',
    tags,
    access: edit,
    params: areaIdParams,
    responses: { 204: noContent },
  }),
};
