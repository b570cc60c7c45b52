import fp from 'fastify-plugin';
import fastifyHelmet from '@fastify/helmet';
import type { Config } from '@server/core/config.js';

/** Helmet's headers with the console's content security policy. */
export const securityHeadersPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { directives: contentSecurityPolicy(config) },
      // HSTS and the cookie's Secure flag say the same thing (served over HTTPS): both or neither.
      strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000 } : false,
    });
  },
  { name: 'security-headers' },
);

function contentSecurityPolicy(config: Config) {
  // An online map style pulls tiles and glyphs from other origins; the offline default needs none.
  const online = config.mapStyleUrl ? ['https:'] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...online],
    workerSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'", ...online],
    upgradeInsecureRequests: null,
  };
}
