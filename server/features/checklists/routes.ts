import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checklist,
  incidentChecklists,
  startChecklistBody,
  stepParams,
  tickStepBody,
} from '@shared/checklists/contract.js';
import { errorBody } from '@shared/errors.js';
import { incidentIdParams as incidentParams } from '@shared/incidents/contract.js';
import type { ChecklistService } from './service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Checklists per emergency kind, on an incident (Plan of Action V). */
export const checklistRoutes: FastifyPluginAsyncZod<{ service: ChecklistService }> = async (app, { service }) => {
  app.get(
    '/api/incidents/:id/checklists',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags: ['checklists'],
        summary: "The incident's checklists with who ticked each step and when, and the kinds its type suggests",
        params: incidentParams,
        response: { 200: incidentChecklists, ...errors },
      },
    },
    (request) => service.list(app.db, request.user!, request.params.id),
  );
  app.post(
    '/api/incidents/:id/checklists',
    {
      config: { permission: 'incident.edit' },
      schema: {
        tags: ['checklists'],
        summary: 'Start the checklist of an emergency kind on the incident (a `checklist.updated` event)',
        params: incidentParams,
        body: startChecklistBody,
        response: { 201: checklist, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.start(request.user!, request.params.id, request.body.kind);
    },
  );
  app.put(
    '/api/incidents/:id/checklists/:kind/steps/:stepId',
    {
      config: { permission: 'incident.edit' },
      schema: {
        tags: ['checklists'],
        summary: 'Tick (`done: true`) or untick a step: who and when, on the timeline, a `checklist.updated` event',
        params: stepParams,
        body: tickStepBody,
        response: { 200: checklist, ...errors },
      },
    },
    (request) => {
      const { id, kind, stepId } = request.params;
      return service.tick(request.user!, id, kind, stepId, request.body.done);
    },
  );
};
