import { z } from 'zod';
import type { SessionUser } from '@shared/auth.js';
import type { FieldError } from '@shared/errors.js';
import { responsibleMechanismFor } from '@shared/geo.js';
import type { Language } from '@shared/i18n/index.js';
import { describeIssue } from '@shared/i18n/validation.js';
import {
  contactBodyFor,
  coverageWarningDays,
  overrideFieldErrors,
  rotationFieldErrors,
  type Commitment,
  type CommitmentBody,
  type CommitmentView,
  type Contact,
  type ContactBody,
  type IntendedGap,
  type IntendedGapBody,
  type Meeting,
  type MeetingBody,
  type MeetingView,
  type Member,
  type MemberBody,
  type MemberUpdateBody,
  type MechanismDetail,
  type MechanismSummary,
  type OnDuty,
  type Override,
  type OverrideBody,
  type PlaceOnDuty,
  type RotationBody,
  type Shift,
} from '@shared/liaison/contract.js';
import { coordinates } from '@shared/liaison/coordinators.js';
import { COVERAGE_GAP_WORK, liaisonAudience, type RosterUpdated } from '@shared/liaison/events.js';
import { isOverdue, mechanismFlagsAt } from '@shared/liaison/flags.js';
import { coverageGaps, onDutyAt } from '@shared/liaison/rotation.js';
import { liaisonText } from '@shared/liaison/text.js';
import { memberVCard, writeVCards } from '@shared/liaison/vcard.js';
import { can } from '@shared/permissions.js';
import type { LatLon, Mechanism, PolygonGeometry } from '@shared/reference/contract.js';
import { mechanismName } from '@shared/reference/place.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import { type Executor, type Tx, readAll } from '@server/core/db.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { AppError, forbidden, notFound, outOfScope } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { onDutyCalendar } from './calendar.js';
import * as repo from './repository.js';

const DAY_MS = 86_400_000;
/** Overrides and intended gaps that ended this long before an instant no longer affect who is on duty then (rotation.ts looks eight days around). */
const LOOKBACK_MS = 8 * DAY_MS;
/** How long before an unintended coverage gap starts its mechanism is warned. */
export const GAP_WARNING_LEAD_MS = DAY_MS;
/** The calendar feed by default: from yesterday, four weeks; at most a quarter. */
const CALENDAR_DEFAULT_DAYS = 28;
const CALENDAR_MAX_DAYS = 92;

/** Everything the liaison feature needs, handed in by its plugin (server/features/liaison/index.ts). */
export interface LiaisonDependencies {
  changes: Changes;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
}

/** The payload of a `liaison.coverage-gap` row: the roster version it was computed for, and the gap it will warn of. */
export const gapWarningPayload = z.object({ version: z.number().int(), gapStart: z.string().optional() });
export type GapWarningPayload = z.infer<typeof gapWarningPayload>;

/** 400 with each field's bilingual reason; nothing was written. */
function invalidFields(fields: FieldError[]): AppError {
  const text = (language: 'en' | 'es') => fields.map((f) => `${f.path}: ${f.message[language]}`).join('; ');
  return new AppError(400, 'validation_failed', { en: text('en'), es: text('es') }, { fields });
}

const fieldError = (path: string, message: FieldError['message']): FieldError => ({ path, message });

const ms = (iso: string) => Date.parse(iso);

/**
 * The Border Liaison Mechanisms and Interior Consultation Mechanisms (Plan of Action VIII):
 * rosters on both sides, duty rotations, "who do I call now", meetings and commitments.
 * Every change is audited and announced to the mechanism and the overseers.
 */
export class LiaisonService {
  constructor(private readonly deps: LiaisonDependencies) {}

  // ——— reading ———

  /** Every mechanism with its list flags at the server's now. */
  async list(db: Executor): Promise<MechanismSummary[]> {
    const now = this.deps.clock.now();
    const mechanisms = await this.deps.geography.mechanisms(db);
    const ids = mechanisms.map((m) => m.id);
    const [rosters, open] = await readAll(
      db,
      () => repo.rostersOf(db, mechanisms, new Date(now.getTime() - LOOKBACK_MS)),
      () => repo.commitmentsOf(db, ids, true),
    );
    return mechanisms.map((m) => ({
      ...m,
      flags: mechanismFlagsAt(
        rosters.get(m.id)!,
        open.filter((c) => c.mechanismId === m.id),
        now.toISOString(),
      ),
    }));
  }

