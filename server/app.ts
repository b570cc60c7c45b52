import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { seed } from '../seeds/seed.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import auditFeature from './features/audit/index.js';
import authFeature from './features/auth/index.js';
import incidentsFeature from './features/incidents/index.js';
import alertsFeature from './features/alerts/index.js';
import referenceFeature from './features/reference/index.js';
import systemFeature from './features/system/index.js';
import authPlugin from './plugins/auth.js';
import changesPlugin from './plugins/changes.js';
import clientPlugin from './plugins/client.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin from './plugins/errors.js';
import eventHubPlugin from './plugins/event-hub.js';

export interface AppDependencies {
  /** An open database; when given, the caller closes it. Otherwise one is opened from config. */
  database?: Database;
  clock?: Clock;
}

/** The whole console as one Fastify instance: infrastructure plugins, then features. */
export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = deps.clock ?? systemClock;
  const database =
    deps.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onError: (e) => app.log.error({ err: e }, 'database') }));
  if (!deps.database) app.addHook('onClose', () => database.close());
  await database.migrate();
  await database.exclusively(() => seed(database.db, { demo: config.seedDemo }));

  await app.register(errorsPlugin);
  await app.register(fastifyHelmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(config) } });
  await app.register(fastifyCookie);
  // preHandler: the login limit is keyed by username, which needs the parsed body.
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Border Operations Console API', version: '0.1.0' }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } }, security: [{ session: [] }] },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(dbPlugin, { database });
  await app.register(changesPlugin);
  await app.register(authPlugin, { clock });
  await app.register(eventHubPlugin, { pollMs: config.eventsPollMs, sessionCheckMs: 30_000 });

  await app.register(systemFeature, { config });
  await app.register(authFeature, { config, clock });
  await app.register(referenceFeature);
  await app.register(auditFeature);
  await app.register(alertsFeature, { config, clock });
  await app.register(incidentsFeature, { clock });

  await app.register(clientPlugin, { clientDir: config.clientDir });
  return app;
}

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
