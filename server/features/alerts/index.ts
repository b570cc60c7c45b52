import fp from 'fastify-plugin';
import type { Country, SessionUser } from '@shared/auth.js';
import type { Alert } from '@shared/incidents/contract.js';
import type { ChangeRecorder } from '@server/core/changes.js';
import type { Executor } from '@server/core/db.js';
import { alertsOf, awaitingAcknowledgement, escalatedIncidentIds, type AwaitingRow } from './repository.js';
import {
  acknowledge,
  escalate,
  raiseAlert,
  settleAlerts,
  type AddedAcknowledgement,
  type AlertedIncident,
} from './service.js';

export type { AddedAcknowledgement, AlertedIncident } from './service.js';
export type { AwaitingRow } from './repository.js';

export interface RaisedAlert {
  id: string;
  ackDeadline: Date;
}

/**
 * The public API of the alerts feature, what other features may call (as `app.alerts`).
 * Writes take the caller's recorder (and transaction, where they read): an alert commits with the change that raised it.
 */
export interface AlertsApi {
  /**
   * Raises the local alert, acknowledged for the reporter's government with the report; its
   * deadline (`ackDeadline`) is when the caller's escalation falls due.
   */
  raise(record: ChangeRecorder, incident: AlertedIncident, reporter: SessionUser): RaisedAlert;
  /** The user's government acknowledges every open alert of the incident (idempotent). */
  acknowledge(
    tx: Executor,
    record: ChangeRecorder,
    incident: AlertedIncident,
    user: SessionUser,
  ): Promise<{ government: Country; bothAcknowledged: boolean; added: AddedAcknowledgement[] }>;
  /** Escalates the local alert to the central desks unless both governments acknowledged in time. */
  escalate(
    tx: Executor,
    record: ChangeRecorder,
    alertId: string,
    incident: AlertedIncident,
  ): Promise<{ pending: Country[] } | null>;
  /** Settles the incident's open alerts (resolved or closed): no escalation, nothing left to acknowledge. */
  settle(tx: Executor, record: ChangeRecorder, incident: AlertedIncident): Promise<string[]>;
  /** Running alerts `government` has not acknowledged, one per incident, earliest deadline first. */
  awaiting(db: Executor, government: Country): Promise<AwaitingRow[]>;
  /** Alerts of these incidents with their acknowledgements, oldest first. */
  of(db: Executor, incidentIds: string[]): Promise<Map<string, Alert[]>>;
  /** Incidents with an escalated alert, most recent escalation first. */
  escalatedIncidentIds(db: Executor, limit: number): Promise<string[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    alerts: AlertsApi;
  }
}

/** Early alerts to both governments, per-government acknowledgement, escalation (Plan of Action V). */
export default fp(
  async (app) => {
    const { clock } = app;
    const deadlines = app.config.ackDeadlineMinutes;
    app.decorate('alerts', {
      raise: (record, incident, reporter) => raiseAlert(record, incident, reporter, clock.now(), deadlines),
      acknowledge: (tx, record, incident, user) => acknowledge(tx, record, incident, user, clock.now()),
      escalate: (tx, record, alertId, incident) => escalate(tx, record, alertId, incident, clock.now(), deadlines),
      settle: (tx, record, incident) => settleAlerts(tx, record, incident, clock.now()),
      awaiting: awaitingAcknowledgement,
      of: alertsOf,
      escalatedIncidentIds,
    } satisfies AlertsApi);
  },
  { name: 'alerts', dependencies: ['config', 'clock', 'db'] },
);