  async detail(db: Executor, id: string): Promise<MechanismDetail> {
    const now = this.deps.clock.now();
    const mechanism = await this.mechanism(db, id);
    const [roster, open] = await readAll(
      db,
      () => this.roster(db, mechanism, now.toISOString()),
      () => repo.commitmentsOf(db, [id], true),
    );
    const { members, shifts, overrides, intendedGaps } = roster;
    return {
      ...mechanism,
      flags: mechanismFlagsAt(roster, open, now.toISOString()),
      members: [...members],
      shifts: [...shifts],
      overrides: [...overrides],
      intendedGaps: [...intendedGaps],
    };
  }

  /** Who is on duty at `at` (the server's now when omitted), each side in escalation order. */
  async onDuty(db: Executor, id: string, at?: string): Promise<OnDuty> {
    const instant = at ?? this.deps.clock.now().toISOString();
    const mechanism = await this.mechanism(db, id);
    return onDutyAt(await this.roster(db, mechanism, instant), instant);
  }

  /** "Who do I call now for this place?": the responsible mechanism (shared/geo.ts) and its on-duty contacts. */
  async placeOnDuty(db: Executor, point: LatLon, at?: string): Promise<PlaceOnDuty> {
    const { mechanisms } = await this.deps.geography.forAssignment();
    const responsible = responsibleMechanismFor(point, mechanisms);
    if (!responsible) throw notFound();
    const onDuty = await this.onDuty(db, responsible.mechanismId, at);
    return { ...onDuty, ...responsible };
  }

  /** The roster as vCard 4.0, one card per member, titles in `language`. */
  async vcards(db: Executor, id: string, language: Language): Promise<string> {
    const mechanism = await this.mechanism(db, id);
    const roster = await this.roster(db, mechanism, this.deps.clock.now().toISOString());
    return writeVCards(roster.members.map((m) => memberVCard(m, language)));
  }

  /** The on-duty schedule as iCalendar for [from, to): by default from a day ago for four weeks. */
  async calendar(db: Executor, id: string, range: { from?: string; to?: string }, language: Language): Promise<string> {
    const now = this.deps.clock.now();
    const from = range.from ?? new Date(now.getTime() - DAY_MS).toISOString();
    const to = range.to ?? new Date(ms(from) + CALENDAR_DEFAULT_DAYS * DAY_MS).toISOString();
    if (ms(to) <= ms(from) || ms(to) - ms(from) > CALENDAR_MAX_DAYS * DAY_MS)
      throw invalidFields([
        fieldError('querystring.to', liaisonText('liaison.validation.calendarRange', { days: CALENDAR_MAX_DAYS })),
      ]);
    const mechanism = await this.mechanism(db, id);
    return onDutyCalendar({
      roster: await this.roster(db, mechanism, from),
      mechanismName: mechanismName(mechanism)[language],
      from,
      to,
      stamp: now.toISOString(),
      language,
    });
  }

  async meetings(db: Executor, id: string): Promise<MeetingView[]> {
    const mechanism = await this.mechanism(db, id);
    const [meetings, commitments] = await readAll(
      db,
      () => repo.meetingsOf(db, id),
      () => this.commitments(db, mechanism),
    );
    return meetings.map((m) => ({ ...m, commitments: commitments.filter((c) => c.meetingId === m.id) }));
  }

  async commitmentList(db: Executor, id: string): Promise<CommitmentView[]> {
    return this.commitments(db, await this.mechanism(db, id));
  }

  // ——— members and contacts ———

  async addMember(user: SessionUser, id: string, body: MemberBody): Promise<Member> {
    return this.coordinate(user, id, async (tx, record, _mechanism, now) => {
      const { contacts, verifiedAt, ...fields } = body;
      const member = await repo.insertMember(
        tx,
        id,
        { ...fields, verifiedAt: verifiedAt ? new Date(verifiedAt) : now },
        contacts,
      );
      record.audit({ action: 'liaison.member.create', entity: 'mechanism_member', entityId: member.id, after: member });
      await this.rosterChanged(tx, record, id, { what: 'member', id: member.id }, now);
      return member;
    });
  }

