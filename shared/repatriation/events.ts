import { z } from 'zod';
import type { Audience } from '@shared/audience.js';
import { overseeingRoles } from '@shared/auth.js';
import { arrangement, movement, type Movement } from './contract.js';

const movementEvent = z.object({ movementId: z.string(), movement });

/**
 * What the repatriation feature announces on the event hub. Kinds and fields are read by
 * programs outside this repository: add, never rename.
 */
export const repatriationEventPayloads = {
  'repatriation.planned': movementEvent,
  'repatriation.confirmed': movementEvent,
  'repatriation.cancelled': movementEvent,
  /** `from`: where and when it was planned before. */
  'repatriation.rescheduled': movementEvent.extend({ from: z.object({ portId: z.string(), at: z.string() }) }),
  'repatriation.notice-recorded': movementEvent,
  /** The consular-notice deadline passed with no notice recorded (due work `repatriation.notice-deadline`). */
  'repatriation.notice-overdue': movementEvent,
  /** An arrangement was created or edited (`arrangement`), or deleted (`arrangement: null`). */
  'repatriation.arrangement': z.object({ arrangementId: z.string(), arrangement: arrangement.nullable() }),
} as const;

type Planned = Pick<Movement, 'mechanismId' | 'plannedBy'>;

/** Whoever may read the port's mechanism — its officers on both sides and, by the scope rule, the central desks and supervisors. */
const portReaders = (m: Planned) =>
  m.mechanismId ? { mechanismIds: [m.mechanismId] } : { roles: [...overseeingRoles] };
const planner = (m: Planned) => (m.plannedBy.id ? [{ userIds: [m.plannedBy.id] }] : []);

/**
 * Who hears about a movement: the port's liaison mechanism on both sides of the border and the
 * central desks (Plan of Action VI and VIII), and whoever planned it, wherever they sit.
 */
export const movementAudience = (m: Planned): Audience => [portReaders(m), ...planner(m)];

/** A missing consular notice concerns the Mexican side of the port, and the planner who owes it. */
export const noticeOverdueAudience = (m: Planned): Audience => [
  { ...portReaders(m), countries: ['MX'] },
  ...planner(m),
];
