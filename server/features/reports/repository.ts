import { sql, type SQL } from 'drizzle-orm';
import type { Country } from '@shared/auth.js';
import type { IncidentStatus, IncidentType, Investigation, Severity } from '@shared/incidents/contract.js';
import type { PortStatusReason } from '@shared/reference/contract.js';
import type { MovementStatus, Person } from '@shared/repatriation/contract.js';
import { monthsOf, startOfDay } from '@shared/reports/period.js';
import { readWithRoom, rowsOf, type Db, type Executor, type Tx } from '@server/core/db.js';

/*
 * The reports' reads: aggregations over the records other features keep (incidents, alerts and
 * acknowledgements, investigations on the incident timeline, movements, port status changes,
 * advisories, meetings, commitments, rosters). A report owns none of these tables and writes
 * none: it reads them by SQL, as a read model, rather than importing another feature's tables
 * (the features' boundaries hold for code, and the database is where the counting is cheap).
 * Exercise (drill) records are left out of every read.
 */

/** The instants a report reads between, already placed on the scope's zone. */
export interface ReportWindow {
  from: Date;
  to: Date;
  /** The start of the previous period of the same length (it ends at `from`). */
  previousFrom: Date;
  /** The end of the period, or now when that is earlier: what "still open", "stale" and "days" are measured at. */
  asOf: Date;
  /** The zone months, hours and meeting times are read in. */
  zone: string;
  /** The period's dates and the date of `asOf`, in the zone (commitments are due on dates). */
  fromDate: string;
  toDate: string;
  asOfDate: string;
}

/** What a report is narrowed to. */
export interface ReportFilter {
  /** Incidents, alerts, investigations and advisories: the mechanism asked for (or the user's, or the port's). */
  incidentMechanism: string | null;
  area: string | null;
  /** Movements, ports, meetings, commitments and rosters: that mechanism, or the area's. */
  mechanism: string | null;
  port: string | null;
  /** The ports whose closures count: the one asked for, or the mechanism's; null for every port. */
  ports: readonly string[] | null;
}

/**
 * Runs a report's reads on one snapshot (repeatable read), so its sections agree with each other
 * whatever is written meanwhile, with room to hash a year's rows (`readWithRoom`; without JIT:
 * `jsonb_array_elements` is costed at 100 rows a call, so the persons' query looks big enough to
 * compile, and compiling took seconds where running takes a fraction of one).
 */
export const onSnapshot = <T>(db: Db, read: (tx: Tx) => Promise<T>): Promise<T> =>
  readWithRoom(db, read, 'repeatable read');

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const list = (values: readonly string[]) =>
  values.length
    ? sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )
    : sql`null`;

/** Incidents (alias `i`) of the report's scope, drills left out. */
function incidentScope(f: ReportFilter): SQL {
  const parts = [sql`i.exercise = false`];
  if (f.incidentMechanism) parts.push(sql`i.mechanism_id = ${f.incidentMechanism}`);
  if (f.area) parts.push(sql`i.area_ids @> ${JSON.stringify([f.area])}::jsonb`);
  return sql.join(parts, sql` and `);
}

/**
 * What hangs on an incident (an alert, a timeline line) whose incident `id` is of the scope.
 * For the whole border only the drills are left out: looked up among the few drills (a
 * partial index) rather than joining every incident.
 */
function ofScopedIncident(id: SQL, f: ReportFilter): SQL {
  return f.incidentMechanism || f.area
    ? sql`exists (select 1 from incidents i where i.id = ${id} and ${incidentScope(f)})`
    : sql`not exists (select 1 from incidents i where i.id = ${id} and i.exercise)`;
}

/** Movements (alias `m`) of the report's scope, drills and cancellations left out. */
function movementScope(f: ReportFilter, w: ReportWindow): SQL {
  const parts = [
    sql`m.exercise = false`,
    sql`m.status <> 'cancelled'`,
    sql`m.at >= ${at(w.from)}`,
    sql`m.at < ${at(w.to)}`,
  ];
  if (f.port) parts.push(sql`m.port_id = ${f.port}`);
  else if (f.mechanism) parts.push(sql`m.mechanism_id = ${f.mechanism}`);
  return sql.join(parts, sql` and `);
}

