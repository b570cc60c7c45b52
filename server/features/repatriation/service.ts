import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { everyone } from '@shared/audience.js';
import type { SessionUser } from '@shared/auth.js';
import { responsibleMechanismFor } from '@shared/geo.js';
import { bilingual, ref, t } from '@shared/i18n/index.js';
import {
  movementRefusal,
  RECEPTION_LEAD_HOURS,
  receptionOpensAt,
  type MovementAction,
} from '@shared/repatriation/access.js';
import type {
  Arrangement,
  ArrangementBody,
  CancelBody,
  CheckBody,
  CheckResult,
  ConfirmReceptionBody,
  Movement,
  MovementBody,
  MovementDetail,
  MovementsQuery,
  NoticeBody,
  RepatriationWindow,
  RescheduleBody,
  ScheduleQuery,
  UpdateArrangementBody,
  WindowsQuery,
} from '@shared/repatriation/contract.js';
import { checkRange, checkRepatriationOnce, portName, type PlannedMovement } from '@shared/repatriation/engine.js';
import { movementAudience, noticeOverdueAudience } from '@shared/repatriation/events.js';
import { formatWhen } from '@shared/repatriation/messages.js';
import { expandWindows, windowZone } from '@shared/repatriation/windows.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Db, Executor, Tx } from '@server/core/db.js';
import type { DueWork, DueWorkApi } from '@server/core/due-work.js';
import { AppError, forbidden, invalidField, notFound, outOfScope } from '@server/core/errors.js';
import type { GeographyApi, PortSummary } from '@server/features/reference/index.js';
import { windowsCalendar } from './calendar.js';
import { CheckSnapshots } from './check-snapshots.js';
import * as repo from './repository.js';

/** Due work: a planned movement's consular-notice deadline (at − notice hours). */
export const NOTICE_DEADLINE = 'repatriation.notice-deadline';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** `/windows` and `/movements` without a range: the coming week. */
const DEFAULT_RANGE_DAYS = 7;
/** The calendar feed covers the next eight weeks (issue 14). */
const CALENDAR_WEEKS = 8;
/** How long a check may go without seeing another instance's change (see `CheckSnapshots`). */
const CHECK_SNAPSHOT_TTL_MS = 5_000;

/** The engine's data for one request (`RepatriationData`), with the full records the service needs afterwards. */
interface CheckData {
  arrangements: Arrangement[];
  ports: PortSummary[];
  movements: PlannedMovement[];
}

export interface RepatriationDependencies {
  db: Db;
  changes: Changes;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
}

/** 422: the engine's verdict; nothing was written. */
function notAllowed(result: CheckResult): AppError {
  return new AppError(
    422,
    'not_allowed',
    bilingual('repatriationError.notAllowed', { count: result.violations.length }),
    {
      extra: { violations: result.violations, nextWindows: result.nextWindows },
    },
  );
}

const versionConflict = (current: unknown) =>
  new AppError(409, 'version_conflict', bilingual('repatriationError.versionConflict'), { extra: { current } });

/** Postgres unique_violation, wherever the driver put it. */
function isUniqueViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: { code?: string } };
  return code === '23505' || cause?.code === '23505';
}

/** Hours of consular notice a group needs under an arrangement (Plan of Action VII: ex-convicts their own). */
function noticeHours(arrangement: Arrangement, persons: MovementBody['persons']): number {
  const exConvicts = persons.some((p) => p.category === 'ex_convict');
  return Math.max(arrangement.noticeHours, exConvicts ? arrangement.exConvict.noticeHours : 0);
}

/**
 * Safe and orderly repatriation (Plan of Action VI and VII): arrangements, windows, the check,
 * and the life of a planned movement — consular notice, reception by the Mexican side,
 * reschedule, cancellation. The shared engine decides; every change is audited, on the
 * movement's timeline and announced to the port's mechanism on both sides.
 */
export class RepatriationService {
  private readonly deps: RepatriationDependencies;
  private readonly snapshots: CheckSnapshots;

  constructor(deps: RepatriationDependencies) {
    const snapshots = new CheckSnapshots(deps.db, () => deps.clock.now().getTime(), CHECK_SNAPSHOT_TTL_MS);
    // Every change of arrangements or movements goes through `changes`: the checks' snapshots follow it.
    const changes: Changes = { run: (actor, work) => deps.changes.run(actor, work).finally(() => snapshots.changed()) };
    this.deps = { ...deps, changes };
    this.snapshots = snapshots;
  }

