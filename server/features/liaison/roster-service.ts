import type { SessionUser } from '@shared/auth.js';
import type { Language } from '@shared/i18n/index.js';
import { describeIssue } from '@shared/i18n/validation.js';
import {
  contactBodyFor,
  type Contact,
  type ContactBody,
  type MechanismDetail,
  type MechanismSummary,
  type Member,
  type MemberBody,
  type MemberUpdateBody,
} from '@shared/liaison/contract.js';
import { liaisonAudience } from '@shared/liaison/events.js';
import { mechanismFlagsAt } from '@shared/liaison/flags.js';
import { liaisonText } from '@shared/liaison/text.js';
import { memberVCard, writeVCards } from '@shared/liaison/vcard.js';
import type { Mechanism, PolygonGeometry } from '@shared/reference/contract.js';
import { actorOf } from '@server/core/access.js';
import { readAll } from '@server/core/db.js';
import { notFound } from '@server/core/errors.js';
import { fieldError, invalidFields } from './field-errors.js';
import {
  asStored,
  MechanismRecords,
  type LiaisonDependencies,
  type MechanismChange,
  type RemovableKind,
} from './mechanism-records.js';
import * as repo from './repository.js';

const members: RemovableKind<repo.MemberFields, Member> = {
  name: 'member',
  entity: 'mechanism_member',
  roster: 'member',
  store: repo.memberStore,
  present: asStored,
};

const contactsOf = (memberId: string): RemovableKind<ContactBody, Contact> => ({
  name: 'contact',
  entity: 'member_contact',
  roster: 'contact',
  store: repo.contactStore(memberId),
  present: asStored,
});

/** A member as written: when nobody said when the details were confirmed, `confirmed`. */
function memberFields({ verifiedAt, ...body }: MemberBody | MemberUpdateBody, confirmed: Date): repo.MemberFields {
  return { ...body, verifiedAt: verifiedAt ? new Date(verifiedAt) : confirmed };
}

/** A contact's value checked against the member's country (a phone without "+" is read there), phones as E.164. */
function checkedContact(body: ContactBody, member: Member): ContactBody {
  const parsed = contactBodyFor(member.country).safeParse(body);
  if (!parsed.success) throw invalidFields(parsed.error.issues.map((issue) => describeIssue(issue)));
  return parsed.data;
}

/**
 * The mechanisms and who sits on them (Plan of Action VIII): the list with its flags, a
 * mechanism's page, members on both sides with their contacts, the roster as vCards, and the
 * area a mechanism answers for.
 */
export class RosterService {
  private readonly records: MechanismRecords;

  constructor(private readonly deps: LiaisonDependencies) {
    this.records = new MechanismRecords(deps);
  }

  /** Every mechanism with its list flags at the server's now. */
  async list(): Promise<MechanismSummary[]> {
    const { db, geography, clock } = this.deps;
    const now = clock.now().toISOString();
    const mechanisms = await geography.mechanisms(db);
    const [rosters, open] = await readAll(
      db,
      () => this.records.rosters(db, mechanisms, now),
      () =>
        repo.commitmentsOf(
          db,
          mechanisms.map((m) => m.id),
          true,
        ),
    );
    return mechanisms.map((m) => ({
      ...m,
      flags: mechanismFlagsAt(
        rosters.get(m.id)!,
        open.filter((c) => c.mechanismId === m.id),
        now,
      ),
    }));
  }

  async detail(id: string): Promise<MechanismDetail> {
    const { db, clock } = this.deps;
    const now = clock.now().toISOString();
    const mechanism = await this.records.mechanism(db, id);
    const [roster, open] = await readAll(
      db,
      () => this.records.roster(db, mechanism, now),
      () => repo.commitmentsOf(db, [id], true),
    );
    const { members, shifts, overrides, intendedGaps } = roster;
    return {
      ...mechanism,
      flags: mechanismFlagsAt(roster, open, now),
      members: [...members],
      shifts: [...shifts],
      overrides: [...overrides],
      intendedGaps: [...intendedGaps],
    };
  }

