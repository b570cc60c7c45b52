import type { Map as MaplibreMap } from 'maplibre-gl';
import { severities } from '@shared/incidents/contract.js';
import { finishedColour, markerShapes, severityColours } from './colours.js';
import { traceShape } from './shapes.js';

const PREFIX = 'incident-';
const SIZE = 22;
const RATIO = 2;

/** `incident-<shape>-<severity>` for live incidents, `incident-<shape>-finished` for resolved and closed ones. */
export const iconIds = markerShapes.flatMap((shape) =>
  [...severities, 'finished'].map((fill) => `${PREFIX}${shape}-${fill}`),
);

/** Draws one marker: filled in its severity's colour with a white edge, or hollow grey when finished. */
function drawIcon(id: string): ImageData | null {
  const [shape, fill] = id.slice(PREFIX.length).split('-') as [(typeof markerShapes)[number], string];
  if (!markerShapes.includes(shape)) return null;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE * RATIO;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(RATIO, RATIO);
  traceShape(ctx, shape, SIZE);
  if (fill === 'finished') {
    ctx.fillStyle = 'rgba(255, 255, 255, 0.7)';
    ctx.fill();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = finishedColour;
    ctx.stroke();
  } else {
    ctx.fillStyle = severityColours[fill as keyof typeof severityColours] ?? finishedColour;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * Gives the map the marker images when its style asks for them, so they come back by themselves
 * after a style change. A resolver, not a `styleimagemissing` listener: MapLibre answers a tile's
 * request for images before it fires that event, so an image added from the listener misses the
 * tile that asked for it — the first marker of a kind (a live incident, a first zoom past the
 * clusters) stayed undrawn until that tile happened to load again. The resolver runs before the
 * answer. Returns the unsubscribe.
 */
export function provideIncidentIcons(
  map: Pick<MaplibreMap, 'hasImage' | 'addImage' | 'setMissingStyleImageResolver'>,
): () => void {
  map.setMissingStyleImageResolver((id) => {
    if (!id.startsWith(PREFIX) || map.hasImage(id)) return;
    const image = drawIcon(id);
    if (image) map.addImage(id, image, { pixelRatio: RATIO });
  });
  return () => void map.setMissingStyleImageResolver(null);
}
