import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  ExpressionSpecification,
  FontFacesSpecification,
  Map as MaplibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin400Italic from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import latinExt400Italic from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import type { Language } from '@shared/i18n/index.js';
import { basemapColours } from './basemap-colours.js';
import { collection } from './geojson.js';
import { LABEL_FONTS, labelHalo, languageState, nameInLanguage } from './labels.js';
import { withSharedProgram } from './shared-programs.js';

/**
 * The offline basemap: land, water, rivers and lakes, state and country lines, towns and
 * state names along the border, extracted at build time from npm data packages
 * (client/basemap/build-basemap.ts) and served by the app as one file. Text is drawn by
 * MapLibre from the Noto Sans files the app serves (`font-faces`, no `glyphs` URL): the map
 * makes no request to any other host, and overlays label their features with the same fonts
 * (labels.ts).
 */

/** Written by the build (client/basemap/vite-plugin.ts). */
const BASEMAP_URL = `${import.meta.env.BASE_URL}basemap/border.json`;

export const BASEMAP_ATTRIBUTION = 'Natural Earth · GeoNames (CC BY 4.0) · U.S. Census Bureau';

/** A town or city of the basemap, as place search offers it. */
export interface Town {
  name: string;
  country: 'US' | 'MX';
  longitude: number;
  latitude: number;
  population: number;
}

export interface Basemap {
  collection: FeatureCollection;
  towns: readonly Town[];
}

let basemap: Promise<Basemap> | undefined;

/** Loads the basemap once per page. */
export function loadBasemap(): Promise<Basemap> {
  basemap ??= fetch(BASEMAP_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`basemap ${BASEMAP_URL}: HTTP ${response.status}`);
      return response.json() as Promise<FeatureCollection>;
    })
    .then((collection) => ({ collection, towns: townsOf(collection) }))
    .catch((error: unknown) => {
      basemap = undefined;
      throw error;
    });
  return basemap;
}

function townsOf(collection: FeatureCollection): Town[] {
  return collection.features
    .filter((f): f is Feature<Point> => f.properties?.layer === 'place' && f.geometry.type === 'Point')
    .map((f) => ({
      name: String(f.properties?.name),
      country: f.properties?.country === 'MX' ? 'MX' : 'US',
      longitude: f.geometry.coordinates[0]!,
      latitude: f.geometry.coordinates[1]!,
      population: Number(f.properties?.population ?? 0),
    }));
}

const absolute = (url: string) => new URL(url, document.baseURI).href;

/** Latin covers English and Spanish; Latin Extended the rest of what GeoNames spells. */
const face = (latin: string, extended: string) => [
  { url: absolute(latin), 'unicode-range': ['U+0000-00FF', 'U+2000-206F'] },
  { url: absolute(extended), 'unicode-range': ['U+0100-024F', 'U+1E00-1EFF'] },
];

function fontFaces(): FontFacesSpecification {
  return {
    [LABEL_FONTS.regular]: face(latin400, latinExt400),
    [LABEL_FONTS.italic]: face(latin400Italic, latinExt400Italic),
    [LABEL_FONTS.bold]: face(latin700, latinExt700),
  };
}

/**
 * Loads the label fonts as soon as the offline style has loaded, while the worker cuts the first
 * tiles. MapLibre loads a font when a tile first needs one of its glyphs, and each step of that
 * load waited behind a frame being drawn (70–300 ms each in software WebGL): tiles with names
 * waited 400 ms for their glyphs, and were drawn frames after the others.
 */
export function loadLabelFonts(map: MaplibreMap): void {
  const oneGlyphEach = Object.fromEntries(Object.values(LABEL_FONTS).map((stack) => [stack, { default: ['0'] }]));
  map.style.glyphManager.getGlyphs(oneGlyphEach).catch(() => undefined);
}

const NAMES_SOURCE = 'basemap-names';
const isName = (feature: Feature) => feature.geometry.type === 'Point';

/** The whole Web Mercator world, drawn in the water's colour beneath the land. */
const WORLD_WATER: Feature = {
  type: 'Feature',
  properties: { layer: 'water' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-180, -85.06],
        [180, -85.06],
        [180, 85.06],
        [-180, 85.06],
        [-180, -85.06],
      ],
    ],
  },
};

const layerIs = (layer: string): ExpressionSpecification => ['==', ['get', 'layer'], layer];

/** Towns appear by size as the map zooms in: [rank, from zoom, text size]. */
const townRanks = [
  [1, 3, 13],
  [2, 5, 12],
  [3, 6.5, 11.5],
  [4, 8, 11],
] as const;

/**
 * The basemap's layers of names, bottom first. The map host lifts them above the overlays'
 * shapes: MapLibre places names top layer first, so a town's name wins where a port's collides.
 */
