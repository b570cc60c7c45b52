import type { Db } from '@server/core/db.js';
import { advisories } from '@server/db/schema/advisories.js';
import { acknowledgements, alerts } from '@server/db/schema/alerts.js';
import { incidentEvents, incidents } from '@server/db/schema/incidents.js';
import { commitments, mechanismMembers, meetings } from '@server/db/schema/liaison.js';
import { portStatusChanges } from '@server/db/schema/reference.js';
import { movementEvents, movementRefusals, movements } from '@server/db/schema/repatriation.js';
import { places } from './factories.js';

/*
 * Records written straight to the tables, as the features would have stored them, at the
 * instants a scenario needs (reports count what happened in a period: a test sets it up to the
 * second). Each factory takes what the scenario cares about and fills the rest.
 */

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export async function insertIncident(
  db: Db,
  over: Partial<Insert<typeof incidents>> & Pick<Insert<typeof incidents>, 'occurredAt' | 'reportedBy'>,
): Promise<string> {
  const [row] = await db
    .insert(incidents)
    .values({
      type: 'migrant_distress',
      severity: 'medium',
      summary: 'Report for the review',
      location: { x: places.tijuana.lon, y: places.tijuana.lat },
      mechanismId: 'san-diego-tijuana',
      areaIds: [],
      reportingAgency: 'Test agency',
      reportingCountry: 'US',
      ...over,
    })
    .returning({ id: incidents.id });
  return row!.id;
}

/** A local alert raised at `raisedAt` with the deadline `minutes` later; its acknowledgements by government. */
export async function insertAlert(
  db: Db,
  alert: {
    incidentId: string;
    raisedAt: Date;
    minutes?: number;
    tier?: 'local' | 'central';
    escalatedAt?: Date;
    acknowledgedBy: { government: 'US' | 'MX'; userId: string; at: Date; withReport?: boolean }[];
  },
): Promise<string> {
  const { incidentId, raisedAt, minutes = 10, tier = 'local', escalatedAt } = alert;
  const [row] = await db
    .insert(alerts)
    .values({
      incidentId,
      tier,
      raisedAt,
      ackDeadline: new Date(raisedAt.getTime() + minutes * 60_000),
      escalatedAt: escalatedAt ?? null,
    })
    .returning({ id: alerts.id });
  for (const ack of alert.acknowledgedBy)
    await db.insert(acknowledgements).values({
      alertId: row!.id,
      government: ack.government,
      userId: ack.userId,
      userName: 'Test officer',
      at: ack.at,
      withReport: ack.withReport ?? false,
    });
  return row!.id;
}

/** An investigation recorded or changed on the incident's timeline (what PUT /investigation writes). */
export async function insertInvestigationEvent(
  db: Db,
  event: { incidentId: string; at: Date; status: string; leadAgency: string; caseReference: string },
): Promise<void> {
  const { incidentId, at, ...data } = event;
  await db
    .insert(incidentEvents)
    .values({ incidentId, kind: 'investigation', text: null, data, actorName: 'Test', at });
}

export async function insertMovement(
  db: Db,
  over: Partial<Insert<typeof movements>> & Pick<Insert<typeof movements>, 'portId' | 'at' | 'persons'>,
): Promise<string> {
  const [row] = await db
    .insert(movements)
    .values({ mechanismId: 'san-diego-tijuana', fromFacility: 'Test facility', plannedBy: 'Test', ...over })
    .returning({ id: movements.id });
  return row!.id;
}

export async function insertMovementEvent(
  db: Db,
  event: Pick<Insert<typeof movementEvents>, 'movementId' | 'kind' | 'data' | 'at'>,
): Promise<void> {
  await db.insert(movementEvents).values({ text: null, actorName: 'Test', ...event });
}

/** A plan or reschedule the rules refused (what the movement service records on a 422). */
export async function insertMovementRefusal(
  db: Db,
  refusal: Pick<Insert<typeof movementRefusals>, 'portId' | 'codes' | 'at'> & Partial<Insert<typeof movementRefusals>>,
): Promise<void> {
  await db
    .insert(movementRefusals)
    .values({ action: 'plan', mechanismId: 'san-diego-tijuana', persons: 1, exercise: false, ...refusal });
}

export async function insertPortStatus(
  db: Db,
  change: Pick<Insert<typeof portStatusChanges>, 'portId' | 'status' | 'at'> &
    Partial<Insert<typeof portStatusChanges>>,
): Promise<void> {
  await db.insert(portStatusChanges).values({ actorName: 'Test', ...change });
}

export async function insertAdvisory(
  db: Db,
  over: Partial<Insert<typeof advisories>> & Pick<Insert<typeof advisories>, 'createdBy' | 'hazard'>,
): Promise<void> {
  const publishedAt = over.publishedAt ?? null;
  await db.insert(advisories).values({
    severity: 'moderate',
    status: publishedAt ? 'published' : 'draft',
    areaIds: [],
    mechanismIds: ['san-diego-tijuana'],
    validFrom: publishedAt ?? new Date('2025-01-01T00:00:00Z'),
    validTo: new Date((publishedAt ?? new Date('2025-01-01T00:00:00Z')).getTime() + 86_400_000),
    publishedAt,
    ...over,
  });
}

export async function insertMeeting(
  db: Db,
  meeting: Pick<Insert<typeof meetings>, 'mechanismId' | 'startsAt' | 'timeZone'>,
): Promise<void> {
  await db.insert(meetings).values({ durationMinutes: 90, place: 'Test room', agenda: 'Review', ...meeting });
}

export async function insertCommitment(
  db: Db,
  commitment: Pick<Insert<typeof commitments>, 'mechanismId' | 'dueDate' | 'done' | 'createdAt'>,
): Promise<void> {
  await db.insert(commitments).values({ text: 'Agreed at the meeting', owner: 'Both sides', ...commitment });
}

export async function insertMember(
  db: Db,
  member: Pick<Insert<typeof mechanismMembers>, 'mechanismId' | 'verifiedAt'>,
): Promise<void> {
  await db
    .insert(mechanismMembers)
    .values({ name: 'Test member', role: 'coordinator', agency: 'Test agency', country: 'US', ...member });
}
