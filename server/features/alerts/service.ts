import { eq } from 'drizzle-orm';
import { countries, type Country, type SessionUser } from '@shared/auth.js';
import type { AckDeadlines, Severity } from '@shared/incidents/contract.js';
import type { Executor } from '../../db/index.js';
import { incidentEvents, incidents } from '../../db/schema/incidents.js';
import type { ChangeRecorder } from '../../plugins/changes.js';
import * as repo from './repository.js';

/** What the alert logic needs to know of an incident. */
export interface AlertedIncident {
  id: string;
  severity: Severity;
  mechanismId: string | null;
}

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * Plan of Action V: early alert to the authorities of both governments. One local alert
 * per incident, with a deadline by severity after which it escalates to the central desks.
 */
export async function raiseAlert(tx: Executor, record: ChangeRecorder, incident: AlertedIncident, now: Date, deadlines: AckDeadlines) {
  const alert = await repo.insertAlert(tx, { incidentId: incident.id, tier: 'local', raisedAt: now, ackDeadline: addMinutes(now, deadlines[incident.severity]) });
  record.event({
    kind: 'alert.raised',
    mechanismId: incident.mechanismId,
    data: { incidentId: incident.id, alertId: alert.id, tier: alert.tier, ackDeadline: alert.ackDeadline.toISOString() },
  });
  return alert;
}

/**
 * The caller acknowledges for their own government on every open alert of the incident;
 * idempotent per government. Returns whether both governments have now acknowledged.
 */
export async function acknowledge(tx: Executor, record: ChangeRecorder, incident: AlertedIncident, user: SessionUser, now: Date) {
  const government = user.country;
  let bothAcknowledged = false;
  for (const alert of await repo.openAlertsOf(tx, incident.id)) {
    const added = await repo.insertAcknowledgement(tx, { alertId: alert.id, government, userId: user.id, userName: user.displayName, at: now });
    const acknowledged = await repo.governmentsThatAcknowledged(tx, alert.id);
    const complete = countries.every((c) => acknowledged.includes(c));
    if (complete) await repo.markAlert(tx, alert.id, { settledAt: now });
    if (alert.tier === 'local') bothAcknowledged = complete;
    if (!added) continue;
    await tx.insert(incidentEvents).values({ incidentId: incident.id, kind: 'acknowledged', text: null, data: { government, tier: alert.tier }, actorName: user.displayName, at: now });
    record.audit({ action: 'alert.acknowledge', entity: 'alert', entityId: alert.id, after: { government, tier: alert.tier, at: now.toISOString() } });
    record.event({
      kind: 'alert.acknowledged',
      mechanismId: incident.mechanismId,
      data: { incidentId: incident.id, alertId: alert.id, tier: alert.tier, government, by: user.displayName, at: now.toISOString() },
    });
  }
  return { government, bothAcknowledged };
}

/**
 * Escalates overdue local alerts to the central desks (Washington – Mexico City) once:
 * the claim skips rows another instance holds, and `escalatedAt` is set in the same
 * transaction, so neither a race nor a restart can fire it twice or lose it.
 */
export async function escalateDue(tx: Executor, record: ChangeRecorder, now: Date, deadlines: AckDeadlines, batch = 50) {
  const due = await repo.claimDueAlerts(tx, now, batch);
  for (const alert of due) {
    const acknowledged = await repo.governmentsThatAcknowledged(tx, alert.id);
    const pending: Country[] = countries.filter((c) => !acknowledged.includes(c));
    const [incident] = await tx.select({ severity: incidents.severity, mechanismId: incidents.mechanismId }).from(incidents).where(eq(incidents.id, alert.incidentId));
    if (pending.length === 0 || !incident) {
      await repo.markAlert(tx, alert.id, { settledAt: now });
      continue;
    }
    await repo.markAlert(tx, alert.id, { escalatedAt: now });
    const central = await repo.insertAlert(tx, { incidentId: alert.incidentId, tier: 'central', raisedAt: now, ackDeadline: addMinutes(now, deadlines[incident.severity]) });
    await tx.insert(incidentEvents).values({ incidentId: alert.incidentId, kind: 'escalated', text: null, data: { pending }, actorName: 'system', at: now });
    record.audit({ action: 'alert.escalate', entity: 'alert', entityId: alert.id, before: { tier: 'local' }, after: { centralAlertId: central.id, pending } });
    record.event({
      kind: 'alert.escalated',
      mechanismId: incident.mechanismId,
      data: { incidentId: alert.incidentId, alertId: alert.id, centralAlertId: central.id, pending, at: now.toISOString() },
    });
  }
  return due.length;
}
