import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { LatLon } from '@shared/reference/contract.js';
import { useConfig } from '../../../app/config.js';
import { MapView } from '../../../components/map-view.js';

const round = (value: number) => Math.round(value * 1e5) / 1e5; // ~1 m is plenty for a report

interface Props {
  value: LatLon | null;
  onPick: (point: LatLon) => void;
}

/** Click the map to place the incident; typed coordinates move the marker too. */
export function LocationPicker({ value, onPick }: Props) {
  const { mapStyleUrl } = useConfig();
  const marker = useRef<Marker | null>(null);
  const map = useRef<MapLibreMap | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const current = useRef(value);
  current.current = value;

  const placeMarker = (point: LatLon | null) => {
    if (!map.current) return;
    if (!point) return void marker.current?.remove();
    marker.current ??= new Marker({ color: '#c92a2a' });
    marker.current.setLngLat([point.lon, point.lat]).addTo(map.current);
  };

  useEffect(() => placeMarker(value), [value]);

  return (
    <MapView
      styleUrl={mapStyleUrl}
      className="picker-map"
      testId="location-picker"
      onReady={(ready) => {
        map.current = ready;
        ready.getCanvas().style.cursor = 'crosshair';
        ready.on('click', (e) => pick.current({ lat: round(e.lngLat.lat), lon: round(e.lngLat.lng) }));
        placeMarker(current.current);
      }}
    />
  );
}
