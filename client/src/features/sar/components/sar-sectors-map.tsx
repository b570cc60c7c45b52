import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { Layer, Marker, Source, type MapRef } from 'react-map-gl/maplibre';
import { sectorStatuses, type SarSector, type SarTeam } from '@shared/sar/contract.js';
import { centroidOf } from '@shared/polygon.js';
import type { LatLon } from '@shared/reference/contract.js';
import { MapView } from '@client/components/map-view.js';
import { withSharedProgram } from '@client/lib/map/shared-programs.js';
import { Swatch } from '@client/components/swatch.js';
import { useConfig } from '@client/lib/config.js';
import { useI18n } from '@client/lib/i18n.js';
import { sectorColours } from '../map/colours.js';
import { sectorFill, sectorLine } from '../map/layers.js';

const SECTOR_ZOOM = 11;

function boundsOf(sectors: readonly SarSector[], point: LatLon): [number, number, number, number] {
  const positions = sectors.flatMap((s) => s.polygon.coordinates[0] ?? []);
  const lons = [point.lon, ...positions.map((p) => p[0])];
  const lats = [point.lat, ...positions.map((p) => p[1])];
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * The operation's search sectors on a small map of the incident's place: each filled in its
 * status's colour and labelled with its name and status (never colour alone), the incident's
 * point in red, a legend below.
 */
export function SarSectorsMap({
  sectors,
  teams,
  location,
}: {
  sectors: readonly SarSector[];
  teams: readonly SarTeam[];
  location: LatLon;
}) {
  const { t } = useI18n();
  const { mapStyleUrl } = useConfig();
  const data = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: sectors.map((s) => ({
        type: 'Feature',
        id: s.id,
        properties: { id: s.id, status: s.status },
        geometry: s.polygon,
      })),
    }),
    [sectors],
  );
  const fit = (map: MapRef) => {
    if (sectors.length) map.fitBounds(boundsOf(sectors, location), { padding: 32, duration: 0, maxZoom: 13 });
  };
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name;

  return (
    <figure className="sar-map" aria-label={t('sar.map')}>
      <MapView
        styleUrl={mapStyleUrl}
        className="sar-map-view"
        testId="sar-map"
        view={{ longitude: location.lon, latitude: location.lat, zoom: SECTOR_ZOOM }}
        scrollZoom={false}
        onLoad={(event) => fit(event.target as unknown as MapRef)}
      >
        <Source id="sar-sectors" type="geojson" data={data}>
          <Layer {...withSharedProgram(sectorFill)} />
          <Layer {...withSharedProgram(sectorLine)} />
        </Source>
        {sectors.map((sector) => {
          const [lon, lat] = centroidOf(sector.polygon);
          const team = teamName(sector.teamId);
          return (
            <Marker key={sector.id} longitude={lon} latitude={lat}>
              <span
                className={`sector-label sector-${sector.status}`}
                data-testid="sector-label"
                data-status={sector.status}
              >
                {sector.name} · {t(`sectorStatus.${sector.status}`)}
                {team && <span className="muted"> · {team}</span>}
              </span>
            </Marker>
          );
        })}
        <Marker longitude={location.lon} latitude={location.lat} color="#c92a2a" />
      </MapView>
      <figcaption className="sar-legend">
        <span className="muted">{t('sar.legend')}:</span>
        {sectorStatuses.map((status) => (
          <span key={status} className="legend-entry">
            <Swatch colour={sectorColours[status]} />
            {t(`sectorStatus.${status}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
