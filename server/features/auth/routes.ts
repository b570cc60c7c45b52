import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, userResponse } from '@shared/auth.js';
import { errorBody } from '@shared/errors.js';
import { bilingual } from '@shared/i18n/index.js';
import { actorOf } from '@server/core/access.js';
import type { Actor } from '@server/core/changes.js';
import { AppError } from '@server/core/errors.js';
import { announceSessionEnded } from '@server/core/event-hub.js';
import { deleteSession, openSession, SESSION_COOKIE } from '@server/core/sessions.js';
import { authenticate } from './service.js';
import { admitAttempt, attemptKey, recordFailure, recordSuccess } from './throttle.js';

/** Who fails to sign in: nobody yet. The name tried goes in the audit row's details, never its actor. */
const anonymousActor: Actor = { id: null, username: 'anonymous' };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, clock } = app;
  app.post(
    '/api/auth/login',
    {
      // Throttled per address and per name, across instances, by the database (./throttle.ts).
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: loginBody,
        response: { 200: userResponse, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = clock.now();
      const key = attemptKey(request.ip, username);
      const admission = await admitAttempt(app.db, key, now);
      if ('retryAfterSeconds' in admission) {
        reply.header('retry-after', String(admission.retryAfterSeconds));
        throw new AppError(
          429,
          'too_many_sign_ins',
          bilingual('error.tooManySignIns', { count: Math.ceil(admission.retryAfterSeconds / 60) }),
        );
      }
      const user = await authenticate(app.db, username, password);
      if (!user) {
        await app.changes.run(anonymousActor, async (tx, record) => {
          await recordFailure(tx, admission.attemptId, now);
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
        await recordSuccess(tx, admission.attemptId, key, now);
        const opened = await openSession(tx, user.id, now, config.sessionTtlHours);
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
        await announceSessionEnded(tx, sessionId);
        record.audit({ action: 'auth.logout', entity: 'user', entityId: request.user!.id });
      });
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
