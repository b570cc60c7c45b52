import { randomUUID } from 'node:crypto';
import { mechanismScopeOf, type SessionUser } from '@shared/auth.js';
import { assignFromGeometry } from '@shared/geo.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import {
  consoleActor,
  TIMELINE_PAGE,
  type AcknowledgeResponse,
  type Alert,
  type AwaitingList,
  type CreateIncidentBody,
  type EscalationList,
  type Incident,
  type IncidentDetail,
  type IncidentPage,
  type IncidentQuery,
  type InvestigationBody,
  type InvestigationList,
  type TimelinePage,
  type TimelineQuery,
  type UpdateIncidentBody,
} from '@shared/incidents/contract.js';
import { areaStatistics, boundingBox } from '@shared/incidents/area-stats.js';
import { incidentAudience } from '@shared/incidents/events.js';
import {
  MAP_INCIDENT_LIMIT,
  resolveMapFilter,
  timeWindow,
  type AreaStats,
  type AreaStatsQuery,
  type MapFilterQuery,
  type TileFilterQuery,
} from '@shared/incidents/map-filter.js';
import {
  borderDistanceReason,
  borderDistanceRefusal,
  followUpFlag,
  followUpRank,
  handOffRefusal,
  isFinished,
  isReadOnly,
  occurredAtReason,
  occurredAtRefusal,
  requiresInvestigation,
} from '@shared/incidents/rules.js';
import { can, type Permission } from '@shared/permissions.js';
import { describePlace, placeTimeZone, type PlaceGeography } from '@shared/reference/place.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import { type Executor, type Tx, readAll } from '@server/core/db.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { AppError, forbidden, invalidField, notFound, outOfScope } from '@server/core/errors.js';
import type { AlertedIncident, AlertsApi } from '@server/features/alerts/index.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { mapFeatureCollection } from './geojson.js';
import type { TileCache } from './tile-cache.js';
import { incidentTile } from './tiles.js';
import type { MapIndexFeed } from './map-index-feed.js';
import { feedFilter } from './feed-filter.js';
import * as repo from './repository.js';
import { appendTimeline, timelineRow, type TimelineRecord } from './timeline.js';

/** How many escalated incidents the central desks' list shows. */
const ESCALATION_LIST_LIMIT = 200;

/** Everything the incident lifecycle needs, handed in by the plugin (server/features/incidents/index.ts). */
export interface IncidentDependencies {
  db: Executor;
  changes: Changes;
  alerts: AlertsApi;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
  /** The operations map's built tiles, dropped by incident events (index.ts). */
  tiles: TileCache;
  /** The incidents the tiles are built from, kept up to date by incident events (index.ts). */
  map: MapIndexFeed;
  /** MAX_REPORT_DISTANCE_KM: how far from the US–Mexico line a report is taken (shared/incidents/rules.ts). */
  maxReportDistanceKm: number;
  /** The demo player's app (server/demo-incidents.ts): every report is fictional demo data. */
  demoPlayer: boolean;
}

const acknowledgementsOf = (alerts: Alert[]) =>
  alerts.flatMap((a) => a.acknowledgements).sort((a, b) => a.at.localeCompare(b.at));

/** The incident with its place in words (shared/reference/place.ts). */
const withPlace = (incident: Incident, places: PlaceGeography): Incident => ({
  ...incident,
  place: describePlace(incident, places),
});

/** What the alerts feature needs of an incident. */
const alerted = (row: repo.IncidentRow): AlertedIncident => ({
  id: row.id,
  severity: row.severity,
  audience: incidentAudience(row),
});

/** Incident lifecycle (Plan of Action V, Rapid Response): every change is audited and announced. */
export class IncidentService {
  constructor(private readonly deps: IncidentDependencies) {}

