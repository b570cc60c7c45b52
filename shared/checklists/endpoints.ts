import { endpoint } from '@shared/http/endpoint.js';
import { incidentIdParams } from '@shared/incidents/contract.js';
import { checklist, incidentChecklists, startChecklistBody, stepParams, tickStepBody } from './contract.js';

const tags = ['checklists'];
const edit = { permission: 'incident.edit' } as const;

/** Checklists per emergency kind on an incident (Plan of Action V): the HTTP contract. */
export const checklistEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/incidents/:id/checklists',
    summary: "The incident's checklists with who ticked each step and when, and the kinds its type suggests",
    tags,
    access: { permission: 'incident.read' },
    params: incidentIdParams,
    responses: { 200: incidentChecklists },
  }),
  start: endpoint({
    method: 'POST',
    path: '/api/incidents/:id/checklists',
    summary: 'Start the checklist of an emergency kind on the incident (a `checklist.updated` event)',
    tags,
    access: edit,
    params: incidentIdParams,
    body: startChecklistBody,
    responses: { 201: checklist },
    errors: { 409: ['incident_closed', 'checklist_started'] },
  }),
  tick: endpoint({
    method: 'PUT',
    path: '/api/incidents/:id/checklists/:kind/steps/:stepId',
    summary: 'Tick (`done: true`) or untick a step: who and when, on the timeline, a `checklist.updated` event',
    tags,
    access: edit,
    params: stepParams,
    body: tickStepBody,
    responses: { 200: checklist },
    errors: { 404: ['checklist_not_started'], 409: ['incident_closed'] },
  }),
};
