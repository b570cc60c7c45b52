import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EventKind, EventPayload, LiveEvent } from '@shared/events.js';
import { LiveConnection, liveUrl, type LiveState } from './live-connection.js';
import { useUser } from './session.js';

type Listener = (event: LiveEvent) => void;

/**
 * Opens the stream of live events; `LiveProvider` starts it on mount and stops it on unmount.
 * `onResync`: the server could not replay what was missed; whatever is on screen is refetched.
 */
export type LiveConnector = (
  onEvent: Listener,
  onState: (state: LiveState) => void,
  onResync: () => void,
) => { start(): void; stop(): void };

/** The event hub's websocket (GET /ws) on the page's own origin. */
const connectToHub: LiveConnector = (onEvent, onState, onResync) =>
  new LiveConnection(liveUrl(window.location), onEvent, onState, onResync);

interface Live {
  state: LiveState;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<Live | null>(null);

/** One websocket per signed-in page, shared by every feature that listens. Tests pass their own `connect`. */
export function LiveProvider({ children, connect = connectToHub }: { children: ReactNode; connect?: LiveConnector }) {
  const [state, setState] = useState<LiveState>('down');
  const [listeners] = useState(() => new Set<Listener>());
  const [subscribe] = useState(() => (listener: Listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  });

  const queryClient = useQueryClient();
  useEffect(() => {
    // Back after an outage: what failed to load while the server was away (an error in
    // place of the feed) and what the log could not replay is refetched, without a reload.
    let wasDown = false;
    const refetch = () => void queryClient.invalidateQueries();
    // The first subscription starts at the log's head: a query answered (or still loading)
    // between this mount and that moment may predate an event no one will replay, so it loads again.
    const answeredAtStart = new Map(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => [q, q.state.dataUpdatedAt]),
    );
    let subscribed = false;
    const catchUp = () =>
      void queryClient.invalidateQueries({
        predicate: (q) => q.state.fetchStatus === 'fetching' || q.state.dataUpdatedAt !== (answeredAtStart.get(q) ?? 0),
      });
    const onState = (next: LiveState) => {
      if (next === 'down') wasDown = true;
      else if (wasDown) {
        wasDown = false;
        refetch();
      }
      if (next === 'live' && !subscribed) {
        subscribed = true;
        catchUp();
        answeredAtStart.clear();
      }
      setState(next);
    };
    const connection = connect((event) => listeners.forEach((listener) => listener(event)), onState, refetch);
    connection.start();
    return () => connection.stop();
  }, [connect, listeners, queryClient]);

  return <LiveContext.Provider value={{ state, subscribe }}>{children}</LiveContext.Provider>;
}

function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

export function useLiveState(): LiveState {
  return useLive().state;
}

/** The delivered event of one kind. */
export type LiveEventOf<K extends EventKind> = Extract<LiveEvent, { kind: K }>;

/**
 * Calls `handler` with the payload of every live event of `kind`, typed by the event
 * catalogue (`shared/events.ts`). The latest handler is always the one called.
 */
export function useLiveEvent<K extends EventKind>(
  kind: K,
  handler: (data: EventPayload<K>, event: LiveEventOf<K>) => void,
): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      subscribe((event) => {
        if (event.kind === kind) latest.current(event.data as EventPayload<K>, event as LiveEventOf<K>);
      }),
    [subscribe, kind],
  );
}

/**
 * `useLiveEvent` for what alerts the user (toasts, tones): a change the signed-in user made
 * themselves, in this tab or another, is not news to them and is skipped.
 */
export function useLiveNews<K extends EventKind>(
  kind: K,
  handler: (data: EventPayload<K>, event: LiveEventOf<K>) => void,
): void {
  const user = useUser();
  useLiveEvent(kind, (data, event) => {
    if (event.actor !== user.id) handler(data, event);
  });
}

/**
 * What a feature does to the query cache when an event arrives: `setQueryData` for what
 * the payload carries, targeted invalidation for what it doesn't. Never a blanket refetch.
 */
export type LiveBridge = { [K in EventKind]?: (data: EventPayload<K>, queryClient: QueryClient) => void };

/** Feeds every live event through the given bridges (the app passes every feature's). */
export function useLiveBridges(bridges: readonly LiveBridge[]): void {
  const { subscribe } = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribe((event) => {
        for (const bridge of bridges) {
          const apply = bridge[event.kind] as ((data: LiveEvent['data'], queryClient: QueryClient) => void) | undefined;
          apply?.(event.data, queryClient);
        }
      }),
    [subscribe, bridges, queryClient],
  );
}
