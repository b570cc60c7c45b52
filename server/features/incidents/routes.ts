import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mechanismScopeOf, type SessionUser } from '@shared/auth.js';
import { errorBody } from '@shared/errors.js';
import { ref } from '@shared/i18n/index.js';
import {
  acknowledgeResponse,
  createIncidentBody,
  escalationList,
  incident,
  incidentDetail,
  incidentPage,
  incidentQuery,
  investigationBody,
  investigationList,
  updateIncidentBody,
  type IncidentQuery,
} from '@shared/incidents/contract.js';
import { invalidField } from '@server/core/errors.js';
import { toFeatureCollection } from './geojson.js';
import * as repo from './repository.js';
import type { IncidentService } from './service.js';

const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

function parseFilter(user: SessionUser, q: IncidentQuery): repo.IncidentFilter {
  let bbox: repo.IncidentFilter['bbox'] = null;
  if (q.bbox) {
    const [minLon, minLat, maxLon, maxLat] = q.bbox.split(',').map(Number) as [number, number, number, number];
    const inRange =
      minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon <= maxLon && minLat <= maxLat;
    if (!inRange) throw invalidField('bbox', ref('validation.pattern'));
    bbox = [minLon, minLat, maxLon, maxLat];
  }
  const after = q.cursor ? repo.decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw invalidField('cursor', ref('validation.invalid'));
  if (q.from && q.to && new Date(q.from) > new Date(q.to)) throw invalidField('to', ref('validation.invalid'));
  const { bbox: _b, cursor: _c, ...query } = q;
  return { query, bbox, after, mechanismId: mechanismScopeOf(user) };
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
    async (request, reply) => {
      const row = await service.create(request.user!, request.body);
      return reply.status(201).send(repo.toIncident(row));
    },
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
      const filter = parseFilter(request.user!, request.query);
      const rows = await repo.listIncidents(app.db, {
        ...filter,
        query: { ...filter.query, limit: filter.query.limit + 1 },
      });
      const page = rows.slice(0, filter.query.limit);
      return {
        items: page.map(repo.toIncident),
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
        summary: 'Incidents as an RFC 7946 FeatureCollection (same filters)',
        querystring: incidentQuery,
        response: { 200: featureCollection, ...errors },
      },
    },
    async (request, reply) => {
      const rows = await repo.listIncidents(app.db, parseFilter(request.user!, request.query));
      return reply.type('application/geo+json').send(toFeatureCollection(rows.map(repo.toIncident)));
    },
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

  app.patch(
    '/api/incidents/:id',
    {
      config: { permission: 'incident.edit' },
      schema: {
        tags: ['incidents'],
        summary: 'Change status, severity, summary or people counts, or add a note; 409 when `version` is stale',
        params: idParams,
        body: updateIncidentBody,
        response: { 200: incidentDetail, 409: errorBody.extend({ current: incidentDetail }), ...errors },
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
