import { z } from 'zod';
import type { Audience } from '@shared/audience.js';
import { coverageGap } from './contract.js';

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

/** An unintended coverage gap starts soon (due work `liaison.coverage-gap`): time to find cover or mark it intended. */
export const gapAhead = z.object({ mechanismId: z.string(), gap: coverageGap });
export type GapAhead = z.infer<typeof gapAhead>;

export const liaisonEvents = {
  'roster.updated': rosterUpdated,
  'meeting.scheduled': meetingScheduled,
  'roster.gap_ahead': gapAhead,
} as const;

/**
 * Who hears of a mechanism's roster and meetings: its officers on both sides and the
 * overseeing roles (the mechanism clause applies the scope rule, shared/audience.ts).
 */
export function liaisonAudience(mechanismId: string): Audience {
  return [{ mechanismIds: [mechanismId] }];
}
