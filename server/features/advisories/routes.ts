import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  advisory,
  advisoryBody,
  advisoryDetail,
  advisoryIdParams as idParams,
  advisoryList,
  advisoryQuery,
  cancelAdvisoryBody,
  importedAdvisory,
} from '@shared/advisories/contract.js';
import { errorBody } from '@shared/errors.js';
import { can } from '@shared/permissions.js';
import { CAP_BODY_LIMIT, CAP_CONTENT_TYPE } from './cap.js';
import type { AdvisoryService } from './service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const xml = z.string();

export const advisoryRoutes: FastifyPluginAsyncZod<{ service: AdvisoryService }> = async (app, { service }) => {
  // The public feed's id and links name the console by its configured address, never by the
  // request's Host header: the feed is public and cacheable, so a Host a caller makes up
  // (`Host: evil.example`) would otherwise be served to every reader from a shared cache.
  // Without PUBLIC_URL the links point at this machine (http://localhost:PORT), right for a
  // console on one machine only: production sets PUBLIC_URL (README, configuration).
  const baseUrl = app.config.publicUrl ?? `http://localhost:${app.config.port}`;

  // CAP arrives as XML (a file or pasted text). Read as a string, with a limit of its own;
  // parsing happens in cap.ts, which refuses DTDs before anything else.
  const capTypes = ['application/xml', 'text/xml', CAP_CONTENT_TYPE];
  app.addContentTypeParser(capTypes, { parseAs: 'string', bodyLimit: CAP_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/advisories',
    {
      config: { permission: 'advisory.write' },
      schema: {
        tags: ['advisories'],
        summary: 'Draft a weather advisory (one language is enough for a draft)',
        body: advisoryBody,
        response: { 201: advisory, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.user!, request.body)),
  );

  app.get(
    '/api/advisories',
    {
      config: { permission: 'advisory.read' },
      schema: {
        tags: ['advisories'],
        summary: 'Advisories, active first; `active=true` keeps only published ones not yet expired',
        querystring: advisoryQuery,
        response: { 200: advisoryList, ...errors },
      },
    },
    async (request) => ({
      items: await service.list(app.db, request.query.active === 'true', can(request.user!, 'advisory.write')),
    }),
  );

  app.get(
    '/api/advisories.cap',
    {
      config: { public: true },
      schema: {
        tags: ['advisories'],
        summary: 'Public Atom index of active and recently cancelled advisories, linking each CAP 1.2 message',
        security: [],
        response: { 200: xml },
      },
    },
    async (_request, reply) =>
      reply.type('application/atom+xml; charset=utf-8').send(await service.feed(app.db, baseUrl)),
  );

  app.get(
    '/api/advisories/:id.cap',
    {
      config: { public: true },
      schema: {
        tags: ['advisories'],
        summary: 'The latest CAP 1.2 message of a published advisory (public; 404 for drafts)',
        security: [],
        params: idParams,
        response: { 200: xml, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) =>
      reply.type(`${CAP_CONTENT_TYPE}; charset=utf-8`).send(await service.capMessage(app.db, request.params.id)),
  );

  app.post(
    '/api/advisories/import-cap',
    {
      config: { permission: 'advisory.write', accepts: capTypes },
      schema: {
        tags: ['advisories'],
        summary: "Import another agency's CAP 1.2 message (XML body) as a draft for the high-risk areas it crosses",
        body: z.string().min(1),
        response: { 201: importedAdvisory, 413: errorBody, 415: errorBody, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.importCap(request.user!, request.body)),
  );

  app.get(
    '/api/advisories/:id',
    {
      config: { permission: 'advisory.read' },
      schema: {
        tags: ['advisories'],
        summary: 'One advisory with its history',
        params: idParams,
        response: { 200: advisoryDetail, ...errors },
      },
    },
    async (request) => service.detail(app.db, request.params.id, can(request.user!, 'advisory.write')),
  );

  app.put(
    '/api/advisories/:id',
    {
      config: { permission: 'advisory.write' },
      schema: {
        tags: ['advisories'],
        summary: 'Replace an advisory; a published one sends a CAP Update',
        params: idParams,
        body: advisoryBody,
        response: { 200: advisory, ...errors },
      },
    },
    async (request) => service.update(request.user!, request.params.id, request.body),
  );

  app.post(
    '/api/advisories/:id/publish',
    {
      config: { permission: 'advisory.write' },
      schema: {
        tags: ['advisories'],
        summary: 'Publish a draft (needs English and Spanish): live alert and CAP Alert',
        params: idParams,
        response: { 200: advisory, ...errors },
      },
    },
    async (request) => service.publish(request.user!, request.params.id),
  );

  app.post(
    '/api/advisories/:id/cancel',
    {
      config: { permission: 'advisory.write' },
      schema: {
        tags: ['advisories'],
        summary: 'Cancel a published advisory: live event and CAP Cancel',
        params: idParams,
        body: cancelAdvisoryBody,
        response: { 200: advisory, ...errors },
      },
    },
    async (request) => service.cancel(request.user!, request.params.id, request.body?.reason ?? null),
  );
};
