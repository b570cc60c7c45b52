import { randomUUID } from 'node:crypto';
import type { Audience } from '@shared/audience.js';
import type { Country, SessionUser } from '@shared/auth.js';
import type { AckDeadlines, Severity } from '@shared/incidents/contract.js';
import { pendingGovernments } from '@shared/incidents/rules.js';
import type { ChangeRecorder } from '@server/core/changes.js';
import type { Executor } from '@server/core/db.js';
import * as repo from './repository.js';

/**
 * What alerts need to know of what they are about (an incident): its id, its severity (for
 * deadlines) and who hears of it. Alerts never read incidents themselves: the incident
 * feature hands this over, so the dependency runs one way.
 */
export interface AlertedIncident {
  id: string;
  severity: Severity;
  audience: Audience;
}

/** A government's acknowledgement that this call added (a repeat adds none). */
export interface AddedAcknowledgement {
  alertId: string;
  tier: repo.AlertRow['tier'];
}

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * Plan of Action V: early alert to the authorities of both governments. One local alert
 * per incident, with a deadline by severity after which it escalates to the central desks.
 * The reporter's government has the alert in hand by reporting it: its acknowledgement is
 * recorded with the alert (`withReport`), so the clock runs for the other government.
 */
export function raiseAlert(
  record: ChangeRecorder,
  incident: AlertedIncident,
  reporter: SessionUser,
  now: Date,
  deadlines: AckDeadlines,
): repo.AlertRow {
  const alert: repo.AlertRow = {
    id: randomUUID(),
    incidentId: incident.id,
    tier: 'local',
    raisedAt: now,
    ackDeadline: addMinutes(now, deadlines[incident.severity]),
    escalatedAt: null,
    settledAt: null,
  };
  repo.recordAcknowledgedAlert(record, alert, acknowledgementBy(reporter, now, true));
  const payload = {
    incidentId: incident.id,
    alertId: alert.id,
    tier: alert.tier,
    ackDeadline: alert.ackDeadline.toISOString(),
  };
  record.event('alert.raised', payload, incident.audience);
  announceAcknowledgement(record, incident, alert, reporter, now, true);
  return alert;
}

const acknowledgementBy = (user: SessionUser, at: Date, withReport: boolean) => ({
  government: user.country,
  userId: user.id,
  userName: user.displayName,
  at,
  withReport,
});

/** Writes one government's acknowledgement of one alert and announces it; false when it had one already. */
async function recordAcknowledgement(
  tx: Executor,
  record: ChangeRecorder,
  incident: AlertedIncident,
  alert: repo.AlertRow,
  user: SessionUser,
  now: Date,
): Promise<boolean> {
  const inserted = await repo.insertAcknowledgement(tx, { ...acknowledgementBy(user, now, false), alertId: alert.id });
  if (inserted) announceAcknowledgement(record, incident, alert, user, now, false);
  return inserted;
}

/** An acknowledgement's audit row and its `alert.acknowledged` event. */
function announceAcknowledgement(
  record: ChangeRecorder,
  incident: AlertedIncident,
  alert: repo.AlertRow,
  user: SessionUser,
  now: Date,
  withReport: boolean,
): void {
  const government = user.country;
  record.audit({
    action: 'alert.acknowledge',
    entity: 'alert',
    entityId: alert.id,
    after: { government, tier: alert.tier, at: now.toISOString(), withReport },
  });
  const payload = {
    incidentId: incident.id,
    alertId: alert.id,
    tier: alert.tier,
    government,
    by: user.displayName,
    at: now.toISOString(),
  };
  record.event('alert.acknowledged', payload, incident.audience);
}

/**
 * The caller acknowledges for their own government on every open alert of the incident;
 * idempotent per government. When every government has acknowledged one of the incident's
 * alerts, its open alerts are settled (`bothAcknowledged`). Returns the acknowledgements
 * this call added.
 */
export async function acknowledge(
  tx: Executor,
  record: ChangeRecorder,
  incident: AlertedIncident,
  user: SessionUser,
  now: Date,
): Promise<{ government: Country; bothAcknowledged: boolean; added: AddedAcknowledgement[] }> {
  const added: AddedAcknowledgement[] = [];
  const open = await repo.openAlertsOf(tx, incident.id);
  for (const alert of open) {
    if (await recordAcknowledgement(tx, record, incident, alert, user, now))
      added.push({ alertId: alert.id, tier: alert.tier });
  }
  const bothAcknowledged =
    pendingGovernments(await repo.governmentsThatAcknowledgedIncident(tx, incident.id)).length === 0;
  if (bothAcknowledged) for (const alert of open) await repo.markAlert(tx, alert.id, { settledAt: now });
  return { government: user.country, bothAcknowledged, added };
}

/**
 * The incident was resolved or closed: its open alerts need nothing more. They are settled,
 * so no escalation fires for them and no government is asked to acknowledge them.
 */
export async function settleAlerts(
  tx: Executor,
  record: ChangeRecorder,
  incident: AlertedIncident,
  now: Date,
): Promise<string[]> {
  const settled = await repo.settleOpenAlerts(tx, incident.id, now);
  if (settled.length > 0)
    record.audit({
      action: 'alert.settle',
      entity: 'incident',
      entityId: incident.id,
      after: { alertIds: settled, at: now.toISOString() },
    });
  return settled;
}

/**
 * Escalates a local alert whose deadline passed to the central desks (Washington – Mexico
 * City), naming the governments still pending. Does nothing when both acknowledged in time
 * or it was escalated already. Returns the pending governments when it escalated.
 */
export async function escalate(
  tx: Executor,
  record: ChangeRecorder,
  alertId: string,
  incident: AlertedIncident,
  now: Date,
  deadlines: AckDeadlines,
): Promise<{ pending: Country[] } | null> {
  const alert = await repo.lockAlert(tx, alertId);
  if (!alert || alert.tier !== 'local' || alert.escalatedAt || alert.settledAt) return null;
  const pending = pendingGovernments(await repo.governmentsThatAcknowledged(tx, alert.id));
  if (pending.length === 0) {
    await repo.markAlert(tx, alert.id, { settledAt: now });
    return null;
  }
  await repo.markAlert(tx, alert.id, { escalatedAt: now });
  const central = await repo.insertAlert(tx, {
    incidentId: incident.id,
    tier: 'central',
    raisedAt: now,
    ackDeadline: addMinutes(now, deadlines[incident.severity]),
  });
  record.audit({
    action: 'alert.escalate',
    entity: 'alert',
    entityId: alert.id,
    before: { tier: 'local' },
    after: { centralAlertId: central.id, pending },
  });
  const payload = {
    incidentId: incident.id,
    alertId: alert.id,
    centralAlertId: central.id,
    pending,
    at: now.toISOString(),
  };
  record.event('alert.escalated', payload, incident.audience);
  return { pending };
}
