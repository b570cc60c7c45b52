import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';
import { route } from '@server/core/route.js';
import type { MeetingService } from './meeting-service.js';
import type { RosterService } from './roster-service.js';
import type { RotationService } from './rotation-service.js';

export interface LiaisonServices {
  roster: RosterService;
  rotations: RotationService;
  meetings: MeetingService;
}

/** The exports hold personal contact details: saved under `name`, kept by no cache. */
function personalDownload(reply: FastifyReply, name: string): void {
  reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
}

/** HTTP for the liaison feature: the catalogue in shared/liaison/endpoints.ts, each answered by a service. */
export const liaisonRoutes: FastifyPluginAsync<LiaisonServices> = async (app, { roster, rotations, meetings }) => {
  // ——— mechanisms and their rosters ———
  route(app, endpoints.list, () => roster.list());
  route(app, endpoints.detail, ({ params }) => roster.detail(params.id));
  route(app, endpoints.setArea, ({ user, params, body }) => roster.setArea(user, params.id, body.area));
  route(app, endpoints.contactsFile, async ({ params, query, reply }) => {
    const cards = await roster.vcards(params.id, query.lang);
    personalDownload(reply, `${params.id}.vcf`);
    return cards;
  });
  route(app, endpoints.addMember, ({ user, params, body }) => roster.addMember(user, params.id, body));
  route(app, endpoints.updateMember, ({ user, params, body }) =>
    roster.updateMember(user, params.id, params.memberId, body),
  );
  route(app, endpoints.removeMember, ({ user, params }) => roster.removeMember(user, params.id, params.memberId));
  route(app, endpoints.verifyMember, ({ user, params }) => roster.verifyMember(user, params.id, params.memberId));
  route(app, endpoints.addContact, ({ user, params, body }) =>
    roster.addContact(user, params.id, params.memberId, body),
  );
  route(app, endpoints.updateContact, ({ user, params, body }) =>
    roster.updateContact(user, params.id, params.memberId, params.contactId, body),
  );
  route(app, endpoints.removeContact, ({ user, params }) =>
    roster.removeContact(user, params.id, params.memberId, params.contactId),
  );

  // ——— who is on duty: rotation, overrides, intended gaps ———
  route(app, endpoints.onDuty, ({ params, query }) => rotations.onDuty(params.id, query.at));
  route(app, endpoints.placeOnDuty, ({ query: { lat, lon, at } }) => rotations.placeOnDuty({ lat, lon }, at));
  route(app, endpoints.onDutyCalendar, async ({ params, query: { lang, from, to }, reply }) => {
    const calendar = await rotations.calendar(params.id, { from, to }, lang);
    personalDownload(reply, `${params.id}-on-duty.ics`);
    return calendar;
  });
  route(app, endpoints.putRotation, ({ user, params, body }) => rotations.putRotation(user, params.id, body));
  route(app, endpoints.addOverride, ({ user, params, body }) => rotations.addOverride(user, params.id, body));
  route(app, endpoints.updateOverride, ({ user, params, body }) =>
    rotations.updateOverride(user, params.id, params.overrideId, body),
  );
  route(app, endpoints.removeOverride, ({ user, params }) =>
    rotations.removeOverride(user, params.id, params.overrideId),
  );
  route(app, endpoints.addIntendedGap, ({ user, params, body }) => rotations.addIntendedGap(user, params.id, body));
  route(app, endpoints.updateIntendedGap, ({ user, params, body }) =>
    rotations.updateIntendedGap(user, params.id, params.gapId, body),
  );
  route(app, endpoints.removeIntendedGap, ({ user, params }) =>
    rotations.removeIntendedGap(user, params.id, params.gapId),
  );

  // ——— meetings and commitments ———
  route(app, endpoints.meetings, ({ params }) => meetings.meetings(params.id));
  route(app, endpoints.addMeeting, ({ user, params, body }) => meetings.addMeeting(user, params.id, body));
  route(app, endpoints.updateMeeting, ({ user, params, body }) =>
    meetings.updateMeeting(user, params.id, params.meetingId, body),
  );
  route(app, endpoints.commitments, ({ params }) => meetings.commitments(params.id));
  route(app, endpoints.addCommitment, ({ user, params, body }) => meetings.addCommitment(user, params.id, body));
  route(app, endpoints.updateCommitment, ({ user, params, body }) =>
    meetings.updateCommitment(user, params.id, params.commitmentId, body),
  );
};
