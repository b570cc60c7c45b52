import type { SessionUser } from '@shared/auth.js';
import type {
  Commitment,
  CommitmentBody,
  CommitmentView,
  Meeting,
  MeetingBody,
  MeetingView,
} from '@shared/liaison/contract.js';
import { liaisonAudience } from '@shared/liaison/events.js';
import { isOverdue } from '@shared/liaison/flags.js';
import { liaisonText } from '@shared/liaison/text.js';
import type { Mechanism } from '@shared/reference/contract.js';
import type { ChangeRecorder } from '@server/core/changes.js';
import { type Executor, readAll } from '@server/core/db.js';
import { fieldError, invalidFields } from './field-errors.js';
import {
  MechanismRecords,
  type LiaisonDependencies,
  type MechanismChange,
  type RecordKind,
} from './mechanism-records.js';
import * as repo from './repository.js';

/** A new time or place is news to everyone expected there; new minutes or agenda are not. */
const moved = (before: Meeting, after: Meeting) =>
  before.startsAt !== after.startsAt || before.timeZone !== after.timeZone || before.place !== after.place;

function announceMeeting(record: ChangeRecorder, meeting: Meeting): void {
  const { mechanismId, id: meetingId, startsAt, timeZone, place } = meeting;
  record.event(
    'meeting.scheduled',
    { mechanismId, meetingId, startsAt, timeZone, place },
    liaisonAudience(mechanismId),
  );
}

/**
 * The mechanism's periodic meetings to review results and the commitments made at them
 * (Plan of Action I–II), overdue ones flagged by the mechanism's local date.
 */
export class MeetingService {
  private readonly records: MechanismRecords;

  private readonly meetingKind: RecordKind<MeetingBody, Meeting, MeetingView> = {
    name: 'meeting',
    entity: 'meeting',
    store: repo.meetingStore,
    announce: ({ record }, before, after) => {
      if (!before || moved(before, after)) announceMeeting(record, after);
    },
    present: async ({ tx, mechanism }, meeting) =>
      this.withCommitments(meeting, await this.commitmentViews(tx, mechanism)),
  };

  private readonly commitmentKind: RecordKind<CommitmentBody, Commitment, CommitmentView> = {
    name: 'commitment',
    entity: 'commitment',
    store: repo.commitmentStore,
    present: ({ mechanism }, commitment) => this.view(commitment, mechanism),
  };

  constructor(private readonly deps: LiaisonDependencies) {
    this.records = new MechanismRecords(deps);
  }

  /** Newest first, each with the commitments recorded at it. */
  async meetings(id: string): Promise<MeetingView[]> {
    const { db } = this.deps;
    const mechanism = await this.records.mechanism(db, id);
    const [meetings, commitments] = await readAll(
      db,
      () => repo.meetingsOf(db, id),
      () => this.commitmentViews(db, mechanism),
    );
    return meetings.map((m) => this.withCommitments(m, commitments));
  }

  async commitments(id: string): Promise<CommitmentView[]> {
    const { db } = this.deps;
    return this.commitmentViews(db, await this.records.mechanism(db, id));
  }

  /** Schedules a meeting, announced to the mechanism. */
  addMeeting(user: SessionUser, id: string, body: MeetingBody): Promise<MeetingView> {
    return this.records.create(user, id, this.meetingKind, () => body);
  }

  /** Reschedules, or records the minutes; a new time or place is announced again. */
  updateMeeting(user: SessionUser, id: string, meetingId: string, body: MeetingBody): Promise<MeetingView> {
    return this.records.update(user, id, this.meetingKind, meetingId, () => body);
  }

  addCommitment(user: SessionUser, id: string, body: CommitmentBody): Promise<CommitmentView> {
    return this.records.create(user, id, this.commitmentKind, (change) => this.checkedCommitment(change, body));
  }

  /** Edits a commitment, or marks it done (`done: true`). */
  updateCommitment(user: SessionUser, id: string, commitmentId: string, body: CommitmentBody): Promise<CommitmentView> {
    return this.records.update(user, id, this.commitmentKind, commitmentId, (change) =>
      this.checkedCommitment(change, body),
    );
  }

  private async commitmentViews(db: Executor, mechanism: Mechanism): Promise<CommitmentView[]> {
    const commitments = await repo.commitmentsOf(db, [mechanism.id]);
    return commitments.map((c) => this.view(c, mechanism));
  }

  private view(commitment: Commitment, mechanism: Mechanism): CommitmentView {
    return {
      ...commitment,
      overdue: isOverdue(commitment, this.deps.clock.now().toISOString(), mechanism.timeZone),
    };
  }

  private withCommitments(meeting: Meeting, commitments: CommitmentView[]): MeetingView {
    return { ...meeting, commitments: commitments.filter((c) => c.meetingId === meeting.id) };
  }

  /** A commitment names a meeting of its own mechanism, or none. */
  private async checkedCommitment({ tx, mechanism }: MechanismChange, body: CommitmentBody): Promise<CommitmentBody> {
    if (body.meetingId !== null && !(await repo.meetingStore.find(tx, mechanism, body.meetingId)))
      throw invalidFields([fieldError('meetingId', liaisonText('liaison.validation.unknownMeeting'))]);
    return body;
  }
}
