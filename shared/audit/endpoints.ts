import { endpoint } from '@shared/http/endpoint.js';
import { auditPage, auditQuery } from './contract.js';

/** The audit log: the HTTP contract (server routes, client calls, OpenAPI). */
export const auditEndpoints = {
  page: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'Who changed what, when (newest first)',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: auditQuery,
    responses: { 200: auditPage },
  }),
};
