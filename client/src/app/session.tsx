import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, SessionUser } from '@shared/auth.js';
import { fetchCurrentUser, signIn as postSignIn, signOut as postSignOut } from '../features/auth/api/auth.js';
import { onSessionExpired } from '../lib/api-client.js';

interface Session {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  user: SessionUser | null | undefined;
  signIn: (body: LoginBody) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    onSessionExpired(() => setUser(null));
    fetchCurrentUser().then(setUser, () => setUser(null));
  }, []);

  const signIn = useCallback(async (body: LoginBody) => setUser(await postSignIn(body)), []);
  const signOut = useCallback(async () => {
    await postSignOut().catch(() => undefined); // signed out locally either way
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser while signed out');
  return user;
}
