import { Marker } from 'react-map-gl/maplibre';
import type { LatLon } from '@shared/reference/contract.js';
import { MapView } from '@client/components/map-view.js';
import { useConfig } from '@client/lib/config.js';
import { useI18n } from '@client/lib/i18n.js';

/** Close enough to see the town and the line, far enough to see which side of it. */
const PLACE_ZOOM = 8.5;

/** A small map of where the incident happened. */
export function IncidentMap({ location }: { location: LatLon }) {
  const { mapStyleUrl } = useConfig();
  const { t } = useI18n();
  return (
    <figure className="incident-map" aria-label={t('place.map')}>
      <MapView
        styleUrl={mapStyleUrl}
        className="incident-map-view"
        testId="incident-map"
        view={{ longitude: location.lon, latitude: location.lat, zoom: PLACE_ZOOM }}
        scrollZoom={false}
      >
        <Marker longitude={location.lon} latitude={location.lat} color="#c92a2a" />
      </MapView>
    </figure>
  );
}
