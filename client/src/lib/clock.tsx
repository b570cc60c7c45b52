import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** Milliseconds since the epoch; the browser's clock unless a test injects another. */
export type Clock = () => number;

const ClockContext = createContext<Clock>(Date.now);

/** Injects the time every clock and countdown below reads (tests pin it). */
export function ClockProvider({ now, children }: { now: Clock; children: ReactNode }) {
  return <ClockContext.Provider value={now}>{children}</ClockContext.Provider>;
}

export function useClock(): Clock {
  return useContext(ClockContext);
}

/** The current time, refreshed every `intervalMs`, for clocks and countdowns. */
export function useNow(intervalMs = 1_000): number {
  const clock = useClock();
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
