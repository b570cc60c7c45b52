import { Marker } from 'react-map-gl/maplibre';
import type { LatLon } from '@shared/reference/contract.js';
import { MapView } from '@client/components/map-view.js';
import { useConfig } from '@client/lib/config.js';

const round = (value: number) => Math.round(value * 1e5) / 1e5; // ~1 m is plenty for a report

interface Props {
  value: LatLon | null;
  onPick: (point: LatLon) => void;
}

/** Click the map to place the incident; typed coordinates move the marker too. */
export function LocationPicker({ value, onPick }: Props) {
  const { mapStyleUrl } = useConfig();
  return (
    <MapView
      styleUrl={mapStyleUrl}
      className="picker-map"
      testId="location-picker"
      cursor="crosshair"
      onClick={(event) => onPick({ lat: round(event.lngLat.lat), lon: round(event.lngLat.lng) })}
    >
      {value && <Marker longitude={value.lon} latitude={value.lat} color="#c92a2a" />}
    </MapView>
  );
}
