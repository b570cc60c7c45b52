import { z } from 'zod';
import { endpoint, noContent } from '@shared/http/endpoint.js';
import { dueWorkIdParams, setAsideWork } from './contract.js';

const tags = ['due work'];
const access = { permission: 'dueWork.manage' } as const;

/** Work set aside (dead-lettered), for administrators: the HTTP contract (server routes, client calls, OpenAPI). */
export const dueWorkEndpoints = {
  setAside: endpoint({
    method: 'GET',
    path: '/api/due-work/set-aside',
    summary:
      'Work set aside after failing on every attempt allowed, or with a payload that does not parse; newest first',
    tags,
    access,
    responses: { 200: z.array(setAsideWork) },
  }),
  retry: endpoint({
    method: 'POST',
    path: '/api/due-work/:id/retry',
    summary:
      'Put work set aside back in the queue, due now, with its attempts counted afresh (404 once it is no longer set aside)',
    tags,
    access,
    params: dueWorkIdParams,
    responses: { 204: noContent },
  }),
};