  async updateMember(user: SessionUser, id: string, memberId: string, body: MemberUpdateBody): Promise<Member> {
    return this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const before = await this.member(tx, id, memberId);
      if (body.country !== before.country) {
        const roster = await this.roster(tx, mechanism, now.toISOString());
        const onRotation = [...roster.shifts, ...roster.overrides].some((s) => s.memberId === memberId);
        if (onRotation) throw invalidFields([fieldError('country', liaisonText('liaison.validation.sideOnRotation'))]);
      }
      const { contacts, verifiedAt, ...fields } = body;
      const after = await repo.updateMember(
        tx,
        id,
        memberId,
        { ...fields, verifiedAt: verifiedAt ? new Date(verifiedAt) : new Date(before.verifiedAt) },
        contacts,
      );
      record.audit({ action: 'liaison.member.update', entity: 'mechanism_member', entityId: memberId, before, after });
      await this.rosterChanged(tx, record, id, { what: 'member', id: memberId }, now);
      return after;
    });
  }

  /** Removes a member; their shifts and overrides stay, empty, and show as gaps until reassigned. */
  async deleteMember(user: SessionUser, id: string, memberId: string): Promise<void> {
    await this.coordinate(user, id, async (tx, record, _mechanism, now) => {
      const before = await this.member(tx, id, memberId);
      await repo.deleteMember(tx, memberId);
      record.audit({ action: 'liaison.member.delete', entity: 'mechanism_member', entityId: memberId, before });
      await this.rosterChanged(tx, record, id, { what: 'member', id: memberId }, now);
    });
  }

  /** Someone confirmed the member's details: verified now. */
  async verifyMember(user: SessionUser, id: string, memberId: string): Promise<Member> {
    return this.coordinate(user, id, async (tx, record, _mechanism, now) => {
      const before = await this.member(tx, id, memberId);
      await repo.setVerifiedAt(tx, memberId, now);
      const after = { ...before, verifiedAt: now.toISOString() };
      record.audit({
        action: 'liaison.member.verify',
        entity: 'mechanism_member',
        entityId: memberId,
        before: { verifiedAt: before.verifiedAt },
        after: { verifiedAt: after.verifiedAt },
      });
      await this.rosterChanged(tx, record, id, { what: 'member', id: memberId }, now);
      return after;
    });
  }

  async addContact(user: SessionUser, id: string, memberId: string, body: ContactBody): Promise<Contact> {
    return this.coordinate(user, id, async (tx, record, _mechanism, now) => {
      const member = await this.member(tx, id, memberId);
      const contact = await repo.insertContact(tx, memberId, this.checkedContact(body, member));
      record.audit({
        action: 'liaison.contact.create',
        entity: 'member_contact',
        entityId: contact.id,
        after: contact,
      });
      await this.rosterChanged(tx, record, id, { what: 'contact', id: contact.id }, now);
      return contact;
    });
  }

  async updateContact(
    user: SessionUser,
    id: string,
    memberId: string,
    contactId: string,
    body: ContactBody,
  ): Promise<Contact> {
    return this.coordinate(user, id, async (tx, record, _mechanism, now) => {
      const member = await this.member(tx, id, memberId);
      const before = member.contacts.find((c) => c.id === contactId);
      if (!before) throw notFound();
      const after = await repo.updateContact(tx, contactId, this.checkedContact(body, member));
      record.audit({ action: 'liaison.contact.update', entity: 'member_contact', entityId: contactId, before, after });
      await this.rosterChanged(tx, record, id, { what: 'contact', id: contactId }, now);
      return after;
    });
  }

  async deleteContact(user: SessionUser, id: string, memberId: string, contactId: string): Promise<void> {
    await this.coordinate(user, id, async (tx, record, _mechanism, now) => {
      const member = await this.member(tx, id, memberId);
      const before = member.contacts.find((c) => c.id === contactId);
      if (!before) throw notFound();
      await repo.deleteContact(tx, contactId);
      record.audit({ action: 'liaison.contact.delete', entity: 'member_contact', entityId: contactId, before });
      await this.rosterChanged(tx, record, id, { what: 'contact', id: contactId }, now);
    });
  }

  // ——— rotation, overrides, intended gaps ———

  /** Replaces the whole weekly rotation; assignees must be members of the shift's side. */
  async putRotation(user: SessionUser, id: string, body: RotationBody): Promise<Shift[]> {
    return this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const before = await this.roster(tx, mechanism, now.toISOString());
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
      await this.rosterChanged(tx, record, id, { what: 'rotation', id: null }, now);
      return shifts;
    });
  }

  async addOverride(user: SessionUser, id: string, body: OverrideBody): Promise<Override> {
    return this.coordinate(user, id, async (tx, record, mechanism, now) => {
      await this.checkOverride(tx, mechanism, body, null);
      const override = await repo.insertOverride(tx, id, body, mechanism.timeZone);
      record.audit({
        action: 'liaison.override.create',
        entity: 'duty_override',
        entityId: override.id,
        after: override,
      });
      await this.rosterChanged(tx, record, id, { what: 'override', id: override.id }, now);
      return override;
    });
  }

  async updateOverride(user: SessionUser, id: string, overrideId: string, body: OverrideBody): Promise<Override> {
    return this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const before = await repo.findOverride(tx, id, overrideId, mechanism.timeZone);
      if (!before) throw notFound();
      await this.checkOverride(tx, mechanism, body, overrideId);
      const after = await repo.updateOverride(tx, overrideId, body, mechanism.timeZone);
      record.audit({ action: 'liaison.override.update', entity: 'duty_override', entityId: overrideId, before, after });
      await this.rosterChanged(tx, record, id, { what: 'override', id: overrideId }, now);
      return after;
    });
  }

  async deleteOverride(user: SessionUser, id: string, overrideId: string): Promise<void> {
    await this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const before = await repo.findOverride(tx, id, overrideId, mechanism.timeZone);
      if (!before) throw notFound();
      await repo.deleteOverride(tx, overrideId);
      record.audit({ action: 'liaison.override.delete', entity: 'duty_override', entityId: overrideId, before });
      await this.rosterChanged(tx, record, id, { what: 'override', id: overrideId }, now);
    });
  }

  async addIntendedGap(user: SessionUser, id: string, body: IntendedGapBody): Promise<IntendedGap> {
    return this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const gap = await repo.insertIntendedGap(tx, id, body, mechanism.timeZone);
      record.audit({ action: 'liaison.intendedGap.create', entity: 'intended_gap', entityId: gap.id, after: gap });
      await this.rosterChanged(tx, record, id, { what: 'intended_gap', id: gap.id }, now);
      return gap;
    });
  }

  async updateIntendedGap(user: SessionUser, id: string, gapId: string, body: IntendedGapBody): Promise<IntendedGap> {
    return this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const before = await repo.findIntendedGap(tx, id, gapId, mechanism.timeZone);
      if (!before) throw notFound();
      const after = await repo.updateIntendedGap(tx, gapId, body, mechanism.timeZone);
      record.audit({ action: 'liaison.intendedGap.update', entity: 'intended_gap', entityId: gapId, before, after });
      await this.rosterChanged(tx, record, id, { what: 'intended_gap', id: gapId }, now);
      return after;
    });
  }

  async deleteIntendedGap(user: SessionUser, id: string, gapId: string): Promise<void> {
    await this.coordinate(user, id, async (tx, record, mechanism, now) => {
      const before = await repo.findIntendedGap(tx, id, gapId, mechanism.timeZone);
      if (!before) throw notFound();
      await repo.deleteIntendedGap(tx, gapId);
      record.audit({ action: 'liaison.intendedGap.delete', entity: 'intended_gap', entityId: gapId, before });
      await this.rosterChanged(tx, record, id, { what: 'intended_gap', id: gapId }, now);
    });
  }

  /** An administrator redraws where the mechanism's responsibility ends; new incidents follow it. */
  async setArea(user: SessionUser, id: string, area: PolygonGeometry): Promise<Mechanism> {
    const mechanism = await this.deps.changes.run(actorOf(user), async (tx, record) => {
      const before = await this.mechanism(tx, id);
      const after = await this.deps.geography.setMechanismArea(tx, id, area);
      record.audit({
        action: 'liaison.area.put',
        entity: 'mechanism',
        entityId: id,
        before: { area: before.area, areaMethod: before.areaMethod },
        after: { area: after!.area, areaMethod: after!.areaMethod },
      });
      record.event('roster.updated', { mechanismId: id, what: 'area', id }, liaisonAudience(id));
      return after!;
    });
    // Assignment reads the cached geography: drop it once the new area is committed.
    this.deps.geography.invalidate();
    return mechanism;
  }

  // ——— meetings and commitments ———

  async addMeeting(user: SessionUser, id: string, body: MeetingBody): Promise<MeetingView> {
    return this.coordinate(user, id, async (tx, record) => {
      const meeting = await repo.insertMeeting(tx, id, body);
      record.audit({ action: 'liaison.meeting.create', entity: 'meeting', entityId: meeting.id, after: meeting });
      this.announceMeeting(record, meeting);
      return { ...meeting, commitments: [] };
    });
  }

  /** Reschedules, or records the minutes; a new time or place is announced again. */
  async updateMeeting(user: SessionUser, id: string, meetingId: string, body: MeetingBody): Promise<MeetingView> {
    return this.coordinate(user, id, async (tx, record, mechanism) => {
      const before = await repo.findMeeting(tx, id, meetingId);
      if (!before) throw notFound();
      const after = await repo.updateMeeting(tx, meetingId, body);
      record.audit({ action: 'liaison.meeting.update', entity: 'meeting', entityId: meetingId, before, after });
      const moved =
        before.startsAt !== after.startsAt || before.timeZone !== after.timeZone || before.place !== after.place;
      if (moved) this.announceMeeting(record, after);
      const commitments = await this.commitments(tx, mechanism);
      return { ...after, commitments: commitments.filter((c) => c.meetingId === meetingId) };
    });
  }

  async addCommitment(user: SessionUser, id: string, body: CommitmentBody): Promise<CommitmentView> {
    return this.coordinate(user, id, async (tx, record, mechanism) => {
      await this.checkMeeting(tx, id, body.meetingId);
      const commitment = await repo.insertCommitment(tx, id, body);
      record.audit({
        action: 'liaison.commitment.create',
        entity: 'commitment',
        entityId: commitment.id,
        after: commitment,
      });
      return this.commitmentView(commitment, mechanism);
    });
  }

  /** Edits a commitment, or marks it done (`done: true`). */
  async updateCommitment(
    user: SessionUser,
    id: string,
    commitmentId: string,
    body: CommitmentBody,
  ): Promise<CommitmentView> {
    return this.coordinate(user, id, async (tx, record, mechanism) => {
      const before = await repo.findCommitment(tx, id, commitmentId);
      if (!before) throw notFound();
      await this.checkMeeting(tx, id, body.meetingId);
      const after = await repo.updateCommitment(tx, commitmentId, body);
      record.audit({
        action: 'liaison.commitment.update',
        entity: 'commitment',
        entityId: commitmentId,
        before,
        after,
      });
      return this.commitmentView(after, mechanism);
    });
  }

  // ——— coverage-gap warnings (due work `liaison.coverage-gap`) ———

  /**
   * One link of a mechanism's warning chain: if the roster is still the one the row was
   * computed for, warn of the gap it was scheduled for (when it is still there and still
   * unintended), then schedule the next link a day before the next gap — or a re-check
   * when the coming week has none. A roster change starts a new chain and retires this one.
   */
  async warnOfGap(tx: Tx, record: ChangeRecorder, mechanismId: string, payload: GapWarningPayload, now: Date) {
    if ((await repo.rosterVersion(tx, mechanismId)) !== payload.version) return;
    const mechanism = await this.deps.geography.mechanism(tx, mechanismId);
    if (!mechanism) return;
    const roster = await this.roster(tx, mechanism, now.toISOString());
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
    await this.deps.dueWork.schedule(tx, {
      kind: COVERAGE_GAP_WORK,
      subjectId: mechanismId,
      dueAt: new Date(dueAt),
      payload: { version: payload.version, ...(next ? { gapStart: next.start } : {}) },
    });
  }

  // ——— helpers ———

  private async mechanism(db: Executor, id: string): Promise<Mechanism> {
    const mechanism = await this.deps.geography.mechanism(db, id);
    if (!mechanism) throw notFound();
    return mechanism;
  }

  /** The roster as it matters at `at`: overrides and intended gaps that ended before the look-back are left out. */
  private async roster(db: Executor, mechanism: Mechanism, at: string): Promise<repo.StoredRoster> {
    const rosters = await repo.rostersOf(db, [mechanism], new Date(ms(at) - LOOKBACK_MS));
    return rosters.get(mechanism.id)!;
  }

  private async member(db: Executor, id: string, memberId: string): Promise<Member> {
    const member = await repo.findMember(db, id, memberId);
    if (!member) throw notFound();
    return member;
  }

  private async commitments(db: Executor, mechanism: Mechanism): Promise<CommitmentView[]> {
    const commitments = await repo.commitmentsOf(db, [mechanism.id]);
    return commitments.map((c) => this.commitmentView(c, mechanism));
  }

  private commitmentView(commitment: Commitment, mechanism: Mechanism): CommitmentView {
    return {
      ...commitment,
      overdue: isOverdue(commitment, this.deps.clock.now().toISOString(), mechanism.timeZone),
    };
  }

  /**
   * Runs a coordinator's change on mechanism `id` in one transaction: 404 for an unknown
   * mechanism, 403 unless the user coordinates it (shared/liaison/coordinators.ts).
   */
  private coordinate<T>(
    user: SessionUser,
    id: string,
    work: (tx: Tx, record: ChangeRecorder, mechanism: Mechanism, now: Date) => Promise<T>,
  ): Promise<T> {
    return this.deps.changes.run(actorOf(user), async (tx, record) => {
      const mechanism = await this.mechanism(tx, id);
      if (!coordinates(user, id)) throw can(user, 'liaison.coordinate') ? outOfScope() : forbidden();
      return work(tx, record, mechanism, this.deps.clock.now());
    });
  }

  /** A roster change: counted (retiring the old warning chain), a new chain started, announced. */
  private async rosterChanged(
    tx: Tx,
    record: ChangeRecorder,
    mechanismId: string,
    change: Pick<RosterUpdated, 'what' | 'id'>,
    now: Date,
  ): Promise<void> {
    const version = await repo.bumpRosterVersion(tx, mechanismId, now);
    await this.deps.dueWork.schedule(tx, {
      kind: COVERAGE_GAP_WORK,
      subjectId: mechanismId,
      dueAt: now,
      payload: { version },
    });
    record.event('roster.updated', { mechanismId, ...change }, liaisonAudience(mechanismId));
  }

  private announceMeeting(record: ChangeRecorder, meeting: Meeting): void {
    const { mechanismId, id: meetingId, startsAt, timeZone, place } = meeting;
    record.event(
      'meeting.scheduled',
      { mechanismId, meetingId, startsAt, timeZone, place },
      liaisonAudience(mechanismId),
    );
  }

  /** A contact's value checked against the member's country (a phone without "+" is read there), phones as E.164. */
  private checkedContact(body: ContactBody, member: Member): ContactBody {
    const parsed = contactBodyFor(member.country).safeParse(body);
    if (!parsed.success) throw invalidFields(parsed.error.issues.map((issue) => describeIssue(issue)));
    return parsed.data;
  }

  /** Override assignee on the override's side, and no two overrides of one side and call order at once. */
  private async checkOverride(
    tx: Executor,
    mechanism: Mechanism,
    body: OverrideBody,
    self: string | null,
  ): Promise<void> {
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
  }

  private async checkMeeting(tx: Executor, id: string, meetingId: string | null): Promise<void> {
    if (meetingId !== null && !(await repo.findMeeting(tx, id, meetingId)))
      throw invalidFields([fieldError('meetingId', liaisonText('liaison.validation.unknownMeeting'))]);
  }
}
