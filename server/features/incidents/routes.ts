import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaIdParams } from '@shared/areas/contract.js';
import { errorBody } from '@shared/errors.js';
import { ref } from '@shared/i18n/index.js';
import {
  acknowledgeResponse,
  awaitingList,
  createIncidentBody,
  escalationList,
  incident,
  incidentDetail,
  incidentIdParams as idParams,
  incidentPage,
  incidentQuery,
  investigationBody,
  investigationList,
  timelinePage,
  timelineQuery,
  updateIncidentBody,
  type IncidentQuery,
} from '@shared/incidents/contract.js';
import { areaStats, areaStatsQuery, incidentMapCollection, mapFilterQuery } from '@shared/incidents/map-filter.js';
import { invalidField } from '@server/core/errors.js';
import { mapFeatureCollection } from './geojson.js';
import * as repo from './repository.js';
import type { IncidentService } from './service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** `minLon,minLat,maxLon,maxLat` (the schema checked the shape): each in range, each minimum below its maximum. */
function parseBbox(text: string): Bbox {
  const bbox = text.split(',').map(Number) as Bbox;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const inRange =
    [minLon, maxLon].every((lon) => Math.abs(lon) <= 180) && [minLat, maxLat].every((lat) => Math.abs(lat) <= 90);
  if (!inRange) throw invalidField('bbox', ref('incidentError.bboxRange'));
  for (const [axis, min, max] of [
    ['axis.longitude', minLon, maxLon],
    ['axis.latitude', minLat, maxLat],
  ] as const) {
    if (min > max) throw invalidField('bbox', ref('incidentError.bboxOrder', { axis: ref(axis), min, max }));
  }
  return bbox;
}

function parseFilter(q: IncidentQuery): Omit<repo.IncidentFilter, 'scope' | 'ids'> {
  const after = q.cursor ? repo.decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw invalidField('cursor', ref('validation.invalid'));
  if (q.from && q.to && new Date(q.from) > new Date(q.to)) throw invalidField('to', ref('incidentError.rangeOrder'));
  const { bbox, cursor: _c, ...query } = q;
  return { query, bbox: bbox ? parseBbox(bbox) : null, after };
}

