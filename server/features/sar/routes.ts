import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '@shared/errors.js';
import { ref } from '@shared/i18n/index.js';
import { incidentIdParams as idParams } from '@shared/incidents/contract.js';
import {
  assetBody,
  closeSarBody,
  openSarBody,
  progressBody,
  sarOperation,
  sarSummary,
  sarSummaryQuery,
  sectorBody,
  sectorParams,
  sectorUpdateBody,
  teamBody,
} from '@shared/sar/contract.js';
import { invalidField } from '@server/core/errors.js';
import type { SarService } from './service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['search and rescue'];

export const sarRoutes: FastifyPluginAsyncZod<{ service: SarService }> = async (app, { service }) => {
  app.get(
    '/api/incidents/:id/sar',
    {
      config: { permission: 'sar.read' },
      schema: {
        tags,
        summary: "The incident's search-and-rescue operation (teams, assets, sectors, progress); null when none",
        params: idParams,
        response: { 200: sarOperation.nullable(), ...errors },
      },
    },
    async (request) => service.get(app.db, request.user!, request.params.id),
  );

  app.post(
    '/api/incidents/:id/sar',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary: 'Open a search-and-rescue operation on the incident (one per incident; 409 on a closed incident)',
        params: idParams,
        body: openSarBody,
        response: { 201: sarOperation, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.open(request.user!, request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/sar/teams',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary: 'Add a team (BORSTAR, Grupo Beta, fire / EMS, other) from either side',
        params: idParams,
        body: teamBody,
        response: { 201: sarOperation, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addTeam(request.user!, request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/sar/assets',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary: 'Add an asset (aircraft, vehicle, search dog, boat, other), optionally with its team',
        params: idParams,
        body: assetBody,
        response: { 201: sarOperation, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addAsset(request.user!, request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/sar/sectors',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary: 'Add a search sector: a GeoJSON Polygon (closed, ≥ 4 points, not crossing itself), status assigned',
        params: idParams,
        body: sectorBody,
        response: { 201: sarOperation, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addSector(request.user!, request.params.id, request.body)),
  );

  app.patch(
    '/api/incidents/:id/sar/sectors/:sectorId',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary: "Change a sector's status (assigned, searched, cleared) or team",
        params: sectorParams,
        body: sectorUpdateBody,
        response: { 200: sarOperation, ...errors },
      },
    },
    async (request) => service.updateSector(request.user!, request.params.id, request.params.sectorId, request.body),
  );

  app.post(
    '/api/incidents/:id/sar/progress',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary: "Log progress on the incident's timeline",
        params: idParams,
        body: progressBody,
        response: { 201: sarOperation, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.logProgress(request.user!, request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/sar/close',
    {
      config: { permission: 'sar.coordinate' },
      schema: {
        tags,
        summary:
          'Close with the outcome (found alive, found deceased, not found, called off with a note); read-only after',
        params: idParams,
        body: closeSarBody,
        response: { 200: sarOperation, ...errors },
      },
    },
    async (request) => service.close(request.user!, request.params.id, request.body),
  );

  app.get(
    '/api/sar/summary',
    {
      config: { permission: 'sar.read' },
      schema: {
        tags,
        summary: 'Statistics: operations opened in the period in your scope, by outcome (exercises left out)',
        querystring: sarSummaryQuery,
        response: { 200: sarSummary, ...errors },
      },
    },
    async (request) => {
      const { from = null, to = null } = request.query;
      if (from && to && Date.parse(from) > Date.parse(to)) throw invalidField('to', ref('incidentError.rangeOrder'));
      return service.summary(app.db, request.user!, from, to);
    },
  );
};
