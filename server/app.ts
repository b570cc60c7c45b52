import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessPlugin } from '@server/core/access.js';
import { changesPlugin } from '@server/core/changes.js';
import { clientPlugin } from '@server/core/client.js';
import { clockPlugin, systemClock, type Clock } from '@server/core/clock.js';
import { configPlugin, type Config } from '@server/core/config.js';
import { dbPlugin, type Database } from '@server/core/db.js';
import { dueWorkPlugin } from '@server/core/due-work.js';
import { embeddedMaintenancePlugin } from '@server/core/embedded-maintenance.js';
import { errorHandlerPlugin, frameworkErrors } from '@server/core/error-handler.js';
import { eventHubPlugin } from '@server/core/event-hub.js';
import { requestGuardPlugin } from '@server/core/request-guard.js';
import advisoriesFeature from '@server/features/advisories/index.js';
import checklistsFeature from '@server/features/checklists/index.js';
import dueWorkFeature from '@server/features/due-work/index.js';
import { loggerOptions, RequestLogAtDebug } from '@server/core/log.js';
import alertsFeature from '@server/features/alerts/index.js';
import areasFeature from '@server/features/areas/index.js';
import auditFeature from '@server/features/audit/index.js';
import authFeature from '@server/features/auth/index.js';
import incidentsFeature from '@server/features/incidents/index.js';
import liaisonFeature from '@server/features/liaison/index.js';
import referenceFeature from '@server/features/reference/index.js';
import repatriationFeature from '@server/features/repatriation/index.js';
import reportsFeature from '@server/features/reports/index.js';
import sarFeature from '@server/features/sar/index.js';
import systemFeature from '@server/features/system/index.js';
import { apiDocsPlugin, openApiPlugin } from '@server/plugins/api-docs.js';
import { securityHeadersPlugin } from '@server/plugins/security-headers.js';

export interface AppDependencies {
  /** An open database, migrated and seeded (server/bootstrap.ts); its owner closes it. */
  database: Database;
  clock?: Clock;
}

/** The whole console as one Fastify instance: core plugins, then features. */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    logController: new RequestLogAtDebug(),
    bodyLimit: 256 * 1024,
    // Longer path parameters get the router's 414; ids and slugs are far shorter.
    routerOptions: { maxParamLength: 200 },
    trustProxy: config.trustProxy,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Core: what every feature may rely on.
  await app.register(configPlugin, { config });
  await app.register(clockPlugin, { clock: deps.clock ?? systemClock });
  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { config });
  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(openApiPlugin);
  await app.register(dbPlugin, { database: deps.database });
  await app.register(changesPlugin);
  await app.register(requestGuardPlugin, { allowedOrigins: config.allowedOrigins });
  await app.register(accessPlugin);
  await app.register(eventHubPlugin, {
    pollMs: config.eventsPollMs,
    sessionCheckMs: 30_000,
    replayLimit: config.eventsReplayLimit,
  });
  await app.register(dueWorkPlugin);
  await app.register(embeddedMaintenancePlugin, { everyMs: config.embeddedMaintenanceMs });
  await app.register(apiDocsPlugin);

  // Features: each a named plugin that declares what it depends on.
  await app.register(systemFeature);
  await app.register(authFeature);
  await app.register(areasFeature);
  await app.register(referenceFeature);
  await app.register(auditFeature);
  await app.register(alertsFeature);
  await app.register(incidentsFeature);
  await app.register(liaisonFeature);
  await app.register(repatriationFeature);
  await app.register(advisoriesFeature);
  await app.register(checklistsFeature);
  await app.register(sarFeature);
  await app.register(reportsFeature);
  await app.register(dueWorkFeature);

  await app.register(clientPlugin, { clientDir: config.clientDir });
  return app;
}
