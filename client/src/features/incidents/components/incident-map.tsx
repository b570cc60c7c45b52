import { Marker } from 'react-map-gl/maplibre';
import type { Incident } from '@shared/incidents/contract.js';
import { borderTowns } from '@shared/reference/border-towns.js';
import { MapView } from '@client/components/map-view.js';
import { useConfig } from '@client/lib/config.js';
import { useI18n } from '@client/lib/i18n.js';

/** The town, the line and the coast or river bend nearby; a closer view is on the border map. */
const PLACE_ZOOM = 7.5;

/**
 * A small map of where the incident happened, with the town the place line names (the
 * offline basemap has no town names of its own).
 */
export function IncidentMap({ incident }: { incident: Pick<Incident, 'location' | 'place'> }) {
  const { mapStyleUrl } = useConfig();
  const { t } = useI18n();
  const { location, place } = incident;
  const town = borderTowns.find((candidate) => candidate.name === place?.nearest?.town);
  return (
    <figure className="incident-map" aria-label={t('place.map')}>
      <MapView
        styleUrl={mapStyleUrl}
        className="incident-map-view"
        testId="incident-map"
        view={{ longitude: location.lon, latitude: location.lat, zoom: PLACE_ZOOM }}
        scrollZoom={false}
      >
        {town && (
          <Marker longitude={town.lon} latitude={town.lat} anchor="left">
            <span className="town-marker">{town.name}</span>
          </Marker>
        )}
        <Marker longitude={location.lon} latitude={location.lat} color="#c92a2a" />
      </MapView>
    </figure>
  );
}
