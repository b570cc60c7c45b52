import { quantile } from 'd3-array';
import { mechanismScopeOf, type SessionUser } from '@shared/auth.js';
import { responsibleMechanismFor } from '@shared/geo.js';
import { ref } from '@shared/i18n/index.js';
import { hazards } from '@shared/advisories/contract.js';
import { incidentTypes, severities } from '@shared/incidents/contract.js';
import { isInvestigationStale } from '@shared/incidents/rules.js';
import { centroidOf } from '@shared/polygon.js';
import { personCategories, violationCodes, vulnerableCategories } from '@shared/repatriation/contract.js';
import type { ReportCsvQuery, ReportQuery, ReportSummary, ReportTable } from '@shared/reports/contract.js';
import { dateIn, monthsOf, previousPeriod, startOfDay, WHOLE_BORDER_ZONE } from '@shared/reports/period.js';
import type { Clock } from '@server/core/clock.js';
import { readAll, type Db } from '@server/core/db.js';
import { invalidField, outOfScope } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { reportColumns, reportCsv } from './csv.js';
import * as repo from './repository.js';

export interface ReportDependencies {
  db: Db;
  geography: GeographyApi;
  clock: Clock;
}

const DAY_MS = 86_400_000;

/** A report's period and scope, resolved: what the reads filter by, and what the answer says about them. */
export interface ResolvedReport {
  filter: repo.ReportFilter;
  window: repo.ReportWindow;
  period: ReportSummary['period'];
  previous: ReportSummary['previous'];
  scope: ReportSummary['scope'];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const wholeDays = (fromMs: number, toMs: number) => Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));

/**
 * Bilateral review reports (Plan of Action: "review regularly the results and the progress of
 * local coordination efforts on border safety"; Oaxaca report: "consolidate and analyze the
 * data"): the figures of a period for the whole border, a mechanism, a high-risk area or a
 * port, and the records behind them as CSV. Exercises are left out everywhere.
 */
export class ReportService {
  constructor(private readonly deps: ReportDependencies) {}

  async summary(user: SessionUser, query: ReportQuery): Promise<ReportSummary> {
    const { db, clock } = this.deps;
    const report = await this.resolve(user, query);
    const now = clock.now();
    const { filter: f, window: w } = report;
    const [
      groups,
      previousTotal,
      response,
      investigations,
      repatriations,
      refusals,
      closures,
      advisories,
      mechanisms,
      rosters,
    ] = await repo.onSnapshot(db, (tx) =>
      readAll(
        tx,
        () => repo.incidentGroups(tx, f, w),
        () => repo.previousIncidentCount(tx, f, w),
        () => repo.responseFigures(tx, f, w),
        () => repo.investigationRows(tx, f, w),
        () => repo.repatriationGroups(tx, f, w),
        () => repo.refusalsByRule(tx, f, w),
        () => repo.closures(tx, f, w),
        () => repo.advisoriesByHazard(tx, f, w),
        () => repo.mechanismTotals(tx, f, w),
        () => repo.rosterAges(tx, f),
      ),
    );
    const incidents = incidentsSection(groups, previousTotal, report.period);
    return {
      period: report.period,
      previous: report.previous,
      scope: report.scope,
      generatedAt: now.toISOString(),
      demo: { incidents: of(groups, 'total')[0]?.demo ?? 0 },
      incidents,
      response: responseSection(response),
      investigations: investigationsSection(investigations, w),
      repatriations: repatriationsSection(repatriations, refusals),
      ports: {
        closures: closures.map((c) => ({
          portId: c.port_id,
          status: c.status,
          from: new Date(c.from_at).toISOString(),
          to: c.to_at ? new Date(c.to_at).toISOString() : null,
          reason: c.reason,
        })),
      },
      advisories: {
        published: advisories.reduce((sum, a) => sum + a.count, 0),
        byHazard: sumBy(
          advisories,
          (r) => r.hazard,
          (r) => r.count,
          hazards,
        ),
      },
      mechanisms: {
        meetings: mechanisms.meetings,
        commitments: { made: mechanisms.made, done: mechanisms.done, overdue: mechanisms.overdue },
        rosters: rosters.map((r) => ({
          mechanismId: r.mechanism_id,
          members: r.members,
          oldestVerifiedAt: r.oldest ? new Date(r.oldest).toISOString() : null,
          oldestVerificationDays: r.oldest ? wholeDays(new Date(r.oldest).getTime(), now.getTime()) : null,
        })),
      },
    };
  }

  /** The records behind one section, as CSV with headers in `query.lang`. */
  async csv(user: SessionUser, table: ReportTable, query: ReportCsvQuery): Promise<string> {
    const { db } = this.deps;
    const report = await this.resolve(user, query);
    const { filter: f, window: w } = report;
    const zone = report.period.timeZone;
    switch (table) {
      case 'incidents':
        return reportCsv(reportColumns.incidents, await repo.incidentRows(db, f, w), query.lang, zone);
      case 'response':
        return reportCsv(reportColumns.response, await repo.responseRows(db, f, w), query.lang, zone);
      case 'investigations':
        return reportCsv(
          reportColumns.investigations,
          investigationsOpenIn(await repo.investigationRows(db, f, w), w).map((row) => ({
            ...row,
            stale: isStale(row, w),
            days: row.status === 'closed' ? null : wholeDays(new Date(row.opened_at).getTime(), w.asOf.getTime()),
          })),
          query.lang,
          zone,
        );
      case 'repatriations':
        return reportCsv(reportColumns.repatriations, await repo.movementRows(db, f, w), query.lang, zone);
      case 'ports':
        return reportCsv(reportColumns.ports, await repo.closures(db, f, w), query.lang, zone);
    }
  }

