import type { LayerProps } from 'react-map-gl/maplibre';
import { sectorColours } from './colours.js';

const byStatus = [
  'match',
  ['get', 'status'],
  'searched',
  sectorColours.searched,
  'cleared',
  sectorColours.cleared,
  sectorColours.assigned,
] as const;

/** The sectors of an operation on the incident page's map: filled and outlined by status. */
export const sectorFill: LayerProps = {
  id: 'sar-sectors-fill',
  type: 'fill',
  paint: { 'fill-color': byStatus as never, 'fill-opacity': 0.25 },
};

export const sectorLine: LayerProps = {
  id: 'sar-sectors-line',
  type: 'line',
  paint: { 'line-color': byStatus as never, 'line-width': 2 },
};
