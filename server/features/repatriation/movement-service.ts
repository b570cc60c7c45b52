import type { Audience } from '@shared/audience.js';
import type { SessionUser } from '@shared/auth.js';
import type { DueWorkPayload } from '@shared/due-work/catalogue.js';
import type { BilingualText } from '@shared/errors.js';
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
  CancelBody,
  CheckBody,
  ConfirmReceptionBody,
  Movement,
  MovementBody,
  MovementDetail,
  MovementsQuery,
  NoticeBody,
  RescheduleBody,
} from '@shared/repatriation/contract.js';
import { movementAudience, noticeOverdueAudience } from '@shared/repatriation/events.js';
import { formatWhen } from '@shared/repatriation/messages.js';
import { windowZone } from '@shared/repatriation/windows.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor, Tx } from '@server/core/db.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { AppError, forbidden, invalidField, notFound, outOfScope } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { RulesRefused, type CheckService } from './check-service.js';
import { versionConflict } from './conflicts.js';
import { listRange, requireListedPort } from './lists.js';
import * as repo from './repository.js';

const MS_PER_HOUR = 3_600_000;

export interface MovementDependencies {
  db: Executor;
  /** Changes that the checks' snapshots follow (`CheckService.following`). */
  changes: Changes;
  checks: Pick<CheckService, 'allowed' | 'verdict'>;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
}

/** What a change to a movement leaves besides its row: a line on its timeline, an audit record, its events. */
interface Trace {
  /** The audit action (`movement.notice`). */
  action: string;
  line: Pick<repo.TimelineInsert, 'kind' | 'text' | 'data'>;
  /** Tells whoever must hear, with the movement as it now stands. */
  announce: (record: ChangeRecorder, movement: Movement) => void;
}

/** One step on a planned movement: the columns it sets (besides `version` and `updatedAt`), and its trace. */
interface Step extends Trace {
  set: Partial<repo.MovementInsert>;
}

/** The events whose payload is the movement alone. */
type MovementEventKind =
  | 'repatriation.planned'
  | 'repatriation.notice-recorded'
  | 'repatriation.confirmed'
  | 'repatriation.cancelled'
  | 'repatriation.notice-overdue';

/** Announces the movement as it now stands; by default to the port's mechanism on both sides and its planner. */
const announced =
  (kind: MovementEventKind, audienceOf: (movement: Movement) => Audience = movementAudience) =>
  (record: ChangeRecorder, movement: Movement) =>
    record.event(kind, { movementId: movement.id, movement }, audienceOf(movement));

/** What a refused plan or reschedule leaves: where, for how many persons (the rules broken are added). */
type RefusedAttempt = Omit<repo.RefusalInsert, 'id' | 'codes' | 'actorId' | 'at' | 'movementId'> & {
  movementId: string | null;
};

/** When the consulate must have been told: `at` less the notice the group needs (Plan of Action VII: ex-convicts their own). */
function noticeDueAt(arrangement: Arrangement, persons: MovementBody['persons'], at: Date): Date {
  const exConvicts = persons.some((p) => p.category === 'ex_convict');
  const hours = Math.max(arrangement.noticeHours, exConvicts ? arrangement.exConvict.noticeHours : 0);
  return new Date(at.getTime() - hours * MS_PER_HOUR);
}

/**
 * The life of a planned movement (Plan of Action VI and VII): planned where the engine allows,
 * the Mexican consulate's notice, reception by the Mexican side, reschedule, cancellation, and
 * the notice deadline passing. Every change is audited, on the movement's timeline and
 * announced to the port's mechanism on both sides.
 */
export class MovementService {
  constructor(private readonly deps: MovementDependencies) {}

  /** Movements whose time lies in [from, to) at one port or every port, earliest first. */
  async list(query: MovementsQuery): Promise<Movement[]> {
    const { db, geography, clock } = this.deps;
    const { from, to } = listRange(query, clock.now());
    if (query.port) requireListedPort(await geography.ports(db), query.port);
    return repo.listMovements(db, { portId: query.port, from, to });
  }

  async get(id: string): Promise<MovementDetail> {
    const row = await repo.findMovement(this.deps.db, id);
    if (!row) throw notFound();
    return this.detail(this.deps.db, row);
  }

