import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '@shared/errors.js';
import {
  areaBody,
  calendarQuery,
  commitmentBody,
  commitmentParams,
  commitmentView,
  contact,
  contactBody,
  contactParams,
  exportQuery,
  gapParams,
  intendedGap,
  intendedGapBody,
  mechanismDetail,
  mechanismParams,
  mechanismSummary,
  meetingBody,
  meetingParams,
  meetingView,
  member,
  memberBody,
  memberParams,
  memberUpdateBody,
  onDuty,
  onDutyQuery,
  overrideBody,
  overrideParams,
  override,
  placeOnDuty,
  placeQuery,
  rotationBody,
  shift,
} from '@shared/liaison/contract.js';
import { mechanism } from '@shared/reference/contract.js';
import type { LiaisonService } from './service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const noContent = { 204: z.null().describe('Done; no content'), ...errors };
const read = { permission: 'liaison.read' } as const;
const coordinate = { permission: 'liaison.coordinate' } as const;
const tags = ['liaison'];

/**
 * HTTP for the liaison feature (issue 15 contract). Reads are open to every signed-in
 * officer — "who do I call" must answer from anywhere; the exports hold personal contact
 * details, so they need a session too. Changes need `liaison.coordinate`, and the service
 * then checks the mechanism: its chairs, supervisors, admins.
 */
