import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import type { ErrorBody } from '@shared/errors.js';
import { reportSummary, type ReportSummary } from '@shared/reports/contract.js';
import type { PortStatusReason } from '@shared/reference/contract.js';
import type { Person, PersonCategory } from '@shared/repatriation/contract.js';
import { mechanismMembers } from '@server/db/schema/liaison.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { ManualClock, startApp } from '../helpers/app.js';
import { officers, places, signedInUser, type TestUser } from '../helpers/factories.js';
import {
  insertAdvisory,
  insertAlert,
  insertCommitment,
  insertIncident,
  insertInvestigationEvent,
  insertMeeting,
  insertMember,
  insertMovement,
  insertMovementEvent,
  insertMovementRefusal,
  insertPortStatus,
} from '../helpers/records.js';

/*
 * One month of a mechanism's records, written at known instants, and the review of it computed
 * by hand: San Diego – Tijuana, March 2025 (Tijuana time, which moved to PDT on 9 March).
 * The period starts at 2025-03-01T08:00Z (midnight PST) and ends at 2025-04-01T07:00Z
 * (midnight PDT); the previous period of the same length (31 days) starts on 29 January.
 */

const SDT = 'san-diego-tijuana';
const CALEXICO = 'calexico-mexicali';
const MOUNTAINS = 'east-san-diego-mountains';
const at = (iso: string) => new Date(iso);
const march = 'from=2025-03-01&to=2025-04-01';

