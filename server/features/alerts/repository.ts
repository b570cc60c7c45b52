import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, inArray, isNotNull, isNull, max, notExists, sql } from 'drizzle-orm';
import type { Country } from '@shared/auth.js';
import type { Alert } from '@shared/incidents/contract.js';
import type { ChangeRecorder } from '@server/core/changes.js';
import type { Executor } from '@server/core/db.js';
import { acknowledgements, alerts } from '@server/db/schema/alerts.js';

export type AlertRow = typeof alerts.$inferSelect;

export async function insertAlert(db: Executor, alert: typeof alerts.$inferInsert): Promise<AlertRow> {
  const [row] = await db.insert(alerts).values(alert).returning();
  return row!;
}

/** The alert with the reporting government's acknowledgement, written with the change that raises it. */
export function recordAcknowledgedAlert(
  record: ChangeRecorder,
  alert: AlertRow,
  ack: Omit<typeof acknowledgements.$inferInsert, 'alertId'>,
): void {
  record.insert(alerts, alert);
  record.insert(acknowledgements, { ...ack, alertId: alert.id });
}

/** The alert, locked for the rest of the transaction. */
export async function lockAlert(db: Executor, alertId: string): Promise<AlertRow | null> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, alertId)).for('update');
  return row ?? null;
}

/** Alerts of these incidents with their acknowledgements, oldest first. */
export async function alertsOf(db: Executor, incidentIds: string[]): Promise<Map<string, Alert[]>> {
  const byIncident = new Map<string, Alert[]>();
  if (incidentIds.length === 0) return byIncident;
  const rows = await db
    .select()
    .from(alerts)
    .where(inArray(alerts.incidentId, incidentIds))
    .orderBy(asc(alerts.raisedAt));
  const alertIds = rows.map((r) => r.id);
  const acks =
    alertIds.length === 0
      ? []
      : await db
          .select()
          .from(acknowledgements)
          .where(inArray(acknowledgements.alertId, alertIds))
          .orderBy(asc(acknowledgements.at));
  for (const row of rows) {
    const list = byIncident.get(row.incidentId) ?? [];
    list.push({
      id: row.id,
      tier: row.tier,
      raisedAt: row.raisedAt.toISOString(),
      ackDeadline: row.ackDeadline.toISOString(),
      escalatedAt: row.escalatedAt?.toISOString() ?? null,
      settledAt: row.settledAt?.toISOString() ?? null,
      acknowledgements: acks
        .filter((a) => a.alertId === row.id)
        .map((a) => ({
          government: a.government,
          tier: row.tier,
          by: a.userName,
          at: a.at.toISOString(),
          withReport: a.withReport,
        })),
    });
    byIncident.set(row.incidentId, list);
  }
  return byIncident;
}

export async function openAlertsOf(db: Executor, incidentId: string): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.incidentId, incidentId), isNull(alerts.settledAt)))
    .orderBy(asc(alerts.raisedAt));
}

/** Records a government's acknowledgement; false when that government had already acknowledged. */
export async function insertAcknowledgement(db: Executor, ack: typeof acknowledgements.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(acknowledgements)
    .values(ack)
    .onConflictDoNothing()
    .returning({ alertId: acknowledgements.alertId });
  return inserted.length > 0;
}

/** The governments that acknowledged any of the incident's alerts (the local one, or the central one after escalation). */
export async function governmentsThatAcknowledgedIncident(db: Executor, incidentId: string): Promise<Country[]> {
  const rows = await db
    .selectDistinct({ government: acknowledgements.government })
    .from(acknowledgements)
    .innerJoin(alerts, eq(alerts.id, acknowledgements.alertId))
    .where(eq(alerts.incidentId, incidentId));
  return rows.map((r) => r.government);
}

export async function governmentsThatAcknowledged(db: Executor, alertId: string): Promise<Country[]> {
  const rows = await db
    .select({ government: acknowledgements.government })
    .from(acknowledgements)
    .where(eq(acknowledgements.alertId, alertId));
  return rows.map((r) => r.government);
}

/** Settles the incident's open alerts (it was resolved or closed); returns the ids it settled. */
export async function settleOpenAlerts(db: Executor, incidentId: string, at: Date): Promise<string[]> {
  const rows = await db
    .update(alerts)
    .set({ settledAt: at })
    .where(and(eq(alerts.incidentId, incidentId), isNull(alerts.settledAt)))
    .returning({ id: alerts.id });
  return rows.map((r) => r.id);
}

/**
 * Running alerts of incidents `government` has not acknowledged, earliest deadline first:
 * open and not escalated (an escalated local alert's clock is its central alert's now), so
 * one per incident.
 */
export async function awaitingAcknowledgement(db: Executor, government: Country): Promise<AwaitingRow[]> {
  const acknowledged = alias(alerts, 'acknowledged_alert');
  const rows = await db
    .select({ incidentId: alerts.incidentId, alertId: alerts.id, tier: alerts.tier, ackDeadline: alerts.ackDeadline })
    .from(alerts)
    .where(
      and(
        isNull(alerts.settledAt),
        isNull(alerts.escalatedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(acknowledgements)
            .innerJoin(acknowledged, eq(acknowledged.id, acknowledgements.alertId))
            .where(and(eq(acknowledged.incidentId, alerts.incidentId), eq(acknowledgements.government, government))),
        ),
      ),
    )
    .orderBy(asc(alerts.ackDeadline));
  return rows.map((r) => ({ ...r, ackDeadline: r.ackDeadline.toISOString() }));
}

export interface AwaitingRow {
  incidentId: string;
  alertId: string;
  tier: AlertRow['tier'];
  ackDeadline: string;
}

export async function markAlert(
  db: Executor,
  alertId: string,
  change: Partial<Pick<AlertRow, 'escalatedAt' | 'settledAt'>>,
): Promise<void> {
  await db.update(alerts).set(change).where(eq(alerts.id, alertId));
}

/** Incidents with an escalated alert, most recent escalation first. */
export async function escalatedIncidentIds(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .select({ incidentId: alerts.incidentId, lastEscalation: max(alerts.escalatedAt) })
    .from(alerts)
    .where(isNotNull(alerts.escalatedAt))
    .groupBy(alerts.incidentId)
    .orderBy(desc(max(alerts.escalatedAt)))
    .limit(limit);
  return rows.map((r) => r.incidentId);
}