export const BASEMAP_LABEL_LAYERS = [
  'water-labels',
  'state-labels',
  ...[...townRanks].reverse().map(([rank]) => `towns-${rank}`),
  'country-labels',
];

/** The basemap's layers, bottom first, as declared (the style gives them with shared programs). */
export const basemapLayers = (): StyleSpecification['layers'] => [
  // The sea under everything, as a shape like the land's rather than a background layer: one
  // program fewer to compile (shared-programs.ts).
  {
    id: 'water',
    type: 'fill',
    source: 'basemap',
    filter: layerIs('water'),
    paint: { 'fill-color': basemapColours.water },
  },
  {
    id: 'land',
    type: 'fill',
    source: 'basemap',
    filter: layerIs('land'),
    paint: { 'fill-color': basemapColours.land },
  },
  {
    id: 'lakes',
    type: 'fill',
    source: 'basemap',
    filter: layerIs('lake'),
    paint: { 'fill-color': basemapColours.water, 'fill-outline-color': basemapColours.river },
  },
  {
    id: 'state-lines',
    type: 'line',
    source: 'basemap',
    filter: layerIs('state-line'),
    paint: { 'line-color': '#a39d90', 'line-width': 0.9, 'line-dasharray': [3, 2] },
  },
  {
    id: 'country-lines',
    type: 'line',
    source: 'basemap',
    filter: layerIs('country-line'),
    paint: { 'line-color': '#8c877c', 'line-width': 1 },
  },
  {
    id: 'border-line',
    type: 'line',
    source: 'basemap',
    filter: layerIs('border'),
    // A band under the rivers: where the Rio Grande is the border, the river shows inside it.
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': basemapColours.border,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.5, 8, 4, 12, 7],
      'line-opacity': 0.55,
    },
  },
  {
    id: 'rivers',
    type: 'line',
    source: 'basemap',
    filter: layerIs('river'),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': basemapColours.river,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.8, 12, 3],
    },
  },
  {
    id: 'water-labels',
    type: 'symbol',
    source: NAMES_SOURCE,
    filter: layerIs('water-label'),
    minzoom: 4.5,
    layout: {
      'text-field': nameInLanguage,
      'text-font': [LABEL_FONTS.italic],
      'text-size': 12,
      'text-max-width': 8,
    },
    paint: { 'text-color': '#3b6e8f', ...labelHalo },
  },
  {
    id: 'state-labels',
    type: 'symbol',
    source: NAMES_SOURCE,
    filter: layerIs('state-label'),
    minzoom: 4.5,
    layout: {
      'text-field': nameInLanguage,
      'text-font': [LABEL_FONTS.regular],
      'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 8, 14],
      'text-letter-spacing': 0.15,
      'text-transform': 'uppercase',
      'text-max-width': 8,
    },
    paint: { 'text-color': '#8a8276', ...labelHalo },
  },
  ...[...townRanks].reverse().map(([rank, minzoom, size]): StyleSpecification['layers'][number] => ({
    id: `towns-${rank}`,
    type: 'symbol',
    source: NAMES_SOURCE,
    filter: ['all', layerIs('place'), ['==', ['get', 'rank'], rank]],
    minzoom,
    layout: {
      'text-field': nameInLanguage,
      'text-font': [rank === 1 ? LABEL_FONTS.bold : LABEL_FONTS.regular],
      'text-size': size,
      'text-max-width': 9,
      'symbol-sort-key': ['-', 0, ['get', 'population']],
      'text-padding': 3,
    },
    paint: { 'text-color': '#2f2a24', ...labelHalo },
  })),
  {
    id: 'country-labels',
    type: 'symbol',
    source: NAMES_SOURCE,
    filter: layerIs('country-label'),
    maxzoom: 6,
    layout: {
      'text-field': nameInLanguage,
      'text-font': [LABEL_FONTS.bold],
      'text-size': 15,
      'text-letter-spacing': 0.25,
    },
    paint: { 'text-color': '#6f675c', ...labelHalo },
  },
];

export function offlineStyle(data: Basemap, language: Language): StyleSpecification {
  return {
    version: 8,
    state: languageState(language),
    'font-faces': fontFaces(),
    // Names on a source of their own: a tile's shapes are drawn without waiting for its names'
    // glyphs (drawn on the page's thread, one frame behind another with software WebGL).
    sources: {
      basemap: {
        type: 'geojson',
        data: collection([WORLD_WATER, ...data.collection.features.filter((f) => !isName(f))]),
        attribution: BASEMAP_ATTRIBUTION,
      },
      [NAMES_SOURCE]: { type: 'geojson', data: collection(data.collection.features.filter(isName)) },
    },
    layers: basemapLayers().map(withSharedProgram),
  };
}
