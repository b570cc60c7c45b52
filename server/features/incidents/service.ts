import type { FastifyInstance } from 'fastify';
import { inMechanismScope, type SessionUser } from '@shared/auth.js';
import { assignFromGeometry } from '@shared/geo.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import {
  investigatedTypes, staleInvestigationDays, statusTransitions,
  type Alert, type CreateIncidentBody, type IncidentDetail, type InvestigationBody, type UpdateIncidentBody,
} from '@shared/incidents/contract.js';
import type { Clock } from '../../clock.js';
import type { Executor } from '../../db/index.js';
import type { incidentEvents } from '../../db/schema/incidents.js';
import { AppError, invalidField, notFound, outOfScope } from '../../errors.js';
import { actorOf } from '../../plugins/auth.js';
import type { ChangeRecorder } from '../../plugins/changes.js';
import * as repo from './repository.js';

type TimelineInsert = typeof incidentEvents.$inferInsert;

const acknowledgementsOf = (alerts: Alert[]) => alerts.flatMap((a) => a.acknowledgements).sort((a, b) => a.at.localeCompare(b.at));

/** Incident lifecycle (Plan of Action V, Rapid Response): every change is audited and announced. */
export class IncidentService {
  constructor(private readonly app: FastifyInstance, private readonly clock: Clock) {}

  staleBefore(now = this.clock.now()): Date {
    return new Date(now.getTime() - staleInvestigationDays * 86_400_000);
  }

  async create(user: SessionUser, body: CreateIncidentBody): Promise<repo.IncidentRow> {
    const geography = await this.app.geography.forAssignment();
    const { mechanismId, areaIds } = assignFromGeometry(body.location, geography.areas, geography.mechanisms);
    if (!inMechanismScope(user, mechanismId)) throw outOfScope();
    return this.app.changes.run(actorOf(user), async (tx, record) => {
      const now = this.clock.now();
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
      await repo.appendTimeline(tx, [{ incidentId: row.id, kind: 'reported', text: body.summary, data: { type: body.type, severity: body.severity }, actorName: user.displayName, at: now }]);
      record.audit({ action: 'incident.create', entity: 'incident', entityId: row.id, after: incident });
      record.event({ kind: 'incident.created', mechanismId, data: { incidentId: row.id, incident } });
      await this.app.alerts.raise(tx, record, row);
      return row;
    });
  }

  /** The incident if the user may act on it: 404 when unknown, 403 outside their mechanism. */
  async authorised(db: Executor, user: SessionUser, id: string, forUpdate = false): Promise<repo.IncidentRow> {
    const row = await repo.findIncident(db, id, forUpdate);
    if (!row) throw notFound();
    if (!inMechanismScope(user, row.mechanismId)) throw outOfScope();
    return row;
  }

  /** Applies the changes; returns the incident as it stands afterwards. */
  async update(user: SessionUser, id: string, body: UpdateIncidentBody): Promise<repo.IncidentRow> {
    return this.app.changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, true);
      if (before.version !== body.version) {
        throw new AppError(409, 'version_conflict', bilingual('incidentError.versionConflict'), { extra: { current: await this.detail(tx, before) } });
      }
      const now = this.clock.now();
      const entry = (kind: string, data: Record<string, unknown>, text: string | null = null): TimelineInsert => ({ incidentId: id, kind, text, data, actorName: user.displayName, at: now });
      const changes: Partial<repo.IncidentRow> = {};
      const timeline: TimelineInsert[] = [];

