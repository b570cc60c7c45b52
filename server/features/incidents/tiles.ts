import { fromGeojsonVt, type Feature } from '@maplibre/vt-pbf';
import { and, sql, type SQL } from 'drizzle-orm';
import { severities, type Severity } from '@shared/incidents/contract.js';
import type { MapFilter } from '@shared/incidents/map-filter.js';
import {
  CLUSTER_CELLS,
  CLUSTER_MAX_ZOOM,
  INCIDENT_TILE_LAYER,
  TILE_EXTENT,
  latitudeOfRow,
  tileBounds,
  type TileAddress,
} from '@shared/incidents/tiles.js';
import { readGrouped, type Db } from '@server/core/db.js';
import { incidents } from '@server/db/schema/incidents.js';
import { mapConditions, type Scope } from './repository.js';

/*
 * One vector tile of the operations map (issue 26), built by the database: the incidents the
 * filter and scope select inside the tile, grouped by grid cell up to CLUSTER_MAX_ZOOM (a
 * count, the most severe, and the properties of a cell's only incident) and by place beyond
 * (incidents at the very same spot stay one cluster). The rows that come back are cells, not
 * incidents: a tile over a million incidents at zoom 3 is 64 rows at most. Cells whose
 * clusters would overlap on screen are then merged here (`mergeNearCells`).
 */

/** A cell of the tile: a cluster (no `id`), or the one incident it holds. */
type CellRow = { n: number; px: number; py: number; severity: Severity } & (
  | { id: null }
  | { id: string; type: string; status: string; occurredAt: string; mechanismId: string | null; exercise: boolean }
);

/** Up to this zoom a tile spans a quarter of the border or more (zoom 6: 5.6° of longitude). */
const WHOLE_REGION_ZOOM = 6;

/** "1.2k" past a thousand, as supercluster writes it on a cluster. */
function abbreviated(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
}

/** Web Mercator y of a latitude in the world's pixels at `scale`. */
const mercatorRow = (lat: SQL, scale: number) =>
  sql`floor((1 - asinh(tan(radians(${lat}))) / pi()) / 2 * ${scale}::float8)::int`;

/**
 * How a tile's query finds each incident's row (`row`, in the world's rows; the tile's are
 * `first`…`last`), the cell's row on the tile (`py`, from the cell's `line` or an aggregate)
 * and the cells' width in the world's pixels (`cell`).
 */
function rowPlacement(
  { z, y }: TileAddress,
  lat: SQL,
): { row: SQL; first: number; last: number; py: SQL; cell: number } {
  const scale = 2 ** z * TILE_EXTENT;
  const top = y * TILE_EXTENT;
  if (z > CLUSTER_MAX_ZOOM)
    return {
      row: mercatorRow(lat, scale),
      first: top,
      last: top + TILE_EXTENT - 1,
      py: sql`line - ${top}::int`,
      cell: 1,
    };
  // Clustering, an incident's cell row is found among the rows' edges as latitudes (ascending, so
  // `width_bucket` numbers the rows 1…CLUSTER_CELLS from the south): the projection is worked out
  // per cell, not per incident (a fifth of a ten-year tile at zoom 4). A neighbouring tile's edge
  // is the very same number, so every incident still falls in exactly one tile.
  const lines = 2 ** z * CLUSTER_CELLS;
  const edges = Array.from({ length: CLUSTER_CELLS + 1 }, (_, k) => latitudeOfRow((y + 1) * CLUSTER_CELLS - k, lines));
  return {
    row: sql`width_bucket(${lat}, array[${sql.join(
      edges.map((edge) => sql`${edge}::float8`),
      sql`, `,
    )}])`,
    first: 1,
    last: CLUSTER_CELLS,
    // Where a cell's incidents are on average; a cell of one, exactly where it is.
    py: sql`least(greatest(${mercatorRow(sql`avg(lat)`, scale)} - ${top}::int, 0), ${TILE_EXTENT - 1})`,
    cell: TILE_EXTENT / CLUSTER_CELLS,
  };
}

/**
 * The query of one tile's cells: tile coordinates, count and properties (the benchmark explains it).
 * Each incident is read for what every cell needs (its place, severity and row address): a cell of
 * one takes the rest from its row, found by that address in the same statement's snapshot.
 */
