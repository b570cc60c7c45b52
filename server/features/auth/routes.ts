import type { FastifyPluginAsync } from 'fastify';
import { authEndpoints as endpoints } from '@shared/auth/endpoints.js';
import { bilingual } from '@shared/i18n/index.js';
import { AppError, unauthorized } from '@server/core/errors.js';
import { route } from '@server/core/route.js';
import { SESSION_COOKIE } from '@server/core/sessions.js';
import type { AuthService } from './service.js';

export const authRoutes: FastifyPluginAsync<{ service: AuthService }> = async (app, { service }) => {
  const { config } = app;

  route(app, endpoints.login, async ({ body, request, reply }) => {
    const signIn = await service.signIn(request.ip, body);
    if ('retryAfterSeconds' in signIn) {
      const { retryAfterSeconds } = signIn;
      reply.header('retry-after', String(retryAfterSeconds));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new AppError(429, 'too_many_sign_ins', bilingual('error.tooManySignIns', { count: minutes }));
    }
    reply.setCookie(SESSION_COOKIE, signIn.session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      expires: signIn.session.expiresAt,
    });
    return { user: signIn.user };
  });

  route(app, endpoints.logout, async ({ user, request, reply }) => {
    if (!request.sessionId) throw unauthorized();
    await service.signOut(user, request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  route(app, endpoints.me, async ({ user }) => ({ user }));
};
