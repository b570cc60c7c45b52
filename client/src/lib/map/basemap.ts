import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';
import { basemapColours } from './basemap-colours.js';

/**
 * The offline basemap: Natural Earth countries (world-atlas) and U.S. states (us-atlas),
 * bundled as static assets, so the console draws a map with no tile server or internet.
 */

// Polygons east of this longitude are dropped: keeps the Americas and avoids the streaks
// that Russia, Fiji and the Aleutians draw across ±180°.
const EAST_LIMIT = -25;
const UNITED_STATES = '840';
const MEXICO = '484';

type Countries = Topology<{ countries: GeometryCollection }>;
type States = Topology<{ states: GeometryCollection }>;

export interface Basemap {
  land: FeatureCollection<MultiPolygon>;
  countryLines: FeatureCollection<MultiLineString>;
  stateLines: FeatureCollection<MultiLineString>;
  /** The arc the United States and Mexico share. */
  borderLine: FeatureCollection<MultiLineString>;
}

const inWesternHemisphere = (ring: Position[]) => ring.every(([lon]) => lon! <= EAST_LIMIT);

function clipPolygons(country: Feature<Polygon | MultiPolygon | null>): Feature<MultiPolygon> | null {
  const geometry = country.geometry;
  if (!geometry) return null;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.filter((polygon) => polygon.every(inWesternHemisphere));
  return kept.length
    ? { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } }
    : null;
}

function clipLines(lines: MultiLineString): FeatureCollection<MultiLineString> {
  const geometry: MultiLineString = {
    type: 'MultiLineString',
    coordinates: lines.coordinates.filter(inWesternHemisphere),
  };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] };
}

function buildBasemap(countries: Countries, states: States): Basemap {
  const countryFeatures = feature(countries, countries.objects.countries).features as Feature<
    Polygon | MultiPolygon | null
  >[];
  const isBorder = (a: { id?: string | number }, b: { id?: string | number }) =>
    (a.id === UNITED_STATES && b.id === MEXICO) || (a.id === MEXICO && b.id === UNITED_STATES);
  return {
    land: {
      type: 'FeatureCollection',
      features: countryFeatures.map(clipPolygons).filter((f): f is Feature<MultiPolygon> => f !== null),
    },
    countryLines: clipLines(mesh(countries, countries.objects.countries, (a, b) => a !== b)),
    stateLines: clipLines(mesh(states, states.objects.states, (a, b) => a !== b)),
    borderLine: clipLines(mesh(countries, countries.objects.countries, isBorder)),
  };
}

let basemap: Promise<Basemap> | undefined;

/** Loads the atlases once per page. */
export function loadBasemap(): Promise<Basemap> {
  basemap ??= Promise.all([fetchJson<Countries>(countriesUrl), fetchJson<States>(statesUrl)]).then(([c, s]) =>
    buildBasemap(c, s),
  );
  return basemap;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`basemap asset ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function offlineStyle(data: Basemap): StyleSpecification {
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: data.land },
      'country-lines': { type: 'geojson', data: data.countryLines },
      'state-lines': { type: 'geojson', data: data.stateLines },
      'border-line': { type: 'geojson', data: data.borderLine },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': basemapColours.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': basemapColours.land } },
      {
        id: 'state-lines',
        type: 'line',
        source: 'state-lines',
        paint: { 'line-color': '#b9b3a6', 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'country-lines',
        type: 'line',
        source: 'country-lines',
        paint: { 'line-color': '#8c877c', 'line-width': 1 },
      },
      { id: 'border-line', type: 'line', source: 'border-line', paint: { 'line-color': '#6b3d2e', 'line-width': 2.5 } },
    ],
  };
}
