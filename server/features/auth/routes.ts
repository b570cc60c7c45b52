import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, userResponse } from '@shared/auth.js';
import { errorBody } from '@shared/errors.js';
import { bilingual } from '@shared/i18n/index.js';
import { actorOf } from '@server/core/access.js';
import { AppError } from '@server/core/errors.js';
import { deleteSession, openSession, SESSION_COOKIE } from '@server/core/sessions.js';
import { authenticate } from './service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, clock } = app;
  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        // Per address and username: slows password guessing without locking a whole office out.
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: loginBody,
        response: { 200: userResponse, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await authenticate(app.db, username, password);
      if (!user) {
        await app.changes.run({ id: null, username }, async (_tx, record) => {
          record.audit({
            action: 'auth.login_failed',
            entity: 'user',
            entityId: null,
            after: { username, ip: request.ip },
          });
        });
        throw new AppError(401, 'bad_credentials', bilingual('error.badCredentials'));
      }
      const session = await app.changes.run(actorOf(user), async (tx, record) => {
        const opened = await openSession(tx, user.id, clock.now(), config.sessionTtlHours);
        record.audit({ action: 'auth.login', entity: 'user', entityId: user.id, after: { ip: request.ip } });
        return opened;
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        expires: session.expiresAt,
      });
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'session.own' },
      schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const sessionId = request.sessionId!;
      await app.changes.run(actorOf(request.user), async (tx, record) => {
        await deleteSession(tx, sessionId);
        record.audit({ action: 'auth.logout', entity: 'user', entityId: request.user!.id });
      });
      app.eventHub.dropSession(sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'session.own' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userResponse } },
    },
    async (request) => ({ user: request.user! }),
  );
};
