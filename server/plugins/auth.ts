import fp from 'fastify-plugin';
import type { preHandlerHookHandler } from 'fastify';
import type { Role, SessionUser } from '@shared/auth.js';
import type { Clock } from '../clock.js';
import { forbidden, unauthorized } from '../errors.js';
import { activeSessionIds, findSessionUser } from '../features/auth/repository.js';
import { sessionIdOf } from '../features/auth/service.js';
import type { Actor } from './changes.js';

export const SESSION_COOKIE = 'sid';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, public feeds). Everything else is denied. */
    public?: boolean;
  }
  interface FastifyInstance {
    /** preHandler that lets only these roles through (403 otherwise). */
    authorize(...roles: Role[]): preHandlerHookHandler;
    /** Which of these sessions are still signed in (not signed out anywhere, not expired). */
    activeSessions(ids: string[]): Promise<Set<string>>;
  }
}

/** The signed-in user as the author of a change (routes behind the session check only). */
export function actorOf(user: SessionUser | null): Actor {
  if (!user) throw unauthorized();
  return { id: user.id, username: user.username };
}

/**
 * Default-deny: every /api route and the websocket need a live server-side session unless
 * the route says `config: { public: true }`. Static client files are public.
 */
export default fp<{ clock: Clock }>(
  async (app, { clock }) => {
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);

    app.addHook('onRequest', async (request) => {
      // The client's static files need no session: don't look one up for them.
      if (!request.url.startsWith('/api') && !request.url.startsWith('/ws')) return;
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const sessionId = sessionIdOf(token);
        request.user = await findSessionUser(app.db, sessionId, clock.now());
        if (request.user) request.sessionId = sessionId;
      }
      if (!request.routeOptions.config.public && !request.user) throw unauthorized();
    });

    app.decorate('activeSessions', (ids: string[]) => activeSessionIds(app.db, ids, clock.now()));

    app.decorate('authorize', (...roles: Role[]): preHandlerHookHandler => async (request) => {
      if (!request.user) throw unauthorized();
      if (!roles.includes(request.user.role)) throw forbidden();
    });
  },
  { name: 'auth', dependencies: ['db', '@fastify/cookie'] },
);
