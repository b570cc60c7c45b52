import { Temporal } from 'temporal-polyfill';
import {
  coverageWarningDays,
  verificationMaxAgeDays,
  type Commitment,
  type Member,
  type MechanismFlags,
} from './contract.js';
import { coverageGaps, type Roster, type RosterMember } from './rotation.js';

const DAY_MS = 86_400_000;

/** Details nobody confirmed for `verificationMaxAgeDays` may be out of date: flag them before someone needs them. */
export function notVerified(member: Pick<Member, 'verifiedAt'>, at: string): boolean {
  return Date.parse(at) - Date.parse(member.verifiedAt) > verificationMaxAgeDays * DAY_MS;
}

/** No phone, radio or email left that is not reported failing. */
export function noWorkingContact(member: Pick<Member, 'contacts'>): boolean {
  return !member.contacts.some((c) => c.working);
}

/** Not done and its due date is over in the mechanism's zone (due "2026-07-09" is overdue from 10 July local). */
export function isOverdue(commitment: Pick<Commitment, 'done' | 'dueDate'>, at: string, timeZone: string): boolean {
  if (commitment.done) return false;
  const today = Temporal.Instant.from(at).toZonedDateTimeISO(timeZone).toPlainDate();
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(commitment.dueDate), today) < 0;
}

/** The flags a mechanism shows on the list at instant `at`; `roster.members` carry `verifiedAt`. */
export function mechanismFlagsAt(
  roster: Roster<RosterMember & Pick<Member, 'verifiedAt'>>,
  commitments: ReadonlyArray<Pick<Commitment, 'done' | 'dueDate'>>,
  at: string,
): MechanismFlags {
  const horizon = new Date(Date.parse(at) + coverageWarningDays * DAY_MS).toISOString();
  return {
    coverageGap: coverageGaps(roster, at, horizon).length > 0,
    membersNotVerified: roster.members.filter((m) => notVerified(m, at)).length,
    membersWithoutWorkingContact: roster.members.filter(noWorkingContact).length,
    overdueCommitments: commitments.filter((c) => isOverdue(c, at, roster.timeZone)).length,
  };
}
