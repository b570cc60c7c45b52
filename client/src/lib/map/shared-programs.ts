import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/**
 * One WebGL program per kind of layer. MapLibre compiles a program for each layer type and each
 * way its paint properties are given: the same for every feature, per feature, or per zoom and
 * feature. Without a GPU (software WebGL: remote desktops, thin clients, the console's browser
 * tests) the first frame that draws a new program stops 100–200 ms to compile it, and the
 * operations map needed 17 before its first full frame. Here every layer of a type gives the
 * properties below the same way, so a map compiles one program per type: a value that does not
 * vary is written as one per feature whose branches agree (worked out once per feature as the
 * tile is laid out, not per frame).
 *
 * Paint properties not listed here are left as each layer gives them; on the operations map
 * each is given one way on every layer of a type (tests/client/map-programs.test.tsx). A layer
 * that gave one another way would compile a program of its own, and still draw.
 */

type Way = 'feature' | 'zoom and feature';
/** How a property is given on every layer of a type, and its value when a layer leaves it out. */
interface Shared {
  way: Way;
  /** Absent: a layer that leaves it out draws it another way (an outline in the fill's colour). */
  default?: string | number | number[];
}

const SHARED: Partial<Record<LayerSpecification['type'], Record<string, Shared>>> = {
  fill: {
    'fill-color': { way: 'feature', default: '#000000' },
    'fill-opacity': { way: 'feature', default: 1 },
    // Left out, MapLibre draws the outline with the fill's colour, given as the fill's is.
    'fill-outline-color': { way: 'feature' },
  },
  line: {
    'line-color': { way: 'feature', default: '#000000' },
    'line-width': { way: 'zoom and feature', default: 1 },
    // A solid line is one unbroken dash: dashed and solid lines are drawn by one program.
    'line-dasharray': { way: 'feature', default: [1, 0] },
  },
  circle: {
    'circle-color': { way: 'feature', default: '#000000' },
    'circle-radius': { way: 'zoom and feature', default: 5 },
    'circle-stroke-color': { way: 'feature', default: '#000000' },
    'circle-stroke-width': { way: 'feature', default: 0 },
  },
  symbol: {
    'text-color': { way: 'feature', default: '#000000' },
    'icon-opacity': { way: 'feature', default: 1 },
  },
};

/** Expression operators that read the feature being drawn. */
const FEATURE_OPERATORS = new Set(['get', 'has', 'id', 'geometry-type', 'properties', 'feature-state']);
const ZOOM_OPERATORS = new Set(['zoom']);

function reads(value: unknown, operators: ReadonlySet<string>): boolean {
  if (!Array.isArray(value) || value[0] === 'literal') return false;
  if (typeof value[0] === 'string' && operators.has(value[0])) return true;
  return value.some((item) => reads(item, operators));
}
const readsFeature = (value: unknown) => reads(value, FEATURE_OPERATORS);
const readsZoom = (value: unknown) => reads(value, ZOOM_OPERATORS);

/** The value for every feature, as a value per feature: the condition reads the feature, both branches agree. */
function perFeature(value: unknown): unknown {
  // A zoom curve can only be the outermost expression: it keeps a program of its own.
  if (readsFeature(value) || readsZoom(value)) return value;
  // A bare array (a dash pattern) is a value, not an expression, only where it stands alone.
  const literal = Array.isArray(value) && typeof value[0] !== 'string' ? ['literal', value] : value;
  return ['case', ['has', 'id'], literal, literal] as ExpressionSpecification;
}

/** The value as a curve over zoom whose stops are given per feature. */
function perZoomAndFeature(value: unknown): unknown {
  if (!readsZoom(value)) return ['interpolate', ['linear'], ['zoom'], 0, perFeature(value), 24, perFeature(value)];
  if (readsFeature(value) || !Array.isArray(value)) return value;
  // ['interpolate', curve, ['zoom'], z, v, z, v…] has its stops' values at 4, 6…; ['step', ['zoom'], v, z, v…] at 2, 4…
  const first = value[0] === 'interpolate' ? 4 : value[0] === 'step' ? 2 : undefined;
  if (first === undefined) return value;
  return value.map((item, i) => (i >= first && (i - first) % 2 === 0 ? perFeature(item) : item));
}

/** A layer as a style or react-map-gl's `<Layer>` gives it (the source may be its parent's). */
type Layer = { type: string; paint?: object };

const cache = new WeakMap<Layer, Layer>();

/** The layer with the properties its type shares given the shared way (see above); the same layer for other types. */
export function withSharedProgram<L extends Layer>(layer: L): L {
  const shared = SHARED[layer.type as LayerSpecification['type']];
  if (!shared) return layer;
  const cached = cache.get(layer);
  if (cached) return cached as L;
  const paint: Record<string, unknown> = { ...layer.paint };
  for (const [property, { way, default: fallback }] of Object.entries(shared)) {
    const value = paint[property] ?? fallback;
    if (value === undefined) continue;
    paint[property] = way === 'feature' ? perFeature(value) : perZoomAndFeature(value);
  }
  const result = { ...layer, paint } as L;
  cache.set(layer, result);
  return result;
}
