import { Temporal } from 'temporal-polyfill';
import type { MultiPolygon, Polygon } from 'geojson';
import type { IncidentType } from './contract.js';
import type { AreaStats } from './map-filter.js';

/** The incidents of one type in one month (on the area's clocks, "YYYY-MM"), and the people they record. */
export interface CountedGroup {
  type: IncidentType;
  month: string;
  count: number;
  rescued: number;
  injured: number;
  deceased: number;
}

/** `[minLon, minLat, maxLon, maxLat]` of a polygon's positions: the SQL prefilter's box. */
export function boundingBox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon!);
      maxLon = Math.max(maxLon, lon!);
      minLat = Math.min(minLat, lat!);
      maxLat = Math.max(maxLat, lat!);
    }
  return [minLon, minLat, maxLon, maxLat];
}

/** The month ("YYYY-MM") of an instant on the clocks of `timeZone`, whatever offset it is written with. */
const monthOf = (iso: string, timeZone: string) =>
  Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate().toPlainYearMonth().toString();

/** Every month from `first` to `last` ("YYYY-MM"), so a chart shows quiet months as zero. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

/**
 * Plan of Action I ("an accurate portrait"): an area's incidents in a window, counted by type
 * and month by the database (those whose point lies in the polygon, a point on its edge
 * counting) — by type, by month (every month of the window listed, on the area's own clocks,
 * `timeZone`) and the people rescued, injured and deceased as the incidents record them now.
 * `from`/`to` only label the answer and bound the months.
 */
export function areaStatistics(
  areaId: string,
  groups: readonly CountedGroup[],
  window: { from: string | null; to: string | null },
  timeZone: string,
): AreaStats {
  const byType: Record<string, number> = {};
  const perMonth = new Map<string, number>();
  const people = { rescued: 0, injured: 0, deceased: 0 };
  let total = 0;
  for (const group of groups) {
    total += group.count;
    byType[group.type] = (byType[group.type] ?? 0) + group.count;
    perMonth.set(group.month, (perMonth.get(group.month) ?? 0) + group.count);
    people.rescued += group.rescued;
    people.injured += group.injured;
    people.deceased += group.deceased;
  }
  const seen = [...perMonth.keys()].sort();
  const first = window.from ? monthOf(window.from, timeZone) : seen[0];
  const last = window.to ? monthOf(window.to, timeZone) : seen[seen.length - 1];
  const months = first && last && first <= last ? monthsBetween(first, last) : seen;
  return {
    areaId,
    from: window.from,
    to: window.to,
    timeZone,
    total,
    byType,
    byMonth: months.map((month) => ({ month, count: perMonth.get(month) ?? 0 })),
    people,
  };
}
