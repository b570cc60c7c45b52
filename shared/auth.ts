import { z } from 'zod';
import { safeText } from '@shared/text.js';

export const roles = ['consular', 'liaison', 'supervisor', 'central', 'admin'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Both governments are peers: nothing in the model is "US-first". */
export const countries = ['US', 'MX'] as const;
export const country = z.enum(countries);
export type Country = z.infer<typeof country>;

export const loginBody = z.object({
  username: safeText().trim().min(1).max(64),
  /** Not trimmed: spaces may be part of it. */
  password: safeText().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

export const sessionUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  country,
  agency: z.string(),
  mechanismId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const userResponse = z.object({ user: sessionUser });

/** Roles that watch every mechanism regardless of a user's mechanism scope (central desks and those who oversee them). */
export const overseeingRoles: readonly Role[] = ['supervisor', 'central', 'admin'];

type ScopedUser = Pick<SessionUser, 'role' | 'mechanismId'>;

/** The one mechanism a user's lists are limited to, or null when they see every mechanism. */
export function mechanismScopeOf(user: ScopedUser): string | null {
  return overseeingRoles.includes(user.role) ? null : user.mechanismId;
}

/**
 * Whether a user may see or act on something that belongs to `mechanismId` (Plan of Action
 * VIII: a Border Liaison Mechanism coordinates its own stretch of the border).
 */
export function inMechanismScope(user: ScopedUser, mechanismId: string | null): boolean {
  const scope = mechanismScopeOf(user);
  return scope === null || scope === mechanismId;
}