  /** The roster as vCard 4.0, one card per member, titles in `language`. */
  async vcards(id: string, language: Language): Promise<string> {
    const { db, clock } = this.deps;
    const mechanism = await this.records.mechanism(db, id);
    const roster = await this.records.roster(db, mechanism, clock.now().toISOString());
    return writeVCards(roster.members.map((m) => memberVCard(m, language)));
  }

  addMember(user: SessionUser, id: string, body: MemberBody): Promise<Member> {
    return this.records.create(user, id, members, ({ now }) => memberFields(body, now));
  }

  /** Replaces the member's details; a member on the rotation can't change sides (their shifts are that side's). */
  updateMember(user: SessionUser, id: string, memberId: string, body: MemberUpdateBody): Promise<Member> {
    return this.records.update(user, id, members, memberId, async (change, before) => {
      if (body.country !== before.country && (await this.onRotation(change, memberId)))
        throw invalidFields([fieldError('country', liaisonText('liaison.validation.sideOnRotation'))]);
      return memberFields(body, new Date(before.verifiedAt));
    });
  }

  /** Removes a member; their shifts and overrides stay, empty, and show as gaps until reassigned. */
  removeMember(user: SessionUser, id: string, memberId: string): Promise<void> {
    return this.records.remove(user, id, members, memberId);
  }

  /** Someone confirmed the member's details: verified now (audited as a verification, not an edit). */
  verifyMember(user: SessionUser, id: string, memberId: string): Promise<Member> {
    return this.records.run(user, id, async (change) => {
      const before = await this.member(change, memberId);
      await repo.setVerifiedAt(change.tx, memberId, change.now);
      const after = { ...before, verifiedAt: change.now.toISOString() };
      change.record.audit({
        action: 'liaison.member.verify',
        entity: 'mechanism_member',
        entityId: memberId,
        before: { verifiedAt: before.verifiedAt },
        after: { verifiedAt: after.verifiedAt },
      });
      await this.records.rosterChanged(change, { what: 'member', id: memberId });
      return after;
    });
  }

  addContact(user: SessionUser, id: string, memberId: string, body: ContactBody): Promise<Contact> {
    return this.records.create(user, id, contactsOf(memberId), this.contactFor(memberId, body));
  }

  updateContact(
    user: SessionUser,
    id: string,
    memberId: string,
    contactId: string,
    body: ContactBody,
  ): Promise<Contact> {
    return this.records.update(user, id, contactsOf(memberId), contactId, this.contactFor(memberId, body));
  }

  removeContact(user: SessionUser, id: string, memberId: string, contactId: string): Promise<void> {
    return this.records.remove(user, id, contactsOf(memberId), contactId);
  }

  /** An administrator redraws where the mechanism's responsibility ends; new incidents follow it. */
  async setArea(user: SessionUser, id: string, area: PolygonGeometry): Promise<Mechanism> {
    const { changes, geography } = this.deps;
    const mechanism = await changes.run(actorOf(user), async (tx, record) => {
      const before = await this.records.mechanism(tx, id);
      const after = (await geography.setMechanismArea(tx, id, area))!;
      record.audit({
        action: 'liaison.area.put',
        entity: 'mechanism',
        entityId: id,
        before: { area: before.area, areaMethod: before.areaMethod },
        after: { area: after.area, areaMethod: after.areaMethod },
      });
      record.event('roster.updated', { mechanismId: id, what: 'area', id }, liaisonAudience(id));
      return after;
    });
    // Assignment reads the cached geography: drop it once the new area is committed.
    geography.invalidate();
    return mechanism;
  }

  private async member({ tx, mechanism }: MechanismChange, memberId: string): Promise<Member> {
    const member = await repo.findMember(tx, mechanism.id, memberId);
    if (!member) throw notFound();
    return member;
  }

  /** The contact to write: the member must be the mechanism's, and the value must fit their country. */
  private contactFor(memberId: string, body: ContactBody) {
    return async (change: MechanismChange) => checkedContact(body, await this.member(change, memberId));
  }

  private async onRotation(change: MechanismChange, memberId: string): Promise<boolean> {
    const roster = await this.records.roster(change.tx, change.mechanism, change.now.toISOString());
    return [...roster.shifts, ...roster.overrides].some((s) => s.memberId === memberId);
  }
}
