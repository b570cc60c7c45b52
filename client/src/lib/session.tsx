import { useEffect, type ReactNode } from 'react';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginBody, SessionUser } from '@shared/auth.js';
import { authEndpoints } from '@shared/auth/endpoints.js';
import { ApiError, call, onSessionExpired } from './api-client.js';

const sessionKey = ['session'] as const;

async function fetchCurrentUser(): Promise<SessionUser | null> {
  try {
    return (await call(authEndpoints.me, {})).user;
  } catch (error) {
    // No session, or no server: either way the sign-in page is what to show.
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/** GET /api/auth/me: the signed-in user, or null. Changes only by signing in or out. */
export const sessionQuery = queryOptions({ queryKey: sessionKey, queryFn: fetchCurrentUser, staleTime: Infinity });

/** Signed out: nothing of the previous user's data stays in the cache. */
function endSession(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

/** Back to the sign-in page whenever the server says the session is gone. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => onSessionExpired(() => endSession(queryClient)), [queryClient]);
  return children;
}

interface Session {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  user: SessionUser | null | undefined;
  signIn: (body: LoginBody) => Promise<void>;
  signOut: () => Promise<void>;
}

export function useSession(): Session {
  const queryClient = useQueryClient();
  const { data: user } = useQuery(sessionQuery);
  return {
    user,
    signIn: async (body) => {
      const { user: signedIn } = await call(authEndpoints.login, { body });
      queryClient.setQueryData(sessionKey, signedIn);
    },
    signOut: async () => {
      await call(authEndpoints.logout, {}).catch(() => undefined); // signed out locally either way
      endSession(queryClient);
    },
  };
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser while signed out');
  return user;
}
