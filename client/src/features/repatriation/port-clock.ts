import type { Port } from '@shared/reference/contract.js';
import type { Arrangement } from '@shared/repatriation/contract.js';
import { portName } from '@shared/repatriation/engine.js';
import { windowZone } from '@shared/repatriation/windows.js';

/**
 * The zone a port's repatriation times are read in: its arrangement's, else the port's Mexican
 * side (where Mexican officials receive). Every time the feature shows or takes is on this clock.
 */
export function zoneOfPort(
  portId: string,
  ports: readonly Pick<Port, 'id' | 'mxTimeZone'>[],
  arrangements: readonly Arrangement[],
): string {
  const port = ports.find((p) => p.id === portId);
  if (!port) return 'UTC';
  const arrangement = arrangements.find((a) => a.portIds.includes(portId));
  return arrangement ? windowZone(arrangement, port) : port.mxTimeZone;
}

/** A datetime-local value for an instant on a port's clock, rounded up to the minute (a slot never starts before it). */
export const minuteAtOrAfter = (ms: number) => Math.ceil(ms / 60_000) * 60_000;

/** "San Ysidro – Tijuana": both sides' names without the crossings and notes the reference adds in brackets. */
export function shortPortName(port: Pick<Port, 'usName' | 'mxName'>): string {
  const short = (name: string) =>
    name
      .replace(/\s*\([^)]*\)/g, '')
      .split(';')[0]!
      .trim();
  return portName({ usName: short(port.usName), mxName: short(port.mxName) });
}
