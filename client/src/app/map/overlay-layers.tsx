import { useEffect, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import type { MapOverlay, OverlayLayer } from '@client/lib/feature.js';
import { BASEMAP_LABEL_LAYERS } from '@client/lib/map/basemap.js';
import { withSharedProgram } from '@client/lib/map/shared-programs.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A failed overlay's error and how to load it again. */
export interface OverlayFailure {
  error: unknown;
  retry: () => void;
}

/** The overlay's layers grouped under their sources, in the order the overlay lists them. */
function bySource(layers: readonly OverlayLayer[]): [string, OverlayLayer[]][] {
  const groups = new Map<string, OverlayLayer[]>();
  for (const layer of layers) groups.set(layer.spec.source, [...(groups.get(layer.spec.source) ?? []), layer]);
  return [...groups];
}

interface Props {
  overlay: MapOverlay;
  visible: boolean;
  onFailure: (overlayId: string, failure: OverlayFailure | null) => void;
}

/**
 * One overlay's sources and layers. Sources exist (empty) before their data arrives, so
 * every overlay's layers are added in drawing order whatever loads first.
 */
export function OverlayLayers({ overlay, visible, onFailure }: Props) {
  const { collections, tiles, error, retry } = overlay.useSources();
  const latestRetry = useRef(retry);
  latestRetry.current = retry;
  useEffect(
    () => onFailure(overlay.id, error ? { error, retry: () => latestRetry.current() } : null),
    [overlay.id, error, onFailure],
  );

  return bySource(overlay.layers).map(([source, layers]) => {
    const children = layers.map(({ spec }) => (
      <Layer
        key={spec.id}
        {...withSharedProgram(spec)}
        layout={{ ...spec.layout, visibility: visible ? 'visible' : 'none' }}
      />
    ));
    const options = overlay.sourceOptions?.[source];
    const url = tiles?.[source];
    // A tiled source waits for its URL: its layers name a source layer an empty GeoJSON source has not.
    if (overlay.tiled?.includes(source))
      return url ? (
        <Source key={source} id={source} type="vector" tiles={[url]} {...options}>
          {children}
        </Source>
      ) : null;
    return (
      <Source key={source} id={source} type="geojson" data={collections?.[source] ?? EMPTY} {...options}>
        {children}
      </Source>
    );
  });
}

/** An overlay's queries, started beside the map while the basemap draws: its data is there when its layers are. */
export function OverlayPrefetch({ overlay }: { overlay: MapOverlay }) {
  overlay.useSources();
  return null;
}

/**
 * Names above every overlay's shapes, the basemap's topmost (MapLibre places names top layer
 * first: a town's name wins where a port's collides), and the overlays that ask to be above
 * names (live incidents) over them all. Rendered after the overlays' layers, which it moves.
 */
export function LabelsAboveShapes({ overlays }: { overlays: readonly MapOverlay[] }) {
  const map = useMap().current?.getMap();
  useEffect(() => {
    if (!map) return;
    const above = overlays.filter((o) => o.aboveLabels).flatMap((o) => o.layers.map(({ spec }) => spec.id));
    const beforeId = above.find((id) => map.getLayer(id));
    const labels = overlays.flatMap((o) => o.layers.filter((l) => l.label).map(({ spec }) => spec.id));
    for (const id of [...labels, ...BASEMAP_LABEL_LAYERS]) if (map.getLayer(id)) map.moveLayer(id, beforeId);
  }, [map, overlays]);
  return null;
}
