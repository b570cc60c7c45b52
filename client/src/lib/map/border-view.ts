import type { LngLatBoundsLike } from 'maplibre-gl';

/** The US–Mexico border from the Pacific to the Gulf: the view every map opens on. */
export const BORDER_BOUNDS: LngLatBoundsLike = [
  [-118, 25],
  [-96, 33],
];
