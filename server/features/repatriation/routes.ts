import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '@shared/errors.js';
import {
  arrangement,
  arrangementBody,
  arrangementIdParams as arrangementParams,
  cancelBody,
  checkBody,
  checkResult,
  confirmReceptionBody,
  movement,
  movementBody,
  movementDetail,
  movementIdParams as movementParams,
  movementsQuery,
  noticeBody,
  notAllowedBody,
  repatriationWindow,
  rescheduleBody,
  scheduleQuery,
  updateArrangementBody,
  windowsQuery,
} from '@shared/repatriation/contract.js';
import type { RepatriationService } from './service.js';

const tags = ['repatriation'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
/** 409 answers carry the record as it stands, so the client can show it beside the user's change. */
const arrangementConflict = errorBody.extend({
  current: arrangement.optional(),
  plannedMovements: z.number().optional(),
});
const movementConflict = errorBody.extend({ current: movement.optional() });

/** Safe and orderly repatriation (issue 14 contract): paths, fields, codes and statuses are read outside this repo. */
export const repatriationRoutes: FastifyPluginAsyncZod<{ service: RepatriationService }> = async (app, { service }) => {
  // ---- arrangements ----
  app.get(
    '/api/repatriation/arrangements',
    {
      config: { permission: 'repatriation.read' },
      schema: { tags, summary: 'Local repatriation arrangements', response: { 200: z.array(arrangement), ...errors } },
    },
    () => service.arrangements(app.db),
  );

  app.post(
    '/api/repatriation/arrangements',
    {
      config: { permission: 'arrangement.edit' },
      schema: {
        tags,
        summary: 'Create an arrangement (409 when a port already belongs to another)',
        body: arrangementBody,
        response: { 201: arrangement, 409: arrangementConflict, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createArrangement(request.user!, request.body)),
  );

  app.get(
    '/api/repatriation/arrangements/:id',
    {
      config: { permission: 'repatriation.read' },
      schema: {
        tags,
        summary: 'One arrangement',
        params: arrangementParams,
        response: { 200: arrangement, ...errors },
      },
    },
    (request) => service.arrangement(app.db, request.params.id),
  );

  app.put(
    '/api/repatriation/arrangements/:id',
    {
      config: { permission: 'arrangement.edit' },
      schema: {
        tags,
        summary: 'Replace an arrangement; 409 when `version` is stale or a port belongs to another arrangement',
        params: arrangementParams,
        body: updateArrangementBody,
        response: { 200: arrangement, 409: arrangementConflict, ...errors },
      },
    },
    (request) => service.updateArrangement(request.user!, request.params.id, request.body),
  );

  app.delete(
    '/api/repatriation/arrangements/:id',
    {
      config: { permission: 'arrangement.edit' },
      schema: {
        tags,
        summary: 'Delete an arrangement; 409 while movements are still planned under it',
        params: arrangementParams,
        response: { 204: z.null(), 409: arrangementConflict, ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteArrangement(request.user!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- windows, check, calendar ----
  app.get(
    '/api/repatriation/windows',
    {
      config: { permission: 'repatriation.read' },
      schema: {
        tags,
        summary: 'Window occurrences in [from, to) (default: the coming week), with the port’s UTC offset',
        querystring: windowsQuery,
        response: { 200: z.array(repatriationWindow), ...errors },
      },
    },
    (request) => service.windows(request.query),
  );

  app.post(
    '/api/repatriation/check',
    {
      config: { permission: 'repatriation.read' },
      schema: {
        tags,
        summary: 'Would this movement be allowed? Every rule it breaks and the next slots for the group',
        body: checkBody,
        response: { 200: checkResult, ...errors },
      },
    },
    (request) => service.check(request.body),
  );

  app.get(
    '/api/repatriation/schedule.ics',
    {
      // Calendar clients (Outlook, Google) subscribe without a session: the feed holds windows only, no persons.
      config: { public: true },
      schema: {
        tags,
        summary: 'RFC 5545 feed of a port’s or an arrangement’s windows over the next 8 weeks (public)',
        querystring: scheduleQuery,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('RFC 5545 text/calendar'), 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => reply.type('text/calendar; charset=utf-8').send(await service.calendar(request.query)),
  );

  // ---- movements ----
  app.post(
    '/api/repatriation/movements',
    {
      config: { permission: 'repatriation.plan' },
      schema: {
        tags,
        summary: 'Plan a movement: 201, or 422 with the engine’s violations (nothing written)',
        body: movementBody,
        response: { 201: movement, 422: notAllowedBody, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.plan(request.user!, request.body)),
  );

  app.get(
    '/api/repatriation/movements',
    {
      config: { permission: 'repatriation.read' },
      schema: {
        tags,
        summary: 'Movements whose time lies in [from, to) (default: the coming week), earliest first',
        querystring: movementsQuery,
        response: { 200: z.array(movement), ...errors },
      },
    },
    (request) => service.movements(request.query),
  );

  app.get(
    '/api/repatriation/movements/:id',
    {
      config: { permission: 'repatriation.read' },
      schema: {
        tags,
        summary: 'One movement with its timeline',
        params: movementParams,
        response: { 200: movementDetail, ...errors },
      },
    },
    (request) => service.detail(app.db, request.params.id),
  );

  const step = (summary: string) => ({
    tags,
    summary,
    params: movementParams,
    response: { 200: movementDetail, 409: movementConflict, ...errors },
  });

  app.post(
    '/api/repatriation/movements/:id/notice',
    {
      config: { permission: 'repatriation.notice' },
      schema: {
        ...step('Record the Mexican consulate’s notice (when, by whom); the Mexican consulate or a supervisor'),
        body: noticeBody,
      },
    },
    (request) => service.recordNotice(request.user!, request.params.id, request.body),
  );

  app.post(
    '/api/repatriation/movements/:id/confirm-reception',
    {
      config: { permission: 'repatriation.confirm' },
      schema: {
        ...step('The Mexican side of the port confirms reception (who, when, how many)'),
        body: confirmReceptionBody,
      },
    },
    (request) => service.confirmReception(request.user!, request.params.id, request.body),
  );

  app.post(
    '/api/repatriation/movements/:id/reschedule',
    {
      config: { permission: 'repatriation.plan' },
      schema: {
        ...step('Move to another time (and port): the engine decides again; 422 with violations when not allowed'),
        body: rescheduleBody,
        response: { 200: movementDetail, 409: movementConflict, 422: notAllowedBody, ...errors },
      },
    },
    (request) => service.reschedule(request.user!, request.params.id, request.body),
  );

  app.post(
    '/api/repatriation/movements/:id/cancel',
    { config: { permission: 'repatriation.plan' }, schema: { ...step('Cancel with a reason'), body: cancelBody } },
    (request) => service.cancel(request.user!, request.params.id, request.body),
  );
};