describe(`bilateral review reports (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  // Ten days after the period: what is measured "now" (roster age) differs from the period's end.
  const clock = new ManualClock(at('2025-04-10T00:00:00Z'));
  let supervisor: TestUser;
  let consul: TestUser;
  let calexicoLiaison: TestUser;
  const ids: Record<string, string> = {};

  const get = (user: Pick<TestUser, 'cookie'>, url: string) => app.inject({ url, headers: { cookie: user.cookie } });
  const summary = async (user: Pick<TestUser, 'cookie'>, query: string): Promise<ReportSummary> => {
    const res = await get(user, `/api/reports/summary?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return reportSummary.parse(res.json());
  };
  const refusal = async (user: Pick<TestUser, 'cookie'>, url: string, status: number): Promise<ErrorBody> => {
    const res = await get(user, url);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const csv = async (url: string): Promise<{ raw: string; rows: string[][] }> => {
    const res = await get(supervisor, url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    // An independent RFC 4180 reader, told to keep the byte-order mark so the test sees it is there.
    return { raw: res.body, rows: parse(res.body, { bom: false, relax_quotes: false }) };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startApp(await db.open(), { clock });
    supervisor = await signedInUser(app, officers.usSupervisor);
    consul = await signedInUser(app, officers.mxConsul);
    calexicoLiaison = await signedInUser(app, { role: 'liaison', country: 'US', mechanismId: CALEXICO });
    const d = app.db;
    const reportedBy = supervisor.id;
    const incident = (name: string, over: Omit<Parameters<typeof insertIncident>[1], 'reportedBy'>) =>
      insertIncident(d, { reportedBy, ...over }).then((id) => (ids[name] = id));

    // ---- incidents ----
    await incident('A', {
      occurredAt: at('2025-03-05T10:00:00-08:00'),
      type: 'death',
      severity: 'critical',
      deceased: 2,
      areaIds: [MOUNTAINS],
    });
    await incident('B', {
      occurredAt: at('2025-03-15T12:00:00-07:00'),
      type: 'migrant_distress',
      severity: 'high',
      rescued: 5,
      injured: 1,
      reportingCountry: 'MX',
      demo: true,
    });
    // 23:30 Tijuana time on the last day: in the month. 00:30 the next day: out.
    await incident('C', {
      occurredAt: at('2025-03-31T23:30:00-07:00'),
      type: 'drowning',
      severity: 'high',
      rescued: 1,
      deceased: 1,
      areaIds: [MOUNTAINS],
    });
    await incident('D', { occurredAt: at('2025-04-01T00:30:00-07:00'), type: 'drowning', severity: 'low' });
    await incident('J', { occurredAt: at('2025-03-22T10:00:00-07:00'), type: 'bomb_threat', severity: 'medium' });
    // A drill in the middle of the month: left out of every figure.
    await incident('E', {
      occurredAt: at('2025-03-20T08:00:00-07:00'),
      type: 'death',
      severity: 'critical',
      deceased: 3,
      exercise: true,
    });
    // The previous period: F and G in it (G at 23:30 on its last day), H the day before it.
    await incident('F', { occurredAt: at('2025-02-10T10:00:00-08:00'), type: 'heat_exposure', severity: 'low' });
    await incident('G', { occurredAt: at('2025-02-28T23:30:00-08:00'), type: 'other', severity: 'low' });
    await incident('H', { occurredAt: at('2025-01-28T23:00:00-08:00'), type: 'other', severity: 'low' });
    // Another mechanism's.
    await incident('K', {
      occurredAt: at('2025-03-10T09:00:00-07:00'),
      type: 'death',
      severity: 'medium',
      deceased: 1,
      mechanismId: CALEXICO,
      areaIds: ['all-american-canal'],
      location: { x: places.canal.lon, y: places.canal.lat },
    });

    // ---- alerts: the reporting government acknowledges with the report; the other answers ----
    const ack = (government: 'US' | 'MX', iso: string, withReport = false) => ({
      government,
      userId: supervisor.id,
      at: at(iso),
      withReport,
    });
    await insertAlert(d, {
      incidentId: ids.A!,
      raisedAt: at('2025-03-05T18:00:00Z'),
      acknowledgedBy: [ack('US', '2025-03-05T18:00:00Z', true), ack('MX', '2025-03-05T18:02:00Z')], // MX 120 s
    });
    await insertAlert(d, {
      incidentId: ids.B!,
      raisedAt: at('2025-03-15T19:00:00Z'),
      acknowledgedBy: [ack('MX', '2025-03-15T19:00:00Z', true), ack('US', '2025-03-15T19:05:00Z')], // US 300 s
    });
    await insertAlert(d, {
      incidentId: ids.J!,
      raisedAt: at('2025-03-22T17:00:00Z'),
      acknowledgedBy: [ack('US', '2025-03-22T17:00:00Z', true), ack('MX', '2025-03-22T17:08:00Z')], // MX 480 s
    });
    // Raised 23:30 Tijuana time on the 31st; Mexico answered after the deadline, once it had escalated.
    await insertAlert(d, {
      incidentId: ids.C!,
      raisedAt: at('2025-04-01T06:30:00Z'),
      escalatedAt: at('2025-04-01T06:40:00Z'),
      acknowledgedBy: [ack('US', '2025-04-01T06:30:00Z', true), ack('MX', '2025-04-01T06:55:00Z')], // MX 1500 s
    });
    // The central desks' alert of that escalation is not a second early alert.
    await insertAlert(d, {
      incidentId: ids.C!,
      tier: 'central',
      raisedAt: at('2025-04-01T06:40:00Z'),
      acknowledgedBy: [ack('MX', '2025-04-01T06:55:00Z')],
    });
    await insertAlert(d, {
      incidentId: ids.E!,
      raisedAt: at('2025-03-20T15:00:00Z'),
      acknowledgedBy: [ack('MX', '2025-03-20T15:00:10Z')],
    });

    // ---- investigations, on the incidents' timelines ----
    const investigation = (name: string, iso: string, status: string, leadAgency: string, caseReference: string) =>
      insertInvestigationEvent(d, { incidentId: ids[name]!, at: at(iso), status, leadAgency, caseReference });
    await investigation('A', '2025-03-06T10:00:00Z', 'open', 'FBI', 'F-1');
    await investigation('A', '2025-03-20T10:00:00Z', 'under_review', 'FBI', 'F-1');
    await investigation('F', '2025-02-11T10:00:00Z', 'open', 'FGR', 'M-7');
    await investigation('G', '2025-02-15T10:00:00Z', 'open', 'FBI', 'F-2, "Otay"');
    await investigation('G', '2025-03-25T10:00:00Z', 'closed', 'FBI', 'F-2, "Otay"');
    await investigation('H', '2025-01-30T10:00:00Z', 'open', 'FGR', 'M-1');
    await investigation('H', '2025-02-20T10:00:00Z', 'closed', 'FGR', 'M-1');
    await investigation('E', '2025-03-21T10:00:00Z', 'open', 'FBI', 'DRILL');
    await investigation('C', '2025-04-02T10:00:00Z', 'open', 'FBI', 'F-3');
    await investigation('K', '2025-03-12T10:00:00Z', 'open', 'FBI', 'F-9');

    // ---- repatriations (San Ysidro's daylight window for vulnerable persons: 08:00–18:00) ----
    const mx = (category: PersonCategory, nationality = 'MX'): Person => ({ category, nationality });
    await insertMovement(d, {
      portId: 'san-ysidro',
      arrangementId: 'lra-california-baja-california',
      at: at('2025-03-10T16:30:00Z'), // 09:30 PDT
      persons: [mx('adult_male'), mx('unaccompanied_minor'), mx('pregnant')],
      status: 'confirmed',
      receivedAt: at('2025-03-10T16:40:00Z'),
      receivedCount: 3,
      noticeDueAt: at('2025-03-09T16:30:00Z'),
      consularNoticeAt: at('2025-03-09T12:00:00Z'),
    });
    ids.M2 = await insertMovement(d, {
      portId: 'san-ysidro',
      arrangementId: 'lra-california-baja-california',
      at: at('2025-03-20T03:00:00Z'), // 20:00 PDT on the 19th
      persons: [mx('adult_female'), mx('ill')],
      noticeDueAt: at('2025-03-19T03:00:00Z'),
      consularNoticeAt: at('2025-03-19T05:00:00Z'),
    });
    await insertMovementEvent(d, {
      movementId: ids.M2,
      kind: 'notice',
      at: at('2025-03-19T05:00:00Z'),
      data: { late: true, violations: [{ code: 'CONSULAR_NOTICE_LATE', message: { en: 'late', es: 'tarde' } }] },
    });
    await insertMovement(d, {
      portId: 'otay-mesa',
      at: at('2025-03-25T17:00:00Z'), // 10:00 PDT
      persons: [mx('adult_male'), mx('adult_male', 'GT')],
      noticeDueAt: at('2025-03-24T17:00:00Z'),
    });
    await insertMovement(d, {
      portId: 'san-ysidro',
      arrangementId: 'lra-california-baja-california',
      at: at('2025-04-01T06:30:00Z'), // 23:30 PDT on the 31st
      persons: [mx('accompanied_minor')],
      noticeDueAt: at('2025-03-31T06:30:00Z'),
      consularNoticeAt: at('2025-03-30T00:00:00Z'),
    });
    await insertMovement(d, {
      portId: 'san-ysidro',
      at: at('2025-03-12T17:00:00Z'),
      persons: [mx('adult_male')],
      status: 'cancelled',
    });
    ids.drill = await insertMovement(d, {
      portId: 'san-ysidro',
      at: at('2025-03-13T17:00:00Z'),
      persons: [mx('adult_male')],
      exercise: true,
    });
    await insertMovementEvent(d, {
      movementId: ids.drill,
      kind: 'notice',
      at: at('2025-03-13T10:00:00Z'),
      data: { late: true, violations: [{ code: 'CONSULAR_NOTICE_LATE', message: { en: 'late', es: 'tarde' } }] },
    });
    await insertMovement(d, {
      portId: 'nogales',
      mechanismId: 'nogales-nogales',
      at: at('2025-03-14T17:00:00Z'),
      persons: [mx('adult_male')],
    });

    // Plans and reschedules the rules refused: two in the month (three rules), one a minute after
    // it, a drill's, and another mechanism's port: only the first two count.
    const refused = (iso: string, codes: string[], over: Partial<Parameters<typeof insertMovementRefusal>[1]> = {}) =>
      insertMovementRefusal(d, { portId: 'san-ysidro', codes, at: at(iso), ...over });
    await refused('2025-03-03T20:00:00Z', ['VULNERABLE_OUTSIDE_DAYLIGHT', 'NON_MEXICAN_NATIONAL']);
    await refused('2025-03-29T18:00:00Z', ['VULNERABLE_OUTSIDE_DAYLIGHT'], {
      action: 'reschedule',
      movementId: ids.M2,
    });
    await refused('2025-04-01T07:01:00Z', ['CAPACITY_EXCEEDED']);
    await refused('2025-03-13T17:00:00Z', ['OUTSIDE_WINDOW'], { exercise: true });
    await refused('2025-03-14T17:00:00Z', ['PORT_CLOSED'], { portId: 'nogales', mechanismId: 'nogales-nogales' });

    // ---- ports: each status holds until the port's next change ----
    const portHistory: Array<[string, 'open' | 'restricted' | 'closed', string, PortStatusReason?]> = [
      ['san-ysidro', 'closed', '2025-02-01T10:00:00Z', 'other'],
      ['san-ysidro', 'open', '2025-02-02T10:00:00Z'],
      ['san-ysidro', 'closed', '2025-02-27T10:00:00Z', 'bomb_threat'],
      ['san-ysidro', 'open', '2025-03-01T12:00:00Z'],
      ['san-ysidro', 'restricted', '2025-03-10T15:00:00Z', 'weather'],
      ['san-ysidro', 'open', '2025-03-10T18:00:00Z'],
      ['otay-mesa', 'closed', '2025-03-31T20:00:00Z', 'pursuit'],
      ['nogales', 'closed', '2025-03-05T20:00:00Z', 'weather'],
    ];
    for (const [portId, status, iso, reason] of portHistory)
      await insertPortStatus(d, { portId, status, at: at(iso), reason: reason ?? null });

    // ---- advisories ----
    const createdBy = supervisor.id;
    await insertAdvisory(d, {
      createdBy,
      hazard: 'heat',
      publishedAt: at('2025-03-12T16:00:00Z'),
      areaIds: [MOUNTAINS],
    });
    await insertAdvisory(d, {
      createdBy,
      hazard: 'heat',
      publishedAt: at('2025-03-20T16:00:00Z'),
      mechanismIds: [SDT, CALEXICO],
    });
    await insertAdvisory(d, { createdBy, hazard: 'flood', publishedAt: at('2025-03-28T16:00:00Z') });
    await insertAdvisory(d, { createdBy, hazard: 'heat', publishedAt: at('2025-03-21T16:00:00Z'), exercise: true });
    await insertAdvisory(d, { createdBy, hazard: 'snow_storm' });
    await insertAdvisory(d, {
      createdBy,
      hazard: 'wildfire',
      publishedAt: at('2025-03-21T16:00:00Z'),
      mechanismIds: [CALEXICO],
    });

    // ---- the mechanism: meetings on its clock, commitments, its roster ----
    const zone = 'America/Tijuana';
    await insertMeeting(d, { mechanismId: SDT, startsAt: '2025-03-14T10:00', timeZone: zone });
    await insertMeeting(d, { mechanismId: SDT, startsAt: '2025-03-31T23:30', timeZone: zone });
    await insertMeeting(d, { mechanismId: SDT, startsAt: '2025-04-01T00:30', timeZone: zone });
    await insertMeeting(d, { mechanismId: CALEXICO, startsAt: '2025-03-14T10:00', timeZone: zone });
    const made = at('2025-03-14T18:00:00Z');
    await insertCommitment(d, { mechanismId: SDT, createdAt: made, dueDate: '2025-03-20', done: true });
    await insertCommitment(d, { mechanismId: SDT, createdAt: made, dueDate: '2025-03-25', done: false });
    await insertCommitment(d, { mechanismId: SDT, createdAt: made, dueDate: '2025-04-15', done: false });
    await insertCommitment(d, {
      mechanismId: SDT,
      createdAt: at('2025-02-10T18:00:00Z'),
      dueDate: '2025-03-05',
      done: false,
    });
    await insertCommitment(d, {
      mechanismId: SDT,
      createdAt: at('2025-02-10T18:00:00Z'),
      dueDate: '2025-02-20',
      done: false,
    });
    // The demo roster was verified when the database was seeded: this mechanism's is replaced by two members.
    await d.delete(mechanismMembers).where(eq(mechanismMembers.mechanismId, SDT));
    await insertMember(d, { mechanismId: SDT, verifiedAt: at('2025-01-01T00:00:00Z') });
    await insertMember(d, { mechanismId: SDT, verifiedAt: at('2025-03-01T00:00:00Z') });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it("reads a mechanism's month on its own clock: 23:30 on the last day is in, 00:30 the next day is out, the drill is left out", async () => {
    const report = await summary(supervisor, `${march}&mechanism=${SDT}`);
    expect(report.period).toEqual({ from: '2025-03-01', to: '2025-04-01', timeZone: 'America/Tijuana' });
    expect(report.previous).toEqual({ from: '2025-01-29', to: '2025-03-01' });
    expect(report.scope).toEqual({ mechanism: SDT, area: null, port: null });
    expect(report.generatedAt).toBe('2025-04-10T00:00:00.000Z');
    expect(report.demo).toEqual({ incidents: 1 });
    expect(report.incidents).toEqual({
      total: 4, // A, B, C, J
      previousTotal: 2, // F, G
      byType: { death: 1, migrant_distress: 1, drowning: 1, bomb_threat: 1 },
      bySeverity: { critical: 1, high: 2, medium: 1 },
      byMechanism: { [SDT]: 4 },
      byArea: { [MOUNTAINS]: 2 },
      byMonth: [{ month: '2025-03', count: 4, deceased: 3 }],
      deceasedByArea: { [MOUNTAINS]: 3 },
      people: { rescued: 6, injured: 1, deceased: 3 },
    });
  });

  it('answers each government’s response times: median and 90th percentile, by deadline, the reporting government apart', async () => {
    const { response } = await summary(supervisor, `${march}&mechanism=${SDT}`);
    expect(response).toEqual({
      alerts: 4,
      // Mexico answered in 120, 480 and 1500 s: the median is 480; the 90th percentile lies 0.8 of the
      // way from the second to the third (percentile_cont): 480 + 0.8 × 1020 = 1296.
      MX: { acknowledged: 3, medianSeconds: 480, p90Seconds: 1296, byDeadline: 2 },
      US: { acknowledged: 1, medianSeconds: 300, p90Seconds: 300, byDeadline: 1 },
      acknowledgedWithReport: { US: 3, MX: 1 },
      escalations: 1,
      escalationShare: 0.25,
    });
  });

  it('follows the investigations: opened, updated, closed, stale, by lead agency, and the open ones by age', async () => {
    const { investigations } = await summary(supervisor, `${march}&mechanism=${SDT}`);
    expect(investigations).toEqual({
      opened: 1, // A
      updated: 2, // A's review, G's closing
      closed: 1, // G
      stale: 1, // F: not updated since 11 February
      byLeadAgency: { FBI: 2, FGR: 1 }, // A, G; F (H was closed before the month)
      byStatus: { under_review: 1, open: 1, closed: 1 },
      open: [
        // At the month's end (1 April 07:00Z): 48 days and 21 hours; 25 days and 21 hours.
        { incidentId: ids.F, openedAt: '2025-02-11T10:00:00.000Z', days: 48 },
        { incidentId: ids.A, openedAt: '2025-03-06T10:00:00.000Z', days: 25 },
      ],
    });
  });

  it('counts repatriations by port, hour on the port’s clock, category and nationality, with notices and refusals', async () => {
    const { repatriations } = await summary(supervisor, `${march}&mechanism=${SDT}`);
    const byHour = new Array<number>(24).fill(0);
    [byHour[9], byHour[20], byHour[10], byHour[23]] = [3, 2, 2, 1];
    expect(repatriations).toEqual({
      movements: 4,
      persons: 8,
      byPort: { 'san-ysidro': 6, 'otay-mesa': 2 },
      byHour,
      byCategory: {
        adult_male: 3,
        unaccompanied_minor: 1,
        pregnant: 1,
        adult_female: 1,
        ill: 1,
        accompanied_minor: 1,
      },
      byNationality: { MX: 7, GT: 1 },
      vulnerable: 3, // the minor and the pregnant woman at 09:30, the ill person at 20:00
      vulnerableInDaylight: 2,
      refusedChecksByRule: { CONSULAR_NOTICE_LATE: 1, VULNERABLE_OUTSIDE_DAYLIGHT: 2, NON_MEXICAN_NATIONAL: 1 },
      notices: { onTime: 2, late: 2 }, // one recorded late, one never recorded by its deadline
      receptionsConfirmed: 1,
    });
  });

  it('lists the closures that held in the month, the advisories published, and the mechanism’s meetings and commitments', async () => {
    const report = await summary(supervisor, `${march}&mechanism=${SDT}`);
    expect(report.ports.closures).toEqual([
      {
        portId: 'san-ysidro',
        status: 'closed',
        from: '2025-02-27T10:00:00.000Z',
        to: '2025-03-01T12:00:00.000Z',
        reason: 'bomb_threat',
      },
      {
        portId: 'san-ysidro',
        status: 'restricted',
        from: '2025-03-10T15:00:00.000Z',
        to: '2025-03-10T18:00:00.000Z',
        reason: 'weather',
      },
      { portId: 'otay-mesa', status: 'closed', from: '2025-03-31T20:00:00.000Z', to: null, reason: 'pursuit' },
    ]);
    expect(report.advisories).toEqual({ published: 3, byHazard: { heat: 2, flood: 1 } });
    expect(report.mechanisms).toEqual({
      meetings: 2, // 14 March; 23:30 on the 31st (00:30 on 1 April is out)
      commitments: { made: 3, done: 1, overdue: 2 }, // due 25 March, and 5 March from February
      // Verified on 1 January; measured now (10 April), not at the period's end.
      rosters: [
        { mechanismId: SDT, members: 2, oldestVerifiedAt: '2025-01-01T00:00:00.000Z', oldestVerificationDays: 99 },
      ],
    });
  });

  it('reads the whole border on UTC: the same dates hold other incidents', async () => {
    const report = await summary(supervisor, march);
    expect(report.period.timeZone).toBe('UTC');
    expect(report.scope).toEqual({ mechanism: null, area: null, port: null });
    // A, B, J and Calexico's K; G (07:30Z on 1 March) is in, C (06:30Z on 1 April) is out.
    expect(report.incidents.total).toBe(5);
    expect(report.incidents.byMechanism).toEqual({ [SDT]: 4, [CALEXICO]: 1 });
    // F and H (07:00Z on 29 January).
    expect(report.incidents.previousTotal).toBe(2);
    // The movement at 06:30Z on 1 April (23:30 at the port) is April's in UTC.
    expect(report.repatriations.byPort).toEqual({ 'san-ysidro': 5, 'otay-mesa': 2, nogales: 1 });
    // Nogales's refusal too; the one at 07:01Z on 1 April is April's here as well.
    expect(report.repatriations.refusedChecksByRule).toEqual({
      CONSULAR_NOTICE_LATE: 1,
      VULNERABLE_OUTSIDE_DAYLIGHT: 2,
      NON_MEXICAN_NATIONAL: 1,
      PORT_CLOSED: 1,
    });
  });

  it('narrows to a high-risk area and to a port', async () => {
    const area = await summary(supervisor, `${march}&area=${MOUNTAINS}`);
    expect(area.scope).toEqual({ mechanism: SDT, area: MOUNTAINS, port: null });
    expect(area.period.timeZone).toBe('America/Tijuana');
    expect(area.incidents.total).toBe(2); // A and C
    expect(area.advisories).toEqual({ published: 1, byHazard: { heat: 1 } });

    const port = await summary(supervisor, `${march}&port=san-ysidro`);
    expect(port.scope).toEqual({ mechanism: SDT, area: null, port: 'san-ysidro' });
    expect(port.repatriations.movements).toBe(3);
    expect(port.repatriations.byPort).toEqual({ 'san-ysidro': 6 });
    expect((await summary(supervisor, `${march}&port=otay-mesa`)).repatriations.refusedChecksByRule).toEqual({});
    expect(port.ports.closures.map((c) => c.portId)).toEqual(['san-ysidro', 'san-ysidro']);
  });

  it('keeps an officer to their own mechanism: another mechanism or its port is refused', async () => {
    const own = await summary(consul, march);
    expect(own.scope.mechanism).toBe(SDT);
    expect(own.incidents.total).toBe(4);
    expect((await refusal(consul, `/api/reports/summary?${march}&mechanism=${CALEXICO}`, 403)).code).toBe(
      'out_of_scope',
    );
    expect((await refusal(consul, `/api/reports/summary?${march}&port=nogales`, 403)).code).toBe('out_of_scope');
    expect((await refusal(calexicoLiaison, `/api/reports/incidents.csv?${march}&mechanism=${SDT}`, 403)).code).toBe(
      'out_of_scope',
    );
    // Supervisors and the central desks see every mechanism.
    expect((await summary(supervisor, `${march}&mechanism=${CALEXICO}`)).incidents.total).toBe(1);
  });

  it('answers zeros and empty lists for a period with nothing in it', async () => {
    const report = await summary(supervisor, `from=2024-06-01&to=2024-07-01&mechanism=${SDT}`);
    expect(report.incidents).toEqual({
      total: 0,
      previousTotal: 0,
      byType: {},
      bySeverity: {},
      byMechanism: {},
      byArea: {},
      byMonth: [{ month: '2024-06', count: 0, deceased: 0 }],
      deceasedByArea: {},
      people: { rescued: 0, injured: 0, deceased: 0 },
    });
    expect(report.response.MX).toEqual({ acknowledged: 0, medianSeconds: null, p90Seconds: null, byDeadline: 0 });
    expect(report.response.escalationShare).toBe(0);
    expect(report.investigations.open).toEqual([]);
    expect(report.repatriations.byHour).toEqual(new Array(24).fill(0));
    expect(report.ports.closures).toEqual([]);
    expect(report.mechanisms.commitments).toEqual({ made: 0, done: 0, overdue: 0 });
  });

  it('refuses a period that ends before it starts, runs past five years, or is not a date, naming the field in both languages', async () => {
    const backwards = await refusal(supervisor, '/api/reports/summary?from=2025-03-01&to=2025-02-01', 400);
    expect(backwards.fields).toEqual([
      {
        path: 'querystring.to',
        message: { en: 'must be after the start of the period', es: 'debe ser posterior al inicio del periodo' },
      },
    ]);
    const long = await refusal(supervisor, '/api/reports/summary?from=2020-01-01&to=2025-01-02', 400);
    expect(long.fields?.[0]?.path).toBe('querystring.to');
    expect(long.fields?.[0]?.message.es).toBe('un informe abarca 5 años como máximo');
    // Exactly five years is allowed.
    await summary(supervisor, 'from=2020-01-01&to=2025-01-01');
    const garbled = await refusal(supervisor, '/api/reports/incidents.csv?from=2025-13-01&to=2025-04-01', 400);
    expect(garbled.fields?.map((f) => f.path)).toEqual(['querystring.from']);
    expect(garbled.fields?.[0]?.message.es).toBeTruthy();
    const unknown = await refusal(supervisor, `/api/reports/summary?${march}&mechanism=atlantis`, 400);
    expect(unknown.fields?.map((f) => f.path)).toEqual(['querystring.mechanism']);
    expect((await refusal(supervisor, `/api/reports/summary.csv?${march}`, 400)).code).toBe('validation_failed');
  });

  it('exports the incidents as RFC 4180 CSV with a byte-order mark, headers in Spanish, times on the mechanism’s clock', async () => {
    const { raw, rows } = await csv(`/api/reports/incidents.csv?${march}&mechanism=${SDT}&lang=es`);
    expect(raw.startsWith('\uFEFF')).toBe(true);
    expect(raw).toContain('\r\n');
    const [header, ...records] = rows;
    expect(header).toEqual([
      '\uFEFFIncidente',
      'Ocurrió (America/Tijuana)',
      'Tipo',
      'Gravedad',
      'Estado',
      'Mecanismo',
      'Zonas de alto riesgo',
      'Rescatados',
      'Lesionados',
      'Fallecidos',
      'Gobierno que reporta',
      'Registro de demostración',
    ]);
    expect(records.map((r) => r[0])).toEqual([ids.A, ids.B, ids.J, ids.C]);
    expect(records.at(-1)).toEqual([
      ids.C,
      '2025-03-31 23:30',
      'Ahogamiento',
      expect.any(String),
      expect.any(String),
      SDT,
      MOUNTAINS,
      '1',
      '0',
      '1',
      'EE. UU.',
      'no',
    ]);
    expect(records[1]?.[11]).toBe('sí');
  });

  it('exports response, investigations, repatriations and ports, and English headers by default', async () => {
    const response = (await csv(`/api/reports/response.csv?${march}&mechanism=${SDT}`)).rows;
    expect(response[0]?.[0]).toBe('\uFEFFIncident');
    // Four alerts, a line per government each.
    expect(response).toHaveLength(1 + 8);
    const lateMx = response.find((r) => r[0] === ids.C && r[3] === 'Mexico');
    expect(lateMx?.slice(5, 8)).toEqual(['1500', 'no', 'no']);

    const investigations = (await csv(`/api/reports/investigations.csv?${march}&mechanism=${SDT}`)).rows;
    expect(investigations.slice(1).map((r) => r[0])).toEqual([ids.F, ids.G, ids.A]);
    // A comma and quotes in a field come back whole.
    expect(investigations.find((r) => r[0] === ids.G)?.[2]).toBe('F-2, "Otay"');

    const movements = (await csv(`/api/reports/repatriations.csv?${march}&mechanism=${SDT}&lang=es`)).rows;
    expect(movements).toHaveLength(1 + 4);
    expect(movements[1]?.slice(1, 7)).toEqual([
      'san-ysidro',
      '2025-03-10 09:30',
      'America/Tijuana',
      '3',
      '2',
      'hombre adulto × 1; mujer embarazada × 1; menor no acompañado × 1',
    ]);

    const ports = (await csv(`/api/reports/ports.csv?${march}&mechanism=${SDT}`)).rows;
    expect(ports.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['san-ysidro', '50'],
      ['san-ysidro', '3'],
      ['otay-mesa', ''],
    ]);
  });
});
