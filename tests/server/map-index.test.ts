import { describe, expect, it } from 'vitest';
import { incidentStatuses, type IncidentStatus } from '@shared/incidents/contract.js';
import type { MapFilter } from '@shared/incidents/map-filter.js';
import { tileOf } from '@shared/incidents/tiles.js';
import { MapIndexFeed } from '@server/features/incidents/map-index-feed.js';
import type { IncidentMapIndex, MapPoint } from '@server/features/incidents/map-index.js';

/*
 * The map's index (issue 26) as the tiles read it: loaded page by page while incidents keep
 * changing, every change arriving as an event. Whatever the order, each incident ends as its
 * last event left it, once.
 */

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const point = (n: number, over: Partial<MapPoint> = {}): MapPoint => ({
  id: id(n),
  lon: -117.03 + (n % 100) * 0.001,
  lat: 32.54,
  occurredAt: Date.parse('2026-07-04T12:00:00Z'),
  type: 'migrant_distress',
  severity: 'high',
  status: 'reported',
  mechanismId: 'san-diego-tijuana',
  reportedBy: id(999_999),
  exercise: false,
  ...over,
});
const filter = (statuses: readonly IncidentStatus[] = incidentStatuses): MapFilter => ({
  types: null,
  severities: null,
  statuses: [...statuses],
  mechanismId: null,
  range: 'custom',
  from: null,
  to: null,
  bbox: null,
});
/** How many incidents the index holds that the filter selects: the world's one tile at zoom 0. */
const counted = (index: IncidentMapIndex, statuses?: readonly IncidentStatus[]) =>
  index.cells({ z: 0, x: 0, y: 0 }, filter(statuses), null).reduce((sum, c) => sum + c.n, 0);

const PAGE = 10;

/** Pages of the table as it stands when each is read, PAGE rows each, and a hook before each. */
function table(rows: MapPoint[], beforePage: (page: number) => void = () => {}) {
  return async (page: number) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    beforePage(page);
    const points = rows.slice(page * PAGE, (page + 1) * PAGE);
    return {
      forEach: (each: (p: MapPoint) => void) => points.forEach((p) => each(p)),
      more: (page + 1) * PAGE < rows.length,
      estimate: 0,
    };
  };
}

describe('the map index', () => {
  it('ends each incident as its last event left it, whether its page was read before the event or after', async () => {
    const rows = Array.from({ length: PAGE + 10 }, (_, n) => point(n));
    const feed: MapIndexFeed = new MapIndexFeed(
      table(rows, (page) => {
        if (page !== 1) return;
        // Between the pages: one incident of the first page and one of the second are resolved, and one reported.
        for (const n of [5, PAGE + 5]) {
          rows[n] = { ...rows[n]!, status: 'resolved' };
          feed.apply(rows[n]!);
        }
        rows.push(point(PAGE + 10));
        feed.apply(rows.at(-1)!);
      }),
    );
    const index = await feed.current();
    expect(index.count).toBe(PAGE + 11);
    expect(counted(index, ['resolved'])).toBe(2);
    expect(counted(index)).toBe(PAGE + 11);

    // Loaded, events apply at once; an incident is replaced, never counted twice.
    feed.apply({ ...rows[5]!, status: 'closed' });
    expect(counted(index, ['resolved'])).toBe(1);
    expect(counted(index, ['closed'])).toBe(1);
    expect(counted(index)).toBe(PAGE + 11);
  });

  it('draws a cell of one as the incident itself, and keeps what the scope may not read out', async () => {
    const feed = new MapIndexFeed(
      table([
        point(1, { severity: 'critical', mechanismId: null, reportedBy: id(7) }),
        point(2, { lon: -106.45, lat: 31.75, mechanismId: 'el-paso' }),
      ]),
    );
    const index = await feed.current();
    const tile = tileOf(-117.03, 32.54, 8);
    const [cell] = index.cells(tile, filter(), null);
    expect(cell).toMatchObject({
      n: 1,
      id: id(1),
      severity: 'critical',
      status: 'reported',
      type: 'migrant_distress',
      occurredAt: '2026-07-04T12:00:00.000Z',
      mechanismId: null,
      exercise: false,
    });
    // The reporter reads their own incident outside their mechanism; nobody else scoped to it does.
    expect(index.cells(tile, filter(), { mechanismId: 'el-paso', reportedBy: id(7) })).toHaveLength(1);
    expect(index.cells(tile, filter(), { mechanismId: 'el-paso', reportedBy: id(8) })).toHaveLength(0);
    expect(
      index.cells(tileOf(-106.45, 31.75, 8), filter(), { mechanismId: 'el-paso', reportedBy: id(8) }),
    ).toHaveLength(1);
  });

  it('tries its first load again after a failed one, and reads a bulk load into a new index while the old one answers', async () => {
    const rows = [point(1)];
    let failures = 1;
    const read = table(rows);
    const feed = new MapIndexFeed(async (page) => {
      if (failures-- > 0) throw new Error('database away');
      return read(page);
    });
    await expect(feed.current()).rejects.toThrow('database away');
    const first = await feed.current();
    expect(first.count).toBe(1);

    rows.push(point(2), point(3));
    const reloading = feed.reload();
    expect(await feed.current()).toBe(first); // still answering, as it was
    await reloading;
    const second = await feed.current();
    expect(second).not.toBe(first);
    expect(counted(second)).toBe(3);
  });
});