export function tileCellsQuery(tile: TileAddress, filter: MapFilter, scope: Scope): SQL {
  const { z, x } = tile;
  const scale = 2 ** z * TILE_EXTENT;
  const left = x * TILE_EXTENT;
  // A hair wider than the tile: each incident is then placed by its pixel or cell row, in exactly one tile.
  const [west, south, east, north] = tileBounds(tile).map((edge, i) => edge + (i < 2 ? -1e-9 : 1e-9)) as number[];
  // A tile of a quarter of the border or more holds most incidents: its box is no use to an index, and
  // offered to the location index it makes the planner read that index whole (a week's tiles at zoom 4
  // took 340 ms beside the time index's 2,000 rows). Written so no index can take it, up to zoom 6.
  const inBox =
    z <= WHOLE_REGION_ZOOM
      ? sql`${incidents.location}[0] between ${west}::float8 and ${east}::float8 and ${incidents.location}[1] between ${south}::float8 and ${north}::float8`
      : sql`${incidents.location} <@ box(point(${west}::float8, ${south}::float8), point(${east}::float8, ${north}::float8))`;
  // How a cell of one finds its incident's row: by its address in the table, read whole up to zoom 6;
  // deeper, by its id, which the location index holds with every column a tile reads (no table read).
  const [address, addressed] =
    z <= WHOLE_REGION_ZOOM
      ? [sql`ctid`, sql`i.ctid = c.address`]
      : [sql`${incidents.id}::text collate "C"`, sql`i.id = c.address::uuid`];
  const lat = sql`${incidents.location}[1]`;
  // Web Mercator x in the world's pixels at this zoom.
  const gx = sql`floor((${incidents.location}[0] + 180) / 360 * ${scale}::float8)::int`;
  const { row, first, last, py, cell } = rowPlacement(tile, lat);
  // The cells outside the tile (the box's hair) are dropped once grouped, outside the grouping's
  // fence: a condition on the cell would be pushed into the scan, where the planner can't guess
  // its rows, guesses one, and then groups a million rows in one process, not in parallel.
  return sql`
    with cells as materialized (
      select gx / ${cell} as column_of, line, count(*)::int as n, round(avg(gx))::int - ${left}::int as px,
             ${py} as py, max(severity) as severity, min(address) as address
        from (select ${gx} as gx, ${row} as line, ${lat} as lat, ${incidents.severity} as severity, ${address} as address
                from ${incidents}
               where ${and(mapConditions(filter, scope), inBox)}) placed
       group by column_of, line)
    select c.n, c.px, c.py, c.severity::text as severity, i.id, i.type::text as type, i.status::text as status,
           i.mechanism_id as "mechanismId", i.exercise,
           to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt"
      from cells c left join ${incidents} i on c.n = 1 and ${addressed}
     where c.column_of between ${left / cell}::int and ${(left + TILE_EXTENT) / cell - 1}::int
       and c.line between ${first}::int and ${last}::int`;
}

/**
 * Clusters closer than this are drawn as one (tile units: 48 of a 512-pixel tile's pixels, the width
 * of a disc of a thousand or more). A cell's cluster sits where its incidents are on average, so two
 * cells whose incidents crowd their common edge would put their discs on top of each other, hiding a
 * count. Cells are 64 pixels apart, so clusters near their cells' middles stay apart.
 */
const MERGE_DISTANCE = (48 / 512) * TILE_EXTENT;

/**
 * The cells with those whose places are within MERGE_DISTANCE of a busier one's folded into it,
 * busiest first: the counts add up, the place is the mean of all their incidents, the most severe
 * stays. A merged cluster's place moves, so this repeats until no two are that close.
 */
function mergeNearCells(cells: CellRow[]): CellRow[] {
  let clusters = cells.map((cell) => ({ ...cell }));
  for (;;) {
    const kept: CellRow[] = [];
    for (const cell of clusters.sort((a, b) => b.n - a.n)) {
      const near = kept.find((k) => Math.hypot(k.px - cell.px, k.py - cell.py) < MERGE_DISTANCE);
      if (!near) {
        kept.push(cell);
        continue;
      }
      const n = near.n + cell.n;
      Object.assign(near, {
        n,
        px: (near.px * near.n + cell.px * cell.n) / n,
        py: (near.py * near.n + cell.py * cell.n) / n,
        severity: severities.indexOf(cell.severity) > severities.indexOf(near.severity) ? cell.severity : near.severity,
        id: null,
      });
    }
    if (kept.length === clusters.length) return kept.map((k) => ({ ...k, px: Math.round(k.px), py: Math.round(k.py) }));
    clusters = kept;
  }
}

/** The tile as MVT bytes: a cluster per cell of several, the incident itself per cell of one. */
export async function incidentTile(db: Db, tile: TileAddress, filter: MapFilter, scope: Scope): Promise<Uint8Array> {
  const rows = await readGrouped<CellRow>(db, tileCellsQuery(tile, filter, scope));
  // Beyond the clustering zooms each place is drawn where it is: nothing is merged.
  const cells = tile.z > CLUSTER_MAX_ZOOM ? rows : mergeNearCells(rows);
  const features: Feature[] = cells.map((c, i) => ({
    type: 1,
    geometry: [[c.px, c.py]],
    tags:
      c.id === null
        ? {
            cluster_id: `${tile.z}/${tile.x}/${tile.y}/${i}`,
            point_count: c.n,
            point_count_abbreviated: abbreviated(c.n),
            severity: c.severity,
          }
        : {
            id: c.id,
            type: c.type,
            severity: c.severity,
            status: c.status,
            occurredAt: c.occurredAt,
            ...(c.mechanismId === null ? {} : { mechanismId: c.mechanismId }),
            exercise: c.exercise,
          },
  }));
  return fromGeojsonVt(
    { [INCIDENT_TILE_LAYER]: { features } as Parameters<typeof fromGeojsonVt>[0][string] },
    { version: 2, extent: TILE_EXTENT },
  );
}
