import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaCollection, port, station } from '@shared/reference/contract.js';
import { listAreas, listPorts, listStations } from './repository.js';

/**
 * Read-only reference geography for the map and for every feature's forms, west to east.
 * Mechanisms are served by the liaison feature (with their rosters' flags).
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
  app.get(
    '/api/areas',
    {
      config,
      schema: {
        tags: ['reference'],
        summary: 'High-risk areas (GeoJSON FeatureCollection)',
        response: { 200: areaCollection },
      },
    },
    async () => ({
      type: 'FeatureCollection' as const,
      features: await listAreas(app.db),
    }),
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
};
