import fp from 'fastify-plugin';
import type { RouteOptions } from 'fastify';
import type { SessionUser } from '@shared/auth.js';
import { can, permissions, type Permission } from '@shared/permissions.js';
import type { Actor } from '@server/core/changes.js';
import { forbidden, unauthorized } from '@server/core/errors.js';
import { activeSessionIds, findSessionUser, SESSION_COOKIE, sessionIdOf } from '@server/core/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** What the caller must be allowed to do (shared/permissions.ts); checked before the handler. */
    permission?: Permission;
  }
  interface FastifyInstance {
    /** Which of these sessions are still signed in (not signed out anywhere, not expired). */
    activeSessions(ids: string[]): Promise<Set<string>>;
    /** Every guarded route (API and websocket) with what it requires. */
    routeAccess(): readonly RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  permission: Permission | null;
  public: boolean;
}

/** The signed-in user as the author of a change (routes behind the session check only). */
export function actorOf(user: SessionUser | null): Actor {
  if (!user) throw unauthorized();
  return { id: user.id, username: user.username };
}

/** The API and the live connection: everything here says who may reach it. Static client files are public. */
const guarded = (url: string) => url.startsWith('/api') || url.startsWith('/ws');

/**
 * Default-deny: every /api route and the websocket need a live server-side session and
 * declare the permission they need (`config: { permission }`), or `config: { public: true }`.
 * A route that declares neither stops the server from starting, so none can slip through.
 */
export const accessPlugin = fp(
  async (app) => {
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);

    // Checked when the app is ready, not as each route is added: a plugin may set a route's
    // config in an onRoute hook of its own, which runs after this one.
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      if (guarded(route.url)) routes.push(route);
    });
    const routeAccess = () =>
      routes.map((route): RouteAccess => {
        const permission = route.config?.permission;
        return {
          method: String(route.method),
          url: route.url,
          permission: permission && permission in permissions ? permission : null,
          public: route.config?.public === true,
        };
      });
    app.decorate('routeAccess', routeAccess);
    app.addHook('onReady', async () => {
      const undeclared = routeAccess().filter((route) => !route.public && !route.permission);
      if (undeclared.length > 0) {
        const names = undeclared.map((r) => `${r.method} ${r.url}`).join(', ');
        throw new Error(`routes that declare neither config.permission nor config.public: ${names}`);
      }
    });

    app.addHook('onRequest', async (request) => {
      // Decided by the route the router matched, never by the URL text: `/%61pi/audit` matches
      // `/api/audit` and is guarded like it. A URL that matches no route is the JSON 404
      // (or the client's page), whatever its spelling. The client's files need no session.
      const route = request.routeOptions.url;
      if (route === undefined || !guarded(route)) return;
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const sessionId = sessionIdOf(token);
        request.user = await findSessionUser(app.db, sessionId, app.clock.now());
        if (request.user) request.sessionId = sessionId;
      }
      const { public: isPublic, permission } = request.routeOptions.config;
      if (isPublic) return;
      if (!request.user) throw unauthorized();
      // Start-up refuses a guarded route that declares no permission; this is the backstop.
      if (!permission || !can(request.user, permission)) throw forbidden();
    });

    app.decorate('activeSessions', (ids: string[]) => activeSessionIds(app.db, ids, app.clock.now()));
  },
  { name: 'access', dependencies: ['db', 'clock', '@fastify/cookie'] },
);
