import { z } from 'zod';
import { uuidId } from '@shared/ids.js';

/**
 * Why work was set aside instead of run again: it failed on every attempt allowed, or its
 * payload doesn't parse against its kind's schema (no retry can fix that).
 */
export const setAsideReasons = ['attempts', 'payload'] as const;
export type SetAsideReason = (typeof setAsideReasons)[number];

/** Work set aside, as an administrator sees it. `kind` may name a kind this release no longer knows. */
export const setAsideWork = z.object({
  id: z.string(),
  kind: z.string(),
  /** What it is about: an incident, an advisory, a mechanism, a movement. */
  subjectId: z.string(),
  reason: z.enum(setAsideReasons),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When it was last due. */
  dueAt: z.string(),
  setAsideAt: z.string(),
});
export type SetAsideWork = z.infer<typeof setAsideWork>;

export const dueWorkIdParams = z.object({ id: uuidId() });
