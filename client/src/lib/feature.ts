import type { ComponentType } from 'react';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LabelKey } from '@shared/i18n/index.js';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import type { Permission } from '@shared/permissions.js';
import type { TimelineEntryOf, TimelineKind } from '@shared/timeline.js';
import type { I18n } from './i18n.js';
import type { LiveBridge } from './live.js';

/**
 * What a feature contributes to the console. Each feature's `index.ts` exports one; `app/`
 * composes them (router, navigation, shell, map host, live bridges) and knows nothing else
 * about the feature. See docs/architecture-client.md.
 */
export interface FeatureManifest {
  id: string;
  routes?: readonly FeatureRoute[];
  navigation?: readonly NavigationEntry[];
  widgets?: readonly ShellWidget[];
  mapOverlays?: readonly MapOverlay[];
  /** Panels on the incident page (checklists, search and rescue, who to call): the page hosts them. */
  incidentPanels?: readonly IncidentPanel[];
  /** How the incident timeline tells the entry kinds this feature writes (shared/<feature>/timeline.ts). */
  timelineRenderers?: TimelineRenderers;
  /** Live event → query cache: how this feature's cached data follows the event hub. */
  liveBridge?: LiveBridge;
  /** Shown instead of the console while no one is signed in (the auth feature's sign-in page). */
  signedOutPage?: ComponentType;
}

/** A page of the signed-in console. */
export interface FeatureRoute {
  /** React Router path below the root, e.g. `incidents/:id`. */
  path: string;
  /** Who may open it; null means every signed-in user. Required, so no route forgets to say. */
  permission: Permission | null;
  /** Loads the page on first visit, so the sign-in page doesn't pay for MapLibre. */
  page: () => Promise<ComponentType>;
}

/** An entry of the main navigation; `path: null` is a feature still to come, shown disabled. */
export interface NavigationEntry {
  label: LabelKey;
  path: string | null;
  permission: Permission | null;
  /** Position in the bar, smallest first (features leave gaps of 10). */
  order: number;
}

/** A component the shell keeps mounted on every page: in the top bar, or floating over the page below it (toasts). */
export interface ShellWidget {
  id: string;
  slot: 'topbar' | 'overlay';
  Component: ComponentType;
  permission?: Permission;
}

/**
 * A panel on the incident page, below the incident's own sections. The page is a host: it
 * knows this slot, never the features that fill it.
 */
export interface IncidentPanel {
  id: string;
  /** Position on the page, smallest first (features leave gaps of 10). */
  order: number;
  /** Loads the panel with the incident page, as a route loads its page (a panel may draw a map). */
  panel: () => Promise<ComponentType<IncidentPanelProps>>;
}

export interface IncidentPanelProps {
  incident: IncidentDetail;
  /** The zone of the incident's place: times on the page are shown in it. */
  timeZone: string;
}

/** A timeline entry in words: what its author did (the verb after their name), and what it changed, if it says. */
export interface TimelineWords {
  verb: string;
  detail: string | null;
}

/** Per timeline kind, how its entries read (typed by the kind's `data`, shared/timeline.ts). */
export type TimelineRenderers = {
  readonly [K in TimelineKind]?: (entry: TimelineEntryOf<K>, i18n: I18n) => TimelineWords;
};

/**
 * Something drawn on the border map: its GeoJSON sources, its layers (typed data), a
 * legend entry that switches them on and off, and the popup for a clicked feature.
 */