  async plan(user: SessionUser, body: MovementBody): Promise<Movement> {
    const { changes, checks, clock } = this.deps;
    const mechanismId = await this.portMechanism(body.portId);
    const attempt = async (): Promise<RefusedAttempt> => ({
      action: 'plan',
      movementId: null,
      portId: body.portId,
      mechanismId,
      persons: body.persons.length,
      exercise: body.exercise,
    });
    return this.refusalRecorded(user, attempt, () =>
      changes.run(actorOf(user), async (tx, record) => {
        const now = clock.now();
        const arrangement = await checks.allowed(tx, body, now);
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
          noticeDueAt: noticeDueAt(arrangement, body.persons, at),
          ...(body.consularNoticeAt
            ? { consularNoticeAt: new Date(body.consularNoticeAt), consularNoticeBy: user.displayName }
            : {}),
          plannedById: user.id,
          plannedBy: user.displayName,
          createdAt: now,
          updatedAt: now,
        });
        const movement = repo.toMovement(row);
        await this.trace(tx, record, movement, null, user.displayName, now, {
          action: 'movement.plan',
          line: {
            kind: 'planned',
            text: body.fromFacility,
            data: { portId: body.portId, at: movement.at, persons: body.persons.length, exercise: body.exercise },
          },
          announce: announced('repatriation.planned'),
        });
        this.scheduleNoticeDeadline(record, row);
        return movement;
      }),
    );
  }

  /**
   * The Mexican consulate was notified (2003 report: consular notification): recorded as a fact,
   * even when late. The engine re-checks the notice rules; a late notice goes on the timeline
   * with its violations, and the movement must be rescheduled (the engine now counts the notice).
   */
  recordNotice(user: SessionUser, id: string, body: NoticeBody): Promise<MovementDetail> {
    return this.step(user, id, 'notice', body.version, async (tx, before, now) => {
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
      const late = (await this.deps.checks.verdict(tx, request)).violations.filter(
        (v) => v.code === 'CONSULAR_NOTICE_LATE' || v.code === 'EX_CONVICT_NOTICE_LATE',
      );
      return {
        set: { consularNoticeAt: at, consularNoticeBy: user.displayName },
        action: 'movement.notice',
        line: { kind: 'notice', text: null, data: { at: at.toISOString(), late: late.length > 0, violations: late } },
        announce: announced('repatriation.notice-recorded'),
      };
    });
  }

  /** The Mexican side of the port received the persons (who, when, how many). */
  confirmReception(user: SessionUser, id: string, body: ConfirmReceptionBody): Promise<MovementDetail> {
    return this.step(user, id, 'confirm', body.version, async (_tx, before, now) => {
      if (body.received > before.persons.length) {
        throw invalidField('received', ref('repatriationError.receivedTooMany', { count: before.persons.length }));
      }
      return {
        set: { status: 'confirmed', receivedAt: now, receivedBy: user.displayName, receivedCount: body.received },
        action: 'movement.confirm-reception',
        line: { kind: 'confirmed', text: null, data: { received: body.received, persons: before.persons.length } },
        announce: announced('repatriation.confirmed'),
      };
    });
  }

  /** A new time (and perhaps port): the engine decides again, not counting the movement against itself. */
  async reschedule(user: SessionUser, id: string, body: RescheduleBody): Promise<MovementDetail> {
    const { db, checks } = this.deps;
    // Read outside the transaction (an embedded database has one connection); `version` guards the port it names.
    const portId = body.portId ?? (await repo.findMovement(db, id))?.portId;
    const mechanismId = portId ? await this.portMechanism(portId) : null;
    const attempt = async (): Promise<RefusedAttempt> => {
      const row = (await repo.findMovement(db, id))!;
      const { persons, exercise } = repo.toMovement(row);
      return { action: 'reschedule', movementId: id, portId: portId!, mechanismId, persons: persons.length, exercise };
    };
    return this.refusalRecorded(user, attempt, () =>
      this.step(user, id, 'reschedule', body.version, async (tx, before, now, record) => {
        const request: CheckBody = {
          portId: body.portId ?? before.portId,
          at: body.at,
          persons: before.persons,
          movementId: id,
          exercise: before.exercise,
          ...(before.consularNoticeAt ? { consularNoticeAt: before.consularNoticeAt.toISOString() } : {}),
        };
        const arrangement = await checks.allowed(tx, request, now);
        const at = new Date(body.at);
        const set = {
          portId: request.portId,
          arrangementId: arrangement.id,
          mechanismId,
          at,
          noticeDueAt: noticeDueAt(arrangement, before.persons, at),
        };
        // A deadline of its own: the old one finds the movement at another time and lets it be.
        this.scheduleNoticeDeadline(record, { ...before, ...set });
        const from = { portId: before.portId, at: before.at.toISOString() };
        return {
          set,
          action: 'movement.reschedule',
          line: { kind: 'rescheduled', text: null, data: { from, to: { portId: set.portId, at: at.toISOString() } } },
          announce: (record, movement) => {
            const event = { movementId: id, movement, from };
            record.event('repatriation.rescheduled', event, movementAudience(movement));
            // Moved to another mechanism's port: the one it left hears too.
            if (before.mechanismId !== movement.mechanismId)
              record.event('repatriation.rescheduled', event, movementAudience(repo.toMovement(before)));
          },
        };
      }),
    );
  }

  cancel(user: SessionUser, id: string, body: CancelBody): Promise<MovementDetail> {
    return this.step(user, id, 'cancel', body.version, async (_tx, _before, now) => ({
      set: { status: 'cancelled', cancelledAt: now, cancelledBy: user.displayName, cancelReason: body.reason },
      action: 'movement.cancel',
      line: { kind: 'cancelled', text: body.reason, data: {} },
      announce: announced('repatriation.cancelled'),
    }));
  }

  /**
   * Due work `repatriation.notice-deadline`: the deadline passed. Unless the movement was noticed,
   * received, cancelled or moved meanwhile (a reschedule sets a deadline of its own), the timeline
   * says so and the Mexican side of the port is told.
   */
  async noticeOverdue(
    tx: Tx,
    record: ChangeRecorder,
    work: { subjectId: string; payload: DueWorkPayload<'repatriation.notice-deadline'> },
    now: Date,
  ): Promise<void> {
    const row = await repo.findMovement(tx, work.subjectId, true);
    if (!row || row.status !== 'planned' || row.consularNoticeAt || row.at.toISOString() !== work.payload.at) return;
    const movement = repo.toMovement(row);
    await this.trace(tx, record, movement, null, 'system', now, {
      action: 'movement.notice-overdue',
      line: { kind: 'notice_overdue', text: null, data: { noticeDueAt: movement.noticeDueAt } },
      announce: announced('repatriation.notice-overdue', noticeOverdueAudience),
    });
  }

  /**
   * Runs a plan or a reschedule; when the rules refuse it, records which rules stopped it (for the
   * bilateral reviews: how often each rule stopped a movement), audited, then answers the refusal.
   * The refused change itself wrote nothing: its transaction rolled back.
   */
  private async refusalRecorded<T>(
    user: SessionUser,
    attempt: () => Promise<RefusedAttempt>,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof RulesRefused)) throw error;
      const refused = { ...(await attempt()), codes: [...new Set(error.verdict.violations.map((v) => v.code))] };
      // A port the console doesn't know is a mistake in the request, not a rule stopping a movement.
      if (!(await this.deps.geography.ports()).some((p) => p.id === refused.portId)) throw error;
      await this.deps.changes.run(actorOf(user), async (tx, record) => {
        await repo.insertRefusal(tx, { ...refused, actorId: user.id, at: this.deps.clock.now() });
        record.audit({
          action: `movement.${refused.action}-refused`,
          entity: 'movement',
          entityId: refused.movementId,
          after: refused,
        });
      });
      throw error;
    }
  }

  /**
   * One step on a movement, by a user who may take it now: the step's columns, the version
   * bumped, and its trace, in one change. Answers the movement with its timeline.
   */
  private step(
    user: SessionUser,
    id: string,
    action: MovementAction,
    version: number | undefined,
    decide: (tx: Tx, before: repo.MovementRow, now: Date, record: ChangeRecorder) => Promise<Step>,
  ): Promise<MovementDetail> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.authorised(tx, user, id, action, version);
      const now = clock.now();
      const { set, ...trace } = await decide(tx, before, now, record);
      const row = await repo.updateMovement(tx, id, { ...set, version: before.version + 1, updatedAt: now });
      await this.trace(tx, record, repo.toMovement(row), repo.toMovement(before), user.displayName, now, trace);
      return this.detail(tx, row);
    });
  }

  /** The change's line on the movement's timeline, its audit record and its events, in its transaction. */
  private async trace(
    tx: Tx,
    record: ChangeRecorder,
    movement: Movement,
    before: Movement | null,
    by: string,
    at: Date,
    { action, line, announce }: Trace,
  ): Promise<void> {
    await repo.appendTimeline(tx, [{ movementId: movement.id, ...line, actorName: by, at }]);
    record.audit({ action, entity: 'movement', entityId: movement.id, ...(before ? { before } : {}), after: movement });
    announce(record, movement);
  }

  private async detail(db: Executor, row: repo.MovementRow): Promise<MovementDetail> {
    return { ...repo.toMovement(row), timeline: await repo.timelineOf(db, row.id) };
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
    const conflict = (code: 'movement_not_planned' | 'notice_recorded' | 'reception_too_early', text: BilingualText) =>
      new AppError(409, code, text, { extra: { current: movement } });
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
        throw conflict(
          'movement_not_planned',
          bilingual('repatriationRefusal.notPlanned', { status: ref(`movementStatus.${row.status}`) }),
        );
      case 'noticeRecorded':
        throw conflict('notice_recorded', bilingual('repatriationRefusal.noticeRecorded'));
      case 'receptionTooEarly': {
        // Written at the port's clock, as the movement's time is.
        const [opensAt, zone] = [receptionOpensAt(movement), await this.portZone(tx, row.portId)];
        const text = (language: 'en' | 'es') =>
          t(language, 'repatriationRefusal.receptionTooEarly', {
            when: formatWhen(opensAt, zone, language, now),
            hours: RECEPTION_LEAD_HOURS,
          });
        throw conflict('reception_too_early', { en: text('en'), es: text('es') });
      }
    }
    if (version !== undefined && version !== row.version) throw versionConflict(movement);
    return row;
  }

  /** A movement planned without a notice on record gets a deadline: at it, the Mexican side hears the notice is overdue. */
  private scheduleNoticeDeadline(
    record: ChangeRecorder,
    movement: Pick<repo.MovementRow, 'id' | 'at' | 'consularNoticeAt' | 'noticeDueAt'>,
  ): void {
    if (movement.consularNoticeAt || !movement.noticeDueAt) return;
    this.deps.dueWork.schedule(record, {
      kind: 'repatriation.notice-deadline',
      subjectId: movement.id,
      dueAt: movement.noticeDueAt,
      payload: { at: movement.at.toISOString() },
    });
  }

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
}
