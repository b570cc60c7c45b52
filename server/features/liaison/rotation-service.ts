import type { SessionUser } from '@shared/auth.js';
import type { FieldError } from '@shared/errors.js';
import { responsibleMechanismFor } from '@shared/geo.js';
import type { Language } from '@shared/i18n/index.js';
import {
  coverageWarningDays,
  overrideFieldErrors,
  rotationFieldErrors,
  type IntendedGap,
  type IntendedGapBody,
  type OnDuty,
  type Override,
  type OverrideBody,
  type PlaceOnDuty,
  type Rotation,
  type RotationBody,
} from '@shared/liaison/contract.js';
import type { GapWarningPayload } from '@shared/liaison/due-work.js';
import { liaisonAudience } from '@shared/liaison/events.js';
import { coverageGaps, onDutyAt } from '@shared/liaison/rotation.js';
import { liaisonText } from '@shared/liaison/text.js';
import type { LatLon } from '@shared/reference/contract.js';
import { mechanismName } from '@shared/reference/place.js';
import type { ChangeRecorder } from '@server/core/changes.js';
import type { Tx } from '@server/core/db.js';
import { notFound } from '@server/core/errors.js';
import { onDutyCalendar } from './calendar.js';
import { fieldError, invalidFields } from './field-errors.js';
import {
  asStored,
  DAY_MS,
  MechanismRecords,
  type LiaisonDependencies,
  type MechanismChange,
  type RemovableKind,
} from './mechanism-records.js';
import * as repo from './repository.js';

/** How long before an unintended coverage gap starts its mechanism is warned. */
export const GAP_WARNING_LEAD_MS = DAY_MS;
/** The calendar feed by default: from yesterday, four weeks; at most a quarter. */
const CALENDAR_DEFAULT_DAYS = 28;
const CALENDAR_MAX_DAYS = 92;

const ms = (iso: string) => Date.parse(iso);

const overrides: RemovableKind<OverrideBody, Override> = {
  name: 'override',
  entity: 'duty_override',
  roster: 'override',
  store: repo.overrideStore,
  present: asStored,
};

const intendedGaps: RemovableKind<IntendedGapBody, IntendedGap> = {
  name: 'intendedGap',
  entity: 'intended_gap',
  roster: 'intended_gap',
  store: repo.intendedGapStore,
  present: asStored,
};

/**
 * Who is on duty (Plan of Action VIII): the weekly rotation, one-off overrides and gaps marked
 * as intended; who to call at an instant, for a mechanism or a place; the schedule as
 * iCalendar; and a day's warning before an unintended coverage gap.
 */
export class RotationService {
  private readonly records: MechanismRecords;

  constructor(private readonly deps: LiaisonDependencies) {
    this.records = new MechanismRecords(deps);
  }

  /** Who is on duty at `at` (the server's now when omitted), each side in escalation order. */
  async onDuty(id: string, at?: string): Promise<OnDuty> {
    const { db, clock } = this.deps;
    const instant = at ?? clock.now().toISOString();
    const mechanism = await this.records.mechanism(db, id);
    return onDutyAt(await this.records.roster(db, mechanism, instant), instant);
  }

  /** "Who do I call now for this place?": the responsible mechanism (shared/geo.ts) and its on-duty contacts. */
  async placeOnDuty(point: LatLon, at?: string): Promise<PlaceOnDuty> {
    const { mechanisms } = await this.deps.geography.forAssignment();
    const responsible = responsibleMechanismFor(point, mechanisms);
    if (!responsible) throw notFound();
    const onDuty = await this.onDuty(responsible.mechanismId, at);
    return { ...onDuty, ...responsible };
  }