// ---- incidents ------------------------------------------------------------------------------

export interface IncidentGroup {
  dimension: 'type' | 'severity' | 'mechanism' | 'month' | 'areas' | 'total';
  key: string | null;
  /** For `areas`: the incidents' high-risk areas, one group per combination. */
  areas: string[] | null;
  count: number;
  rescued: number;
  injured: number;
  deceased: number;
  demo: number;
}

/**
 * Incidents that occurred in the period, counted by type, severity, mechanism, month and
 * combination of high-risk areas (few: the caller shares them out by area), and in all: one scan.
 */
export async function incidentGroups(db: Executor, f: ReportFilter, w: ReportWindow): Promise<IncidentGroup[]> {
  // Each incident's month by where it falls among the months' first instants on the zone: a
  // search among a few instants instead of reading every incident's wall clock.
  const months = monthsOf(w.fromDate, w.toDate);
  const starts = months.map((m) => at(new Date(startOfDay(`${m}-01`, w.zone))));
  return rowsOf<IncidentGroup>(
    db,
    sql`select case when grouping(type) = 0 then 'type' when grouping(severity) = 0 then 'severity'
                    when grouping(mechanism) = 0 then 'mechanism' when grouping(month) = 0 then 'month'
                    when grouping(area_ids) = 0 then 'areas' else 'total' end as dimension,
               coalesce(type::text, severity::text, mechanism, (array[${list(months)}])[month]) as key, area_ids as areas,
               coalesce(sum(count), 0)::int as count, coalesce(sum(rescued), 0)::int as rescued,
               coalesce(sum(injured), 0)::int as injured, coalesce(sum(deceased), 0)::int as deceased,
               coalesce(sum(demo), 0)::int as demo
          -- Every combination first (a few thousand at most), then the sets over those; the months
          -- named once per group, not per incident.
          from (select i.type, i.severity, coalesce(i.mechanism_id, 'none') as mechanism,
                       width_bucket(i.occurred_at, array[${sql.join(starts, sql`, `)}]) as month, i.area_ids,
                       count(*) as count, sum(i.rescued) as rescued, sum(i.injured) as injured,
                       sum(i.deceased) as deceased, count(*) filter (where i.demo) as demo
                  from incidents i
                 where ${incidentScope(f)} and i.occurred_at >= ${at(w.from)} and i.occurred_at < ${at(w.to)}
                 group by 1, 2, 3, 4, 5) s
         group by grouping sets ((type), (severity), (mechanism), (month), (area_ids), ())`,
  );
}

export async function previousIncidentCount(db: Executor, f: ReportFilter, w: ReportWindow): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(
    db,
    sql`select count(*)::int as count from incidents i
         where ${incidentScope(f)} and i.occurred_at >= ${at(w.previousFrom)} and i.occurred_at < ${at(w.from)}`,
  );
  return row?.count ?? 0;
}

export interface IncidentRow {
  id: string;
  occurred_at: Date;
  type: IncidentType;
  severity: Severity;
  status: IncidentStatus;
  mechanism_id: string | null;
  area_ids: string[];
  rescued: number;
  injured: number;
  deceased: number;
  reporting_country: Country;
  demo: boolean;
}

export async function incidentRows(db: Executor, f: ReportFilter, w: ReportWindow): Promise<IncidentRow[]> {
  return rowsOf(
    db,
    sql`select i.id, i.occurred_at, i.type, i.severity, i.status, i.mechanism_id, i.area_ids, i.rescued, i.injured,
               i.deceased, i.reporting_country, i.demo
          from incidents i
         where ${incidentScope(f)} and i.occurred_at >= ${at(w.from)} and i.occurred_at < ${at(w.to)}
         order by i.occurred_at, i.id`,
  );
}

