import type { IncidentType } from '@shared/incidents/contract.js';
import type { MarkerShape } from './colours.js';

/**
 * The shape of each type's marker: people in distress a circle, deaths a cross, heat and
 * weather a triangle, violence a diamond, border security a square, anything else a star.
 */
export const incidentShapes: Record<IncidentType, MarkerShape> = {
  migrant_distress: 'circle',
  death: 'cross',
  drowning: 'cross',
  heat_exposure: 'triangle',
  weather_emergency: 'triangle',
  violence_against_migrants: 'diamond',
  assault_on_officers: 'diamond',
  civilian_detention: 'diamond',
  incursion: 'square',
  bomb_threat: 'square',
  trans_border_pursuit: 'square',
  smuggling: 'square',
  other: 'star',
};

/** The legend's groups: each shape with the types it stands for. */
export const shapeGroups = (): Array<[MarkerShape, IncidentType[]]> => {
  const groups = new Map<MarkerShape, IncidentType[]>();
  for (const [type, shape] of Object.entries(incidentShapes) as Array<[IncidentType, MarkerShape]>)
    groups.set(shape, [...(groups.get(shape) ?? []), type]);
  return [...groups];
};

const w = 0.32;
/** Each shape as a polygon in a unit square centred on 0 (the circle is drawn as one). */
const outlines: Record<Exclude<MarkerShape, 'circle'>, Array<[number, number]>> = {
  square: [
    [-0.8, -0.8],
    [0.8, -0.8],
    [0.8, 0.8],
    [-0.8, 0.8],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 0.8],
    [-1, 0.8],
  ],
  cross: [
    [-w, -1],
    [w, -1],
    [w, -w],
    [1, -w],
    [1, w],
    [w, w],
    [w, 1],
    [-w, 1],
    [-w, w],
    [-1, w],
    [-1, -w],
    [-w, -w],
  ],
  star: Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? 1 : 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [Math.cos(angle) * radius, Math.sin(angle) * radius] as [number, number];
  }),
};

/** The shape's outline in a `size` square with `margin` around it; null for the circle. */
export function shapePoints(shape: MarkerShape, size: number, margin: number): Array<[number, number]> | null {
  if (shape === 'circle') return null;
  const c = size / 2;
  const r = size / 2 - margin;
  return outlines[shape].map(([x, y]) => [c + x * r, c + y * r]);
}

/** Traces `shape` centred in a `size` square on a 2D canvas path. */
export function traceShape(ctx: CanvasRenderingContext2D, shape: MarkerShape, size: number): void {
  ctx.beginPath();
  const points = shapePoints(shape, size, 3);
  if (!points) ctx.arc(size / 2, size / 2, (size / 2 - 3) * 0.85, 0, Math.PI * 2);
  else {
    points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
}
