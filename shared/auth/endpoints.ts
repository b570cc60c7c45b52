import { loginBody, userResponse } from '@shared/auth.js';
import { endpoint, noContent } from '@shared/http/endpoint.js';

const tags = ['auth'];
const own = { permission: 'session.own' } as const;

/** Signing in and out: the HTTP contract (server routes, client calls, OpenAPI). */
export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in; sets an HttpOnly session cookie (429 with Retry-After after too many failures)',
    tags,
    access: 'public',
    body: loginBody,
    responses: { 200: userResponse },
    errors: { 401: ['bad_credentials'], 429: ['too_many_sign_ins'] },
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out and end the session',
    tags,
    access: own,
    responses: { 204: noContent },
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    tags,
    access: own,
    responses: { 200: userResponse },
  }),
};
