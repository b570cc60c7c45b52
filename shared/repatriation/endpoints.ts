import { z } from 'zod';
import { endpoint, file, noContent } from '@shared/http/endpoint.js';
import {
  arrangement,
  arrangementBody,
  arrangementConflictRefusal,
  arrangementIdParams,
  arrangementInUseRefusal,
  cancelBody,
  checkBody,
  checkResult,
  confirmReceptionBody,
  movement,
  movementBody,
  movementConflictRefusal,
  movementDetail,
  movementIdParams,
  movementsQuery,
  noticeBody,
  notAllowedBody,
  repatriationWindow,
  rescheduleBody,
  scheduleQuery,
  updateArrangementBody,
  windowsQuery,
} from './contract.js';

const tags = ['repatriation'];
const read = { permission: 'repatriation.read' } as const;
const editArrangements = { permission: 'arrangement.edit' } as const;
const plan = { permission: 'repatriation.plan' } as const;
/** The engine refused the movement; nothing was written. */
const notAllowed = { codes: ['not_allowed'], body: notAllowedBody } as const;
/** A step on a movement whose state no longer allows it, or from a stale `version`. */
const movementConflict = (...codes: ('notice_recorded' | 'reception_too_early')[]) =>
  ({ codes: ['version_conflict', 'movement_not_planned', ...codes], body: movementConflictRefusal }) as const;

/**
 * Safe and orderly repatriation (issue 14): the HTTP contract (server routes, client calls,
 * OpenAPI). Paths, fields, codes and statuses are read outside this repository.
 */
export const repatriationEndpoints = {
  // ---- arrangements ----
  arrangements: endpoint({
    method: 'GET',
    path: '/api/repatriation/arrangements',
    summary: 'Local repatriation arrangements',
    tags,
    access: read,
    responses: { 200: z.array(arrangement) },
  }),
  createArrangement: endpoint({
    method: 'POST',
    path: '/api/repatriation/arrangements',
    summary: 'Create an arrangement (409 when a port already belongs to another)',
    tags,
    access: editArrangements,
    body: arrangementBody,
    responses: { 201: arrangement },
    errors: { 409: ['port_in_other_arrangement'] },
  }),
  arrangement: endpoint({
    method: 'GET',
    path: '/api/repatriation/arrangements/:id',
    summary: 'One arrangement',
    tags,
    access: read,
    params: arrangementIdParams,
    responses: { 200: arrangement },
  }),
  updateArrangement: endpoint({
    method: 'PUT',
    path: '/api/repatriation/arrangements/:id',
    summary: 'Replace an arrangement; 409 when `version` is stale or a port belongs to another arrangement',
    tags,
    access: editArrangements,
    params: arrangementIdParams,
    body: updateArrangementBody,
    responses: { 200: arrangement },
    errors: { 409: { codes: ['version_conflict', 'port_in_other_arrangement'], body: arrangementConflictRefusal } },
  }),
  deleteArrangement: endpoint({
    method: 'DELETE',
    path: '/api/repatriation/arrangements/:id',
    summary: 'Delete an arrangement; 409 while movements are still planned under it',
    tags,
    access: editArrangements,
    params: arrangementIdParams,
    responses: { 204: noContent },
    errors: { 409: { codes: ['arrangement_has_movements'], body: arrangementInUseRefusal } },
  }),

  // ---- windows, check, calendar ----
  windows: endpoint({
    method: 'GET',
    path: '/api/repatriation/windows',
    summary: 'Window occurrences in [from, to) (default: the coming week), with the port’s UTC offset',
    tags,
    access: read,
    query: windowsQuery,
    responses: { 200: z.array(repatriationWindow) },
  }),
  check: endpoint({
    method: 'POST',
    path: '/api/repatriation/check',
    summary: 'Would this movement be allowed? Every rule it breaks and the next slots for the group',
    tags,
    access: read,
    body: checkBody,
    responses: { 200: checkResult },
  }),
  schedule: endpoint({
    method: 'GET',
    path: '/api/repatriation/schedule.ics',
    summary: 'RFC 5545 feed of a port’s or an arrangement’s windows over the next 8 weeks (public)',
    tags,
    // Calendar clients (Outlook, Google) subscribe without a session: the feed holds windows only, no persons.
    access: 'public',
    query: scheduleQuery,
    responses: { 200: file('text/calendar; charset=utf-8') },
    errors: { 404: ['not_found'] },
  }),

  // ---- movements ----
  plan: endpoint({
    method: 'POST',
    path: '/api/repatriation/movements',
    summary: 'Plan a movement: 201, or 422 with the engine’s violations (nothing written)',
    tags,
    access: plan,
    body: movementBody,
    responses: { 201: movement },
    errors: { 422: notAllowed },
  }),
  movements: endpoint({
    method: 'GET',
    path: '/api/repatriation/movements',
    summary: 'Movements whose time lies in [from, to) (default: the coming week), earliest first',
    tags,
    access: read,
    query: movementsQuery,
    responses: { 200: z.array(movement) },
  }),
  movement: endpoint({
    method: 'GET',
    path: '/api/repatriation/movements/:id',
    summary: 'One movement with its timeline',
    tags,
    access: read,
    params: movementIdParams,
    responses: { 200: movementDetail },
  }),
  recordNotice: endpoint({
    method: 'POST',
    path: '/api/repatriation/movements/:id/notice',
    summary: 'Record the Mexican consulate’s notice (when, by whom); the Mexican consulate or a supervisor',
    tags,
    access: { permission: 'repatriation.notice' },
    params: movementIdParams,
    body: noticeBody,
    responses: { 200: movementDetail },
    errors: { 409: movementConflict('notice_recorded') },
  }),
  confirmReception: endpoint({
    method: 'POST',
    path: '/api/repatriation/movements/:id/confirm-reception',
    summary: 'The Mexican side of the port confirms reception (who, when, how many)',
    tags,
    access: { permission: 'repatriation.confirm' },
    params: movementIdParams,
    body: confirmReceptionBody,
    responses: { 200: movementDetail },
    errors: { 409: movementConflict('reception_too_early') },
  }),
  reschedule: endpoint({
    method: 'POST',
    path: '/api/repatriation/movements/:id/reschedule',
    summary: 'Move to another time (and port): the engine decides again; 422 with violations when not allowed',
    tags,
    access: plan,
    params: movementIdParams,
    body: rescheduleBody,
    responses: { 200: movementDetail },
    errors: { 409: movementConflict(), 422: notAllowed },
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/repatriation/movements/:id/cancel',
    summary: 'Cancel with a reason',
    tags,
    access: plan,
    params: movementIdParams,
    body: cancelBody,
    responses: { 200: movementDetail },
    errors: { 409: movementConflict() },
  }),
};
