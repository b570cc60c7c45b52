import { useEffect, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { Layer, Source } from 'react-map-gl/maplibre';
import type { MapOverlay, OverlayLayer } from '@client/lib/feature.js';

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
  const { collections, error, retry } = overlay.useSources();
  const latestRetry = useRef(retry);
  latestRetry.current = retry;
  useEffect(
    () => onFailure(overlay.id, error ? { error, retry: () => latestRetry.current() } : null),
    [overlay.id, error, onFailure],
  );

  return bySource(overlay.layers).map(([source, layers]) => (
    <Source
      key={source}
      id={source}
      type="geojson"
      data={collections?.[source] ?? EMPTY}
      {...overlay.sourceOptions?.[source]}
    >
      {layers.map(({ spec }) => (
        <Layer key={spec.id} {...spec} layout={{ ...spec.layout, visibility: visible ? 'visible' : 'none' }} />
      ))}
    </Source>
  ));
}