  /**
   * The period on the scope's zone and what the reads filter by. A user who sees one mechanism
   * is narrowed to it; asking for another mechanism, or a port of another, is refused.
   */
  async resolve(user: SessionUser, query: ReportQuery): Promise<ResolvedReport> {
    const { db, geography, clock } = this.deps;
    const own = mechanismScopeOf(user);
    // Ports come with the mechanism responsible for each, worked out as they are read: only a narrowed report needs them.
    const narrowed = Boolean(query.mechanism || query.area || query.port || own);
    const [places, assignment, ports] = await Promise.all([
      geography.forPlaces(),
      geography.forAssignment(),
      narrowed ? geography.ports(db) : [],
    ]);
    const { mechanisms } = places;
    if (query.mechanism && !mechanisms.some((m) => m.id === query.mechanism))
      throw invalidField('querystring.mechanism', ref('reportError.unknownMechanism'));
    if (query.area && !places.areas.some((a) => a.id === query.area))
      throw invalidField('querystring.area', ref('reportError.unknownArea'));
    const port = query.port ? ports.find((p) => p.id === query.port) : undefined;
    if (query.port && !port) throw invalidField('querystring.port', ref('reportError.unknownPort'));
    if (own && ((query.mechanism && query.mechanism !== own) || (port && port.mechanismId !== own))) throw outOfScope();

    const incidentMechanism = query.mechanism ?? own ?? port?.mechanismId ?? null;
    // An area lies in the mechanism holding its centroid: its movements, ports and meetings are that mechanism's.
    const areaShape = query.area ? assignment.areas.find((a) => a.id === query.area) : undefined;
    const [lon, lat] = areaShape ? centroidOf(areaShape.geometry) : [0, 0];
    const areaMechanism = areaShape
      ? (responsibleMechanismFor({ lat, lon }, assignment.mechanisms)?.mechanismId ?? null)
      : null;
    const mechanism = incidentMechanism ?? areaMechanism;
    const zone = port?.mxTimeZone ?? mechanisms.find((m) => m.id === mechanism)?.timeZone ?? WHOLE_BORDER_ZONE;

    const previous = previousPeriod(query.from, query.to);
    const from = startOfDay(query.from, zone);
    const to = startOfDay(query.to, zone);
    const asOf = Math.min(to, clock.now().getTime());
    return {
      filter: {
        incidentMechanism,
        area: query.area ?? null,
        mechanism,
        port: port?.id ?? null,
        ports: port ? [port.id] : mechanism ? ports.filter((p) => p.mechanismId === mechanism).map((p) => p.id) : null,
      },
      window: {
        from: new Date(from),
        to: new Date(to),
        previousFrom: new Date(startOfDay(previous.from, zone)),
        asOf: new Date(asOf),
        zone,
        fromDate: query.from,
        toDate: query.to,
        asOfDate: dateIn(asOf, zone),
      },
      period: { from: query.from, to: query.to, timeZone: zone },
      previous,
      scope: { mechanism, area: query.area ?? null, port: port?.id ?? null },
    };
  }
}

/** Investigations open at some time in the period: opened in it, or still open when it began, or changed in it. */
function investigationsOpenIn(rows: repo.InvestigationRow[], w: repo.ReportWindow): repo.InvestigationRow[] {
  return rows.filter((r) => openedIn(r, w) || r.status_at_from !== 'closed' || r.changes_in_period > 0);
}

const openedIn = (r: repo.InvestigationRow, w: repo.ReportWindow) => new Date(r.opened_at) >= w.from;
/** A change in the period besides the line that opened it. */
const updatedIn = (r: repo.InvestigationRow, w: repo.ReportWindow) => r.changes_in_period > (openedIn(r, w) ? 1 : 0);
/** Open and not updated for 30 days at the period's end (the follow-up list's rule). */
const isStale = (r: repo.InvestigationRow, w: repo.ReportWindow) =>
  isInvestigationStale({ status: r.status, updatedAt: r.updated_at }, w.asOf);
/** Closed by the period's end, and not already when it began. */
const closedIn = (r: repo.InvestigationRow) => r.status === 'closed' && r.status_at_from !== 'closed';

/** Sums `weight` (1 a row by default) by key; with `keys`, only those (the contract's enum) are kept. */
function sumBy<R>(
  rows: readonly R[],
  key: (row: R) => string | null,
  weight: (row: R) => number = () => 1,
  keys?: readonly string[],
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) {
    const k = key(row);
    if (k !== null && (!keys || keys.includes(k))) sums[k] = (sums[k] ?? 0) + weight(row);
  }
  return sums;
}

