import type { LoginBody, SessionUser } from '@shared/auth.js';
import { api, ApiError } from '../../../lib/api-client.js';

export async function fetchCurrentUser(): Promise<SessionUser | null> {
  try {
    return (await api<{ user: SessionUser }>('GET', '/api/auth/me')).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(body: LoginBody): Promise<SessionUser> {
  return (await api<{ user: SessionUser }>('POST', '/api/auth/login', body)).user;
}

export function signOut(): Promise<void> {
  return api<void>('POST', '/api/auth/logout');
}
