import { fromGeojsonVt, type Feature } from '@maplibre/vt-pbf';
import { and, sql, type SQL } from 'drizzle-orm';
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
 * incidents: a tile over a million incidents at zoom 3 is 64 rows at most.
 */

interface CellRow {
  n: number;
  px: number;
  py: number;
  severity: string;
  /** The rest describe the cell's only incident (n = 1). */
  id: string;
  type: string;
  status: string;
  occurredAt: string;
  mechanismId: string | null;
  exercise: boolean;
}

/** Up to this zoom a tile spans a quarter of the border or more (zoom 6: 5.6° of longitude). */
const WHOLE_REGION_ZOOM = 6;

/** "1.2k" past a thousand, as supercluster writes it on a cluster. */
function abbreviated(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
}

/** Web Mercator y of a latitude in the world's pixels at `scale`, less the tile's top. */
const mercatorRow = (lat: SQL, scale: number, top: number) =>
  sql`floor((1 - asinh(tan(radians(${lat}))) / pi()) / 2 * ${scale}::float8)::int - ${top}::int`;

/**
 * How a tile's query finds each incident's row (`row`, kept where `rows` holds), the cell's
 * row on the tile (`py`, an aggregate) and the cells' width in tile units (`cell`).
 */
function rowPlacement({ z, y }: TileAddress, lat: SQL): { row: SQL; rows: SQL; py: SQL; cell: number } {
  const scale = 2 ** z * TILE_EXTENT;
  const top = y * TILE_EXTENT;
  if (z > CLUSTER_MAX_ZOOM)
    return {
      row: mercatorRow(lat, scale, top),
      rows: sql`py between 0 and ${TILE_EXTENT - 1}`,
      py: sql`min(py)`,
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
    rows: sql`py between 1 and ${CLUSTER_CELLS}`,
    // Where a cell's incidents are on average; a cell of one, exactly where it is.
    py: sql`least(greatest(${mercatorRow(sql`avg(lat)`, scale, top)}, 0), ${TILE_EXTENT - 1})`,
    cell: TILE_EXTENT / CLUSTER_CELLS,
  };
}

/** The query of one tile's cells: tile coordinates, count and properties (the benchmark explains it). */
export function tileCellsQuery(tile: TileAddress, filter: MapFilter, scope: Scope): SQL {
  const { z, x } = tile;
  const scale = 2 ** z * TILE_EXTENT;
  // A hair wider than the tile: each incident is then placed by its pixel or cell row, in exactly one tile.
  const [west, south, east, north] = tileBounds(tile).map((edge, i) => edge + (i < 2 ? -1e-9 : 1e-9)) as number[];
  // A tile of a quarter of the border or more holds most incidents: its box is no use to an index, and
  // offered to the location index it makes the planner read that index whole (a week's tiles at zoom 4
  // took 340 ms beside the time index's 2,000 rows). Written so no index can take it, up to zoom 6.
  const inBox =
    z <= WHOLE_REGION_ZOOM
      ? sql`${incidents.location}[0] between ${west}::float8 and ${east}::float8 and ${incidents.location}[1] between ${south}::float8 and ${north}::float8`
      : sql`${incidents.location} <@ box(point(${west}::float8, ${south}::float8), point(${east}::float8, ${north}::float8))`;
  const lat = sql`${incidents.location}[1]`;
  // Web Mercator x in the world's pixels at this zoom, then within the tile.
  const gx = sql`floor((${incidents.location}[0] + 180) / 360 * ${scale}::float8)::int - ${x * TILE_EXTENT}::int`;
  const { row, rows, py, cell } = rowPlacement(tile, lat);
  return sql`
    select count(*)::int as n, round(avg(px))::int as px, ${py} as py,
           max(severity)::text as severity, min(id::text collate "C") as id, min(type)::text as type,
           min(status)::text as status, min(mechanism_id collate "C") as "mechanismId", bool_or(exercise) as exercise,
           to_char(max(occurred_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt"
      from (select ${gx} as px, ${row} as py, ${lat} as lat, ${incidents.severity} as severity, ${incidents.id} as id,
                   ${incidents.type} as type, ${incidents.status} as status, ${incidents.exercise} as exercise,
                   ${incidents.occurredAt} as occurred_at, ${incidents.mechanismId} as mechanism_id
              from ${incidents}
             where ${and(mapConditions(filter, scope), inBox)}) placed
     where px between 0 and ${TILE_EXTENT - 1} and ${rows}
     group by px / ${cell}, py`;
}

/** The tile as MVT bytes: a cluster per cell of several, the incident itself per cell of one. */
export async function incidentTile(db: Db, tile: TileAddress, filter: MapFilter, scope: Scope): Promise<Uint8Array> {
  const cells = await readGrouped<CellRow>(db, tileCellsQuery(tile, filter, scope));
  const features: Feature[] = cells.map((c, i) => ({
    type: 1,
    geometry: [[c.px, c.py]],
    tags:
      c.n > 1
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
