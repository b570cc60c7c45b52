import { z } from 'zod';
import { endpoint, file } from '@shared/http/endpoint.js';
import {
  advisory,
  advisoryBody,
  advisoryDetail,
  advisoryIdParams,
  advisoryList,
  advisoryQuery,
  CAP_CONTENT_TYPE,
  CAP_IMPORT_CONTENT_TYPES,
  cancelAdvisoryBody,
  importedAdvisory,
} from './contract.js';

const tags = ['advisories'];
const read = { permission: 'advisory.read' } as const;
const write = { permission: 'advisory.write' } as const;

/** Weather advisories and their public CAP 1.2 feed: the HTTP contract (server routes, client calls, OpenAPI). */
export const advisoryEndpoints = {
  create: endpoint({
    method: 'POST',
    path: '/api/advisories',
    summary: 'Draft a weather advisory (one language is enough for a draft)',
    tags,
    access: write,
    body: advisoryBody,
    responses: { 201: advisory },
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/advisories',
    summary: 'Advisories, active first; `active=true` keeps only published ones not yet expired',
    tags,
    access: read,
    query: advisoryQuery,
    responses: { 200: advisoryList },
  }),
  feed: endpoint({
    method: 'GET',
    path: '/api/advisories.cap',
    summary: 'Public Atom index of active and recently cancelled advisories, linking each CAP 1.2 message',
    tags,
    access: 'public',
    responses: { 200: file('application/atom+xml; charset=utf-8') },
  }),
  capMessage: endpoint({
    method: 'GET',
    path: '/api/advisories/:id.cap',
    summary: 'The latest CAP 1.2 message of a published advisory (public; 404 for drafts)',
    tags,
    access: 'public',
    params: advisoryIdParams,
    responses: { 200: file(`${CAP_CONTENT_TYPE}; charset=utf-8`) },
  }),
  importCap: endpoint({
    method: 'POST',
    path: '/api/advisories/import-cap',
    summary: "Import another agency's CAP 1.2 message (XML body) as a draft for the high-risk areas it crosses",
    tags,
    access: write,
    body: z.string().min(1),
    bodyContentTypes: CAP_IMPORT_CONTENT_TYPES,
    responses: { 201: importedAdvisory },
    errors: {
      400: ['validation_failed', 'invalid_cap', 'not_cap', 'xml_doctype', 'xml_malformed', 'xml_too_deep'],
    },
  }),
  detail: endpoint({
    method: 'GET',
    path: '/api/advisories/:id',
    summary: 'One advisory with its history',
    tags,
    access: read,
    params: advisoryIdParams,
    responses: { 200: advisoryDetail },
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/advisories/:id',
    summary: 'Replace an advisory; a published one sends a CAP Update',
    tags,
    access: write,
    params: advisoryIdParams,
    body: advisoryBody,
    responses: { 200: advisory },
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/advisories/:id/publish',
    summary: 'Publish a draft (needs English and Spanish): live alert and CAP Alert',
    tags,
    access: write,
    params: advisoryIdParams,
    responses: { 200: advisory },
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/advisories/:id/cancel',
    summary: 'Cancel a published advisory: live event and CAP Cancel',
    tags,
    access: write,
    params: advisoryIdParams,
    body: cancelAdvisoryBody,
    responses: { 200: advisory },
  }),
};
