import { timelineKinds, type TimelineData, type TimelineKind } from '@shared/timeline.js';
import type { Executor } from '@server/core/db.js';
import * as repo from './repository.js';

/** What one timeline entry records: its kind, the data its kind types, and its text when it has one. */
export type TimelineRecord = {
  [K in TimelineKind]: { kind: K; data: TimelineData<K>; text?: string | null };
}[TimelineKind];

/** Who wrote the entries and when: a person's display name, or `consoleActor` for the console itself. */
export interface TimelineAuthor {
  by: string;
  at: Date;
}

/**
 * The stored row of one entry on an incident's timeline: the one place an entry is built, for
 * the incident's own steps and for every feature that writes on its timeline. Its data is
 * checked against its kind's schema (shared/timeline.ts), as an event's payload is.
 */
export function timelineRow(incidentId: string, record: TimelineRecord, author: TimelineAuthor): repo.TimelineInsert {
  return {
    incidentId,
    kind: record.kind,
    text: record.text ?? null,
    data: timelineKinds[record.kind].shape.data.parse(record.data),
    actorName: author.by,
    at: author.at,
  };
}

/** Appends entries to an incident's timeline (append-only) in the caller's transaction. */
export function appendTimeline(
  tx: Executor,
  incidentId: string,
  author: TimelineAuthor,
  records: readonly TimelineRecord[],
): Promise<void> {
  return repo.appendTimeline(
    tx,
    records.map((record) => timelineRow(incidentId, record, author)),
  );
}
