import { z } from 'zod';
import { bilingual } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';

/*
 * The operations map's vector tiles (issue 26): every incident the filter matches, at any
 * zoom, in Mapbox Vector Tile form (MapLibre reads it natively). Up to `CLUSTER_MAX_ZOOM` a
 * tile groups its incidents by grid cell; deeper, each place is a point. Nothing is left out.
 */

/** The tiles' one layer. */
export const INCIDENT_TILE_LAYER = 'incidents';
/** Tile coordinates run 0…extent−1 across a tile (the MVT default). */
export const TILE_EXTENT = 4096;
/** Tiles are built up to this zoom; MapLibre draws deeper zooms from them. */
export const TILE_MAX_ZOOM = 14;
/** Up to this zoom a tile clusters its incidents; beyond it every incident is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 10;
/** Cells per tile side while clustering: 8 on a 512-pixel tile is a 64-pixel cell. */
export const CLUSTER_CELLS = 8;

/** Whole numbers only: `1e1` or ` 3` is not a tile. */
const tileNumber = z.string().max(10).regex(/^\d+$/);

/** `/:z/:x/:y`: z from 0 to TILE_MAX_ZOOM, x and y from 0 to 2^z − 1. */
export const tileParams = z.object({ z: tileNumber, x: tileNumber, y: tileNumber }).superRefine((p, ctx) => {
  const zoom = Number(p.z);
  if (zoom > TILE_MAX_ZOOM) {
    ctx.addIssue({
      code: 'custom',
      path: ['z'],
      ...customIssue(bilingual('tileError.zoom', { max: TILE_MAX_ZOOM })),
    });
    return;
  }
  for (const axis of ['x', 'y'] as const)
    if (Number(p[axis]) >= 2 ** zoom)
      ctx.addIssue({
        code: 'custom',
        path: [axis],
        ...customIssue(bilingual('tileError.outside', { zoom, max: 2 ** zoom - 1 })),
      });
});

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Just below 1 in single precision: a place on the world's far edge is still in its last tile. */
const WORLD_END = 1 - 2 ** -24;

/**
 * A point's place on the Web Mercator world, each axis from 0 (west, north) up to 1: at zoom
 * `z` the tile that holds it is `floor(x · 2^z)`, `floor(y · 2^z)`, exactly (2^z scales without rounding).
 * In single precision (within a metre along the border), as the server's map index keeps places:
 * a tile named here is the tile the index puts the point in.
 */
export function worldPlace(lon: number, lat: number): { x: number; y: number } {
  const sinLat = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI);
  const clamp = (v: number) => Math.fround(Math.min(WORLD_END, Math.max(0, v)));
  return { x: clamp((lon + 180) / 360), y: clamp(y) };
}

/** The tile that holds a point at zoom `z` (Web Mercator, as MapLibre cuts them). */
export function tileOf(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const { x, y } = worldPlace(lon, lat);
  return { z, x: Math.floor(x * n), y: Math.floor(y * n) };
}

/** The latitude of the line `row` rows of `rows` down the Web Mercator world (0 is its top). */
export function latitudeOfRow(row: number, rows: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / rows))) * 180) / Math.PI;
}

/** A tile's bounds in degrees: [west, south, east, north]. */
export function tileBounds({ z, x, y }: TileAddress): [number, number, number, number] {
  const n = 2 ** z;
  return [(x / n) * 360 - 180, latitudeOfRow(y + 1, n), ((x + 1) / n) * 360 - 180, latitudeOfRow(y, n)];
}
