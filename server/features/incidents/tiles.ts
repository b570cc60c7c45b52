import { fromGeojsonVt, type Feature } from '@maplibre/vt-pbf';
import { severities } from '@shared/incidents/contract.js';
import type { MapFilter } from '@shared/incidents/map-filter.js';
import { CLUSTER_MAX_ZOOM, INCIDENT_TILE_LAYER, TILE_EXTENT, type TileAddress } from '@shared/incidents/tiles.js';
import type { CellRow, IncidentMapIndex } from './map-index.js';
import type { Scope } from './repository.js';

/*
 * One vector tile of the operations map (issue 26): the cells of the incidents the filter and
 * scope select inside the tile, from the map's index (map-index.ts), as MVT. Cells whose
 * clusters would overlap on screen are merged here (`mergeNearCells`).
 */

/** "1.2k" past a thousand, as supercluster writes it on a cluster. */
function abbreviated(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
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
export function incidentTile(index: IncidentMapIndex, tile: TileAddress, filter: MapFilter, scope: Scope): Uint8Array {
  const rows = index.cells(tile, filter, scope);
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
