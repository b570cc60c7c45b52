import { useQuery } from '@tanstack/react-query';
import type { Port } from '@shared/reference/contract.js';
import type { Arrangement, RepatriationWindow } from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { windowZone } from '@shared/repatriation/windows.js';
import { usePorts } from '@client/features/reference/index.js';
import { call } from '@client/lib/api-client.js';
import { useNow } from '@client/lib/clock.js';
import { repatriationKeys } from './keys.js';
import { useArrangements } from './list-arrangements.js';

const HOUR = 3_600_000;
/** A day and an hour from the start of the current hour: the next window of a port open now is in it too. */
const SPAN = 25 * HOUR;

/** A port whose repatriation window is open now, with the zone its windows are read in. */
export interface OpenPort {
  port: Port;
  zone: string;
  /** The window open now. */
  window: RepatriationWindow;
  /** All of the port's loaded windows (the status line says what comes next when this one closes). */
  windows: RepatriationWindow[];
}

/**
 * Ports that are open and inside one of their arrangement's windows at `now`. A restricted or
 * closed port takes no repatriation whatever its schedule, so it is not listed.
 */
export function openPortsAt(
  windows: readonly RepatriationWindow[],
  ports: readonly Port[],
  arrangements: readonly Arrangement[],
  now: number,
): Map<string, OpenPort> {
  const open = new Map<string, OpenPort>();
  for (const port of ports) {
    if (port.status !== 'open') continue;
    const arrangement = arrangements.find((a) => a.portIds.includes(port.id));
    if (!arrangement) continue;
    const own = windows.filter((w) => w.portId === port.id);
    const current = own.find((w) => Date.parse(w.start) <= now && now < Date.parse(w.end));
    if (current) open.set(port.id, { port, zone: windowZone(arrangement, port), window: current, windows: own });
  }
  return open;
}

/**
 * Every port's window occurrences over the day ahead (`GET /api/repatriation/windows`, loaded
 * again each hour and when an arrangement changes), read against the clock each minute: the set
 * follows a window opening or closing within a minute without asking the server.
 */
export function useOpenPorts(): {
  open: Map<string, OpenPort> | undefined;
  now: number;
  error: unknown;
  retry: () => void;
} {
  const now = useNow(60_000);
  const from = new Date(Math.floor(now / HOUR) * HOUR).toISOString();
  const windows = useQuery({
    queryKey: repatriationKeys.windowsAround(from),
    queryFn: () =>
      call(repatriationEndpoints.windows, { query: { from, to: new Date(Date.parse(from) + SPAN).toISOString() } }),
  });
  const ports = usePorts();
  const arrangements = useArrangements();
  const open =
    windows.data && ports.data && arrangements.data
      ? openPortsAt(windows.data, ports.data, arrangements.data, now)
      : undefined;
  return {
    open,
    now,
    error: windows.error ?? ports.error ?? arrangements.error,
    retry: () => {
      void windows.refetch();
      void arrangements.refetch();
    },
  };
}
