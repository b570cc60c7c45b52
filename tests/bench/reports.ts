import { sql } from 'drizzle-orm';
import { buildApp } from '@server/app.js';
import { loadConfig } from '@server/core/config.js';
import type { Port } from '@shared/reference/contract.js';
import type { Database } from '@server/core/db.js';
import { vacuumWhereDue } from '@server/core/embedded-maintenance.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { figuresBeside, onBothDatabases, supervisorCookie, timed } from './in-process.js';
import type { BenchFigure } from './repatriation-engine.js';

/*
 * Bilateral review reports (issue 25), in `npm run bench` (`BENCH_ONLY=reports` for these
 * alone): `GET /api/reports/summary` for a full year over 100,000 incidents (each with its
 * early alert and both governments' acknowledgements, the investigated types with an
 * investigation on their timeline) and 50,000 movements, on PostgreSQL and on PGlite, for the
 * whole border and for one mechanism, p50/p99, beside a plain `count(*)` of the incidents and
 * the movements in the same run. Goal: under a second.
 */

const INCIDENTS = Number(process.env.BENCH_REPORT_INCIDENTS ?? 100_000);
const MOVEMENTS = Number(process.env.BENCH_REPORT_MOVEMENTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 10);
/** The year reported on: the synthetic incidents fill it, ending at its last instant. */
const YEAR = { from: '2025-01-01', to: '2026-01-01' };
const YEAR_END = new Date(`${YEAR.to}T00:00:00Z`);

/**
 * The year's records, written in bulk by SQL: an early alert per incident, acknowledged by the
 * reporting government with the report and by the other within half an hour (a tenth escalate),
 * an investigation (and for half an update) on the investigated types, 2 % drills; then the
 * movements through the ports of the repatriation arrangements, one to four persons each.
 */
export async function seedYear(database: Database, ports: readonly Pick<Port, 'id' | 'mechanismId'>[]): Promise<void> {
  const { db } = database;
  await seedSyntheticIncidents(db, { count: INCIDENTS, now: YEAR_END, days: 365, finishedShare: 0.6, seed: 2501 });
  await db.execute(sql`update incidents set exercise = true where demo and random() < 0.02`);
  await db.execute(
    sql`insert into alerts (incident_id, tier, raised_at, ack_deadline, escalated_at)
        select id, 'local', occurred_at + interval '4 minutes', occurred_at + interval '14 minutes',
               case when random() < 0.1 then occurred_at + interval '14 minutes' end
          from incidents where demo and occurred_at < ${YEAR_END.toISOString()}::timestamptz`,
  );
  await db.execute(
    sql`insert into acknowledgements (alert_id, government, user_id, user_name, at, with_report)
        select a.id, g.government, i.reported_by, 'Bench officer',
               case when g.government = i.reporting_country then a.raised_at
                    else a.raised_at + random() * interval '30 minutes' end,
               g.government = i.reporting_country
          from alerts a join incidents i on i.id = a.incident_id
         cross join (values ('US'::country), ('MX'::country)) as g(government)`,
  );
  await db.execute(
    sql`insert into incident_events (incident_id, kind, text, data, actor_name, at)
        select i.id, 'investigation', null,
               jsonb_build_object('status', s.status, 'leadAgency', case when random() < 0.5 then 'FBI' else 'FGR' end,
                                  'caseReference', 'B-' || left(i.id::text, 8)),
               'Bench officer', i.occurred_at + s.after
          from incidents i
         cross join (values ('open', interval '1 day'), ('under_review', interval '20 days')) as s(status, after)
         where i.demo and i.type in ('death', 'violence_against_migrants', 'assault_on_officers', 'incursion')
           and (s.status = 'open' or get_byte(uuid_send(i.id), 0) % 2 = 0)`,
  );
  // Through the ports of the arrangements, each movement carrying its port's mechanism.
  const pool = JSON.stringify(ports.map((p) => ({ port_id: p.id, mechanism_id: p.mechanismId })));
  await db.execute(
    sql`with pool as (
          select (row_number() over (order by r.port_id) - 1)::int as n, r.port_id, r.mechanism_id, ap.arrangement_id
            from jsonb_to_recordset(${pool}::jsonb) as r(port_id text, mechanism_id text)
            join arrangement_ports ap on ap.port_id = r.port_id)
        insert into movements (port_id, arrangement_id, mechanism_id, from_facility, at, persons, status, exercise,
                               notice_due_at, consular_notice_at, planned_by)
        select p.port_id, p.arrangement_id, p.mechanism_id, 'Bench facility', m.at,
               (select jsonb_agg(jsonb_build_object(
                         'nationality', case when random() < 0.95 then 'MX' else 'GT' end,
                         'category', (array['adult_male', 'adult_female', 'pregnant', 'ill', 'unaccompanied_minor',
                                            'accompanied_minor'])[1 + floor(random() * 6)::int]))
                  from generate_series(0, g % 4)),
               case when g % 20 = 0 then 'cancelled' else 'confirmed' end::movement_status,
               g % 50 = 0, m.at - interval '24 hours',
               m.at - case when g % 10 = 0 then interval '12 hours' else interval '30 hours' end, 'Bench'
          from generate_series(1, ${MOVEMENTS}) as g
         cross join lateral (select ${YEAR.from}::timestamptz + (g::double precision / ${MOVEMENTS}) * interval '365 days'
                                    as at) as m
          join pool p on p.n = g % (select count(*) from pool)`,
  );
  // What each database's own maintenance does after a bulk load: autovacuum on PostgreSQL, the
  // console's embedded maintenance on PGlite (server/core/embedded-maintenance.ts).
  if (database.kind === 'pglite') await vacuumWhereDue(db);
  else await db.execute(sql`vacuum analyze`);
}

/** The console in process on `database`: the summary through `inject`, as a browser would ask for it. */
async function summaryFigures(database: Database, label: string): Promise<BenchFigure[]> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: '1' });
  const app = await buildApp(config, { database });
  await app.ready();
  try {
    await seedYear(database, await app.geography.ports());
    const cookie = await supervisorCookie(app);
    const report = (scope: string) => async () => {
      const res = await app.inject({
        url: `/api/reports/summary?from=${YEAR.from}&to=${YEAR.to}${scope}`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    const count = await timed(ROUNDS, async () => {
      await database.db.execute(sql`select (select count(*) from incidents), (select count(*) from movements)`);
    });
    const border = await timed(ROUNDS, report(''));
    const mechanism = await timed(ROUNDS, report('&mechanism=san-diego-tijuana'));
    const sizes = (await database.db.execute(
      sql`select (select count(*) from incidents)::int as incidents, (select count(*) from movements)::int as movements,
                 (select count(*) from acknowledgements)::int as acknowledgements,
                 (select count(*) from incident_events where kind = 'investigation')::int as investigations`,
    )) as unknown as { rows: Array<Record<string, number>> };
    console.log(`  ${label}: ${JSON.stringify(sizes.rows[0])}`);
    return figuresBeside(
      label,
      { name: `count(*) of the ${INCIDENTS} incidents and ${MOVEMENTS} movements`, times: count },
      [
        ['summary, whole border, a year', border],
        ['summary, one mechanism, a year', mechanism],
      ],
    );
  } finally {
    await app.close();
  }
}

export async function benchReports(postgresUrl: string): Promise<BenchFigure[]> {
  // Writing the year's 200,000 acknowledgements in one statement takes longer than a request may.
  return onBothDatabases(postgresUrl, summaryFigures, { DB_STATEMENT_TIMEOUT_MS: '600000' });
}

export const reportBenchSizes = { INCIDENTS, MOVEMENTS };
