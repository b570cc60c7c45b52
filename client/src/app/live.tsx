import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EventKind } from '@shared/events.js';
import { LiveConnection, liveUrl, type LiveEvent, type LiveState } from '../lib/ws.js';

type Listener = (event: LiveEvent) => void;

interface Live {
  state: LiveState;
  subscribe: (listener: Listener) => () => void;
}

const LiveContext = createContext<Live | null>(null);

/** One websocket per signed-in page, shared by every feature that listens. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<LiveState>('down');
  const [listeners] = useState(() => new Set<Listener>());
  const [subscribe] = useState(() => (listener: Listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  });

  useEffect(() => {
    const connection = new LiveConnection(liveUrl(window.location), (event) => listeners.forEach((l) => l(event)), setState);
    connection.start();
    return () => connection.stop();
  }, [listeners]);

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

/** Calls `handler` for every live event of the given kinds; the latest arguments are always used. */
export function useLiveEvents(kinds: readonly EventKind[], handler: (event: LiveEvent) => void): void {
  const { subscribe } = useLive();
  const latest = useRef({ kinds, handler });
  latest.current = { kinds, handler };
  useEffect(() => subscribe((event) => latest.current.kinds.includes(event.kind) && latest.current.handler(event)), [subscribe]);
}
