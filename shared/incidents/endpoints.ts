import { areaIdParams } from '@shared/areas/contract.js';
import { errorBody } from '@shared/errors.js';
import { binaryFile, endpoint, file } from '@shared/http/endpoint.js';
import {
  acknowledgeResponse,
  awaitingList,
  createIncidentBody,
  escalationList,
  incident,
  incidentDetail,
  incidentIdParams,
  incidentPage,
  incidentQuery,
  investigationBody,
  investigationList,
  timelinePage,
  timelineQuery,
  updateIncidentBody,
} from './contract.js';
import { areaStats, areaStatsQuery, incidentMapCollection, mapFilterQuery, tileFilterQuery } from './map-filter.js';
import { TILE_MAX_ZOOM, tileParams } from './tiles.js';

const tags = ['incidents'];
const read = { permission: 'incident.read' } as const;

/** Rapid Response (Plan of Action V): the HTTP contract of incidents (server routes, client calls, OpenAPI). */
export const incidentEndpoints = {
  create: endpoint({
    method: 'POST',
    path: '/api/incidents',
    summary: 'Report an incident; alerts both governments',
    tags,
    access: { permission: 'incident.report' },
    body: createIncidentBody,
    responses: { 201: incident },
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/incidents',
    summary: 'Incident feed, newest first (keyset pagination)',
    tags,
    access: read,
    query: incidentQuery,
    responses: { 200: incidentPage },
  }),
  map: endpoint({
    method: 'GET',
    path: '/api/incidents.geojson',
    summary:
      'Incidents for the operations map as an RFC 7946 FeatureCollection: filters by type, severity, status (open ones by default), mechanism, time range (last 24 h, 7 days — the default —, season, custom from/to) and bbox; newest first, at most 50,000, with `truncated`, `limit` and `total` saying whether more matched',
    tags,
    access: read,
    query: mapFilterQuery,
    responses: { 200: file('application/geo+json; charset=utf-8', incidentMapCollection) },
  }),
  tile: endpoint({
    method: 'GET',
    path: '/api/incidents/tiles/:z/:x/:y',
    summary: `One Mapbox Vector Tile (z 0–${TILE_MAX_ZOOM}, Web Mercator) of the operations map's incidents with the same filters as incidents.geojson (no bbox: the tile is the box): layer \`incidents\`, every match, clustered by grid cell up to zoom 10 (\`point_count\`, \`point_count_abbreviated\`, the most severe \`severity\`, \`cluster_id\`), one point per incident or place beyond`,
    tags,
    access: read,
    params: tileParams,
    query: tileFilterQuery,
    responses: { 200: binaryFile('application/vnd.mapbox-vector-tile') },
  }),
  areaStats: endpoint({
    method: 'GET',
    path: '/api/areas/:id/stats',
    summary:
      "A high-risk area's statistics for a window (a preset range resolved on the area's own clocks, or from/to): incidents whose point lies in it, by type and by month (in the area's zone, which the answer names), and the people rescued, injured and deceased they record",
    tags,
    access: read,
    params: areaIdParams,
    query: areaStatsQuery,
    responses: { 200: areaStats },
  }),
  awaiting: endpoint({
    method: 'GET',
    path: '/api/incidents/awaiting-acknowledgement',
    summary: "Incidents whose running alert the caller's government has still to acknowledge, earliest deadline first",
    tags,
    access: { permission: 'incident.acknowledge' },
    responses: { 200: awaitingList },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/incidents/:id',
    summary: 'One incident with timeline, acknowledgements and investigation',
    tags,
    access: read,
    params: incidentIdParams,
    responses: { 200: incidentDetail },
  }),
  timeline: endpoint({
    method: 'GET',
    path: '/api/incidents/:id/timeline',
    summary:
      "A page of an incident's timeline, oldest first: the newest entries, or with `before` (a `nextCursor` or the incident's `timelineNextCursor`) the ones before it",
    tags,
    access: read,
    params: incidentIdParams,
    query: timelineQuery,
    responses: { 200: timelinePage },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/incidents/:id',
    summary:
      'Change status, severity, summary or people counts, or add a note; 409 when `version` is stale (with `current`) or the incident is closed',
    tags,
    access: { permission: 'incident.edit' },
    params: incidentIdParams,
    body: updateIncidentBody,
    responses: { 200: incidentDetail },
    errors: {
      409: {
        codes: ['version_conflict', 'incident_closed'],
        /** `current`: the incident as it stands, on a stale `version`. */
        body: errorBody.extend({ current: incidentDetail.optional() }),
      },
    },
  }),
  acknowledge: endpoint({
    method: 'POST',
    path: '/api/incidents/:id/acknowledge',
    summary: "Acknowledge the alert for the caller's government (idempotent)",
    tags,
    access: { permission: 'incident.acknowledge' },
    params: incidentIdParams,
    responses: { 200: acknowledgeResponse },
  }),
  saveInvestigation: endpoint({
    method: 'PUT',
    path: '/api/incidents/:id/investigation',
    summary: 'Record or update the investigation',
    tags,
    access: { permission: 'incident.investigate' },
    params: incidentIdParams,
    body: investigationBody,
    responses: { 200: incidentDetail },
  }),
  escalations: endpoint({
    method: 'GET',
    path: '/api/escalations',
    summary: 'Central desks: incidents escalated past their deadline',
    tags,
    access: { permission: 'escalation.read' },
    responses: { 200: escalationList },
  }),
  investigations: endpoint({
    method: 'GET',
    path: '/api/investigations',
    summary: 'Investigations to follow up: missing or not updated for 30 days',
    tags,
    access: { permission: 'investigation.followUp' },
    responses: { 200: investigationList },
  }),
};
