import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { ConfigError, loadConfig } from '@server/core/config.js';

/**
 * `npm start`: loads config, brings the database up to date (migrations, reference data, demo
 * accounts on the embedded database), listens, and closes gracefully (in-flight requests
 * finish, sockets close, then the database).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Database trouble (a dropped LISTEN connection) goes to the app's log once there is one.
  let logError = (error: unknown) => console.error(error);
  const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo }, (error) =>
    logError(error),
  );
  const app = await buildApp(config, { database });
  logError = (error) => app.log.error({ err: error }, 'database');
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      app
        .close()
        .then(() => database.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Border Operations Console on http://localhost:${config.port} (database: ${database.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
