import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '@shared/errors.js';
import { port, portIdParams, portStatusBody, portStatusChange, source, station } from '@shared/reference/contract.js';
import { notFound } from '@server/core/errors.js';
import { setPortStatus } from './port-status.js';
import { findPort, listPortStatusChanges, listPorts, listSources, listStations } from './repository.js';

/**
 * Read-only reference geography for the map and for every feature's forms, west to east.
 * Mechanisms are served by the liaison feature (with their rosters' flags), high-risk areas by
 * the areas feature.
 */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'reference.read' } as const;
  app.get(
    '/api/ports',
    {
      config,
      schema: {
        tags: ['reference'],
        summary: "Ports of entry with both sides' names and time zones",
        response: { 200: z.array(port) },
      },
    },
    () => listPorts(app.db),
  );
  app.post(
    '/api/ports/:id/status',
    {
      config: { permission: 'port.status.set' },
      schema: {
        tags: ['reference'],
        summary:
          "Open, restrict or close a port (the port's mechanism's liaison officers, supervisors, admins; audited; a `port.status` event to everyone)",
        params: portIdParams,
        body: portStatusBody,
        response: { 200: port, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const port = await setPortStatus(app, request.user!, request.params.id, request.body);
      app.geography.invalidate();
      return port;
    },
  );
  app.get(
    '/api/ports/:id/status-history',
    {
      config,
      schema: {
        tags: ['reference'],
        summary: "A port's openings, restrictions and closures, newest first (the last 200)",
        params: portIdParams,
        response: { 200: z.array(portStatusChange), 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const [known, changes] = await Promise.all([
        findPort(app.db, request.params.id),
        listPortStatusChanges(app.db, request.params.id),
      ]);
      if (!known) throw notFound();
      return changes;
    },
  );
  app.get(
    '/api/stations',
    {
      config,
      schema: {
        tags: ['reference'],
        summary: 'Grupo Beta units and Border Patrol sector headquarters',
        response: { 200: z.array(station) },
      },
    },
    () => listStations(app.db),
  );
  app.get(
    '/api/sources',
    {
      config,
      schema: {
        tags: ['reference'],
        summary: 'The works the reference data cites, by the ids its records carry in `sources`',
        response: { 200: z.array(source) },
      },
    },
    () => listSources(app.db),
  );
};
