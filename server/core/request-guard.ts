import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { bilingual } from '@shared/i18n/index.js';
import { AppError, notFound } from '@server/core/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types this route's body may have; default JSON only. */
    accepts?: readonly string[];
  }
}

const JSON_ONLY = ['application/json'] as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const crossSite = () => new AppError(403, 'cross_site', bilingual('error.crossSite'));
const mediaType = (header: string) => header.split(';')[0]!.trim().toLowerCase();

/**
 * What a request must be before any route sees it:
 * - a state change (and the websocket handshake) comes from the console's own pages: a
 *   browser's `Origin` is the console's own origin or a configured one (`ALLOWED_ORIGINS`), and
 *   `Sec-Fetch-Site`, when sent, says same-origin. A request without either is no browser's
 *   (curl, a script), so no other site can have made it on an officer's behalf. 403 otherwise.
 * - a body is of a type the route declares (`config.accepts`, JSON by default): 415 otherwise,
 *   so a text/plain form post can't acknowledge an incident.
 * - authenticated answers are never cached (`Cache-Control: no-store`).
 */
export const requestGuardPlugin = fp<{ allowedOrigins: readonly string[] }>(
  async (app, { allowedOrigins }) => {
    const allowed = new Set(allowedOrigins);
    const sameOrigin = (request: FastifyRequest, origin: string) =>
      origin === `${request.protocol}://${request.host}` || allowed.has(origin);

    // A websocket handshake is taken only by a websocket route: on any other (the client's
    // files) it would be opened and closed again; answer it plainly instead.
    const websocketRoutes = new Set<string>();
    app.addHook('onRoute', (route) => {
      if ((route as { websocket?: boolean }).websocket) websocketRoutes.add(route.url);
    });

    app.addHook('onRequest', async (request) => {
      const websocket = request.headers.upgrade?.toLowerCase() === 'websocket';
      if (websocket && !websocketRoutes.has(request.routeOptions.url ?? '')) throw notFound();
      if (SAFE_METHODS.has(request.method) && !websocket) return;
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') throw crossSite();
      const origin = request.headers.origin;
      if (origin !== undefined && !sameOrigin(request, origin)) throw crossSite();

      const type = request.headers['content-type'];
      if (type === undefined) return;
      const accepts = request.routeOptions.config?.accepts ?? JSON_ONLY;
      if (!accepts.includes(mediaType(type)))
        throw new AppError(
          415,
          'unsupported_media_type',
          bilingual('error.unsupportedMediaType', { types: accepts.join(', ') }),
          { extra: { accepts } },
        );
    });

    app.addHook('onSend', async (request, reply) => {
      if (request.user && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'request-guard' },
);