// ---- response -------------------------------------------------------------------------------

/** The early alerts (local tier) raised in the period on incidents of the scope. */
const localAlerts = (f: ReportFilter, w: ReportWindow) =>
  sql`select al.id, al.incident_id, al.raised_at, al.ack_deadline, al.escalated_at
        from alerts al
       where al.tier = 'local' and al.raised_at >= ${at(w.from)} and al.raised_at < ${at(w.to)}
         and ${ofScopedIncident(sql`al.incident_id`, f)}`;

/** One government's acknowledgements of the period's alerts. */
export interface GovernmentFigures {
  acknowledged: number;
  with_report: number;
  by_deadline: number;
  /** How long each acknowledgement (not made with the report) took, in whole milliseconds, unordered; null when none. */
  ms: number[] | null;
}

export interface ResponseFigures {
  alerts: number;
  escalations: number;
  US: GovernmentFigures;
  MX: GovernmentFigures;
}

/**
 * The period's alerts and escalations, and each government's acknowledgements of them: how
 * many, how long each took, how many by the deadline. The reporting government's
 * acknowledgement made with the report is counted apart, never as a zero-second answer. The
 * times come back as whole milliseconds for the caller to rank: sorting a year's `float8`
 * seconds inside PGlite (32-bit WebAssembly, where each is a pointer) took most of this read.
 * `date_part` (float8), not `extract` (numeric, whose arithmetic cost a tenth of the read).
 */
export async function responseFigures(db: Executor, f: ReportFilter, w: ReportWindow): Promise<ResponseFigures> {
  // One row per alert with each government's acknowledgement beside it (at most one each): one pass counts all.
  const government = (country: 'US' | 'MX') => {
    const k = sql.identifier(country);
    const answered = sql`${k}.at is not null and not ${k}.with_report`;
    return sql`json_build_object(
      'acknowledged', count(*) filter (where ${answered}),
      'with_report', count(*) filter (where ${k}.with_report),
      'by_deadline', count(*) filter (where ${answered} and ${k}.at <= al.ack_deadline),
      'ms', array_agg(round(date_part('epoch', ${k}.at - al.raised_at) * 1000)::int8) filter (where ${answered}))
      as ${k}`;
  };
  const acknowledgement = (country: 'US' | 'MX') =>
    sql`left join acknowledgements ${sql.identifier(country)}
          on ${sql.identifier(country)}.alert_id = al.id and ${sql.identifier(country)}.government = ${country}`;
  const [row] = await rowsOf<ResponseFigures>(
    db,
    sql`select count(*)::int as alerts, count(*) filter (where al.escalated_at is not null)::int as escalations,
               ${government('US')}, ${government('MX')}
          from (${localAlerts(f, w)}) al ${acknowledgement('US')} ${acknowledgement('MX')}`,
  );
  return row!;
}

export interface ResponseRow {
  incident_id: string;
  raised_at: Date;
  ack_deadline: Date;
  escalated_at: Date | null;
  government: 'US' | 'MX';
  acknowledged_at: Date | null;
  with_report: boolean | null;
}

/** One line per alert and government, acknowledged or not. */
export async function responseRows(db: Executor, f: ReportFilter, w: ReportWindow): Promise<ResponseRow[]> {
  return rowsOf(
    db,
    sql`select al.incident_id, al.raised_at, al.ack_deadline, al.escalated_at, g.government,
               k.at as acknowledged_at, k.with_report
          from (${localAlerts(f, w)}) al
         cross join (values ('US'), ('MX')) as g(government)
          left join acknowledgements k on k.alert_id = al.id and k.government::text = g.government
         order by al.raised_at, al.id, g.government desc`,
  );
}

// ---- investigations -------------------------------------------------------------------------