  /** The on-duty schedule as iCalendar for [from, to): by default from a day ago for four weeks. */
  async calendar(id: string, range: { from?: string; to?: string }, language: Language): Promise<string> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const from = range.from ?? new Date(now.getTime() - DAY_MS).toISOString();
    const to = range.to ?? new Date(ms(from) + CALENDAR_DEFAULT_DAYS * DAY_MS).toISOString();
    if (ms(to) <= ms(from) || ms(to) - ms(from) > CALENDAR_MAX_DAYS * DAY_MS)
      throw invalidFields([
        fieldError('querystring.to', liaisonText('liaison.validation.calendarRange', { days: CALENDAR_MAX_DAYS })),
      ]);
    const mechanism = await this.records.mechanism(db, id);
    return onDutyCalendar({
      roster: await this.records.roster(db, mechanism, from),
      mechanismName: mechanismName(mechanism)[language],
      from,
      to,
      stamp: now.toISOString(),
      language,
    });
  }

  /** Replaces the whole weekly rotation; assignees must be members of the shift's side. */
  putRotation(user: SessionUser, id: string, body: RotationBody): Promise<Rotation> {
    return this.records.run(user, id, async (change) => {
      const { tx, record, mechanism, now } = change;
      const before = await this.records.roster(tx, mechanism, now.toISOString());
      const errors = rotationFieldErrors(body.shifts, before.members);
      if (errors.length) throw invalidFields(errors);
      const shifts = await repo.replaceShifts(tx, id, body.shifts);
      record.audit({
        action: 'liaison.rotation.put',
        entity: 'mechanism',
        entityId: id,
        before: before.shifts,
        after: shifts,
      });
      await this.records.rosterChanged(change, { what: 'rotation', id: null });
      return { shifts };
    });
  }

  addOverride(user: SessionUser, id: string, body: OverrideBody): Promise<Override> {
    return this.records.create(user, id, overrides, (change) => this.checkedOverride(change, body, null));
  }

  updateOverride(user: SessionUser, id: string, overrideId: string, body: OverrideBody): Promise<Override> {
    return this.records.update(user, id, overrides, overrideId, (change) =>
      this.checkedOverride(change, body, overrideId),
    );
  }

  removeOverride(user: SessionUser, id: string, overrideId: string): Promise<void> {
    return this.records.remove(user, id, overrides, overrideId);
  }

  addIntendedGap(user: SessionUser, id: string, body: IntendedGapBody): Promise<IntendedGap> {
    return this.records.create(user, id, intendedGaps, () => body);
  }

  updateIntendedGap(user: SessionUser, id: string, gapId: string, body: IntendedGapBody): Promise<IntendedGap> {
    return this.records.update(user, id, intendedGaps, gapId, () => body);
  }

  removeIntendedGap(user: SessionUser, id: string, gapId: string): Promise<void> {
    return this.records.remove(user, id, intendedGaps, gapId);
  }

  /**
   * One link of a mechanism's warning chain (due work `liaison.coverage-gap`): if the roster
   * is still the one the row was computed for, warn of the gap it was scheduled for (when it
   * is still there and still unintended), then schedule the next link a day before the next
   * gap — or a re-check when the coming week has none. A roster change starts a new chain and
   * retires this one.
   */
  async warnOfGap(tx: Tx, record: ChangeRecorder, mechanismId: string, payload: GapWarningPayload, now: Date) {
    if ((await repo.rosterVersion(tx, mechanismId)) !== payload.version) return;
    const mechanism = await this.deps.geography.mechanism(tx, mechanismId);
    if (!mechanism) return;
    const roster = await this.records.roster(tx, mechanism, now.toISOString());
    // No rotation yet: nothing to warn of; the first rotation starts a chain.
    if (roster.shifts.length === 0) return;
    const horizon = new Date(now.getTime() + coverageWarningDays * DAY_MS).toISOString();
    const ahead = coverageGaps(roster, now.toISOString(), horizon).filter((g) => ms(g.start) > now.getTime());
    const warned = payload.gapStart ? ms(payload.gapStart) : now.getTime();
    if (payload.gapStart) {
      for (const gap of ahead.filter((g) => ms(g.start) === warned))
        record.event('roster.gap_ahead', { mechanismId, gap }, liaisonAudience(mechanismId));
    }
    const next = ahead.find((g) => ms(g.start) > warned);
    const dueAt = next
      ? Math.max(now.getTime(), ms(next.start) - GAP_WARNING_LEAD_MS)
      : now.getTime() + coverageWarningDays * DAY_MS - GAP_WARNING_LEAD_MS;
    this.deps.dueWork.schedule(record, {
      kind: 'liaison.coverage-gap',
      subjectId: mechanismId,
      dueAt: new Date(dueAt),
      payload: { version: payload.version, ...(next ? { gapStart: next.start } : {}) },
    });
  }

  /** The override as sent, once its assignee is on its side and it overlaps no other override of its side and call order. */
  private async checkedOverride(
    { tx, mechanism }: MechanismChange,
    body: OverrideBody,
    self: string | null,
  ): Promise<OverrideBody> {
    const errors: FieldError[] = [];
    if (body.memberId !== null) {
      const assignee = await repo.findMember(tx, mechanism.id, body.memberId);
      if (!assignee) errors.push(fieldError('memberId', liaisonText('liaison.validation.unknownMember')));
      else if (assignee.country !== body.side)
        errors.push(fieldError('memberId', liaisonText('liaison.validation.otherSide')));
    }
    const others = (await repo.overridesAt(tx, mechanism.id, body.side, body.escalation, mechanism.timeZone)).filter(
      (o) => o.id !== self,
    );
    const overlap = overrideFieldErrors([...others, body]).some((e) => e.path === `overrides.${others.length}.start`);
    if (overlap) errors.push(fieldError('start', liaisonText('liaison.validation.overrideOverlap')));
    if (errors.length) throw invalidFields(errors);
    return body;
  }
}
