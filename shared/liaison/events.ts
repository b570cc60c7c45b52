import { z } from 'zod';

/**
 * Live events of the liaison feature, for the typed event catalogue (issue 13). Both go
 * to the audience "that mechanism" (its members' users) plus the overseeing roles.
 */
export const rosterChanges = ['member', 'contact', 'rotation', 'override', 'intended_gap', 'area'] as const;

export const rosterUpdated = z.object({
  mechanismId: z.string(),
  /** What changed, so a client refetches only that part. */
  what: z.enum(rosterChanges),
  /** The changed record; null when a whole rotation was replaced. */
  id: z.string().nullable(),
});
export type RosterUpdated = z.infer<typeof rosterUpdated>;

export const meetingScheduled = z.object({
  mechanismId: z.string(),
  meetingId: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  place: z.string(),
});
export type MeetingScheduled = z.infer<typeof meetingScheduled>;

export const liaisonEvents = {
  'roster.updated': rosterUpdated,
  'meeting.scheduled': meetingScheduled,
} as const;
