import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaCollection, mechanism, port, source, station } from '@shared/reference/contract.js';
import { listAreas, listMechanisms, listPorts, listSources, listStations } from './repository.js';

/** Read-only reference geography for the map and for every feature's forms, west to east. */
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
    '/api/mechanisms',
    {
      config,
      schema: { tags: ['reference'], summary: 'Border Liaison Mechanisms', response: { 200: z.array(mechanism) } },
    },
    () => listMechanisms(app.db),
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