export interface InvestigationRow {
  incident_id: string;
  opened_at: Date;
  updated_at: Date;
  /** As of the period's end. */
  status: Investigation['status'];
  lead_agency: string;
  case_reference: string;
  /** Before the period began; null when it was opened in the period. */
  status_at_from: Investigation['status'] | null;
  /** Lines recorded in the period, the opening one included. */
  changes_in_period: number;
}

/**
 * Every investigation of the scope recorded before the period's end, as it stood then: each
 * record and change is an `investigation` line on the incident's timeline (Mérida MOU follow-up).
 * A year's tens of thousands come back as one JSON array: PGlite hands rows to JavaScript one
 * field at a time, which took four times as long as the query itself.
 */
export async function investigationRows(db: Executor, f: ReportFilter, w: ReportWindow): Promise<InvestigationRow[]> {
  const [row] = await rowsOf<{ investigations: Array<InvestigationRow & { opened_at: string; updated_at: string }> }>(
    db,
    sql`select coalesce(json_agg(s order by opened_at, incident_id), '[]') as investigations
          from (select incident_id, opened_at, updated_at, latest->>'status' as status,
                       latest->>'leadAgency' as lead_agency, latest->>'caseReference' as case_reference,
                       status_at_from, changes_in_period
                  from (select e.incident_id, min(e.at) as opened_at, max(e.at) as updated_at,
                               (array_agg(e.data order by e.at desc, e.id desc))[1] as latest,
                               (array_agg(e.data->>'status' order by e.at desc, e.id desc)
                                  filter (where e.at < ${at(w.from)}))[1] as status_at_from,
                               count(*) filter (where e.at >= ${at(w.from)})::int as changes_in_period
                          from incident_events e
                         where e.kind = 'investigation' and e.at < ${at(w.to)}
                           and ${ofScopedIncident(sql`e.incident_id`, f)}
                         group by e.incident_id) g) s`,
  );
  // Read once here: the sections compare each row's instants several times.
  return (row?.investigations ?? []).map((r) => ({
    ...r,
    opened_at: new Date(r.opened_at),
    updated_at: new Date(r.updated_at),
  }));
}

// ---- repatriations --------------------------------------------------------------------------

/**
 * A notice on time was recorded by its due instant; a late one after it, or not at all once it
 * fell due (the period's end or now, whichever came first).
 */
const noticeOnTime = sql`m.consular_notice_at is not null and m.consular_notice_at <= m.notice_due_at`;
const noticeLate = (asOf: Date) =>
  sql`(m.consular_notice_at > m.notice_due_at or (m.consular_notice_at is null and m.notice_due_at < ${at(asOf)}))`;

/** The zone a movement's port keeps its repatriation hours in: its arrangement's, else its Mexican side's. */
const portZone = sql`coalesce(ar.time_zone, p.mx_time_zone)`;

export interface MovementGroup {
  dimension: 'port' | 'hour' | 'total';
  key: string | null;
  movements: number;
  persons: number;
  notices_on_time: number;
  notices_late: number;
  receptions_confirmed: number;
}

/** Persons of one category and nationality, in or out of their arrangement's daylight window. */
export interface PersonCount {
  category: string;
  nationality: string;
  in_daylight: boolean;
  persons: number;
}

/**
 * The period's movements by port and by hour of day on the port's clock, with their notices and
 * receptions; and their persons by category, nationality and whether they crossed in their
 * arrangement's daylight window. Each movement's clock is read once; its persons are counted in
 * a second, small grouping (grouping the persons by port and hour too sorted every one of them).
 */
