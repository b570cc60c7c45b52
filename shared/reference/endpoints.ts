import { z } from 'zod';
import { endpoint } from '@shared/http/endpoint.js';
import { port, portIdParams, portStatusBody, portStatusChange, source, station } from './contract.js';

const tags = ['reference'];
const read = { permission: 'reference.read' } as const;

/**
 * The reference geography for the map and every feature's forms, and the status of ports: the
 * HTTP contract (server routes, client calls, OpenAPI). Mechanisms are served by the liaison
 * feature, high-risk areas by the areas feature.
 */
export const referenceEndpoints = {
  ports: endpoint({
    method: 'GET',
    path: '/api/ports',
    summary: "Ports of entry with both sides' names and time zones",
    tags,
    access: read,
    responses: { 200: z.array(port) },
  }),
  setPortStatus: endpoint({
    method: 'POST',
    path: '/api/ports/:id/status',
    summary:
      "Open, restrict or close a port (the port's mechanism's liaison officers, supervisors, admins; audited; a `port.status` event to everyone)",
    tags,
    access: { permission: 'port.status.set' },
    params: portIdParams,
    body: portStatusBody,
    responses: { 200: port },
    errors: { 403: ['forbidden', 'out_of_scope'] },
  }),
  portStatusHistory: endpoint({
    method: 'GET',
    path: '/api/ports/:id/status-history',
    summary: "A port's openings, restrictions and closures, newest first (the last 200)",
    tags,
    access: read,
    params: portIdParams,
    responses: { 200: z.array(portStatusChange) },
  }),
  stations: endpoint({
    method: 'GET',
    path: '/api/stations',
    summary: 'Grupo Beta units and Border Patrol sector headquarters',
    tags,
    access: read,
    responses: { 200: z.array(station) },
  }),
  sources: endpoint({
    method: 'GET',
    path: '/api/sources',
    summary: 'The works the reference data cites, by the ids its records carry in `sources`',
    tags,
    access: read,
    responses: { 200: z.array(source) },
  }),
};
