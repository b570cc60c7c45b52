import { mechanismScopeOf, type SessionUser } from '@shared/auth.js';
import { assignFromGeometry } from '@shared/geo.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import type {
  Alert,
  CreateIncidentBody,
  IncidentDetail,
  IncidentWithAlerts,
  InvestigationBody,
  InvestigationFollowUp,
  UpdateIncidentBody,
} from '@shared/incidents/contract.js';
import { incidentAudience } from '@shared/incidents/events.js';
import { followUpFlag, followUpRank, handOffRefusal, requiresInvestigation } from '@shared/incidents/rules.js';
import { can, type Permission } from '@shared/permissions.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor, Tx } from '@server/core/db.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { AppError, forbidden, invalidField, notFound, outOfScope } from '@server/core/errors.js';
import type { AlertedIncident, AlertsApi } from '@server/features/alerts/index.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import * as repo from './repository.js';

/** The due work that escalates an incident's local alert at its deadline (server/core/due-work.ts). */
export const ESCALATION = 'incident.escalation';

/** How many escalated incidents the central desks' list shows. */
const ESCALATION_LIST_LIMIT = 200;

/** Everything the incident lifecycle needs, handed in by the plugin (server/features/incidents/index.ts). */
export interface IncidentDependencies {
  changes: Changes;
  alerts: AlertsApi;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
}

const acknowledgementsOf = (alerts: Alert[]) =>
  alerts.flatMap((a) => a.acknowledgements).sort((a, b) => a.at.localeCompare(b.at));

/** What the alerts feature needs of an incident. */
const alerted = (row: repo.IncidentRow): AlertedIncident => ({
  id: row.id,
  severity: row.severity,
  audience: incidentAudience(row),
});

/** Incident lifecycle (Plan of Action V, Rapid Response): every change is audited and announced. */
export class IncidentService {
  constructor(private readonly deps: IncidentDependencies) {}