export async function repatriationGroups(
  db: Executor,
  f: ReportFilter,
  w: ReportWindow,
): Promise<{ movements: MovementGroup[]; persons: PersonCount[] }> {
  const [row] = await rowsOf<{ movements: MovementGroup[] | null; persons: PersonCount[] | null }>(
    db,
    sql`with m as materialized (
          select m.port_id, extract(hour from l.local)::int as hour, m.persons,
                 jsonb_array_length(m.persons) as persons_count,
                 coalesce(l.local::time >= (ar.vulnerable_window->>'start')::time
                          and l.local::time < (ar.vulnerable_window->>'end')::time, false) as in_daylight,
                 ${noticeOnTime} as notice_on_time, ${noticeLate(w.asOf)} as notice_late, m.status
            from movements m join ports p on p.id = m.port_id left join arrangements ar on ar.id = m.arrangement_id
           cross join lateral (select m.at at time zone ${portZone} as local) as l
           where ${movementScope(f, w)})
        select
          (select json_agg(g) from (
             select case when grouping(port_id) = 0 then 'port' when grouping(hour) = 0 then 'hour'
                         else 'total' end as dimension,
                    coalesce(port_id, hour::text) as key, count(*)::int as movements,
                    coalesce(sum(persons_count), 0)::int as persons,
                    count(*) filter (where notice_on_time)::int as notices_on_time,
                    count(*) filter (where notice_late)::int as notices_late,
                    count(*) filter (where status = 'confirmed')::int as receptions_confirmed
               from m group by grouping sets ((port_id), (hour), ())) g) as movements,
          (select json_agg(c) from (
             select x.category, x.nationality, m.in_daylight, count(*)::int as persons
               from m cross join lateral jsonb_to_recordset(m.persons) as x(category text, nationality text)
              group by 1, 2, 3) c) as persons`,
  );
  return { movements: row?.movements ?? [], persons: row?.persons ?? [] };
}

/**
 * How often each rule stopped a movement in the period: the rules of each plan or reschedule the
 * engine refused, and those a consular notice recorded late broke (the movement must then be
 * rescheduled before it may go ahead). Drills left out.
 */
export async function refusalsByRule(
  db: Executor,
  f: ReportFilter,
  w: ReportWindow,
): Promise<{ code: string; count: number }[]> {
  const scope = (alias: string) => {
    const parts = [sql`${sql.identifier(alias)}.exercise = false`];
    if (f.port) parts.push(sql`${sql.identifier(alias)}.port_id = ${f.port}`);
    else if (f.mechanism) parts.push(sql`${sql.identifier(alias)}.mechanism_id = ${f.mechanism}`);
    return sql.join(parts, sql` and `);
  };
  return rowsOf(
    db,
    sql`select code, count(*)::int as count from (
          select v->>'code' as code
            from movement_events e join movements m on m.id = e.movement_id
           cross join lateral jsonb_array_elements(e.data->'violations') as v
           where e.kind = 'notice' and jsonb_typeof(e.data->'violations') = 'array'
             and e.at >= ${at(w.from)} and e.at < ${at(w.to)} and ${scope('m')}
          union all
          select unnest(r.codes) as code
            from movement_refusals r
           where r.at >= ${at(w.from)} and r.at < ${at(w.to)} and ${scope('r')}) c
         group by 1 order by 1`,
  );
}

export interface MovementRow {
  id: string;
  port_id: string;
  at: Date;
  zone: string;
  persons: Person[];
  status: MovementStatus;
  notice: 'on_time' | 'late' | 'pending';
  received_count: number | null;
}

export async function movementRows(db: Executor, f: ReportFilter, w: ReportWindow): Promise<MovementRow[]> {
  return rowsOf(
    db,
    sql`select m.id, m.port_id, m.at, ${portZone} as zone, m.persons, m.status,
               case when ${noticeOnTime} then 'on_time' when ${noticeLate(w.asOf)} then 'late' else 'pending' end as notice,
               m.received_count
          from movements m join ports p on p.id = m.port_id left join arrangements ar on ar.id = m.arrangement_id
         where ${movementScope(f, w)}
         order by m.at, m.id`,
  );
}

// ---- ports and advisories -------------------------------------------------------------------

export interface ClosureRow {
  port_id: string;
  status: 'restricted' | 'closed';
  reason: PortStatusReason | null;
  from_at: Date;
  to_at: Date | null;
}