      if (body.status && body.status !== before.status) {
        if (!statusTransitions[before.status].includes(body.status)) throw invalidField('status', ref('incidentError.transition', { from: ref(`status.${before.status}`), to: ref(`status.${body.status}`) }));
        if (body.status === 'closed' && investigatedTypes.includes(before.type) && !(await repo.findInvestigation(tx, id))) {
          throw invalidField('status', ref('incidentError.investigationRequired'));
        }
        changes.status = body.status;
        timeline.push(entry('status', { from: before.status, to: body.status }));
      }
      if (body.severity && body.severity !== before.severity) {
        changes.severity = body.severity;
        timeline.push(entry('severity', { from: before.severity, to: body.severity }));
      }
      if (body.summary && body.summary !== before.summary) {
        changes.summary = body.summary;
        timeline.push(entry('summary', {}, body.summary));
      }
      if (body.people) {
        const { rescued, injured, deceased } = body.people;
        if (rescued !== before.rescued || injured !== before.injured || deceased !== before.deceased) {
          Object.assign(changes, body.people);
          timeline.push(entry('people', { from: { rescued: before.rescued, injured: before.injured, deceased: before.deceased }, to: body.people }));
        }
      }
      if (body.note) timeline.push(entry('note', {}, body.note));
      if (timeline.length === 0) return before;

      const after = await repo.updateIncidentRow(tx, id, { ...changes, version: before.version + 1, updatedAt: now });
      await repo.appendTimeline(tx, timeline);
      this.announceUpdate(record, before, after);
      return after;
    });
  }

  async acknowledge(user: SessionUser, id: string) {
    return this.app.changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, true);
      const { government, bothAcknowledged } = await this.app.alerts.acknowledge(tx, record, before, user);
      // Both governments have the alert in hand: the incident moves on by itself.
      if (bothAcknowledged && before.status === 'reported') {
        const now = this.clock.now();
        const after = await repo.updateIncidentRow(tx, id, { status: 'acknowledged', version: before.version + 1, updatedAt: now });
        await repo.appendTimeline(tx, [{ incidentId: id, kind: 'status', text: null, data: { from: 'reported', to: 'acknowledged' }, actorName: user.displayName, at: now }]);
        this.announceUpdate(record, before, after);
      }
      const alerts = (await this.app.alerts.of(tx, [id])).get(id) ?? [];
      return { incidentId: id, government, acknowledgements: acknowledgementsOf(alerts) };
    });
  }

  /** Records the investigation; returns the incident it belongs to. */
  async setInvestigation(user: SessionUser, id: string, body: InvestigationBody): Promise<repo.IncidentRow> {
    return this.app.changes.run(actorOf(user), async (tx, record) => {
      const incident = await this.authorised(tx, user, id, true);
      const before = await repo.findInvestigation(tx, id);
      const now = this.clock.now();
      const after = await repo.upsertInvestigation(tx, { incidentId: id, ...body, notes: body.notes ?? null, updatedAt: now, updatedBy: user.displayName });
      await repo.appendTimeline(tx, [{ incidentId: id, kind: 'investigation', text: body.notes ?? null, data: { leadAgency: body.leadAgency, caseReference: body.caseReference, status: body.status }, actorName: user.displayName, at: now }]);
      record.audit({ action: 'investigation.put', entity: 'incident', entityId: id, before, after });
      record.event({ kind: 'incident.updated', mechanismId: incident.mechanismId, data: { incidentId: id, incident: repo.toIncident(incident) } });
      return incident;
    });
  }

  async detail(db: Executor, row: repo.IncidentRow): Promise<IncidentDetail> {
    const [timeline, alerts, investigation] = await Promise.all([
      repo.timelineOf(db, row.id),
      this.app.alerts.of(db, [row.id]),
      repo.findInvestigation(db, row.id),
    ]);
    const incidentAlerts = alerts.get(row.id) ?? [];
    return {
      ...repo.toIncident(row),
      timeline,
      alerts: incidentAlerts,
      acknowledgements: acknowledgementsOf(incidentAlerts),
      investigation: investigation ? repo.toInvestigation(investigation, this.staleBefore()) : null,
      investigationRequired: investigatedTypes.includes(row.type),
    };
  }

  private announceUpdate(record: ChangeRecorder, before: repo.IncidentRow, after: repo.IncidentRow): void {
    const incident = repo.toIncident(after);
    record.audit({ action: 'incident.update', entity: 'incident', entityId: after.id, before: repo.toIncident(before), after: incident });
    record.event({ kind: 'incident.updated', mechanismId: after.mechanismId, data: { incidentId: after.id, incident } });
  }
}
