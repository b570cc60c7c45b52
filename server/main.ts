import { openPreparedDatabase } from '@server/bootstrap.js';
import { ConfigError, loadConfig } from '@server/core/config.js';
import {
  describeDatabase,
  exposed,
  listenHost,
  secondsSinceStart,
  startupMessage,
  startupProgress,
} from '@server/startup.js';

/**
 * `npm start`: loads config, brings the database up to date (migrations, reference data, demo
 * accounts and demo incidents on the embedded database), listens — on this machine only
 * while demo accounts exist, unless HOST says otherwise — and closes gracefully (in-flight
 * requests finish, sockets close, then the database).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const progress = startupProgress(config);
  // The app's modules (every feature: seconds to load through tsx) load while the database
  // opens, which is mostly WebAssembly compiling and initialising off this thread's JavaScript.
  const modules = Promise.all([
    import('@server/app.js'),
    import('@server/demo-incidents.js'),
    import('@seeds/demo-users.js'),
  ]);
  modules.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  // Database trouble (a dropped LISTEN connection) goes to the app's log once there is one.
  let logError = (error: unknown) => console.error(error);
  const database = await openPreparedDatabase(config, { seed: true, demo: config.seedDemo, progress }, (error) =>
    logError(error),
  );
  const [{ buildApp }, { seedDemoIncidents }, { demoAccountsPresent }] = await modules;
  const demoIncidentsSeeded = config.seedDemo ? await seedDemoIncidents(database, config, new Date(), progress) : 0;
  progress('starting the server…');
  const demoAccounts = await demoAccountsPresent(database.db);
  const host = listenHost(config, demoAccounts);
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
  await app.listen({ host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info(
    startupMessage({
      host,
      port,
      database: describeDatabase(config, database.kind),
      demoAccounts,
      demoIncidentsSeeded,
      readySeconds: secondsSinceStart(),
    }),
  );
  if (demoAccounts && exposed(host))
    app.log.warn(
      `HOST=${host} with demo accounts: anyone who can reach this machine can sign in with the README's password`,
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