/** Restrictions and closures that held at some time in the period: each lasts until the port's next change. */
export async function closures(db: Executor, f: ReportFilter, w: ReportWindow): Promise<ClosureRow[]> {
  if (f.ports && f.ports.length === 0) return [];
  const ports = f.ports ? sql`where c.port_id in (${list(f.ports)})` : sql``;
  return rowsOf(
    db,
    sql`select port_id, status, reason, from_at, to_at
          from (select c.port_id, c.status::text as status, c.reason::text as reason, c.at as from_at,
                       lead(c.at) over (partition by c.port_id order by c.at, c.id) as to_at
                  from port_status_changes c ${ports}) s
         where status <> 'open' and from_at < ${at(w.to)} and (to_at is null or to_at > ${at(w.from)})
         order by from_at, port_id`,
  );
}

/** Advisories published in the period, by hazard (drills left out). */
export async function advisoriesByHazard(
  db: Executor,
  f: ReportFilter,
  w: ReportWindow,
): Promise<{ hazard: string; count: number }[]> {
  const scope = [sql`a.exercise = false`, sql`a.published_at >= ${at(w.from)}`, sql`a.published_at < ${at(w.to)}`];
  if (f.incidentMechanism) scope.push(sql`a.mechanism_ids @> ${JSON.stringify([f.incidentMechanism])}::jsonb`);
  if (f.area) scope.push(sql`a.area_ids @> ${JSON.stringify([f.area])}::jsonb`);
  return rowsOf(
    db,
    sql`select a.hazard::text as hazard, count(*)::int as count from advisories a
         where ${sql.join(scope, sql` and `)} group by a.hazard order by a.hazard`,
  );
}

// ---- mechanisms -----------------------------------------------------------------------------

export interface MechanismTotals {
  meetings: number;
  made: number;
  done: number;
  overdue: number;
}

/**
 * Meetings that started in the period (by then: a meeting still ahead is not held yet), the
 * commitments made in it and how many of them are done, and those due in it and past due undone.
 */
export async function mechanismTotals(db: Executor, f: ReportFilter, w: ReportWindow): Promise<MechanismTotals> {
  const of = (alias: string) => (f.mechanism ? sql`${sql.identifier(alias)}.mechanism_id = ${f.mechanism}` : sql`true`);
  const starts = sql`(mt.starts_at::timestamp at time zone mt.time_zone)`;
  const dueBy = w.toDate < w.asOfDate ? w.toDate : w.asOfDate;
  const [row] = await rowsOf<MechanismTotals>(
    db,
    sql`select (select count(*)::int from meetings mt
                 where ${of('mt')} and ${starts} >= ${at(w.from)} and ${starts} < ${at(w.to)}
                   and ${starts} < ${at(w.asOf)}) as meetings,
               count(*) filter (where c.created_at >= ${at(w.from)} and c.created_at < ${at(w.to)})::int as made,
               count(*) filter (where c.created_at >= ${at(w.from)} and c.created_at < ${at(w.to)} and c.done)::int
                 as done,
               count(*) filter (where not c.done and c.due_date >= ${w.fromDate}::date
                                  and c.due_date < ${dueBy}::date)::int as overdue
          from commitments c where ${of('c')}`,
  );
  return row ?? { meetings: 0, made: 0, done: 0, overdue: 0 };
}

/** Each mechanism's roster: how many members, and the oldest verification among them. */
export async function rosterAges(
  db: Executor,
  f: ReportFilter,
): Promise<{ mechanism_id: string; members: number; oldest: Date | null }[]> {
  return rowsOf(
    db,
    sql`select me.id as mechanism_id, count(mm.id)::int as members, min(mm.verified_at) as oldest
          from mechanisms me left join mechanism_members mm on mm.mechanism_id = me.id
         where ${f.mechanism ? sql`me.id = ${f.mechanism}` : sql`true`}
         group by me.id, me.kind order by me.kind, me.id`,
  );
}