export const incidentRoutes: FastifyPluginAsyncZod<{ service: IncidentService }> = async (app, { service }) => {
  app.post(
    '/api/incidents',
    {
      config: { permission: 'incident.report' },
      schema: {
        tags: ['incidents'],
        summary: 'Report an incident; alerts both governments',
        body: createIncidentBody,
        response: { 201: incident, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.user!, request.body)),
  );

  app.get(
    '/api/incidents',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Incident feed, newest first (keyset pagination)',
        querystring: incidentQuery,
        response: { 200: incidentPage, ...errors },
      },
    },
    async (request) => {
      const filter = parseFilter(request.query);
      const rows = await service.list(app.db, request.user!, {
        ...filter,
        query: { ...filter.query, limit: filter.query.limit + 1 },
      });
      const page = rows.slice(0, filter.query.limit);
      return {
        items: await service.present(page),
        nextCursor: rows.length > page.length ? repo.encodeCursor(page[page.length - 1]!) : null,
      };
    },
  );

  app.get(
    '/api/incidents.geojson',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary:
          'Incidents for the operations map as an RFC 7946 FeatureCollection: filters by type, severity, status (open ones by default), mechanism, time range (last 24 h, 7 days — the default —, season, custom from/to) and bbox; newest first, at most 50,000, with `truncated`, `limit` and `total` saying whether more matched',
        querystring: mapFilterQuery,
        response: { 200: incidentMapCollection, ...errors },
      },
    },
    async (request, reply) => {
      const { features, count, total, truncated, limit, filter } = await service.mapIncidents(
        app.db,
        request.user!,
        request.query,
      );
      const answer = { truncated, limit, total, from: filter.from, to: filter.to };
      if (truncated) reply.header('x-truncated', `${count} of ${total}`);
      // Fastify sends a string as it is, skipping the response schema's walk over every feature:
      // the shape is mapFeatureCollection's (and tested against incidentMapCollection).
      const body = mapFeatureCollection(features, answer) as unknown as z.infer<typeof incidentMapCollection>;
      return reply.type('application/geo+json').send(body);
    },
  );

  app.get(
    '/api/areas/:id/stats',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary:
          "A high-risk area's statistics for a window (a preset range resolved on the area's own clocks, or from/to): incidents whose point lies in it, by type and by month (in the area's zone, which the answer names), and the people rescued, injured and deceased they record",
        params: areaIdParams,
        querystring: areaStatsQuery,
        response: { 200: areaStats, ...errors },
      },
    },
    async (request) => service.areaStats(app.db, request.user!, request.params.id, request.query),
  );

  app.get(
    '/api/incidents/awaiting-acknowledgement',
    {
      config: { permission: 'incident.acknowledge' },
      schema: {
        tags: ['incidents'],
        summary:
          "Incidents whose running alert the caller's government has still to acknowledge, earliest deadline first",
        response: { 200: awaitingList, ...errors },
      },
    },
    async (request) => ({
      government: request.user!.country,
      items: await service.awaitingAcknowledgement(app.db, request.user!),
    }),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary: 'One incident with timeline, acknowledgements and investigation',
        params: idParams,
        response: { 200: incidentDetail, ...errors },
      },
    },
    async (request) =>
      service.detail(app.db, await service.authorised(app.db, request.user!, request.params.id, 'incident.read')),
  );

  app.get(
    '/api/incidents/:id/timeline',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary:
          "A page of an incident's timeline, oldest first: the newest entries, or with `before` (a `nextCursor` or the incident's `timelineNextCursor`) the ones before it",
        params: idParams,
        querystring: timelineQuery,
        response: { 200: timelinePage, ...errors },
      },
    },
    async (request) =>
      service.timeline(
        app.db,
        await service.authorised(app.db, request.user!, request.params.id, 'incident.read'),
        request.query,
      ),
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { permission: 'incident.edit' },
      schema: {
        tags: ['incidents'],
        summary:
          'Change status, severity, summary or people counts, or add a note; 409 when `version` is stale (with `current`) or the incident is closed',
        params: idParams,
        body: updateIncidentBody,
        response: { 200: incidentDetail, 409: errorBody.extend({ current: incidentDetail.optional() }), ...errors },
      },
    },
    async (request) => service.detail(app.db, await service.update(request.user!, request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/acknowledge',
    {
      config: { permission: 'incident.acknowledge' },
      schema: {
        tags: ['incidents'],
        summary: "Acknowledge the alert for the caller's government (idempotent)",
        params: idParams,
        response: { 200: acknowledgeResponse, ...errors },
      },
    },
    async (request) => service.acknowledge(request.user!, request.params.id),
  );

  app.put(
    '/api/incidents/:id/investigation',
    {
      config: { permission: 'incident.investigate' },
      schema: {
        tags: ['incidents'],
        summary: 'Record or update the investigation',
        params: idParams,
        body: investigationBody,
        response: { 200: incidentDetail, ...errors },
      },
    },
    async (request) =>
      service.detail(app.db, await service.setInvestigation(request.user!, request.params.id, request.body)),
  );

  app.get(
    '/api/escalations',
    {
      config: { permission: 'escalation.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Central desks: incidents escalated past their deadline',
        response: { 200: escalationList, ...errors },
      },
    },
    async () => ({ items: await service.escalations(app.db) }),
  );

  app.get(
    '/api/investigations',
    {
      config: { permission: 'investigation.followUp' },
      schema: {
        tags: ['incidents'],
        summary: 'Investigations to follow up: missing or not updated for 30 days',
        response: { 200: investigationList, ...errors },
      },
    },
    async (request) => ({ items: await service.investigationFollowUps(app.db, request.user!) }),
  );
};