  /**
   * Plan of Action V: whoever sees an emergency reports it, wherever it is. The report goes
   * to the mechanism responsible for the place (any signed-in officer may report anywhere),
   * alerts both governments, and counts as the reporting government's acknowledgement.
   */
  async create(user: SessionUser, body: CreateIncidentBody): Promise<Incident> {
    const { changes, alerts, geography, dueWork, clock } = this.deps;
    const refusal = occurredAtRefusal(body.occurredAt, clock.now());
    if (refusal) throw invalidField('occurredAt', occurredAtReason(refusal));
    const offTheMap = borderDistanceRefusal(body.location, this.deps.maxReportDistanceKm);
    if (offTheMap) throw invalidField('location', borderDistanceReason(offTheMap));
    const [{ areas, mechanisms }, places] = await Promise.all([geography.forAssignment(), geography.forPlaces()]);
    const { mechanismId, areaIds } = assignFromGeometry(body.location, areas, mechanisms);
    // Nothing to read back: the incident, its alert and its escalation are one statement.
    return changes.write(actorOf(user), (record) => {
      const now = clock.now();
      const row: repo.IncidentRow = {
        id: randomUUID(),
        type: body.type,
        severity: body.severity,
        status: 'reported',
        summary: body.summary,
        location: { x: body.location.lon, y: body.location.lat },
        occurredAt: new Date(body.occurredAt),
        rescued: body.people?.rescued ?? 0,
        injured: body.people?.injured ?? 0,
        deceased: body.people?.deceased ?? 0,
        mechanismId,
        areaIds,
        reportedBy: user.id,
        reportingAgency: user.agency,
        reportingCountry: user.country,
        version: 1,
        createdAt: now,
        updatedAt: now,
        demo: this.deps.demoPlayer,
        exercise: body.exercise ?? false,
      };
      const reported: TimelineRecord = {
        kind: 'reported',
        text: body.summary,
        data: { type: body.type, severity: body.severity, ...(body.exercise ? { exercise: true } : {}) },
      };
      repo.recordIncidentReported(record, row, timelineRow(row.id, reported, { by: user.displayName, at: now }));
      const incident = withPlace(repo.toIncident(row), places);
      record.audit({ action: 'incident.create', entity: 'incident', entityId: row.id, after: repo.toIncident(row) });
      record.event('incident.created', { incidentId: row.id, incident }, incidentAudience(row));
      const alert = alerts.raise(record, alerted(row), user);
      dueWork.schedule(record, {
        kind: 'incident.escalation',
        subjectId: row.id,
        dueAt: alert.ackDeadline,
        payload: { alertId: alert.id },
      });
      return incident;
    });
  }

  /**
   * The incident if the user may do `permission` on it: 404 when unknown, 403 outside their
   * mechanism. `forUpdate` locks it for the rest of the transaction.
   */
  async authorised(
    db: Executor,
    user: SessionUser,
    id: string,
    permission: Permission,
    forUpdate = false,
  ): Promise<repo.IncidentRow> {
    const row = await repo.findIncident(db, id, forUpdate);
    if (!row) throw notFound();
    if (!can(user, permission, row)) throw can(user, permission) ? outOfScope() : forbidden();
    return row;
  }

  /** Applies the changes; answers the incident as it stands afterwards. */
  async update(user: SessionUser, id: string, body: UpdateIncidentBody): Promise<IncidentDetail> {
    const { changes, alerts, geography, clock } = this.deps;
    const places = await geography.forPlaces();
    const after = await changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'incident.edit', true);
      if (isReadOnly(before.status)) throw new AppError(409, 'incident_closed', bilingual('incidentError.closed'));
      if (before.version !== body.version) {
        throw new AppError(409, 'version_conflict', bilingual('incidentError.versionConflict'), {
          extra: { current: await this.detailOf(tx, before) },
        });
      }
      const now = clock.now();
      const changed: Partial<repo.IncidentRow> = {};
      const timeline: TimelineRecord[] = [];

      if (body.status && body.status !== before.status) {
        const refusal = handOffRefusal(before, body.status, Boolean(await repo.findInvestigation(tx, id)));
        if (refusal === 'transition') {
          const reason = ref('incidentError.transition', {
            from: ref(`status.${before.status}`),
            to: ref(`status.${body.status}`),
          });
          throw invalidField('status', reason);
        }
        if (refusal === 'investigationRequired')
          throw invalidField('status', ref('incidentError.investigationRequired'));
        changed.status = body.status;
        timeline.push({ kind: 'status', data: { from: before.status, to: body.status } });
        // Resolved or closed: nothing is left to acknowledge, and nothing may escalate.
        if (isFinished(body.status)) await alerts.settle(tx, record, alerted(before));
      }
      if (body.severity && body.severity !== before.severity) {
        changed.severity = body.severity;
        timeline.push({ kind: 'severity', data: { from: before.severity, to: body.severity } });
      }
      if (body.summary && body.summary !== before.summary) {
        changed.summary = body.summary;
        timeline.push({ kind: 'summary', text: body.summary, data: {} });
      }
      if (body.people) {
        const { rescued, injured, deceased } = body.people;
        if (rescued !== before.rescued || injured !== before.injured || deceased !== before.deceased) {
          Object.assign(changed, body.people);
          const from = { rescued: before.rescued, injured: before.injured, deceased: before.deceased };
          timeline.push({ kind: 'people', data: { from, to: body.people } });
        }
      }
      if (body.note) timeline.push({ kind: 'note', text: body.note, data: {} });
      if (timeline.length === 0) return before;