export const liaisonRoutes: FastifyPluginAsyncZod<{ service: LiaisonService }> = async (app, { service }) => {
  // ——— mechanisms ———
  app.get(
    '/api/mechanisms',
    {
      config: read,
      schema: {
        tags,
        summary: 'Border Liaison and Interior Consultation Mechanisms with areas and flags',
        response: { 200: z.array(mechanismSummary), ...errors },
      },
    },
    () => service.list(app.db),
  );

  app.get(
    '/api/mechanisms/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One mechanism: members with contacts, rotation, overrides, intended gaps, flags',
        params: mechanismParams,
        response: { 200: mechanismDetail, ...errors },
      },
    },
    (request) => service.detail(app.db, request.params.id),
  );

  app.put(
    '/api/mechanisms/:id/area',
    {
      config: { permission: 'liaison.area.edit' },
      schema: {
        tags,
        summary: 'Redraw the area the mechanism is responsible for (administrators)',
        params: mechanismParams,
        body: areaBody,
        response: { 200: mechanism, ...errors },
      },
    },
    (request) => service.setArea(request.user!, request.params.id, request.body.area),
  );

  // ——— on duty, "who do I call now" and exports ———
  app.get(
    '/api/mechanisms/:id/on-duty',
    {
      config: read,
      schema: {
        tags,
        summary: 'Who is on duty at an instant (now by default), each side in escalation order, and gaps',
        params: mechanismParams,
        querystring: onDutyQuery,
        response: { 200: onDuty, ...errors },
      },
    },
    (request) => service.onDuty(app.db, request.params.id, request.query.at),
  );

  app.get(
    '/api/contacts/on-duty',
    {
      config: read,
      schema: {
        tags,
        summary: 'Who do I call now for this place: the responsible mechanism and its on-duty contacts',
        querystring: placeQuery,
        response: { 200: placeOnDuty, ...errors },
      },
    },
    (request) => {
      const { lat, lon, at } = request.query;
      return service.placeOnDuty(app.db, { lat, lon }, at);
    },
  );

  app.get(
    '/api/mechanisms/:id/contacts.vcf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The roster as vCard 4.0 (RFC 6350), one card per member; personal data: signed-in users only',
        params: mechanismParams,
        querystring: exportQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const text = await service.vcards(app.db, request.params.id, request.query.lang);
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}.vcf"`)
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  );

  app.get(
    '/api/mechanisms/:id/on-duty.ics',
    {
      config: read,
      schema: {
        tags,
        summary: 'The on-duty schedule and its gaps as iCalendar (from a day ago, four weeks by default)',
        params: mechanismParams,
        querystring: calendarQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const { lang, from, to } = request.query;
      const text = await service.calendar(app.db, request.params.id, { from, to }, lang);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}-on-duty.ics"`)
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  );

  // ——— members and contacts ———
  app.post(
    '/api/mechanisms/:id/members',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Add a member with contacts (phones validated, stored as E.164)',
        params: mechanismParams,
        body: memberBody,
        response: { 201: member, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addMember(request.user!, request.params.id, request.body)),
  );

  app.put(
    '/api/mechanisms/:id/members/:memberId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: "Replace a member's details; contacts left out stay as they are",
        params: memberParams,
        body: memberUpdateBody,
        response: { 200: member, ...errors },
      },
    },
    (request) => service.updateMember(request.user!, request.params.id, request.params.memberId, request.body),
  );

  app.delete(
    '/api/mechanisms/:id/members/:memberId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Remove a member; their shifts stay, empty, shown as gaps',
        params: memberParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await service.deleteMember(request.user!, request.params.id, request.params.memberId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/mechanisms/:id/members/:memberId/verify',
    {
      config: coordinate,
      schema: {
        tags,
        summary: "Record that the member's details were confirmed now",
        params: memberParams,
        response: { 200: member, ...errors },
      },
    },
    (request) => service.verifyMember(request.user!, request.params.id, request.params.memberId),
  );

  app.post(
    '/api/mechanisms/:id/members/:memberId/contacts',
    {
      config: coordinate,
      schema: {
        tags,
        summary: "Add a phone, radio or email; a phone without '+' is read in the member's country",
        params: memberParams,
        body: contactBody,
        response: { 201: contact, ...errors },
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      return reply.status(201).send(await service.addContact(request.user!, id, memberId, request.body));
    },
  );

  app.put(
    '/api/mechanisms/:id/members/:memberId/contacts/:contactId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Change a contact, or mark it not working',
        params: contactParams,
        body: contactBody,
        response: { 200: contact, ...errors },
      },
    },
    (request) => {
      const { id, memberId, contactId } = request.params;
      return service.updateContact(request.user!, id, memberId, contactId, request.body);
    },
  );

  app.delete(
    '/api/mechanisms/:id/members/:memberId/contacts/:contactId',
    {
      config: coordinate,
      schema: { tags, summary: 'Remove a contact', params: contactParams, response: noContent },
    },
    async (request, reply) => {
      const { id, memberId, contactId } = request.params;
      await service.deleteContact(request.user!, id, memberId, contactId);
      return reply.status(204).send(null);
    },
  );

  // ——— rotation, overrides, intended gaps ———
  app.put(
    '/api/mechanisms/:id/rotations',
    {
      config: coordinate,
      schema: {
        tags,
        summary: "Replace the whole weekly rotation (shifts in the mechanism's time zone)",
        params: mechanismParams,
        body: rotationBody,
        response: { 200: z.object({ shifts: z.array(shift) }), ...errors },
      },
    },
    async (request) => ({ shifts: await service.putRotation(request.user!, request.params.id, request.body) }),
  );

  app.post(
    '/api/mechanisms/:id/overrides',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'One-off cover that wins over the rotation at its side and call order',
        params: mechanismParams,
        body: overrideBody,
        response: { 201: override, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addOverride(request.user!, request.params.id, request.body)),
  );

  app.put(
    '/api/mechanisms/:id/overrides/:overrideId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Change an override',
        params: overrideParams,
        body: overrideBody,
        response: { 200: override, ...errors },
      },
    },
    (request) => service.updateOverride(request.user!, request.params.id, request.params.overrideId, request.body),
  );

  app.delete(
    '/api/mechanisms/:id/overrides/:overrideId',
    {
      config: coordinate,
      schema: { tags, summary: 'Remove an override', params: overrideParams, response: noContent },
    },
    async (request, reply) => {
      await service.deleteOverride(request.user!, request.params.id, request.params.overrideId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/mechanisms/:id/intended-gaps',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Mark a coverage gap as intended: shown, no longer warned or flagged',
        params: mechanismParams,
        body: intendedGapBody,
        response: { 201: intendedGap, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addIntendedGap(request.user!, request.params.id, request.body)),
  );

  app.put(
    '/api/mechanisms/:id/intended-gaps/:gapId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Change an intended gap',
        params: gapParams,
        body: intendedGapBody,
        response: { 200: intendedGap, ...errors },
      },
    },
    (request) => service.updateIntendedGap(request.user!, request.params.id, request.params.gapId, request.body),
  );

  app.delete(
    '/api/mechanisms/:id/intended-gaps/:gapId',
    {
      config: coordinate,
      schema: { tags, summary: 'Unmark an intended gap', params: gapParams, response: noContent },
    },
    async (request, reply) => {
      await service.deleteIntendedGap(request.user!, request.params.id, request.params.gapId);
      return reply.status(204).send(null);
    },
  );

  // ——— meetings and commitments (Plan of Action I–II: periodic meetings to review results) ———
  app.get(
    '/api/mechanisms/:id/meetings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Meetings, newest first, each with the commitments recorded at it',
        params: mechanismParams,
        response: { 200: z.array(meetingView), ...errors },
      },
    },
    (request) => service.meetings(app.db, request.params.id),
  );

  app.post(
    '/api/mechanisms/:id/meetings',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Schedule a meeting (local date and time where it happens, place, agenda)',
        params: mechanismParams,
        body: meetingBody,
        response: { 201: meetingView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addMeeting(request.user!, request.params.id, request.body)),
  );

  app.put(
    '/api/mechanisms/:id/meetings/:meetingId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Reschedule a meeting or record its minutes',
        params: meetingParams,
        body: meetingBody,
        response: { 200: meetingView, ...errors },
      },
    },
    (request) => service.updateMeeting(request.user!, request.params.id, request.params.meetingId, request.body),
  );

  app.get(
    '/api/mechanisms/:id/commitments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Commitments by due date, overdue ones flagged',
        params: mechanismParams,
        response: { 200: z.array(commitmentView), ...errors },
      },
    },
    (request) => service.commitmentList(app.db, request.params.id),
  );

  app.post(
    '/api/mechanisms/:id/commitments',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Record a commitment with its owner and due date',
        params: mechanismParams,
        body: commitmentBody,
        response: { 201: commitmentView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addCommitment(request.user!, request.params.id, request.body)),
  );

  app.put(
    '/api/mechanisms/:id/commitments/:commitmentId',
    {
      config: coordinate,
      schema: {
        tags,
        summary: 'Change a commitment or mark it done',
        params: commitmentParams,
        body: commitmentBody,
        response: { 200: commitmentView, ...errors },
      },
    },
    (request) => service.updateCommitment(request.user!, request.params.id, request.params.commitmentId, request.body),
  );
};