const of = <R extends { dimension: string }>(rows: readonly R[], dimension: R['dimension']) =>
  rows.filter((row) => row.dimension === dimension);

function incidentsSection(
  groups: repo.IncidentGroup[],
  previousTotal: number,
  period: ReportSummary['period'],
): ReportSummary['incidents'] {
  const total = of(groups, 'total')[0];
  const months = new Map(of(groups, 'month').map((row) => [row.key, row]));
  // Each combination of areas counts for every area in it.
  const byArea: Record<string, number> = {};
  const deceasedByArea: Record<string, number> = {};
  for (const row of of(groups, 'areas'))
    for (const area of row.areas ?? []) {
      byArea[area] = (byArea[area] ?? 0) + row.count;
      if (row.deceased) deceasedByArea[area] = (deceasedByArea[area] ?? 0) + row.deceased;
    }
  const count = (r: repo.IncidentGroup) => r.count;
  return {
    total: total?.count ?? 0,
    previousTotal,
    byType: sumBy(of(groups, 'type'), (r) => r.key, count, incidentTypes),
    bySeverity: sumBy(of(groups, 'severity'), (r) => r.key, count, severities),
    byMechanism: sumBy(of(groups, 'mechanism'), (r) => r.key, count),
    byArea,
    byMonth: monthsOf(period.from, period.to).map((month) => ({
      month,
      count: months.get(month)?.count ?? 0,
      deceased: months.get(month)?.deceased ?? 0,
    })),
    deceasedByArea,
    people: { rescued: total?.rescued ?? 0, injured: total?.injured ?? 0, deceased: total?.deceased ?? 0 },
  };
}

function responseSection(figures: repo.ResponseFigures): ReportSummary['response'] {
  const government = ({ acknowledged, by_deadline, ms }: repo.GovernmentFigures) => {
    // Interpolated between ranks (R-7, as PostgreSQL's percentile_cont), then to the second.
    const seconds = (p: number) => (ms?.length ? Math.round(quantile(ms, p)! / 1000) : null);
    return { acknowledged, medianSeconds: seconds(0.5), p90Seconds: seconds(0.9), byDeadline: by_deadline };
  };
  const { alerts, escalations, US, MX } = figures;
  return {
    alerts,
    US: government(US),
    MX: government(MX),
    acknowledgedWithReport: { US: US.with_report, MX: MX.with_report },
    escalations,
    escalationShare: alerts ? escalations / alerts : 0,
  };
}

function investigationsSection(rows: repo.InvestigationRow[], w: repo.ReportWindow): ReportSummary['investigations'] {
  const asOf = w.asOf.getTime();
  const active = investigationsOpenIn(rows, w);
  return {
    opened: rows.filter((r) => openedIn(r, w)).length,
    updated: rows.filter((r) => updatedIn(r, w)).length,
    closed: rows.filter(closedIn).length,
    stale: rows.filter((r) => isStale(r, w)).length,
    byLeadAgency: sumBy(active, (r) => r.lead_agency),
    byStatus: sumBy(active, (r) => r.status),
    open: rows
      .filter((r) => r.status !== 'closed')
      .map((r) => ({
        incidentId: r.incident_id,
        openedAt: new Date(r.opened_at).toISOString(),
        days: wholeDays(new Date(r.opened_at).getTime(), asOf),
      }))
      // Longest open first; ISO instants and ids compare by code unit (no need for localeCompare's collation).
      .sort((a, b) => b.days - a.days || byCodeUnit(a.openedAt, b.openedAt) || byCodeUnit(a.incidentId, b.incidentId)),
  };
}

function repatriationsSection(
  { movements, persons }: Awaited<ReturnType<typeof repo.repatriationGroups>>,
  refusals: { code: string; count: number }[],
): ReportSummary['repatriations'] {
  const total = of(movements, 'total')[0];
  const byHour = new Array<number>(24).fill(0);
  for (const row of of(movements, 'hour')) byHour[Number(row.key)] = row.persons;
  const vulnerable = persons.filter((p) => vulnerableCategories.some((c) => c === p.category));
  const sum = (rows: readonly repo.PersonCount[]) => rows.reduce((n, p) => n + p.persons, 0);
  return {
    movements: total?.movements ?? 0,
    persons: total?.persons ?? 0,
    byPort: sumBy(
      of(movements, 'port'),
      (r) => r.key,
      (r) => r.persons,
    ),
    byHour,
    byCategory: sumBy(
      persons,
      (p) => p.category,
      (p) => p.persons,
      personCategories,
    ),
    byNationality: sumBy(
      persons,
      (p) => p.nationality,
      (p) => p.persons,
    ),
    vulnerable: sum(vulnerable),
    vulnerableInDaylight: sum(vulnerable.filter((p) => p.in_daylight)),
    refusedChecksByRule: sumBy(
      refusals,
      (r) => r.code,
      (r) => r.count,
      violationCodes,
    ),
    notices: { onTime: total?.notices_on_time ?? 0, late: total?.notices_late ?? 0 },
    receptionsConfirmed: total?.receptions_confirmed ?? 0,
  };
}
