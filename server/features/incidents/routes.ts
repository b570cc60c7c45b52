import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { overseeingRoles, type SessionUser } from '@shared/auth.js';
import { errorBody } from '@shared/errors.js';
import { ref } from '@shared/i18n/index.js';
import {
  acknowledgeResponse, createIncidentBody, escalationList, incident, incidentDetail, incidentPage, incidentQuery,
  investigationBody, investigationList, updateIncidentBody, type IncidentQuery,
} from '@shared/incidents/contract.js';
import { invalidField } from '../../errors.js';
import { toFeatureCollection } from './geojson.js';
import * as repo from './repository.js';
import type { IncidentService } from './service.js';

const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** A scoped officer sees only their own mechanism's incidents; overseeing roles see all. */
const feedScope = (user: SessionUser) => (overseeingRoles.includes(user.role) ? null : user.mechanismId);

function parseFilter(user: SessionUser, q: IncidentQuery): repo.IncidentFilter {
  let bbox: repo.IncidentFilter['bbox'] = null;
  if (q.bbox) {
    const [minLon, minLat, maxLon, maxLat] = q.bbox.split(',').map(Number) as [number, number, number, number];
    const inRange = minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon <= maxLon && minLat <= maxLat;
    if (!inRange) throw invalidField('bbox', ref('validation.pattern'));
    bbox = [minLon, minLat, maxLon, maxLat];
  }
  const after = q.cursor ? repo.decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw invalidField('cursor', ref('validation.invalid'));
  if (q.from && q.to && new Date(q.from) > new Date(q.to)) throw invalidField('to', ref('validation.invalid'));
  const { bbox: _b, cursor: _c, ...query } = q;
  return { query, bbox, after, mechanismId: feedScope(user) };
}

export const incidentRoutes: FastifyPluginAsyncZod<{ service: IncidentService }> = async (app, { service }) => {
  const everyone = app.authorize('consular', 'liaison', 'supervisor', 'central', 'admin');

  app.post(
    '/api/incidents',
    { preHandler: everyone, schema: { tags: ['incidents'], summary: 'Report an incident; alerts both governments', body: createIncidentBody, response: { 201: incident, ...errors } } },
    async (request, reply) => {
      const row = await service.create(request.user!, request.body);
      return reply.status(201).send(repo.toIncident(row));
    },
  );

  app.get(
    '/api/incidents',
    { schema: { tags: ['incidents'], summary: 'Incident feed, newest first (keyset pagination)', querystring: incidentQuery, response: { 200: incidentPage, ...errors } } },
    async (request) => {
      const filter = parseFilter(request.user!, request.query);
      const rows = await repo.listIncidents(app.db, { ...filter, query: { ...filter.query, limit: filter.query.limit + 1 } });
      const page = rows.slice(0, filter.query.limit);
      return { items: page.map(repo.toIncident), nextCursor: rows.length > page.length ? repo.encodeCursor(page[page.length - 1]!) : null };
    },
  );

  app.get(
    '/api/incidents.geojson',
    { schema: { tags: ['incidents'], summary: 'Incidents as an RFC 7946 FeatureCollection (same filters)', querystring: incidentQuery, response: { 200: featureCollection, ...errors } } },
    async (request, reply) => {
      const rows = await repo.listIncidents(app.db, parseFilter(request.user!, request.query));
      return reply.type('application/geo+json').send(toFeatureCollection(rows.map(repo.toIncident)));
    },
  );

  app.get(
    '/api/incidents/:id',
    { schema: { tags: ['incidents'], summary: 'One incident with timeline, acknowledgements and investigation', params: idParams, response: { 200: incidentDetail, ...errors } } },
    async (request) => service.detail(app.db, await service.authorised(app.db, request.user!, request.params.id)),
  );

  app.patch(
    '/api/incidents/:id',
    {
      preHandler: everyone,
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
    { preHandler: everyone, schema: { tags: ['incidents'], summary: "Acknowledge the alert for the caller's government (idempotent)", params: idParams, response: { 200: acknowledgeResponse, ...errors } } },
    async (request) => service.acknowledge(request.user!, request.params.id),
  );

  app.put(
    '/api/incidents/:id/investigation',
    { preHandler: everyone, schema: { tags: ['incidents'], summary: 'Record or update the investigation', params: idParams, body: investigationBody, response: { 200: incidentDetail, ...errors } } },
    async (request) => service.detail(app.db, await service.setInvestigation(request.user!, request.params.id, request.body)),
  );

  app.get(
    '/api/escalations',
    { preHandler: app.authorize('central', 'supervisor', 'admin'), schema: { tags: ['incidents'], summary: 'Central desks: incidents escalated past their deadline', response: { 200: escalationList, ...errors } } },
    async () => {
      const rows = await repo.escalatedIncidents(app.db);
      const alerts = await app.alerts.of(app.db, rows.map((r) => r.id));
      return { items: rows.map((r) => ({ ...repo.toIncident(r), alerts: alerts.get(r.id) ?? [] })) };
    },
  );

  app.get(
    '/api/investigations',
    { preHandler: app.authorize('supervisor', 'central', 'admin'), schema: { tags: ['incidents'], summary: 'Investigations to follow up: missing or not updated for 30 days', response: { 200: investigationList, ...errors } } },
    async (request) => {
      const staleBefore = service.staleBefore();
      const rows = await repo.investigationFollowUps(app.db, feedScope(request.user!));
      const items = rows.map(({ incident: row, investigation: inv }) => {
        const investigation = inv ? repo.toInvestigation(inv, staleBefore) : null;
        const flag = !investigation ? ('missing' as const) : investigation.stale ? ('stale' as const) : ('current' as const);
        return { incident: repo.toIncident(row), investigation, flag };
      });
      const rank = { missing: 0, stale: 1, current: 2 };
      return { items: items.sort((a, b) => rank[a.flag] - rank[b.flag]) };
    },
  );
};