  async create(user: SessionUser, body: CreateIncidentBody): Promise<repo.IncidentRow> {
    const { changes, alerts, geography, dueWork, clock } = this.deps;
    const { areas, mechanisms } = await geography.forAssignment();
    const { mechanismId, areaIds } = assignFromGeometry(body.location, areas, mechanisms);
    if (!can(user, 'incident.report', { mechanismId })) throw outOfScope();
    return changes.run(actorOf(user), async (tx, record) => {
      const now = clock.now();
      const row = await repo.insertIncident(tx, {
        type: body.type,
        severity: body.severity,
        summary: body.summary,
        location: { x: body.location.lon, y: body.location.lat },
        occurredAt: new Date(body.occurredAt),
        ...(body.people ?? {}),
        mechanismId,
        areaIds,
        reportedBy: user.id,
        reportingAgency: user.agency,
        reportingCountry: user.country,
        createdAt: now,
        updatedAt: now,
      });
      const incident = repo.toIncident(row);
      await repo.appendTimeline(tx, [
        {
          incidentId: row.id,
          kind: 'reported',
          text: body.summary,
          data: { type: body.type, severity: body.severity },
          actorName: user.displayName,
          at: now,
        },
      ]);
      record.audit({ action: 'incident.create', entity: 'incident', entityId: row.id, after: incident });
      record.event('incident.created', { incidentId: row.id, incident }, incidentAudience(row));
      const alert = await alerts.raise(tx, record, alerted(row));
      await dueWork.schedule(tx, {
        kind: ESCALATION,
        subjectId: row.id,
        dueAt: alert.ackDeadline,
        payload: { alertId: alert.id },
      });
      return row;
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

  /** Applies the changes; returns the incident as it stands afterwards. */
  async update(user: SessionUser, id: string, body: UpdateIncidentBody): Promise<repo.IncidentRow> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'incident.edit', true);
      if (before.version !== body.version) {
        throw new AppError(409, 'version_conflict', bilingual('incidentError.versionConflict'), {
          extra: { current: await this.detail(tx, before) },
        });
      }
      const now = clock.now();
      const entry = (kind: string, data: Record<string, unknown>, text: string | null = null): repo.TimelineInsert => ({
        incidentId: id,
        kind,
        text,
        data,
        actorName: user.displayName,
        at: now,
      });
      const changed: Partial<repo.IncidentRow> = {};
      const timeline: repo.TimelineInsert[] = [];

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
        timeline.push(entry('status', { from: before.status, to: body.status }));
      }
      if (body.severity && body.severity !== before.severity) {
        changed.severity = body.severity;
        timeline.push(entry('severity', { from: before.severity, to: body.severity }));
      }
      if (body.summary && body.summary !== before.summary) {
        changed.summary = body.summary;
        timeline.push(entry('summary', {}, body.summary));
      }
      if (body.people) {
        const { rescued, injured, deceased } = body.people;
        if (rescued !== before.rescued || injured !== before.injured || deceased !== before.deceased) {
          Object.assign(changed, body.people);
          const from = { rescued: before.rescued, injured: before.injured, deceased: before.deceased };
          timeline.push(entry('people', { from, to: body.people }));
        }
      }
      if (body.note) timeline.push(entry('note', {}, body.note));
      if (timeline.length === 0) return before;

      const after = await repo.updateIncidentRow(tx, id, { ...changed, version: before.version + 1, updatedAt: now });
      await repo.appendTimeline(tx, timeline);
      this.announceUpdate(record, before, after);
      return after;
    });
  }

  async acknowledge(user: SessionUser, id: string) {
    const { changes, alerts, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'incident.acknowledge', true);
      const { government, bothAcknowledged, added } = await alerts.acknowledge(tx, record, alerted(before), user);
      const now = clock.now();
      const timeline: repo.TimelineInsert[] = added.map(({ tier }) => ({
        incidentId: id,
        kind: 'acknowledged',
        text: null,
        data: { government, tier },
        actorName: user.displayName,
        at: now,
      }));
      // Both governments have the alert in hand: the incident moves on by itself.
      if (bothAcknowledged && before.status === 'reported') {
        const after = await repo.updateIncidentRow(tx, id, {
          status: 'acknowledged',
          version: before.version + 1,
          updatedAt: now,
        });
        timeline.push({
          incidentId: id,
          kind: 'status',
          text: null,
          data: { from: 'reported', to: 'acknowledged' },
          actorName: user.displayName,
          at: now,
        });
        this.announceUpdate(record, before, after);
      }
      await repo.appendTimeline(tx, timeline);
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
    if (!incident) return;
    const escalation = await this.deps.alerts.escalate(tx, record, alertId, alerted(incident));
    if (!escalation) return;
    await repo.appendTimeline(tx, [
      {
        incidentId,
        kind: 'escalated',
        text: null,
        data: { pending: escalation.pending },
        actorName: 'system',
        at: now,
      },
    ]);
  }

  /** Records the investigation; returns the incident it belongs to. */
  async setInvestigation(user: SessionUser, id: string, body: InvestigationBody): Promise<repo.IncidentRow> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
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
      await repo.appendTimeline(tx, [
        {
          incidentId: id,
          kind: 'investigation',
          text: notes,
          data: { leadAgency, caseReference, status },
          actorName: user.displayName,
          at: now,
        },
      ]);
      record.audit({ action: 'investigation.put', entity: 'incident', entityId: id, before, after });
      record.event(
        'incident.updated',
        { incidentId: id, incident: repo.toIncident(incident) },
        incidentAudience(incident),
      );
      return incident;
    });
  }

  async detail(db: Executor, row: repo.IncidentRow): Promise<IncidentDetail> {
    const [timeline, alerts, investigation] = await Promise.all([
      repo.timelineOf(db, row.id),
      this.deps.alerts.of(db, [row.id]),
      repo.findInvestigation(db, row.id),
    ]);
    const incidentAlerts = alerts.get(row.id) ?? [];
    return {
      ...repo.toIncident(row),
      timeline,
      alerts: incidentAlerts,
      acknowledgements: acknowledgementsOf(incidentAlerts),
      investigation: investigation ? repo.toInvestigation(investigation, this.deps.clock.now()) : null,
      investigationRequired: requiresInvestigation(row.type),
    };
  }

  /** The central desks' list: incidents whose alert escalated, with their alerts. */
  async escalations(db: Executor): Promise<IncidentWithAlerts[]> {
    const ids = await this.deps.alerts.escalatedIncidentIds(db, ESCALATION_LIST_LIMIT);
    const rows = await repo.incidentsByIds(db, ids);
    const alerts = await this.deps.alerts.of(db, ids);
    return rows.map((r) => ({ ...repo.toIncident(r), alerts: alerts.get(r.id) ?? [] }));
  }

  /** Incidents that need an investigation, in the user's scope: missing records first, then stale, then current. */
  async investigationFollowUps(db: Executor, user: SessionUser): Promise<InvestigationFollowUp[]> {
    const now = this.deps.clock.now();
    const rows = await repo.investigationFollowUps(db, mechanismScopeOf(user));
    const items = rows.map(({ incident, investigation: row }) => {
      const investigation = row ? repo.toInvestigation(row, now) : null;
      return { incident: repo.toIncident(incident), investigation, flag: followUpFlag(investigation) };
    });
    return items.sort((a, b) => followUpRank[a.flag] - followUpRank[b.flag]);
  }

  private announceUpdate(record: ChangeRecorder, before: repo.IncidentRow, after: repo.IncidentRow): void {
    const incident = repo.toIncident(after);
    record.audit({
      action: 'incident.update',
      entity: 'incident',
      entityId: after.id,
      before: repo.toIncident(before),
      after: incident,
    });
    record.event('incident.updated', { incidentId: after.id, incident }, incidentAudience(after));
  }
}
