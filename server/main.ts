import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** Loads config, listens, and closes gracefully (in-flight requests finish, sockets close). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      app.close().then(() => process.exit(0), (error) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Border Operations Console on http://localhost:${config.port} (database: ${app.database.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