export interface MapOverlay {
  /** Also names the legend entry and the popup's container class. */
  id: string;
  /** Drawing order, bottom first; the legend lists overlays in the same order. */
  order: number;
  /** Drawn above every name on the map (the live incidents): no label hides them. */
  aboveLabels?: boolean;
  legend: MapLegendEntry;
  /** The overlay's data as GeoJSON per source id, from its queries (kept current by its live bridge). */
  useSources: () => OverlaySources;
  layers: readonly OverlayLayer[];
  /** The record behind a clicked feature (`properties.id`), as a React component. */
  Popup?: ComponentType<{ featureId: string }>;
  /** The feature's name in one line, for the list of features in view (the map's keyboard alternative). */
  FeatureLabel?: ComponentType<{ featureId: string; properties: FeatureProperties }>;
  /** Its sources drawn from vector tiles (`OverlaySources.tiles`); the others are GeoJSON. */
  tiled?: readonly string[];
  /** Source options by source id (clustering, `promoteId`, a tiled source's `maxzoom`), given when the source is added. */
  sourceOptions?: Readonly<Record<string, OverlaySourceOptions>>;
  /**
   * Rendered inside the map, after every overlay's layers (react-map-gl's `useMap` works
   * there): the overlay's own map behaviour — incremental live updates, layers it adds on
   * demand, the view kept in the URL.
   */
  MapChild?: ComponentType;
  /** Rendered in the map page's side panel: the overlay's controls (filters, statistics, export). */
  Panel?: ComponentType;
  /** Its features by name, for the map's place search (called as a hook, from its cached queries). */
  usePlaces?: () => readonly MapPlace[];
}

/** A drawn feature's properties, as the map hands them back. */
export type FeatureProperties = Readonly<Record<string, unknown>>;

export interface OverlaySourceOptions {
  cluster?: boolean;
  clusterRadius?: number;
  clusterMaxZoom?: number;
  promoteId?: string;
  /** A tiled source: the deepest zoom its server builds (MapLibre draws deeper from those). */
  maxzoom?: number;
}

/** A legend row: a switch for the overlay, its colours, and optionally what each symbol means. */
export interface MapLegendEntry {
  label: LabelKey;
  swatches: readonly string[];
  /** How the swatches are drawn (a dot by default). */
  shape?: LegendShape;
  /** One line per symbol (port open / restricted / closed), shown under the row. */
  items?: readonly { label: LabelKey; colour: string; shape?: LegendShape }[];
}

/** How a legend swatch is drawn: a filled dot (default), a ring, a filled shape, or a dashed outline. */
export type LegendShape = 'dot' | 'ring' | 'dark-dot' | 'area' | 'outline';

/** A feature a user can find by name on the map; names in both languages are searched. */
export interface MapPlace {
  featureId: string;
  name: { en: string; es: string };
  /** Other names it goes by (the sister city, a GeoNames spelling), searched too. */
  aliases?: readonly string[];
  longitude: number;
  latitude: number;
  /** A shape's extent [west, south, east, north]: the map fits it instead of zooming to the point. */
  bounds?: readonly [number, number, number, number];
}

export interface OverlaySources {
  /** Source id (unique across overlays) → collection; undefined until loaded. */
  collections: Readonly<Record<string, FeatureCollection>> | undefined;
  /**
   * Vector-tile sources: source id → URL template (`…/{z}/{x}/{y}`); undefined until known.
   * A new URL makes MapLibre fetch the tiles in view again, and only those.
   */
  tiles?: Readonly<Record<string, string>>;
  error: unknown;
  retry: () => void;
}

export interface OverlayLayer {
  /** A MapLibre layer on one of the overlay's sources. */
  spec: LayerSpecification & { source: string };
  /** Clicking its features opens the overlay's popup. */
  opensPopup?: boolean;
  /** Names beside the overlay's features: above every overlay's shapes, under the basemap's place names (which win where they collide). */
  label?: boolean;
  /** The overlay answers clicks on its features itself (a cluster zooms in): nothing under them opens. */
  ownsClick?: boolean;
  /**
   * Which feature answers a click where several are under the pointer: the highest rank, and
   * a choice between them where several share it. By default points (circle, symbol) rank
   * 40 and shapes 20 — incidents and ports 40, stations 30, high-risk areas 20, mechanism areas 10.
   */
  clickRank?: number;
}
