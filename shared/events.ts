import { z } from 'zod';
import { advisoryEventPayloads } from '@shared/advisories/events.js';
import { areaEventPayloads } from '@shared/areas/events.js';
import { checklistEventPayloads } from '@shared/checklists/events.js';
import { dueWorkEventPayloads } from '@shared/due-work/events.js';
import { incidentEventPayloads } from '@shared/incidents/events.js';
import { liaisonEvents } from '@shared/liaison/events.js';
import { referenceEventPayloads } from '@shared/reference/events.js';
import { repatriationEventPayloads } from '@shared/repatriation/events.js';
import { sarEventPayloads } from '@shared/sar/events.js';
import { mergeCatalogues } from '@shared/catalogues.js';

/**
 * The event catalogue: every kind the event hub carries and the payload it carries, composed
 * from each feature's `shared/<feature>/events.ts`. The server's
 * `record.event(kind, payload, audience)` and the client's `useLiveEvent(kind, …)` are both
 * typed by it, so a payload can't drift between writer and reader. Kinds and fields are read
 * by programs outside this repository: add, never rename.
 */
export const eventPayloads = mergeCatalogues(
  'event kind',
  incidentEventPayloads,
  liaisonEvents,
  referenceEventPayloads,
  repatriationEventPayloads,
  advisoryEventPayloads,
  areaEventPayloads,
  checklistEventPayloads,
  sarEventPayloads,
  dueWorkEventPayloads,
);

export type EventKind = keyof typeof eventPayloads;
export const eventKinds = Object.keys(eventPayloads) as EventKind[];
export type EventPayload<K extends EventKind> = z.infer<(typeof eventPayloads)[K]>;

/**
 * Websocket protocol of the event hub (GET /ws). The server greets with the head of the
 * event log; the client subscribes, optionally from the last `seq` it saw, and receives
 * every visible event after it exactly once, in order, then live ones.
 */
export const clientMessage = z.object({
  type: z.literal('subscribe'),
  since: z.number().int().nonnegative().optional(),
});
export type ClientMessage = z.infer<typeof clientMessage>;

/**
 * One delivered event; narrowing on `kind` narrows `data`. `actor`: the id of the user whose
 * change it announces (null: the system, e.g. an escalation on a deadline), so a client
 * doesn't alert users about their own changes.
 */
export type LiveEvent = {
  [K in EventKind]: { seq: number; kind: K; data: EventPayload<K>; actor?: string | null };
}[EventKind];

/**
 * `reset`: the server can't replay from the client's `since` (ahead of the log, or further
 * behind than it replays): carry on from `seq` and refetch what is on screen.
 */
export type ServerMessage =
  | { type: 'hello'; seq: number }
  | ({ type: 'event' } & LiveEvent)
  | { type: 'reset'; seq: number }
  | { type: 'error'; message: string };

/** Close codes the hub ends a socket with, besides the standard ones. */
export const liveCloseCodes = {
  /** The session ended (signed out, expired): don't reconnect without signing in. */
  sessionEnded: 4001,
  /** The client fell behind (not reading): reconnect now and resume from the last seq seen. */
  resume: 4009,
} as const;