      const after = await repo.updateIncidentRow(tx, id, { ...changed, version: before.version + 1, updatedAt: now });
      await appendTimeline(tx, id, { by: user.displayName, at: now }, timeline);
      this.announceUpdate(record, before, after, places);
      return after;
    });
    return this.detailOf(this.deps.db, after);
  }

  async acknowledge(user: SessionUser, id: string): Promise<AcknowledgeResponse> {
    const { changes, alerts, geography, clock } = this.deps;
    const places = await geography.forPlaces();
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'incident.acknowledge', true);
      const { government, bothAcknowledged, added } = await alerts.acknowledge(tx, record, alerted(before), user);
      const now = clock.now();
      // One acknowledgement, one timeline entry, however many open alerts (local, central) it covered.
      const timeline: TimelineRecord[] =
        added.length > 0 ? [{ kind: 'acknowledged', data: { government, tiers: added.map((a) => a.tier) } }] : [];
      // Both governments have the alert in hand: the incident moves on by itself.
      if (bothAcknowledged && before.status === 'reported') {
        const after = await repo.updateIncidentRow(tx, id, {
          status: 'acknowledged',
          version: before.version + 1,
          updatedAt: now,
        });
        timeline.push({ kind: 'status', data: { from: 'reported', to: 'acknowledged' } });
        this.announceUpdate(record, before, after, places);
      }
      await appendTimeline(tx, id, { by: user.displayName, at: now }, timeline);
      const incidentAlerts = (await alerts.of(tx, [id])).get(id) ?? [];
      return { incidentId: id, government, acknowledgements: acknowledgementsOf(incidentAlerts) };
    });
  }

  /**
   * The escalation of an incident's local alert fell due (due work `incident.escalation`):
   * the alert escalates to the central desks unless both governments acknowledged in time,
   * and the incident's timeline says so. Runs in the due work's transaction.
   */
  async escalate(tx: Tx, record: ChangeRecorder, incidentId: string, alertId: string, now: Date): Promise<void> {
    const incident = await repo.findIncident(tx, incidentId, true);
    // A resolved or closed incident settled its alerts: nothing escalates after the incident is over.
    if (!incident || isFinished(incident.status)) return;
    const escalation = await this.deps.alerts.escalate(tx, record, alertId, alerted(incident));
    if (!escalation) return;
    await appendTimeline(tx, incidentId, { by: consoleActor, at: now }, [
      { kind: 'escalated', data: { pending: escalation.pending } },
    ]);
  }

  /** Records the investigation; answers the incident it belongs to. */
  async setInvestigation(user: SessionUser, id: string, body: InvestigationBody): Promise<IncidentDetail> {
    const { changes, geography, clock } = this.deps;
    const places = await geography.forPlaces();
    const incident = await changes.run(actorOf(user), async (tx, record) => {
      const incident = await this.authorised(tx, user, id, 'incident.investigate', true);
      const before = await repo.findInvestigation(tx, id);
      const now = clock.now();
      const notes = body.notes ?? null;
      const after = await repo.upsertInvestigation(tx, {
        incidentId: id,
        ...body,
        notes,
        updatedAt: now,
        updatedBy: user.displayName,
      });
      const { leadAgency, caseReference, status } = body;
      await appendTimeline(tx, id, { by: user.displayName, at: now }, [
        { kind: 'investigation', text: notes, data: { leadAgency, caseReference, status } },
      ]);
      record.audit({ action: 'investigation.put', entity: 'incident', entityId: id, before, after });
      record.event(
        'incident.updated',
        { incidentId: id, incident: withPlace(repo.toIncident(incident), places) },
        incidentAudience(incident),
      );
      return incident;
    });
    return this.detailOf(this.deps.db, incident);
  }

  /** The incident with its newest timeline page, alerts and investigation, if the user may read it. */
  async detail(user: SessionUser, id: string): Promise<IncidentDetail> {
    const { db } = this.deps;
    return this.detailOf(db, await this.authorised(db, user, id, 'incident.read'));
  }

  private async detailOf(db: Executor, row: repo.IncidentRow): Promise<IncidentDetail> {
    const [timeline, alerts, investigation, places] = await readAll(
      db,
      () => repo.timelinePage(db, row.id, { before: null, limit: TIMELINE_PAGE }),
      () => this.deps.alerts.of(db, [row.id]),
      () => repo.findInvestigation(db, row.id),
      () => this.deps.geography.forPlaces(),
    );
    const incidentAlerts = alerts.get(row.id) ?? [];
    return {
      ...withPlace(repo.toIncident(row), places),
      timeline: timeline.items,
      timelineNextCursor: timeline.nextCursor,
      alerts: incidentAlerts,
      acknowledgements: acknowledgementsOf(incidentAlerts),
      investigation: investigation ? repo.toInvestigation(investigation, this.deps.clock.now()) : null,
      investigationRequired: requiresInvestigation(row.type),
    };
  }

  /** A page of the incident's timeline, oldest first: the newest entries, or those before the `before` cursor. */
  async timeline(user: SessionUser, id: string, query: TimelineQuery): Promise<TimelinePage> {
    const { db } = this.deps;
    const row = await this.authorised(db, user, id, 'incident.read');
    return repo.timelinePage(db, row.id, {
      before: query.before === undefined ? null : Number(query.before),
      limit: query.limit,
    });
  }

  /** Incidents as the API shows them: with their place in words. */
  private async present(rows: repo.IncidentRow[]): Promise<Incident[]> {
    const places = await this.deps.geography.forPlaces();
    return rows.map((row) => withPlace(repo.toIncident(row), places));
  }

  /**
   * The feed: the user's scope (a scoped officer sees their mechanism's incidents and those
   * they reported anywhere), the query's filters, newest first. `awaiting` keeps incidents
   * whose running alert that government has not acknowledged.
   */
  async list(user: SessionUser, query: IncidentQuery): Promise<IncidentPage> {
    const { db } = this.deps;
    const filter = feedFilter(query);
    const ids = filter.query.awaiting
      ? (await this.deps.alerts.awaiting(db, filter.query.awaiting)).map((a) => a.incidentId)
      : null;
    // One more than the page: whether there is a next page, without counting.
    const rows = await repo.listIncidents(db, {
      ...filter,
      query: { ...filter.query, limit: filter.query.limit + 1 },
      ids,
      scope: this.scopeOf(user),
    });
    const page = rows.slice(0, filter.query.limit);
    return {
      items: await this.present(page),
      nextCursor: rows.length > page.length ? repo.encodeCursor(page[page.length - 1]!) : null,
    };
  }

  /** The user's scope for reading incidents (as the feed's). */
  private scopeOf(user: SessionUser) {
    const scope = mechanismScopeOf(user);
    return scope ? { mechanismId: scope, reportedBy: user.id } : null;
  }

  /**
   * The operations map (issue 17): the incidents the filter and the user's scope select,
   * presets resolved at the server's now, newest first, at most `limit` — and whether that
   * cut anything off.
   */
  async mapIncidents(user: SessionUser, query: MapFilterQuery) {
    const limit = query.limit ?? MAP_INCIDENT_LIMIT;
    const filter = resolveMapFilter(query, this.deps.clock.now());
    const { features, count, total } = await repo.mapFeatures(this.deps.db, filter, this.scopeOf(user), limit);
    const truncated = total > count;
    const geojson = mapFeatureCollection(features, { truncated, limit, total, from: filter.from, to: filter.to });
    return { geojson, count, total, truncated };
  }

  /**
   * One vector tile of the operations map (issue 26), from the cache unless an incident event
   * dropped it. A preset's window ends at the end of the current minute, so "the last 7 days"
   * keeps one cache key for a minute and still holds an incident reported meanwhile.
   */
  async tile(user: SessionUser, params: { z: string; x: string; y: string }, query: TileFilterQuery) {
    const tile = { z: Number(params.z), x: Number(params.x), y: Number(params.y) };
    const minuteEnd = Math.ceil(this.deps.clock.now().getTime() / 60_000) * 60_000;
    const filter = resolveMapFilter(query, new Date(minuteEnd));
    const scope = this.scopeOf(user);
    const key = `${tile.z}/${tile.x}/${tile.y} ${JSON.stringify(filter)} ${JSON.stringify(scope)}`;
    const { tiles, map } = this.deps;
    return tiles.get(tile, key, async () => incidentTile(await map.current(), tile, filter, scope));
  }

  /**
   * Plan of Action I: an area's statistics for a window — the incidents whose point lies in
   * it, counted by the database, in the user's scope. 404 for an unknown area.
   */
  async areaStats(user: SessionUser, areaId: string, query: AreaStatsQuery): Promise<AreaStats> {
    const [{ areas, mechanisms }, places] = await Promise.all([
      this.deps.geography.forAssignment(),
      this.deps.geography.forPlaces(),
    ]);
    const area = areas.find((a) => a.id === areaId);
    if (!area) throw notFound();
    // The area's clocks are those of its centre (its responsible mechanism's): a season starts at midnight there.
    const bbox = boundingBox(area.geometry);
    const centre = { lat: (bbox[1] + bbox[3]) / 2, lon: (bbox[0] + bbox[2]) / 2 };
    const timeZone = placeTimeZone(centre, assignFromGeometry(centre, areas, mechanisms).mechanismId, places);
    const { from, to } = query.range
      ? timeWindow(query, this.deps.clock.now(), timeZone)
      : { from: query.from ?? null, to: query.to ?? null };
    const window = { from, to };
    const groups = await repo.areaCounts(
      this.deps.db,
      { geometry: area.geometry, ...window, types: query.type ? query.type.split(',') : null, timeZone },
      this.scopeOf(user),
    );
    return areaStatistics(area.id, groups, window, timeZone);
  }

  /**
   * Plan of Action V: the incidents whose running alert the user's government has still to
   * acknowledge and the user may acknowledge, earliest deadline first: the header's counter
   * and the feed's countdowns.
   */
  async awaitingAcknowledgement(user: SessionUser): Promise<AwaitingList> {
    const { db } = this.deps;
    const awaiting = await this.deps.alerts.awaiting(db, user.country);
    const rows = await repo.incidentsByIds(
      db,
      awaiting.map((a) => a.incidentId),
    );
    const mayAcknowledge = new Set(rows.filter((row) => can(user, 'incident.acknowledge', row)).map((row) => row.id));
    return { government: user.country, items: awaiting.filter((a) => mayAcknowledge.has(a.incidentId)) };
  }

  /** The central desks' list: incidents whose alert escalated, with their alerts (settled ones say so). */
  async escalations(): Promise<EscalationList> {
    const { db } = this.deps;
    const ids = await this.deps.alerts.escalatedIncidentIds(db, ESCALATION_LIST_LIMIT);
    const [rows, alerts] = await readAll(
      db,
      () => repo.incidentsByIds(db, ids),
      () => this.deps.alerts.of(db, ids),
    );
    const incidents = await this.present(rows);
    return { items: incidents.map((incident) => ({ ...incident, alerts: alerts.get(incident.id) ?? [] })) };
  }

  /** Incidents that need an investigation, in the user's scope: missing records first, then stale, then current. */
  async investigationFollowUps(user: SessionUser): Promise<InvestigationList> {
    const now = this.deps.clock.now();
    const [rows, places] = await Promise.all([
      repo.investigationFollowUps(this.deps.db, mechanismScopeOf(user)),
      this.deps.geography.forPlaces(),
    ]);
    const items = rows.map(({ incident, investigation: row }) => {
      const investigation = row ? repo.toInvestigation(row, now) : null;
      return {
        incident: withPlace(repo.toIncident(incident), places),
        investigation,
        flag: followUpFlag(investigation),
      };
    });
    return { items: items.sort((a, b) => followUpRank[a.flag] - followUpRank[b.flag]) };
  }

  private announceUpdate(
    record: ChangeRecorder,
    before: repo.IncidentRow,
    after: repo.IncidentRow,
    places: PlaceGeography,
  ): void {
    const incident = repo.toIncident(after);
    record.audit({
      action: 'incident.update',
      entity: 'incident',
      entityId: after.id,
      before: repo.toIncident(before),
      after: incident,
    });
    const announced = withPlace(incident, places);
    record.event('incident.updated', { incidentId: after.id, incident: announced }, incidentAudience(after));
  }
}
