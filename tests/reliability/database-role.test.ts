import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { openPreparedDatabase } from '@server/bootstrap.js';
import type { Database } from '@server/core/db.js';
import { onPostgres } from '../helpers/db.js';
import { signIn, startApp, testConfig } from '../helpers/app.js';
import { reportIncident } from '../helpers/factories.js';
import { databaseUrlFor, ignoreConnectionError, onAdminConnection } from '../helpers/postgres.js';

/**
 * The server runs as a role that owns nothing (MIGRATION_DATABASE_URL migrates and seeds as
 * the owner): it works as always, and history stays history whatever SQL it sends. Roles are
 * PostgreSQL's; the embedded database has one user and can't enforce this (docs/security.md).
 */
describe.runIf(onPostgres)('the server’s own database role', () => {
  const ROLE = 'boc_server_test';
  const name = `boc_role_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const ownerUrl = databaseUrlFor(process.env.DATABASE_URL ?? 'postgres://unused/x', name);
  const serverUrl = (() => {
    const u = new URL(ownerUrl);
    u.username = ROLE;
    return u.toString();
  })();
  let database: Database;
  let app: FastifyInstance;
  let asServer: pg.Client;

  beforeAll(async () => {
    await onAdminConnection(ownerUrl, async (admin) => {
      await admin.query(`DO $$ BEGIN CREATE ROLE ${ROLE} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await admin.query(`CREATE DATABASE ${name}`);
    });
    const config = testConfig({ DATABASE_URL: serverUrl, MIGRATION_DATABASE_URL: ownerUrl });
    database = await openPreparedDatabase(config, { seed: true, demo: true });
    app = await startApp(database);
    const { default: pgModule } = await import('pg');
    asServer = ignoreConnectionError(new pgModule.Client({ connectionString: serverUrl }));
    await asServer.connect();
  }, 120_000);
  afterAll(async () => {
    await asServer?.end();
    await app?.close();
    await database?.close();
    await onAdminConnection(ownerUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('serves as always: the live hub starts, sign-in, a report with its alert and audit, an acknowledgement', async () => {
    const user = { cookie: await signIn(app, 'liaison.sandiego') };
    const incident = await reportIncident(app, user);
    const page = await app.inject({ url: `/api/incidents/${incident.id}`, headers: { cookie: user.cookie } });
    expect(page.statusCode).toBe(200);
    const ack = await app.inject({
      method: 'POST',
      url: `/api/incidents/${incident.id}/acknowledge`,
      headers: { cookie: await signIn(app, 'consul.tijuana') },
    });
    expect(ack.statusCode).toBe(200);
    const { rows } = await asServer.query(`select current_user as who, count(*)::int as n from audit_log group by 1`);
    expect(rows[0]).toMatchObject({ who: ROLE });
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('cannot rewrite or erase history, nor switch its guards off', async () => {
    const refused = async (statement: string) => {
      try {
        await asServer.query(statement);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(await refused('truncate incident_events')).toMatch(/permission denied/);
    expect(await refused('truncate events cascade')).toMatch(/permission denied/);
    expect(await refused('delete from audit_log')).toMatch(/permission denied/);
    expect(await refused('delete from acknowledgements')).toMatch(/permission denied/);
    expect(await refused('update audit_log set action = action')).toMatch(/permission denied/);
    expect(await refused('update events set kind = kind')).toMatch(/append-only/);
    expect(await refused('alter table events disable trigger all')).toMatch(/must be owner/);
    expect(await refused('drop trigger alerts_set_once on alerts')).toMatch(/must be owner/);
    expect(await refused(`set session_replication_role = replica`)).toMatch(/permission denied/);

    // An escalation that reached the central desks can't be re-armed.
    const { default: pgModule } = await import('pg');
    const owner = ignoreConnectionError(new pgModule.Client({ connectionString: ownerUrl }));
    await owner.connect();
    await owner.query(`update alerts set escalated_at = now() where id = (select id from alerts limit 1)`);
    await owner.end();
    expect(await refused('update alerts set escalated_at = null where escalated_at is not null')).toMatch(
      /escalated_at is set once/,
    );
    expect(await refused('delete from alerts')).toMatch(/never deleted/);
  });
});
