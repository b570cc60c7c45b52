import type { MapOverlay } from '@client/lib/feature.js';
import { useQuerySources } from '@client/lib/map/overlay-sources.js';
import { useAreas } from '../api/areas.js';
import { usePorts } from '../api/ports.js';
import { useStations } from '../api/stations.js';
import { AreaPopup } from '../components/area-popup.js';
import { AreaLabel, PortLabel, StationLabel } from '../components/feature-labels.js';
import { PortPopup } from '../components/port-popup.js';
import { StationPopup } from '../components/station-popup.js';
import { areaColours, portColours, stationColours } from './colours.js';
import { areaLayers, portLayers, stationLayers } from './layers.js';
import { useAreaPlaces, usePortPlaces, useStationPlaces } from './places.js';
import { areaSources, portSources, stationSources } from './sources.js';

/**
 * Drawn bottom to top: areas, ports, then stations (smaller dots, so a Grupo Beta unit in a
 * port city shows on the port's ring instead of under it); incidents go on top, mechanisms'
 * areas (the liaison feature) below all.
 */
export const referenceOverlays: readonly MapOverlay[] = [
  {
    id: 'areas',
    order: 10,
    legend: {
      label: 'map.layer.areas',
      swatches: [areaColours.moderate, areaColours.high, areaColours.extreme],
      shape: 'area',
      items: [
        { label: 'map.risk.moderate', colour: areaColours.moderate, shape: 'area' },
        { label: 'map.risk.high', colour: areaColours.high, shape: 'area' },
        { label: 'map.risk.extreme', colour: areaColours.extreme, shape: 'area' },
      ],
    },
    useSources: () => useQuerySources(useAreas(), areaSources),
    layers: areaLayers,
    Popup: AreaPopup,
    FeatureLabel: AreaLabel,
    usePlaces: useAreaPlaces,
  },
  {
    id: 'stations',
    order: 45,
    legend: {
      label: 'map.layer.stations',
      swatches: [stationColours.grupo_beta, stationColours.border_patrol_sector],
      items: [
        { label: 'map.station.grupo_beta', colour: stationColours.grupo_beta },
        { label: 'map.station.border_patrol_sector', colour: stationColours.border_patrol_sector },
      ],
    },
    useSources: () => useQuerySources(useStations(), stationSources),
    layers: stationLayers,
    Popup: StationPopup,
    FeatureLabel: StationLabel,
    usePlaces: useStationPlaces,
  },
  {
    id: 'ports',
    order: 40,
    legend: {
      label: 'map.layer.ports',
      swatches: [portColours.open],
      items: [
        { label: 'map.portStatus.open', colour: portColours.open },
        { label: 'map.portStatus.restricted', colour: portColours.open, shape: 'ring' },
        { label: 'map.portStatus.closed', colour: portColours.open, shape: 'dark-dot' },
      ],
    },
    useSources: () => useQuerySources(usePorts(), portSources),
    layers: portLayers,
    Popup: PortPopup,
    FeatureLabel: PortLabel,
    usePlaces: usePortPlaces,
  },
];
