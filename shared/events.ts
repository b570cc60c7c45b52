import { z } from 'zod';

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

export const eventKinds = [
  'incident.created',
  'incident.updated',
  'alert.raised',
  'alert.acknowledged',
  'alert.escalated',
] as const;
export type EventKind = (typeof eventKinds)[number];

export type ServerMessage =
  | { type: 'hello'; seq: number }
  | { type: 'event'; seq: number; kind: EventKind; data: Record<string, unknown> }
  | { type: 'error'; message: string };