  private range(query: { from?: string | undefined; to?: string | undefined }, days: number) {
    const from = query.from ? new Date(query.from) : this.deps.clock.now();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + days * MS_PER_DAY);
    if (to <= from) throw invalidField('querystring.to', ref('validation.invalid'));
    return { from, to };
  }

  private async knownPort(db: Executor, portId: string, field: string): Promise<void> {
    if (!(await this.deps.geography.ports(db)).some((p) => p.id === portId)) {
      throw invalidField(field, ref('repatriationError.unknownPort', { port: portId }));
    }
  }

  // ---- arrangements -----------------------------------------------------------------------

  arrangements(db: Executor): Promise<Arrangement[]> {
    return repo.listArrangements(db);
  }

  async arrangement(db: Executor, id: string): Promise<Arrangement> {
    const found = await repo.findArrangement(db, id);
    if (!found) throw notFound();
    return found;
  }

  /** 400 for a port that does not exist, 409 for one that belongs to another arrangement. */
  private async checkPorts(tx: Executor, body: ArrangementBody, self: string | null): Promise<void> {
    const ports = new Map((await this.deps.geography.ports(tx)).map((p) => [p.id, p]));
    body.portIds.forEach((portId, index) => {
      if (!ports.has(portId))
        throw invalidField(`portIds.${index}`, ref('repatriationError.unknownPort', { port: portId }));
    });
    const fields = (await repo.portOwners(tx, body.portIds, self)).map((owner) => ({
      path: `portIds.${body.portIds.indexOf(owner.portId)}`,
      message: bilingual('repatriationError.portInOtherArrangement', {
        port: portName(ports.get(owner.portId)!),
        arrangement: owner.name,
      }),
    }));
    if (fields.length > 0) throw new AppError(409, 'port_in_other_arrangement', fields[0]!.message, { fields });
  }

  async createArrangement(user: SessionUser, body: ArrangementBody): Promise<Arrangement> {
    const { changes, clock } = this.deps;
    const id = randomUUID();
    return this.portsTakenMeanwhile(body, null, () =>
      changes.run(actorOf(user), async (tx, record) => {
        await this.checkPorts(tx, body, null);
        await repo.insertArrangement(tx, id, body, clock.now());
        const created = (await repo.findArrangement(tx, id))!;
        record.audit({ action: 'arrangement.create', entity: 'arrangement', entityId: id, after: created });
        record.event('repatriation.arrangement', { arrangementId: id, arrangement: created }, everyone);
        return created;
      }),
    );
  }

  async updateArrangement(user: SessionUser, id: string, body: UpdateArrangementBody): Promise<Arrangement> {
    const { changes, clock } = this.deps;
    return this.portsTakenMeanwhile(body, id, () =>
      changes.run(actorOf(user), async (tx, record) => {
        const locked = await repo.lockArrangement(tx, id);
        if (!locked) throw notFound();
        const before = (await repo.findArrangement(tx, id))!;
        if (locked.version !== body.version) throw versionConflict(before);
        await this.checkPorts(tx, body, id);
        // A port with movements still planned under this arrangement can't leave it: they'd lose their rules.
        const planned = await repo.plannedMovementsByPort(tx, id);
        const ports = await this.deps.geography.ports(tx);
        for (const portId of before.portIds) {
          const count = planned.get(portId) ?? 0;
          if (count === 0 || body.portIds.includes(portId)) continue;
          const port = ports.find((p) => p.id === portId);
          throw invalidField(
            'portIds',
            ref('repatriationError.portHasMovements', { port: port ? portName(port) : portId, count }),
          );
        }
        await repo.replaceArrangement(tx, id, body, locked.version + 1, clock.now());
        const after = (await repo.findArrangement(tx, id))!;
        record.audit({ action: 'arrangement.update', entity: 'arrangement', entityId: id, before, after });
        record.event('repatriation.arrangement', { arrangementId: id, arrangement: after }, everyone);
        return after;
      }),
    );
  }

  /**
   * Refuses (409) while movements are still planned under the arrangement: cancelling them
   * silently would leave both sides expecting people no one sends. Received and cancelled
   * movements keep their history with no arrangement.
   */
  async deleteArrangement(user: SessionUser, id: string): Promise<void> {
    await this.deps.changes.run(actorOf(user), async (tx, record) => {
      if (!(await repo.lockArrangement(tx, id))) throw notFound();
      const before = (await repo.findArrangement(tx, id))!;
      const count = [...(await repo.plannedMovementsByPort(tx, id)).values()].reduce((a, b) => a + b, 0);
      if (count > 0) {
        throw new AppError(
          409,
          'arrangement_has_movements',
          bilingual('repatriationError.arrangementHasMovements', { count }),
          {
            extra: { plannedMovements: count },
          },
        );
      }
      await repo.deleteArrangement(tx, id);
      record.audit({ action: 'arrangement.delete', entity: 'arrangement', entityId: id, before });
      record.event('repatriation.arrangement', { arrangementId: id, arrangement: null }, everyone);
    });
  }

  /** Two edits claiming the same port at once: the unique constraint stops the second; answer it as the check would. */
  private async portsTakenMeanwhile<T>(body: ArrangementBody, self: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.checkPorts(this.deps.db, body, self);
      throw error;
    }
  }

  // ---- windows and calendars --------------------------------------------------------------

  /** Window occurrences in [from, to) at one port, or at every port of every arrangement, earliest first. */
  async windows(query: WindowsQuery): Promise<RepatriationWindow[]> {
    const { db, geography } = this.deps;
    const { from, to } = this.range(query, DEFAULT_RANGE_DAYS);
    const ports = await geography.ports(db);
    let list: Arrangement[];
    if (query.port) {
      await this.knownPort(db, query.port, 'querystring.port');
      const arrangement = await repo.arrangementOfPort(db, query.port);
      list = arrangement ? [arrangement] : [];
    } else {
      list = await repo.listArrangements(db);
    }
    const windows = list.flatMap((arrangement) =>
      ports
        .filter((port) => arrangement.portIds.includes(port.id) && (!query.port || port.id === query.port))
        .flatMap((port) => expandWindows(arrangement, port, from.toISOString(), to.toISOString())),
    );
    return windows.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.portId.localeCompare(b.portId));
  }

  /** RFC 5545 feed of a port's or an arrangement's windows over the next eight weeks; 404 when there is none. */
  async calendar(query: ScheduleQuery): Promise<string> {
    const { db, geography, clock } = this.deps;
    const arrangement = query.port
      ? await repo.arrangementOfPort(db, query.port)
      : await repo.findArrangement(db, query.arrangement!);
    if (!arrangement) throw notFound();
    const ports = (await geography.ports(db)).filter((p) =>
      query.port ? p.id === query.port : arrangement.portIds.includes(p.id),
    );
    const from = clock.now();
    const to = new Date(from.getTime() + CALENDAR_WEEKS * 7 * MS_PER_DAY);
    return windowsCalendar({ arrangement, ports, from: from.toISOString(), to: to.toISOString() });
  }

  // ---- the check --------------------------------------------------------------------------

  /**
   * What the engine needs for one request: every port (names and status), the arrangement of the
   * requested port, its movements around the instant and the movements holding the same families.
   */
  private async checkData(
    db: Executor,
    request: Pick<CheckBody, 'portId' | 'at' | 'persons' | 'exercise'>,
  ): Promise<CheckData> {
    if (db === this.deps.db) {
      const [ports, kept] = await Promise.all([this.deps.geography.portSummaries(), this.snapshots.read(request)]);
      if (kept) return { arrangements: kept.arrangement ? [kept.arrangement] : [], ports, movements: kept.movements };
    }
    // A transaction reads what it holds (and its connection runs one query at a time).
    const range = checkRange(request.at);
    const ports = await this.deps.geography.portSummaries(db);
    const arrangement = await repo.arrangementOfPort(db, request.portId);
    const movements = await repo.movementsForCheck(db, {
      portId: request.portId,
      from: new Date(range.from),
      to: new Date(range.to),
      familyIds: repo.familyIdsOf(request.persons),
      exercise: request.exercise ?? false,
    });
    return { arrangements: arrangement ? [arrangement] : [], ports, movements };
  }

  async check(body: CheckBody): Promise<CheckResult> {
    return checkRepatriationOnce(await this.checkData(this.deps.db, body), body, this.deps.clock.now().getTime());
  }

  /**
   * Serialises decisions that read the same counts: plans and reschedules against one
   * arrangement take turns (capacity), and so do those naming the same family (family unity).
   */
  private async lockFor(tx: Tx, portId: string, persons: MovementBody['persons']): Promise<void> {
    const arrangement = await repo.arrangementOfPort(tx, portId);
    if (arrangement) await repo.lockArrangement(tx, arrangement.id);
    for (const familyId of repo.familyIdsOf(persons).sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`family:${familyId}`}))`);
    }
  }

  // ---- movements --------------------------------------------------------------------------

  /** The zone a port's repatriation times are read in: its arrangement's, else the port's Mexican side. */
  private async portZone(db: Executor, portId: string): Promise<string> {
    const port = (await this.deps.geography.ports(db)).find((p) => p.id === portId);
    if (!port) return 'UTC';
    const arrangement = await repo.arrangementOfPort(db, portId);
    return arrangement ? windowZone(arrangement, port) : port.mxTimeZone;
  }

  /** The liaison mechanism responsible for a port: the one for its Mexican side, where the persons are received. */
  private async portMechanism(portId: string): Promise<string | null> {
    const [{ mechanisms }, ports] = await Promise.all([
      this.deps.geography.forAssignment(),
      this.deps.geography.ports(),
    ]);
    const port = ports.find((p) => p.id === portId);
    return port ? (responsibleMechanismFor(port.mxLocation, mechanisms)?.mechanismId ?? null) : null;
  }

  async plan(user: SessionUser, body: MovementBody): Promise<Movement> {
    const { changes, clock, dueWork } = this.deps;
    const mechanismId = await this.portMechanism(body.portId);
    return changes.run(actorOf(user), async (tx, record) => {
      await this.lockFor(tx, body.portId, body.persons);
      const data = await this.checkData(tx, body);
      const now = clock.now();
      const verdict = checkRepatriationOnce(data, body, now.getTime());
      if (!verdict.allowed) throw notAllowed(verdict);
      // Allowed means the port is in an arrangement.
      const arrangement = data.arrangements[0]!;
      const at = new Date(body.at);
      const row = await repo.insertMovement(tx, {
        portId: body.portId,
        arrangementId: arrangement.id,
        mechanismId,
        fromFacility: body.fromFacility,
        at,
        persons: body.persons,
        familyIds: repo.familyIdsOf(body.persons),
        exercise: body.exercise,
        noticeDueAt: new Date(at.getTime() - noticeHours(arrangement, body.persons) * MS_PER_HOUR),
        ...(body.consularNoticeAt
          ? { consularNoticeAt: new Date(body.consularNoticeAt), consularNoticeBy: user.displayName }
          : {}),
        plannedById: user.id,
        plannedBy: user.displayName,
        createdAt: now,
        updatedAt: now,
      });
      const movement = repo.toMovement(row);
      await repo.appendTimeline(tx, [
        {
          movementId: row.id,
          kind: 'planned',
          text: body.fromFacility,
          data: { portId: body.portId, at: movement.at, persons: body.persons.length, exercise: body.exercise },
          actorName: user.displayName,
          at: now,
        },
      ]);
      record.audit({ action: 'movement.plan', entity: 'movement', entityId: row.id, after: movement });
      record.event('repatriation.planned', { movementId: row.id, movement }, movementAudience(movement));
      await this.scheduleNoticeDeadline(tx, dueWork, row);
      return movement;
    });
  }

  /** A movement planned without a notice on record gets a deadline: at it, the Mexican side hears the notice is overdue. */
  private async scheduleNoticeDeadline(
    tx: Tx,
    dueWork: Pick<DueWorkApi, 'schedule'>,
    row: repo.MovementRow,
  ): Promise<void> {
    if (row.consularNoticeAt || !row.noticeDueAt) return;
    await dueWork.schedule(tx, {
      kind: NOTICE_DEADLINE,
      subjectId: row.id,
      dueAt: row.noticeDueAt,
      payload: { at: row.at.toISOString() },
    });
  }

  async movements(query: MovementsQuery): Promise<Movement[]> {
    const { from, to } = this.range(query, DEFAULT_RANGE_DAYS);
    if (query.port) await this.knownPort(this.deps.db, query.port, 'querystring.port');
    return repo.listMovements(this.deps.db, { portId: query.port, from, to });
  }

  async detail(db: Executor, id: string): Promise<MovementDetail> {
    const row = await repo.findMovement(db, id);
    if (!row) throw notFound();
    return { ...repo.toMovement(row), timeline: await repo.timelineOf(db, id) };
  }

  /**
   * The movement, locked, if `user` may take `action` on it now: 404 unknown, 403 not theirs to
   * take (with the reason), 409 when its state no longer allows it or `version` is stale.
   */
  private async authorised(
    tx: Tx,
    user: SessionUser,
    id: string,
    action: MovementAction,
    version?: number,
  ): Promise<repo.MovementRow> {
    const row = await repo.findMovement(tx, id, true);
    if (!row) throw notFound();
    const movement = repo.toMovement(row);
    const now = this.deps.clock.now().getTime();
    const refusal = movementRefusal(user, action, movement, now);
    switch (refusal) {
      case null:
        break;
      case 'scope':
        throw outOfScope();
      case 'role':
        throw forbidden();
      case 'noticeGovernment':
      case 'receptionGovernment':
        throw new AppError(403, 'forbidden', bilingual(`repatriationRefusal.${refusal}`));
      case 'notPlanned':
        throw new AppError(
          409,
          'movement_not_planned',
          bilingual('repatriationRefusal.notPlanned', { status: ref(`movementStatus.${row.status}`) }),
          {
            extra: { current: movement },
          },
        );
      case 'noticeRecorded':
        throw new AppError(409, 'notice_recorded', bilingual('repatriationRefusal.noticeRecorded'), {
          extra: { current: movement },
        });
      case 'receptionTooEarly': {
        // Written at the port's clock, as the movement's time is.
        const [opensAt, zone] = [receptionOpensAt(movement), await this.portZone(tx, row.portId)];
        const text = (language: 'en' | 'es') =>
          t(language, 'repatriationRefusal.receptionTooEarly', {
            when: formatWhen(opensAt, zone, language, now),
            hours: RECEPTION_LEAD_HOURS,
          });
        throw new AppError(
          409,
          'reception_too_early',
          { en: text('en'), es: text('es') },
          {
            extra: { current: movement },
          },
        );
      }
    }
    if (version !== undefined && version !== row.version) throw versionConflict(movement);
    return row;
  }

  /**
   * The Mexican consulate was notified (2003 report: consular notification): recorded as a fact,
   * even when late. The engine re-checks the notice rules; a late notice goes on the timeline
   * with its violations, and the movement must be rescheduled (the engine now counts the notice).
   */
  async recordNotice(user: SessionUser, id: string, body: NoticeBody): Promise<MovementDetail> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'notice', body.version);
      const now = clock.now();
      const at = body.at ? new Date(body.at) : now;
      if (at > now) throw invalidField('at', ref('repatriationError.noticeInFuture'));
      const request: CheckBody = {
        portId: before.portId,
        at: before.at.toISOString(),
        persons: before.persons,
        consularNoticeAt: at.toISOString(),
        movementId: before.id,
        exercise: before.exercise,
      };
      const verdict = checkRepatriationOnce(await this.checkData(tx, request), request);
      const late = verdict.violations.filter(
        (v) => v.code === 'CONSULAR_NOTICE_LATE' || v.code === 'EX_CONVICT_NOTICE_LATE',
      );
      const row = await repo.updateMovement(tx, id, {
        consularNoticeAt: at,
        consularNoticeBy: user.displayName,
        version: before.version + 1,
        updatedAt: now,
      });
      const movement = repo.toMovement(row);
      await repo.appendTimeline(tx, [
        {
          movementId: id,
          kind: 'notice',
          text: null,
          data: { at: movement.consularNotice!.at, late: late.length > 0, violations: late },
          actorName: user.displayName,
          at: now,
        },
      ]);
      record.audit({
        action: 'movement.notice',
        entity: 'movement',
        entityId: id,
        before: repo.toMovement(before),
        after: movement,
      });
      record.event('repatriation.notice-recorded', { movementId: id, movement }, movementAudience(movement));
      return this.detail(tx, id);
    });
  }

  /** The Mexican side of the port received the persons (who, when, how many). */
  async confirmReception(user: SessionUser, id: string, body: ConfirmReceptionBody): Promise<MovementDetail> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'confirm', body.version);
      if (body.received > before.persons.length) {
        throw invalidField('received', ref('repatriationError.receivedTooMany', { count: before.persons.length }));
      }
      const now = clock.now();
      const row = await repo.updateMovement(tx, id, {
        status: 'confirmed',
        receivedAt: now,
        receivedBy: user.displayName,
        receivedCount: body.received,
        version: before.version + 1,
        updatedAt: now,
      });
      const movement = repo.toMovement(row);
      await repo.appendTimeline(tx, [
        {
          movementId: id,
          kind: 'confirmed',
          text: null,
          data: { received: body.received, persons: before.persons.length },
          actorName: user.displayName,
          at: now,
        },
      ]);
      record.audit({
        action: 'movement.confirm-reception',
        entity: 'movement',
        entityId: id,
        before: repo.toMovement(before),
        after: movement,
      });
      record.event('repatriation.confirmed', { movementId: id, movement }, movementAudience(movement));
      return this.detail(tx, id);
    });
  }

  /** A new time (and perhaps port): the engine decides again, not counting the movement against itself. */
  async reschedule(user: SessionUser, id: string, body: RescheduleBody): Promise<MovementDetail> {
    const { changes, clock, dueWork, db } = this.deps;
    // Read outside the transaction (an embedded database has one connection); `version` guards the port it names.
    const portId = body.portId ?? (await repo.findMovement(db, id))?.portId;
    const mechanismId = portId ? await this.portMechanism(portId) : null;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'reschedule', body.version);
      const request: CheckBody = {
        portId: body.portId ?? before.portId,
        at: body.at,
        persons: before.persons,
        movementId: id,
        exercise: before.exercise,
        ...(before.consularNoticeAt ? { consularNoticeAt: before.consularNoticeAt.toISOString() } : {}),
      };
      await this.lockFor(tx, request.portId, request.persons);
      const data = await this.checkData(tx, request);
      const now = clock.now();
      const verdict = checkRepatriationOnce(data, request, now.getTime());
      if (!verdict.allowed) throw notAllowed(verdict);
      const arrangement = data.arrangements[0]!;
      const at = new Date(body.at);
      const row = await repo.updateMovement(tx, id, {
        portId: request.portId,
        arrangementId: arrangement.id,
        mechanismId,
        at,
        noticeDueAt: new Date(at.getTime() - noticeHours(arrangement, before.persons) * MS_PER_HOUR),
        version: before.version + 1,
        updatedAt: now,
      });
      const movement = repo.toMovement(row);
      const from = { portId: before.portId, at: before.at.toISOString() };
      await repo.appendTimeline(tx, [
        {
          movementId: id,
          kind: 'rescheduled',
          text: null,
          data: { from, to: { portId: movement.portId, at: movement.at } },
          actorName: user.displayName,
          at: now,
        },
      ]);
      record.audit({
        action: 'movement.reschedule',
        entity: 'movement',
        entityId: id,
        before: repo.toMovement(before),
        after: movement,
      });
      const event = { movementId: id, movement, from };
      record.event('repatriation.rescheduled', event, movementAudience(movement));
      // Moved to another mechanism's port: the one it left hears too.
      if (before.mechanismId !== movement.mechanismId)
        record.event('repatriation.rescheduled', event, movementAudience(repo.toMovement(before)));
      await this.scheduleNoticeDeadline(tx, dueWork, row);
      return this.detail(tx, id);
    });
  }

  async cancel(user: SessionUser, id: string, body: CancelBody): Promise<MovementDetail> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, 'cancel', body.version);
      const now = clock.now();
      const row = await repo.updateMovement(tx, id, {
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: user.displayName,
        cancelReason: body.reason,
        version: before.version + 1,
        updatedAt: now,
      });
      const movement = repo.toMovement(row);
      await repo.appendTimeline(tx, [
        { movementId: id, kind: 'cancelled', text: body.reason, data: {}, actorName: user.displayName, at: now },
      ]);
      record.audit({
        action: 'movement.cancel',
        entity: 'movement',
        entityId: id,
        before: repo.toMovement(before),
        after: movement,
      });
      record.event('repatriation.cancelled', { movementId: id, movement }, movementAudience(movement));
      return this.detail(tx, id);
    });
  }

  /**
   * Due work `repatriation.notice-deadline`: the deadline passed. Unless the movement was noticed,
   * received, cancelled or moved meanwhile (a reschedule sets a deadline of its own), the timeline
   * says so and the Mexican side of the port is told.
   */
  async noticeOverdue(tx: Tx, record: ChangeRecorder, work: DueWork, now: Date): Promise<void> {
    const row = await repo.findMovement(tx, work.subjectId, true);
    if (!row || row.status !== 'planned' || row.consularNoticeAt || row.at.toISOString() !== work.payload.at) return;
    const movement = repo.toMovement(row);
    await repo.appendTimeline(tx, [
      {
        movementId: row.id,
        kind: 'notice_overdue',
        text: null,
        data: { noticeDueAt: movement.noticeDueAt },
        actorName: 'system',
        at: now,
      },
    ]);
    record.audit({ action: 'movement.notice-overdue', entity: 'movement', entityId: row.id, after: movement });
    record.event('repatriation.notice-overdue', { movementId: row.id, movement }, noticeOverdueAudience(movement));
  }
}
